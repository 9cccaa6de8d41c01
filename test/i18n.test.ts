import { describe, expect, it } from 'vitest';
import {
  BUILTIN_DIAGNOSTICS,
  catalogues,
  dataRules,
  ConfigError,
  render,
  resolveRules,
  type RuleSettings,
  LOCALES,
  lintText,
  msg,
  normalizeLocale,
  resolveLocale,
  rules,
  templateParams,
  translate,
  type MessageKey,
} from '../src/index.js';
import { schemaDescriptionsZhCN, schemaTitlesZhCN } from '../src/core/i18n/schema-descriptions.zh-CN.js';
import { planSchema } from '../src/core/schema/plan-schema.js';
import { cleanPlan } from './cli-helpers.js';

const keysOf = (locale: keyof typeof catalogues): string[] => Object.keys(catalogues[locale]).sort();

describe('message catalogues', () => {
  it('every locale has exactly the keys of the English catalogue', () => {
    const english = keysOf('en');
    expect(english.length).toBeGreaterThan(100);
    for (const locale of LOCALES) {
      const keys = keysOf(locale);
      expect(english.filter((k) => !keys.includes(k)), `keys missing from ${locale}`).toEqual([]);
      expect(keys.filter((k) => !english.includes(k)), `keys only in ${locale}`).toEqual([]);
    }
  });

  it('every message takes the same parameters in every locale', () => {
    const differing: string[] = [];
    for (const key of keysOf('en') as MessageKey[]) {
      const english = templateParams(catalogues.en[key]).sort();
      for (const locale of LOCALES) {
        const other = templateParams(catalogues[locale][key]).sort();
        if (english.join() !== other.join()) differing.push(`${locale} ${key}: {${other.join('}, {')}} vs. en {${english.join('}, {')}}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('no translation is left empty or in English by mistake', () => {
    // The only empty message is the "no location" fragment of schema errors.
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(catalogues[locale])) {
        if (key !== 'schema.where.top') expect(text, `${locale} ${key}`).not.toBe('');
      }
    }
    const untranslated = (keysOf('zh-CN') as MessageKey[]).filter(
      (k) => catalogues['zh-CN'][k] === catalogues.en[k] && /[a-z]{4,}/.test(catalogues.en[k].replace(/\{[A-Za-z]+\}/g, '')),
    );
    expect(untranslated).toEqual([]);
  });

  it('count forms come in pairs', () => {
    const keys = keysOf('en');
    for (const k of keys.filter((x) => x.endsWith('.one'))) expect(keys, k).toContain(k.replace(/\.one$/, '.other'));
    for (const k of keys.filter((x) => x.endsWith('.other'))) expect(keys, k).toContain(k.replace(/\.other$/, '.one'));
  });

  it("every rule's description and hint are in the catalogues, the English description being the rule's own", () => {
    for (const rule of [...rules, ...dataRules]) {
      const id = rule.meta.id;
      expect(rule.meta.hintId, id).toBe(`${id}.hint`);
      expect(translate('en', `${id}.description` as MessageKey), id).toBe(rule.meta.description);
    }
    for (const [id, description] of Object.entries(BUILTIN_DIAGNOSTICS)) {
      expect(translate('en', `${id}.description` as MessageKey), id).toBe(description);
    }
  });
});

describe('schema descriptions', () => {
  it('every field description of the plan schema has a Chinese translation, and no translation is stale', () => {
    const found: string[] = [];
    const walk = (node: unknown, key = ''): void => {
      // The `examples` keyword holds plan text, not descriptions of fields (a field may be called examples too).
      if (!node || typeof node !== 'object' || (key === 'examples' && Array.isArray(node))) return;
      if (typeof (node as { description?: unknown }).description === 'string') found.push((node as { description: string }).description);
      for (const [k, v] of Object.entries(node)) walk(v, k);
    };
    walk(planSchema);
    expect(found.length).toBeGreaterThan(40);
    expect(found.filter((d) => !(d in schemaDescriptionsZhCN))).toEqual([]);
    expect(Object.keys(schemaDescriptionsZhCN).filter((d) => !found.includes(d))).toEqual([]);
  });

  it('every field title of the plan schema has a Chinese translation, and no translation is stale', () => {
    const found = new Set<string>();
    const walk = (node: unknown, key = ''): void => {
      if (!node || typeof node !== 'object' || (key === 'examples' && Array.isArray(node))) return;
      if (typeof (node as { title?: unknown }).title === 'string') found.add((node as { title: string }).title);
      for (const [k, v] of Object.entries(node)) walk(v, k);
    };
    walk(planSchema);
    expect(found.size).toBeGreaterThan(40);
    expect([...found].filter((t) => !(t in schemaTitlesZhCN))).toEqual([]);
    expect(Object.keys(schemaTitlesZhCN).filter((t) => !found.has(t))).toEqual([]);
  });

  it('schema-error hints quote the field description in the locale', () => {
    const text = `version: 1\nname: x\nbase_model: m\nmethod: lora\nproblem: p\ngoals:\n  - metric: m\n`;
    expect(lintText(text, { locale: 'zh-CN' }).messages.find((m) => m.ruleId === 'schema')).toMatchObject({
      line: 7,
      column: 5,
      message: 'goals[0] 缺少必填键「behavior」',
      hint: '添加「behavior」。要改变的可观察行为。例如："Replies follow the tone guide: greeting, empathy line, at most 120 words."。',
    });
  });
});

describe('translate', () => {
  it('fills named parameters, renders nested messages in the same locale, and does not expand values', () => {
    expect(translate('en', 'statement.goal', { goal: 2 })).toBe('goal 2');
    expect(translate('zh-CN', 'statement.goal', { goal: 2 })).toBe('第 2 个目标');
    const evidence = msg('detection.because', { phrases: [msg('detection.phrase', { text: '记住' }), msg('detection.phrase', { text: '{text}' })] });
    expect(translate('zh-CN', 'knowledge-injection.found', { where: msg('statement.goal', { goal: 1 }), text: '记住{where}', evidence })).toBe(
      '第 1 个目标要求模型掌握知识（「记住{where}」），依据「记住」、「{text}」：微调改变的是行为，不能存储知识',
    );
  });

  it('leaves a parameter that was not given visible', () => {
    expect(translate('en', 'duplicate-key.found')).toBe('duplicate key "{key}": only one of its values can be meant');
  });
});

describe('configuration errors', () => {
  it('carry their message as a catalogue entry: English as the error message, Chinese when rendered', () => {
    const caught = (settings: RuleSettings): ConfigError => {
      try {
        resolveRules(rules, settings);
      } catch (err) {
        return err as ConfigError;
      }
      throw new Error('no ConfigError');
    };
    const unknown = caught({ 'no-eval-st': 'error' });
    expect(unknown).toBeInstanceOf(ConfigError);
    expect(unknown.message).toBe('unknown rule "no-eval-st" — did you mean "no-eval-set"?');
    expect(render('zh-CN', unknown.ref!)).toBe('未知规则「no-eval-st」——是不是想写「no-eval-set」？');
    const severity = caught({ 'no-eval-set': 'loud' as never });
    expect(severity.message).toBe('rule "no-eval-set": severity must be off, warn or error (or 0, 1, 2); got "loud"');
    expect(render('zh-CN', severity.ref!)).toBe('规则「no-eval-set」：级别必须是 off、warn 或 error（或 0、1、2）；实际是 "loud"');
    expect(render('zh-CN', caught({ 'no-eval-set': ['error', { x: 1 }] }).ref!)).toBe('规则「no-eval-set」没有选项');
    const option = caught({ 'conflicting-goals': ['warn', { maxGoal: 2, extra: 1 }] });
    expect(option.message).toBe(
      'rule "conflicting-goals": invalid options: unknown option "maxGoal" — did you mean "maxGoals"? (options: maxGoals); unknown option "extra" (options: maxGoals)',
    );
    expect(render('zh-CN', option.ref!)).toBe(
      '规则「conflicting-goals」：选项无效：未知选项「maxGoal」——是不是想写「maxGoals」？（可用选项：maxGoals）；未知选项「extra」（可用选项：maxGoals）',
    );
    expect(new ConfigError('literal text').ref).toBeUndefined();
  });
});

describe('locale resolution', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh_CN.GB18030', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['ZH_sg', 'zh-CN'],
    ['en', 'en'],
    ['en_US.UTF-8', 'en'],
    ['en_GB@euro', 'en'],
    ['C', 'en'],
    ['C.UTF-8', 'en'],
    ['POSIX', 'en'],
    ['fr_FR.UTF-8', undefined],
    ['', undefined],
  ])('%s → %s', (name, locale) => {
    expect(normalizeLocale(name)).toBe(locale);
  });

  it('the flag wins over the environment, and an unsupported flag is not guessed at', () => {
    expect(resolveLocale('en', { FINETUNE_LINT_LOCALE: 'zh-CN', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLocale('zh', {})).toBe('zh-CN');
    expect(resolveLocale('klingon', { LANG: 'zh_CN.UTF-8' })).toBeUndefined();
  });

  it('FINETUNE_LINT_LOCALE, then LC_ALL, LC_MESSAGES and LANG, then English', () => {
    expect(resolveLocale(undefined, { FINETUNE_LINT_LOCALE: 'zh-CN', LC_ALL: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale(undefined, { FINETUNE_LINT_LOCALE: 'en', LANG: 'zh_CN.UTF-8' })).toBe('en');
    // An unsupported FINETUNE_LINT_LOCALE falls back to the system locale.
    expect(resolveLocale(undefined, { FINETUNE_LINT_LOCALE: 'fr', LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale(undefined, { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale(undefined, { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLocale(undefined, { LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale(undefined, { LANG: 'zh_TW.UTF-8' })).toBe('zh-CN');
    // The system locale decides even when finetune-lint has no catalogue for it.
    expect(resolveLocale(undefined, { LC_ALL: 'de_DE.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLocale(undefined, {})).toBe('en');
  });
});

describe('lintText in Chinese', () => {
  it('words rule findings, hints, schema errors and the verdict reasons in Chinese at the same positions', () => {
    const text = cleanPlan
      .replace('  eval:\n    path: data/eval.jsonl\n', '  eval:\n    path: ./data/train.jsonl\n')
      .replace('method: lora', 'method: QLoRA')
      .replace('domain: internal writing assistant', 'domain: 医疗问诊\nevalution: {}');
    const en = lintText(text, { filePath: '/plans/a.yaml' });
    const zh = lintText(text, { filePath: '/plans/a.yaml', locale: 'zh-CN' });
    const show = (r: typeof en): string[] => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} → ${m.hint}`);
    expect(show(en)).toEqual([
      '4:9 schema: "method" must be one of sft, lora, qlora, full, dpo, orpo, kto, simpo, ppo, grpo, rm, cpt, kd, other; got "QLoRA" — did you mean "qlora"? → Write method: qlora.',
      '10:9 high-risk-no-fallback: high-risk plan with no fallback: the domain "医疗问诊" is medical, and risk.fallback is missing → List the controls that stay in place under risk.fallback: rules for the critical cases, a tiered process, human review or escalation, retrieval with an explicit refusal policy.',
      '11:1 schema: unknown key "evalution" — did you mean "evaluation"? → Rename "evalution" to "evaluation"; prefix a key with "x-" to keep your team\'s own field.',
      '21:11 no-eval-set: data.eval.path "./data/train.jsonl" is the training file (data.train.path "data/train.jsonl"): the model would be graded on examples it trained on → Point data.eval.path at a separate file of examples that never appear in training.',
    ]);
    expect(show(zh)).toEqual([
      '4:9 schema: "method" 必须是 sft, lora, qlora, full, dpo, orpo, kto, simpo, ppo, grpo, rm, cpt, kd, other 之一；实际是 "QLoRA"——是不是想写「qlora」？ → 写成 method: qlora。',
      '10:9 high-risk-no-fallback: 高风险计划没有兜底措施：domain「医疗问诊」属于医疗场景，而缺少 risk.fallback → 在 risk.fallback 下列出始终有效的控制措施：关键场景的规则、分级流程、人工审核或升级处理、带明确拒答策略的检索。',
      '11:1 schema: 未知键「evalution」——是不是想写「evaluation」？ → 把「evalution」改名为「evaluation」；要保留团队自己的字段，请给键加上 "x-" 前缀。',
      '21:11 no-eval-set: data.eval.path「./data/train.jsonl」就是训练文件（data.train.path「data/train.jsonl」）：模型会在训练过的样本上打分 → 让 data.eval.path 指向一个单独的文件，其中的样本从不出现在训练数据里。',
    ]);
    expect(zh.verdictReasons[0]).toBe('schema: "method" 必须是 sft, lora, qlora, full, dpo, orpo, kto, simpo, ppo, grpo, rm, cpt, kd, other 之一；实际是 "QLoRA"——是不是想写「qlora」？');
    expect(zh.verdict).toBe(en.verdict);
  });

  it('explains YAML syntax errors in Chinese, keeping the parser\'s own words', () => {
    const text = 'version: 1\nname: x\ngoals:\n\t- behavior: y\n';
    const [en] = lintText(text).messages;
    const [zh] = lintText(text, { locale: 'zh-CN' }).messages;
    expect(en).toMatchObject({ ruleId: 'syntax-error', line: 4, column: 1, message: 'YAML syntax error: Tabs are not allowed as indentation' });
    expect(zh).toMatchObject({
      ruleId: 'syntax-error',
      line: 4,
      column: 1,
      message: 'YAML 语法错误：缩进不能使用 Tab（Tabs are not allowed as indentation）',
      hint: '修正此处的 YAML 语法；在文件能够解析之前，其他内容都不会检查。',
    });
  });

  it('a rule that fails is reported in the locale, its own error text as it is', () => {
    const broken = {
      meta: { id: 'broken', severity: 'error' as const, description: 'x', verdict: 'fix-first' as const, defaultOptions: {} },
      check() {
        throw new Error('boom');
      },
    };
    const [m] = lintText(cleanPlan, { locale: 'zh-CN', activeRules: [{ rule: broken, severity: 'error', options: {} }] }).messages;
    expect(m).toMatchObject({
      ruleId: 'internal-error',
      message: '规则「broken」在检查此文件时出错：boom',
      hint: '这是 finetune-lint 的缺陷，不是你的计划的问题；请附上计划报告给我们。',
    });
  });

  it('keeps literal messages of rules without catalogue entries as they are, in every locale', () => {
    const plugin = {
      meta: { id: 'team-owner', severity: 'warning' as const, description: 'x', hint: 'Name the owner.', verdict: 'fix-first' as const, defaultOptions: {} },
      check({ plan, report }: Parameters<(typeof rules)[number]['check']>[0]) {
        report({ node: plan.anchor(['owner']), message: 'no owner' });
        report({ node: plan.anchor(['owner']), message: 'no owner again', hint: 'Really.' });
      },
    };
    const zh = lintText(cleanPlan, { locale: 'zh-CN', activeRules: [{ rule: plugin, severity: 'warning', options: {} }] });
    expect(zh.messages.map((m) => [m.message, m.hint])).toEqual([
      ['no owner', 'Name the owner.'],
      ['no owner again', 'Really.'],
    ]);
  });
});
