import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { explainRule } from '../src/cli/commands.js';
import { STARTER_PLAN_ZH_CN } from '../src/core/init-template.js';
import { dataRules, formatters, lintText, ruleDescription, rules, type LintResult } from '../src/index.js';
import { cleanPlan, repoRoot, runCli, tempTree } from './cli-helpers.js';

/** A Chinese plan with findings of several rules, two goals pulling against each other. */
const zhPlan = `version: 1
name: 理财产品问答话术
base_model: Qwen/Qwen2.5-7B-Instruct
method: lora
problem: 手机端用户反映回答太长看不完，合规同事又要求把产品风险讲清楚讲全。
domain: 银行理财客服
goals:
  - behavior: 回答更简洁，控制在 80 字以内。
    metric: 80字以内比例
    target: ">= 0.9"
  - behavior: 回答更加详细，把每只产品的风险等级、费率和赎回规则都逐条展开说明。
baselines:
  prompt:
    description: 系统提示词加五个示例。
data:
  train:
    path: data/train.jsonl
`;

const ctx = { cwd: '/repo', color: false };
const lint = (locale: 'en' | 'zh-CN'): LintResult => lintText(zhPlan, { filePath: '/repo/plans/wealth.yaml', locale });

describe('stylish in Chinese', () => {
  it('prints Chinese messages, labels and summary, with columns aligned by display width', () => {
    const out = formatters.stylish!([lint('zh-CN')], { ...ctx, locale: 'zh-CN' });
    expect(out).toMatchInlineSnapshot(`
      "
      plans/wealth.yaml
          1:1  警告  没有回归评测集：缺少 evaluation.regression，没有任何检查能发现哪些已有能力变差了                                                                                   no-regression-eval
                     ↳ 添加 evaluation.regression：当前模型已经处理得好、且不能变差的案例（通用任务、拒答、相邻技能）。
          6:9  错误  高风险计划没有兜底措施：domain「银行理财客服」属于金融场景，而缺少 risk.fallback                                                                                   high-risk-no-fallback
                     ↳ 在 risk.fallback 下列出始终有效的控制措施：关键场景的规则、分级流程、人工审核或升级处理、带明确拒答策略的检索。
          7:1  警告  一次训练有 2 个目标（最多 1 个）：同时针对多种行为的微调只会学到它们模糊的平均                                                                                     conflicting-goals
                     ↳ 一次训练只改一种行为：把其他目标拆成各自的计划，也不要把相反的方向（更简短 vs. 更详细）放在一起训练。
         11:5  警告  第 2 个目标（「回答更加详细，把每只产品的风险等级、费率和赎回规则都逐条展开说明。」）没有 metric 也没有 target：既没说明行为如何测量，也没说明达到多少才算好       vague-goal
                     ↳ 添加 metric（在评测集上如何测量这种行为）和 target（算作成功的数值）。
        11:15  警告  目标 2（「回答更加详细，把每只产品的风险等级、费率和赎回规则都逐条展开说明。」）与目标 1（「回答更简洁，控制在 80 字以内。」）在长度上方向相反：更详细 vs. 更简短  conflicting-goals
                     ↳ 确定这次训练要哪个方向，把另一个目标移到单独的计划中。
         13:3  错误  baselines.prompt 没有 results：没人测过的基线不算基线                                                                                                              no-prompt-baseline
                     ↳ 在评测集上运行这个提示词，把得分记录在 baselines.prompt.results 下（指标: 数值）。
         15:1  错误  没有评测集：缺少 data.eval，没有留出的数据能说明行为是否改变                                                                                                       no-eval-set
                     ↳ 添加 data.eval，写明从训练数据中留出的样本的路径（或说明），例如 200 条模型从未训练过的真实案例。
        结论：（暂时）不要微调 — conflicting-goals

      ✖ 7 个问题（3 个错误，4 个警告）
      1 个计划：0 个可以开始，0 个需先修改计划，1 个（暂时）不要微调
      "
    `);
    // Each rule id starts at the same terminal column, whatever mix of Chinese and ASCII precedes it.
    const rows = out.split('\n').filter((l) => /^\s+\d+:\d+\s/.test(l));
    expect(rows.length).toBe(lint('zh-CN').messages.length);
    const ruleColumns = rows.map((row) => {
      const id = lint('zh-CN').messages.find((m) => row.endsWith(`  ${m.ruleId}`))!.ruleId;
      return stringWidth(row.slice(0, row.length - id.length));
    });
    expect(new Set(ruleColumns).size).toBe(1);
  });

  it('in colour, ANSI codes take no columns', () => {
    const plain = formatters.stylish!([lint('zh-CN')], { ...ctx, locale: 'zh-CN' });
    // eslint-disable-next-line no-control-regex
    const coloured = formatters.stylish!([lint('zh-CN')], { ...ctx, color: true, locale: 'zh-CN' }).replace(/\u001b\[[0-9;]*m/g, '');
    expect(coloured).toBe(plain);
  });

  it('a clean run and several plans are summed up in Chinese', () => {
    const clean = lintText(cleanPlan, { locale: 'zh-CN' });
    expect(formatters.stylish!([clean], { ...ctx, locale: 'zh-CN' })).toBe('✔ 已检查 1 个计划，没有问题：可以开始\n');
    expect(formatters.stylish!([clean, clean], { ...ctx, locale: 'zh-CN' })).toBe('✔ 已检查 2 个计划，没有问题：全部可以开始\n');
    const out = formatters.stylish!([clean, lint('zh-CN')], { ...ctx, locale: 'zh-CN' });
    expect(out.split('\n').slice(-3)).toEqual(['✖ 7 个问题（3 个错误，4 个警告）', '2 个计划：1 个可以开始，0 个需先修改计划，1 个（暂时）不要微调', '']);
  });

  it('in English, the same plan keeps its English layout', () => {
    const out = formatters.stylish!([lint('en')], ctx);
    expect(out.split('\n').slice(-3)).toEqual(['✖ 7 problems (3 errors, 4 warnings)', '1 plan: 0 ready, 0 fix the plan first, 1 do not fine-tune (yet)', '']);
  });
});

describe('--locale on the command line', () => {
  const dir = tempTree({ 'plans/wealth.yaml': zhPlan });
  type JsonResult = Array<{ filePath: string; messages: Array<Record<string, unknown>>; errorCount: number; warningCount: number; verdict: string; verdictReasons: string[] }>;

  it('JSON keeps field names, rule ids, positions, severities, verdict and exit code; messages are Chinese', () => {
    const en = runCli(['-f', 'json', 'plans'], { cwd: dir });
    const zh = runCli(['-f', 'json', '--locale', 'zh-CN', 'plans'], { cwd: dir });
    expect(zh.status).toBe(1);
    expect(en.status).toBe(1);
    const [a] = JSON.parse(en.stdout) as JsonResult;
    const [b] = JSON.parse(zh.stdout) as JsonResult;
    const strip = (r: typeof a): unknown => ({ ...r, messages: r!.messages.map(({ message: _m, hint: _h, ...rest }) => rest), verdictReasons: r!.verdictReasons.map((x) => x.split(':')[0]) });
    expect(strip(b)).toEqual(strip(a));
    expect(Object.keys(b!)).toEqual(Object.keys(a!));
    expect(b!.verdict).toBe('do-not-fine-tune');
    expect(b!.messages.find((m) => m.ruleId === 'conflicting-goals' && m.line === 11)).toMatchObject({
      message: '目标 2（「回答更加详细，把每只产品的风险等级、费率和赎回规则都逐条展开说明。」）与目标 1（「回答更简洁，控制在 80 字以内。」）在长度上方向相反：更详细 vs. 更简短',
      hint: '确定这次训练要哪个方向，把另一个目标移到单独的计划中。',
      severity: 1,
    });
  });

  it('SARIF carries the Chinese text; ids and locations do not change', () => {
    const en = JSON.parse(runCli(['-f', 'sarif', 'plans'], { cwd: dir }).stdout);
    const zh = JSON.parse(runCli(['-f', 'sarif', '--locale=zh-CN', 'plans'], { cwd: dir }).stdout);
    const [runEn, runZh] = [en.runs[0], zh.runs[0]];
    const where = (run: typeof runEn): unknown =>
      run.results.map((r: { ruleId: string; level: string; locations: unknown }) => [r.ruleId, r.level, r.locations]);
    expect(where(runZh)).toEqual(where(runEn));
    expect(runZh.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(runEn.tool.driver.rules.map((r: { id: string }) => r.id));
    const noEval = runZh.results.find((r: { ruleId: string }) => r.ruleId === 'no-eval-set');
    expect(noEval.message.text).toBe(
      '没有评测集：缺少 data.eval，没有留出的数据能说明行为是否改变\n添加 data.eval，写明从训练数据中留出的样本的路径（或说明），例如 200 条模型从未训练过的真实案例。',
    );
    expect(runZh.tool.driver.rules.find((r: { id: string }) => r.id === 'no-eval-set').shortDescription.text).toBe('计划没有留出的评测集，或者评测集就是训练文件。');
    expect(runZh.properties.verdicts[0].verdict).toBe('do-not-fine-tune');
  });

  it('the environment chooses the locale when no flag is given: FINETUNE_LINT_LOCALE, then LC_ALL / LC_MESSAGES / LANG', () => {
    const first = (env: Record<string, string>, args: string[] = []): string =>
      (JSON.parse(runCli(['-f', 'json', ...args, 'plans'], { cwd: dir, env }).stdout) as JsonResult)[0]!.messages.find((m) => m.ruleId === 'no-eval-set')!
        .message as string;
    const chinese = '没有评测集：缺少 data.eval，没有留出的数据能说明行为是否改变';
    const english = 'no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed';
    expect(first({ FINETUNE_LINT_LOCALE: 'zh-CN' })).toBe(chinese);
    expect(first({ LANG: 'zh_CN.UTF-8' })).toBe(chinese);
    expect(first({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe(chinese);
    expect(first({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe(english);
    expect(first({ FINETUNE_LINT_LOCALE: 'en', LANG: 'zh_CN.UTF-8' })).toBe(english);
    expect(first({ LANG: 'fr_FR.UTF-8' })).toBe(english);
    expect(first({ LANG: 'zh_CN.UTF-8' }, ['--locale', 'en'])).toBe(english);
  });

  it('an unknown or missing --locale is a failed run (exit 2), reported in the environment locale', () => {
    const bad = runCli(['--locale', 'fr', 'plans'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('finetune-lint: unknown locale "fr"; choose from en, zh-CN.\n');
    expect(bad.stdout).toBe('');
    const zh = runCli(['plans', '--locale'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe('finetune-lint：--locale 需要一个值：en, zh-CN。\n');
  });

  it("the CLI's own errors and help are in Chinese", () => {
    const none = runCli(['--locale', 'zh-CN']);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('finetune-lint：缺少参数 patterns（或 --stdin）；参见 --help。\n');
    const unmatched = runCli(['--locale', 'zh-CN', 'nothing-here/*.yaml'], { cwd: dir });
    expect(unmatched.status).toBe(2);
    expect(unmatched.stderr).toBe('finetune-lint：没有文件匹配模式「nothing-here/*.yaml」。\n');
    const format = runCli(['--locale', 'zh-CN', '-f', 'xml', 'plans'], { cwd: dir });
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('未知格式「xml」；可选：stylish, json, sarif, github, junit, compact, markdown。');
    const help = runCli(['--help', '--locale', 'zh-CN']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--locale <en|zh-CN>');
    expect(help.stdout).toMatch(/^用法： finetune-lint \[options\] \[patterns\.\.\.\]\n/);
    expect(help.stdout).toContain('\n选项：\n');
    expect(help.stdout).toContain('警告数超过此值时以 1 退出（-1：不限）（默认：-1）');
    const english = runCli(['--help']).stdout;
    expect(english).toMatch(/^Usage: finetune-lint \[options\] \[patterns\.\.\.\]\n/);
    expect(english).toMatch(/exit with 1 when there are more warnings than\s+this \(-1: no limit\) \(default: -1\)/);
    expect(help.stdout).toContain('检查从标准输入读入的计划文本');
    expect(help.stdout).toContain('退出码：0 没有错误，1 发现错误（或超过 --max-warnings），2 运行本身失败。');
    const warnings = runCli(['--locale', 'zh-CN', '--max-warnings', '0', 'plan.yaml'], {
      cwd: tempTree({ 'plan.yaml': cleanPlan.replace(/evaluation:\n[\s\S]*$/, '') }),
    });
    expect(warnings.status).toBe(1);
    expect(warnings.stderr).toBe('finetune-lint 发现的警告过多（上限：0）。\n');
  });

  it("commander's option errors are reworded in Chinese and kept as commander words them in English", () => {
    const zh = runCli(['--locale', 'zh-CN', '--frmat', 'json', 'plans'], { cwd: dir });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe('错误：未知选项「--frmat」\n（是不是想写 --format？）\n');
    expect(runCli(['--frmat', 'json', 'plans'], { cwd: dir }).stderr).toBe("error: unknown option '--frmat'\n(Did you mean --format?)\n");
    expect(runCli(['plans', '-f'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } }).stderr).toBe('错误：选项「-f, --format <name[:path]>」缺少值\n');
    expect(runCli(['--locale', 'zh-CN', '--max-warnings', 'x', 'plans'], { cwd: dir }).stderr).toBe(
      '错误：选项「--max-warnings <n>」的值「x」无效。必须是整数（-1 表示不限）。\n',
    );
    expect(runCli(['--max-warnings', 'x', 'plans'], { cwd: dir }).stderr).toBe(
      "error: option '--max-warnings <n>' argument 'x' is invalid. must be a whole number (-1 for no limit).\n",
    );
  });

  it('read errors, and the words github output adds, are in Chinese too', () => {
    const big = runCli(['-f', 'compact', '--locale', 'zh-CN', '--max-file-size', '100', 'plans'], { cwd: dir });
    expect(big.status).toBe(1);
    expect(big.stdout).toMatch(/^plans\/wealth\.yaml:1:1: error 文件大小为 \d+ 字节，超过上限 100 字节（--max-file-size），未读取 \[read-error\]\n$/);
    const gh = runCli(['-f', 'github', '--locale', 'zh-CN', 'plans'], { cwd: dir });
    expect(gh.stdout.trimEnd().split('\n').at(-1)).toBe(
      '::notice file=plans/wealth.yaml,title=finetune-lint 结论::（暂时）不要微调 — conflicting-goals',
    );
  });

  it('--stdin lints in the chosen locale', () => {
    // No input: an empty file.
    const r = runCli(['--stdin', '--locale', 'zh-CN', '-f', 'compact'], { cwd: dir });
    expect(r.stdout).toBe('<text>:1:1: error 文件为空 [invalid-document]\n');
  });
});

describe('configuration, plugin and data-check messages in Chinese', () => {
  /** A temporary repository: the search for configuration stops at its `.git`. */
  const repo = (files: Record<string, string>): string => {
    const dir = tempTree(files);
    mkdirSync(path.join(dir, '.git'));
    return dir;
  };

  it('a mistake in a configuration file keeps its file:line:column and key path, worded in Chinese (exit 2)', () => {
    const dir = repo({ 'finetune-lint.config.yaml': 'rules:\n  vague-gaol: warn\n', 'plans/a.yaml': cleanPlan });
    const r = runCli(['plans', '--locale', 'zh-CN'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `finetune-lint：${path.join(dir, 'finetune-lint.config.yaml')}:2:3: rules.vague-gaol：未知规则「vague-gaol」——是不是想写「vague-goal」？\`finetune-lint rules\` 会列出所有规则\n`,
    );
    const type = repo({ 'finetune-lint.config.yaml': 'ignores: drafts\n', 'plans/a.yaml': cleanPlan });
    expect(runCli(['plans', '--locale', 'zh-CN'], { cwd: type }).stderr).toBe(
      `finetune-lint：${path.join(type, 'finetune-lint.config.yaml')}:1:10: ignores：必须是列表；实际是 "drafts"\n`,
    );
    const syntax = repo({ 'finetune-lint.config.yaml': 'rules:\n  vague-goal: [warn\n', 'plans/a.yaml': cleanPlan });
    expect(runCli(['plans', '--locale', 'zh-CN'], { cwd: syntax }).stderr).toMatch(
      new RegExp(`^finetune-lint：${path.join(syntax, 'finetune-lint.config.yaml').replace(/[.\\]/g, '\\$&')}:3:1: YAML 语法错误：Flow sequence`),
    );
    const missing = runCli(['plans', '--locale', 'zh-CN', '--config', 'nope.yaml'], { cwd: dir });
    expect(missing.stderr).toBe(`finetune-lint：${path.join(dir, 'nope.yaml')}: 无法读取配置文件：文件不存在\n`);
  });

  it('a plugin that cannot be used is reported in Chinese, naming its file (exit 2)', () => {
    const dir = repo({ 'finetune-lint.config.yaml': 'plugins: ["./lint/missing.mjs"]\n', 'plans/a.yaml': cleanPlan });
    const r = runCli(['plans', '--locale', 'zh-CN'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `finetune-lint：插件 ${path.join(dir, 'lint', 'missing.mjs')}（在 ${path.join(dir, 'finetune-lint.config.yaml')} 中列出）：文件不存在\n`,
    );
    const noCheck = repo({
      'finetune-lint.config.yaml': 'plugins: ["./lint/rules.mjs"]\n',
      'lint/rules.mjs': "export const rules = [{ meta: { id: 'x-y', severity: 'error', description: 'd', hint: 'h' } }];\n",
      'plans/a.yaml': cleanPlan,
    });
    expect(runCli(['plans', '--locale', 'zh-CN'], { cwd: noCheck }).stderr).toBe(
      `finetune-lint：插件 ${path.join(noCheck, 'lint', 'rules.mjs')}（在 ${path.join(noCheck, 'finetune-lint.config.yaml')} 中列出）：rules[0] ("x-y") 没有 check 函数\n`,
    );
  });

  it('--rule, --report-unused-disable-directives and --data-checks mistakes are in Chinese', () => {
    const dir = repo({ 'plans/a.yaml': cleanPlan });
    const zh = (args: string[]): string => runCli([...args, 'plans', '--locale', 'zh-CN'], { cwd: dir }).stderr;
    expect(zh(['--rule', 'vague-gol:off'])).toBe('finetune-lint：--rule：未知规则「vague-gol」——是不是想写「vague-goal」？\n');
    expect(zh(['--rule', 'vague-goal:fatal'])).toBe('finetune-lint：--rule：规则「vague-goal」：级别必须是 off、warn 或 error（或 0、1、2）；实际是 "fatal"\n');
    expect(zh(['--rule', 'vague-goal'])).toBe('错误：选项「--rule <id:severity>」的值「vague-goal」无效。请写成 <规则 id>:<off|warn|error>。\n');
    expect(zh(['--rule', 'vague-goal:[warn'])).toBe(
      '错误：选项「--rule <id:severity>」的值「vague-goal:[warn」无效。「[warn」不是有效的 JSON；例如写成 \'vague-goal:["warn", {}]\'。\n',
    );
    expect(zh(['--report-unused-disable-directives', 'loud'])).toBe(
      '错误：选项「--report-unused-disable-directives <level>」的值「loud」无效。必须是 off、warn 或 error。\n',
    );
    expect(zh(['--data-checks', 'maybe'])).toBe('错误：选项「--data-checks <mode>」的值「maybe」无效。可选值：on, off。\n');
    expect(runCli(['plans', '--rule', 'vague-goal'], { cwd: dir }).stderr).toBe(
      "error: option '--rule <id:severity>' argument 'vague-goal' is invalid. write it as <rule-id>:<off|warn|error>.\n",
    );
  });

  it('data checks report in Chinese through the CLI', () => {
    const dir = repo({ 'plans/finetune-plan.yaml': cleanPlan });
    const r = runCli(['plans', '--locale', 'zh-CN', '-f', 'compact'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.includes('data-file-missing'))).toEqual([
      `plans/finetune-plan.yaml:18:11: warning data.train.path「data/train.jsonl」不存在（查找位置：${path.join(dir, 'plans/data/train.jsonl')}） [data-file-missing]`,
      `plans/finetune-plan.yaml:20:11: warning data.eval.path「data/eval.jsonl」不存在（查找位置：${path.join(dir, 'plans/data/eval.jsonl')}） [data-file-missing]`,
    ]);
  });
});

describe('finetune-lint rules / explain / init in Chinese', () => {
  it('rules: Chinese headings, verdicts and descriptions, aligned by display width; ids and severities unchanged', () => {
    const r = runCli(['rules', '--locale', 'zh-CN']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^规则 +默认级别 +结论 +报告什么$/);
    const all = [...rules, ...dataRules];
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 2))).toEqual(all.map((x) => [x.meta.id, x.meta.severity]));
    expect(lines.find((l) => l.startsWith('knowledge-injection'))).toMatch(/^knowledge-injection +error +（暂时）不要微调 +计划想让模型知道或记住事实、文档或知识库。$/);
    // The description column starts at the same display column on every line.
    const descriptions = ['报告什么', ...all.map((x) => ruleDescription(x.meta, 'zh-CN'))];
    const starts = lines.map((l, i) => stringWidth(l.slice(0, l.indexOf(descriptions[i]!))));
    expect(new Set(starts).size).toBe(1);
  });

  it('explain: the Chinese document when there is one, else the English one', () => {
    const docs = tempTree({ 'no-eval-set.md': '# no-eval-set\n\nEnglish\n', 'no-eval-set.zh-CN.md': '# no-eval-set\n\n中文\n', 'vague-goal.md': '# vague-goal\n\nEnglish only\n' });
    expect(explainRule('no-eval-set', docs, 'zh-CN')).toEqual({ stdout: '# no-eval-set\n\n中文\n', code: 0 });
    expect(explainRule('no-eval-set', docs, 'en')).toEqual({ stdout: '# no-eval-set\n\nEnglish\n', code: 0 });
    expect(explainRule('vague-goal', docs, 'zh-CN')).toEqual({ stdout: '# vague-goal\n\nEnglish only\n', code: 0 });
    expect(explainRule('no-regression-eval', docs, 'zh-CN')).toEqual({
      stderr: `finetune-lint：缺少「no-regression-eval」的文档（${path.join(docs, 'no-regression-eval.md')}）。\n`,
      code: 2,
    });
    expect(explainRule('no-eval-st', docs, 'zh-CN')).toEqual({
      stderr: 'finetune-lint：未知规则「no-eval-st」（是不是想写「no-eval-set」？）；`finetune-lint rules` 会列出所有规则。\n',
      code: 2,
    });
  });

  it('explain --locale zh-CN through the CLI prints the document of the locale, or the English one', () => {
    const r = runCli(['explain', 'no-eval-set', '--locale', 'zh-CN']);
    expect(r.status).toBe(0);
    const zhDoc = path.join(repoRoot, 'rules', 'no-eval-set.zh-CN.md');
    expect(r.stdout).toBe(readFileSync(existsSync(zhDoc) ? zhDoc : path.join(repoRoot, 'rules', 'no-eval-set.md'), 'utf8'));
  });

  it('init --locale zh-CN writes the Chinese starter plan, which lints clean once filled in', () => {
    const dir = tempTree({});
    const r = runCli(['init', '--locale', 'zh-CN', 'plans/tone/finetune-plan.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('已写入 plans/tone/finetune-plan.yaml。把每个 <FILL: …> 替换成答案后运行：finetune-lint plans/tone/finetune-plan.yaml\n');
    const file = path.join(dir, 'plans/tone/finetune-plan.yaml');
    expect(readFileSync(file, 'utf8')).toBe(STARTER_PLAN_ZH_CN);
    expect(runCli(['init', 'plans/tone/finetune-plan.yaml', '--locale', 'zh-CN'], { cwd: dir }).stderr).toBe(
      'finetune-lint：plans/tone/finetune-plan.yaml 已存在，不会覆盖。\n',
    );

    const unfilled = runCli(['-f', 'json', '--locale', 'zh-CN', file], { cwd: dir });
    expect(unfilled.status).toBe(1);
    const [res] = JSON.parse(unfilled.stdout) as Array<{ messages: Array<{ ruleId: string; message: string; hint: string }> }>;
    expect(res!.messages).toHaveLength(18);
    expect(res!.messages.every((m) => m.ruleId === 'unfilled-placeholder')).toBe(true);
    expect(res!.messages[0]).toMatchObject({ message: '未填写的占位符 <FILL: 实验的简短名称>', hint: '替换成计划的答案：实验的简短名称。' });

    const answers: Record<string, string> = {
      实验的简短名称: '客服回复语气-v1',
      负责的团队或个人: '客服算法组',
      '要微调的模型，例如 Qwen/Qwen2.5-7B-Instruct': 'Qwen/Qwen2.5-7B-Instruct',
      '模型现在做了什么不该做的事，附上数字': '回复生硬：抽查的 400 条回复中有 38% 不符合语气规范。',
      要改变的那一种可观察的行为: '回复遵循语气规范：先问候，一句共情，不超过 120 字。',
      在评测集上如何测量: '语气规范通过率，由两名评审打分',
      '算作成功的数值，例如至少 0.9': '>= 0.9',
      模型将在哪里使用: '内部写作助手',
      由什么来兜住模型的错误: '每条回复发出前由坐席确认。',
      你试过的最好的提示词: '带语气规范和五个示例的系统提示词。',
      指标名称: '语气规范通过率',
      测得的数值: '0.71',
      '训练数据的路径，相对于本文件': 'data/train.jsonl',
      '样本是什么、从哪里来': '资深坐席改写的 3000 条回复。',
      '评测数据的路径，相对于本文件': 'data/eval.jsonl',
      评测样本是如何挑选的: '11 月的 300 张工单，从未用于训练。',
      需要保住的已有能力: '模型现在回答得好的 200 条退款和物流案例。',
      决定是否上线的规则: '语气规范通过率 >= 0.9，且回归案例没有变差',
    };
    const filled = readFileSync(file, 'utf8').replace(/<FILL:\s*([^>]*)>(?=")/g, (_, q: string) => {
      expect(answers[q], q).toBeDefined();
      return answers[q]!;
    });
    writeFileSync(file, filled);
    // The data files the plan names are not written here; the data checks are tested elsewhere.
    const clean = runCli([file, '--locale', 'zh-CN', '--data-checks', 'off'], { cwd: dir });
    expect(clean.stdout).toBe('✔ 已检查 1 个计划，没有问题：可以开始\n');
    expect(clean.status).toBe(0);
  });
});

describe('locale in the configuration file', () => {
  const plan = cleanPlan.replace('  eval:\n    path: data/eval.jsonl\n', '');

  it('gives the whole team Chinese output, below --locale and FINETUNE_LINT_LOCALE and above LANG', () => {
    const dir = tempTree({ '.git/HEAD': '', 'finetune-lint.config.yaml': 'locale: zh-CN\n', 'plans/a.yaml': plan });
    const zh = runCli(['--data-checks', 'off', 'plans/a.yaml'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    expect(zh.status).toBe(1);
    expect(zh.stdout).toContain('没有评测集');
    expect(runCli(['explain', 'schema'], { cwd: dir }).stdout).toContain('计划不符合');
    expect(runCli(['--locale', 'en', '--data-checks', 'off', 'plans/a.yaml'], { cwd: dir }).stdout).toContain('no evaluation set');
    expect(runCli(['--data-checks', 'off', 'plans/a.yaml'], { cwd: dir, env: { FINETUNE_LINT_LOCALE: 'en' } }).stdout).toContain('no evaluation set');
    expect(runCli(['--no-config', '--data-checks', 'off', 'plans/a.yaml'], { cwd: dir }).stdout).toContain('no evaluation set');
  });

  it('is checked like every other key', () => {
    const dir = tempTree({ '.git/HEAD': '', 'finetune-lint.config.yaml': 'locale: fr\n', 'plans/a.yaml': plan });
    const r = runCli(['--data-checks', 'off', 'plans/a.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('locale');
  });
});
