import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

/** Schema diagnostics of a plan, as `line:column-endLine:endColumn message`. */
function schemaErrors(text: string): string[] {
  return lintText(text)
    .messages.filter((m) => m.ruleId === 'schema')
    .map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);
}

const head = `version: 1
name: tone
base_model: Qwen/Qwen2.5-7B-Instruct
method: lora
problem: Replies are stiff.
`;
const goals = `goals:
  - behavior: Replies follow the tone guide.
    metric: tone_pass_rate
    target: 0.9
`;

describe('schema diagnostics', () => {
  it('accepts a valid plan and x- keys', () => {
    expect(schemaErrors(`${head}${goals}x-team-note: anything\n`)).toEqual([]);
  });

  it('unknown key with a near match suggests it, on the key', () => {
    expect(schemaErrors(`${head}${goals}evalution:\n  repeats: 3\n`)).toEqual([
      '10:1-10:10 unknown key "evalution" — did you mean "evaluation"?',
    ]);
  });

  it('unknown key matched across case and separators', () => {
    expect(schemaErrors(`${head}${goals}baseModel: x\n`)).toEqual(['10:1-10:10 unknown key "baseModel" — did you mean "base_model"?']);
  });

  it('a key written in Chinese suggests the English key it names, the one allowed where it stands', () => {
    // 目标 is `goals` at the top level and `target` inside a goal.
    expect(schemaErrors(`${head}目标:\n  - behavior: 回复更简短。\n风险:\n  level: high\n`)).toEqual([
      '1:1-1:11 missing required key "goals"',
      '6:1-6:3 unknown key "目标" — did you mean "goals"?',
      '8:1-8:3 unknown key "风险" — did you mean "risk"?',
    ]);
    expect(schemaErrors(`${head}goals:\n  - behavior: 回复更简短。\n    指标: 字数达标率\n    目标: ">= 0.9"\nrisk:\n  级别: high\n`)).toEqual([
      '8:5-8:7 unknown key "指标" in goals[0] — did you mean "metric"?',
      '9:5-9:7 unknown key "目标" in goals[0] — did you mean "target"?',
      '11:3-11:5 unknown key "级别" in risk — did you mean "level"?',
    ]);
    const zh = lintText(`${head}${goals}评测:\n  repeats: 3\n`, { locale: 'zh-CN' }).messages.filter((m) => m.ruleId === 'schema');
    expect(zh.map((m) => [m.message, m.hint])).toEqual([['未知键「评测」——是不是想写「evaluation」？', expect.stringContaining('evaluation')]]);
    // A Chinese word that names no key allowed there suggests nothing.
    expect(schemaErrors(`${head}${goals}预算: 300\n`)).toEqual(['10:1-10:3 unknown key "预算"']);
  });

  it('unknown key with no near match lists nothing it is not', () => {
    const [e] = lintText(`${head}${goals}budget_usd: 300\n`).messages.filter((m) => m.ruleId === 'schema');
    expect(`${e!.line}:${e!.column} ${e!.message}`).toBe('10:1 unknown key "budget_usd"');
    expect(e!.hint).toContain('prefix your own field with "x-"');
    expect(e!.hint).toContain('base_model');
  });

  it('a key at the wrong level is pointed to where it belongs (wrong nesting)', () => {
    expect(schemaErrors(`${head}${goals}data:\n  train:\n    path: t.jsonl\n    held_out: true\n`)).toEqual([
      '13:5-13:13 unknown key "held_out" in data.train — "held_out" belongs in data.eval.held_out',
    ]);
    expect(schemaErrors(`${head}goals:\n  - behavior: Shorter replies.\nmetric: words\n`)).toEqual([
      '8:1-8:7 unknown key "metric" — "metric" belongs in goals[].metric',
    ]);
  });

  it('wrong type names the expected and the actual type, on the value', () => {
    expect(schemaErrors(`${head}goals: make replies shorter\n`)).toEqual([
      '6:8-6:28 "goals" must be a list of goals, got a string ("make replies shorter")',
    ]);
    expect(schemaErrors(`${head}${goals}evaluation:\n  repeats: 2.5\n`)).toEqual([
      '11:12-11:15 "evaluation.repeats" must be a whole number, got a number (2.5)',
    ]);
  });

  it('an empty section is a wrong type, reported on its key', () => {
    expect(schemaErrors(`${head}${goals}data:\n`)).toEqual(['10:1-10:5 "data" must be a mapping, got an empty value']);
  });

  it('enum values get a did-you-mean', () => {
    expect(schemaErrors(head.replace('method: lora', 'method: magic') + goals)).toEqual([
      '4:9-4:14 "method" must be one of sft, lora, qlora, full, dpo, orpo, kto, simpo, ppo, grpo, rm, cpt, kd, other; got "magic"',
    ]);
    expect(schemaErrors(head.replace('method: lora', 'method: QLoRA') + goals)).toEqual([
      '4:9-4:14 "method" must be one of sft, lora, qlora, full, dpo, orpo, kto, simpo, ppo, grpo, rm, cpt, kd, other; got "QLoRA" — did you mean "qlora"?',
    ]);
  });

  it('version must be 1', () => {
    expect(schemaErrors(head.replace('version: 1', 'version: 2') + goals)).toEqual(['1:10-1:11 "version" must be 1, got a number (2)']);
  });

  it('missing required keys are reported on the parent mapping, each once', () => {
    expect(schemaErrors(`version: 1\nname: x\nmethod: lora\n${goals}`)).toEqual([
      '1:1-1:11 missing required key "base_model"',
      '1:1-1:11 missing required key "problem"',
    ]);
    const msgs = lintText(`${head}goals:\n  - metric: m\n    target: 1\n`).messages.filter((m) => m.ruleId === 'schema');
    expect(msgs.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual(['7:5 goals[0] is missing the required key "behavior"']);
    expect(msgs[0]!.hint).toMatch(/^Add "behavior"\. The observable behaviour that should change\./);
  });

  it('an empty list of goals', () => {
    expect(schemaErrors(`${head}goals: []\n`)).toEqual(['6:8-6:10 "goals" must list at least 1 goal, got an empty list']);
  });

  it('empty strings where text is required', () => {
    expect(schemaErrors(`${head.replace('name: tone', 'name: ""')}${goals}`)).toEqual(['2:7-2:9 "name" must not be empty']);
  });

  it('anyOf values: one message for the type, or the errors of the branch that fits', () => {
    const plan = `${head}${goals}risk:\n  fallback:\n    - 3\n    - type: human_review\n      description: x\n    - Agents review refunds.\n`;
    expect(schemaErrors(plan)).toEqual([
      '12:7-12:8 "risk.fallback[0]" must be a string or a mapping, got a number (3)',
      '13:13-13:25 "risk.fallback[1].type" must be one of human-review, rules, refusal-policy, rag, escalation, tiered-process, other; got "human_review" — did you mean "human-review"?',
    ]);
    expect(schemaErrors(`${head}${goals}domain: 42\n`)).toEqual(['10:9-10:11 "domain" must be a string or a list, got a number (42)']);
  });

  it('minimum', () => {
    expect(schemaErrors(`${head}${goals}iteration:\n  round: 0\n`)).toEqual(['11:10-11:11 "iteration.round" must be at least 1, got a number (0)']);
  });

  it('baseline results take numbers or strings', () => {
    expect(schemaErrors(`${head}${goals}baselines:\n  prompt:\n    results:\n      acc: [1]\n`)).toEqual([
      '13:12-13:15 "baselines.prompt.results.acc" must be a number or a string, got a list',
    ]);
  });
});

describe('the plan schema documents itself', () => {
  it('gives every field a title and a description, and every scalar field an example', async () => {
    const { planSchema, deref } = await import('../src/core/schema/plan-schema.js');
    const gaps: string[] = [];
    const walk = (node: Parameters<typeof deref>[0], path: string, depth: number): void => {
      const n = deref(node);
      if (depth > 0) {
        if (!n.title) gaps.push(`${path}: title`);
        if (!n.description) gaps.push(`${path}: description`);
        const scalar = !n.properties && !n.items && n.type !== 'object';
        if (scalar && !n.examples?.length && !n.enum && n.const === undefined) gaps.push(`${path}: examples`);
      }
      for (const [k, child] of Object.entries(n.properties ?? {})) walk(child, path ? `${path}.${k}` : k, depth + 1);
      if (n.items) walk(n.items, `${path}[]`, depth + 1);
    };
    walk(planSchema, '', 0);
    expect(gaps).toEqual([]);
  });
});
