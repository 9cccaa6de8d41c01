import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIAGNOSTICS, formatters, lintText, lintTextWithData, rules, dataRules } from '../src/index.js';
import { explainRule } from '../src/cli/commands.js';
import { cleanPlan, repoRoot, runCli, tempTree } from './cli-helpers.js';

/** What finetune-lint prints must be true: summaries, verdicts, positions, ids, hints. */

const doNotFineTune = readFileSync(path.join(repoRoot, 'examples', 'conflicting-goals.yaml'), 'utf8');

describe('--quiet', () => {
  it('never says "all ready" for plans whose verdict is not ready', () => {
    const dir = tempTree({ 'plans/a.yaml': doNotFineTune, 'plans/b.yaml': doNotFineTune });
    const r = runCli(['--quiet', '--data-checks', 'off', 'plans'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('✔ 2 plans checked, no errors shown\n2 plans: 0 ready, 0 fix the plan first, 2 do not fine-tune (yet)\n');
    const ready = runCli(['--quiet', '--data-checks', 'off', 'plans/a.yaml'], { cwd: tempTree({ 'plans/a.yaml': cleanPlan }) });
    expect(ready.stdout).toBe('✔ 1 plan checked, no problems: ready\n');
  });
});

describe('disable comments that fail the run', () => {
  it('a comment without a reason under --require-reason: exit 1 and not "ready"', () => {
    const plan = cleanPlan.replace('goals:\n', 'goals:\n  # finetune-lint-disable-next-line vague-goal\n');
    const dir = tempTree({ 'plan.yaml': plan });
    const r = runCli(['--require-reason', '--data-checks', 'off', 'plan.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('verdict: fix the plan first — invalid-disable-directive');
    expect(r.stdout).not.toContain('verdict: ready');
    // As a warning (an unused comment by default), it says nothing about the plan.
    expect(lintText(plan).verdict).toBe('ready');
  });
});

describe('disable-next-line above a key with a block value', () => {
  const risky = cleanPlan.replace('domain: internal writing assistant\n', 'domain: internal writing assistant\n# finetune-lint-disable-next-line high-risk-no-fallback -- reviewed by the risk board\nrisk:\n  level: high\n');

  it('covers the findings inside that value', () => {
    const r = lintText(risky);
    expect(r.messages.map((m) => m.ruleId)).toEqual([]);
    expect(r.suppressedMessages.map((m) => `${m.line}:${m.ruleId}`)).toEqual(['13:high-risk-no-fallback']);
  });

  it('still covers only the next line when that line holds a plain value', () => {
    const plan = cleanPlan.replace('domain: internal writing assistant\n', '# finetune-lint-disable-next-line high-risk-no-fallback\ndomain: internal writing assistant\nrisk:\n  level: high\n');
    const r = lintText(plan);
    expect(r.messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual(['10:unused-disable-directive', '13:high-risk-no-fallback']);
  });
});

describe('explain', () => {
  it('answers for every id the tool can print: rules, data rules and built-in diagnostics', () => {
    for (const id of [...rules.map((r) => r.meta.id), ...dataRules.map((r) => r.meta.id), ...Object.keys(BUILTIN_DIAGNOSTICS)]) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const r = explainRule(id, path.join(repoRoot, 'rules'), locale);
        expect(r.code, id).toBe(0);
        expect(r.stdout!.startsWith(`# ${id}\n`), id).toBe(true);
      }
    }
    expect(runCli(['explain', 'internal-error'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^# internal-error\n/) });
  });

  it('explains a built-in diagnostic in the locale', () => {
    expect(runCli(['explain', 'unfilled-placeholder']).stdout).toBe(
      '# unfilled-placeholder\n\nA <FILL: …> placeholder from the starter plan is still there.\n\n- default: error\n\nNot a rule: a diagnostic about the file itself or about its disable comments. It cannot be turned off in the configuration nor suppressed by a disable comment. See "Diagnostics that are not rules" in the README.\n',
    );
    expect(runCli(['explain', 'schema', '--locale', 'zh-CN']).stdout).toContain('这不是规则');
  });

  it('suggests the rule meant by a misspelt word of its id', () => {
    const r = runCli(['explain', 'knowlege']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('finetune-lint: unknown rule "knowlege" (did you mean "knowledge-injection"?); `finetune-lint rules` lists them.\n');
    expect(runCli(['explain', 'unfiled-placeholder']).stderr).toContain('(did you mean "unfilled-placeholder"?)');
  });
});

describe('a ": " inside an unquoted value', () => {
  it('gets a hint to quote the value, with the line quoted', () => {
    const r = lintText('version: 1\ngoals:\n  - behavior: Replies: shorter, "always"  # note\n');
    expect(r.messages).toEqual([
      expect.objectContaining({
        ruleId: 'syntax-error',
        line: 3,
        message: 'YAML syntax error: Nested mappings are not allowed in compact mappings',
        hint: 'A ": " inside a value starts a nested key: quote the whole value, as in behavior: "Replies: shorter, \\"always\\""',
      }),
    ]);
  });
});

describe('a key written with a full-width colon', () => {
  const plan = 'version: 1\nname: 客服回复语气\nbase_model: Qwen/Qwen2.5-7B-Instruct\nmethod: lora\nproblem: 回复太生硬。\ngoals:\n  - behavior: 回复先致歉。\n    metric: 礼貌率\n    target: ">= 0.85"\n';

  it('gets a hint to write an ASCII colon, at the top level, in a list item and on the first line', () => {
    const cases = [
      { text: plan.replace('name: 客服', 'name： 客服'), line: 2, column: 1, fix: 'name: 客服回复语气' },
      { text: plan.replace('  - behavior: ', '  - behavior：'), line: 7, column: 5, fix: 'behavior: 回复先致歉。' },
      { text: plan.replace('version: 1', 'version：1'), line: 1, column: 1, fix: 'version: 1' },
    ];
    for (const { text, line, column, fix } of cases) {
      expect(lintText(text).messages).toEqual([
        expect.objectContaining({
          ruleId: 'syntax-error',
          line,
          column,
          message: 'YAML syntax error: Implicit keys need to be on a single line',
          hint: `A full-width colon "：" does not end a key in YAML: write an ASCII colon and a space, as in ${fix}`,
        }),
      ]);
    }
    // The plan with ASCII colons has no syntax error.
    expect(lintText(plan).messages.filter((m) => m.ruleId === 'syntax-error')).toEqual([]);
  });

  it('in Chinese too, from the CLI', () => {
    const dir = tempTree({ 'finetune-plan.yaml': plan.replace('name: 客服', 'name： 客服') });
    const r = runCli(['--locale', 'zh-CN', '--data-checks', 'off', '-f', 'compact', 'finetune-plan.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('finetune-plan.yaml:2:1: error YAML 语法错误：键必须写在一行内（Implicit keys need to be on a single line） [syntax-error]\n');
    const json = runCli(['--locale', 'zh-CN', '--data-checks', 'off', '-f', 'json', 'finetune-plan.yaml'], { cwd: dir });
    expect((JSON.parse(json.stdout) as { messages: { hint: string }[] }[])[0]!.messages[0]!.hint).toBe('全角冒号「：」在 YAML 里不能结束一个键：改成半角冒号加空格，例如 name: 客服回复语气');
  });

  it('under a key, where the mapping reads as a string, the schema error gets the same hint', () => {
    const nested = `${plan}risk:\n  level： medium\n  fallback： 人工审核\n`;
    expect(lintText(nested).messages.filter((m) => m.ruleId === 'schema')).toEqual([
      expect.objectContaining({
        line: 11,
        column: 3,
        message: '"risk" must be a mapping, got a string ("level： medium fallback： 人工审核")',
        hint: 'A full-width colon "：" does not end a key in YAML: write an ASCII colon and a space, as in level: medium',
      }),
    ]);
    // A string where a mapping belongs, with no full-width colon, keeps the schema's own hint.
    const plain = lintText(`${plan}risk: medium\n`).messages.find((m) => m.ruleId === 'schema');
    expect(plain?.hint).toMatch(/^Write "risk" as a mapping\./);
    // A string where a string belongs is no mistake, whatever its colons.
    expect(lintText(plan.replace('problem: 回复太生硬。', 'problem: 语气： 生硬')).messages.filter((m) => m.ruleId === 'schema')).toEqual([]);
  });

  it('a full-width colon inside a value is no mistake and gets no such hint', () => {
    const r = lintText(plan.replace('problem: 回复太生硬。', 'problem: 问题：回复太生硬。'));
    expect(r.messages.filter((m) => m.ruleId === 'syntax-error')).toEqual([]);
    // A line whose key ends with an ASCII colon keeps the hint of its own mistake.
    const other = lintText('version: 1\ngoals:\n  - behavior: 回复：简短: 礼貌\n');
    expect(other.messages.map((m) => m.hint)).toEqual(['A ": " inside a value starts a nested key: quote the whole value, as in behavior: "回复：简短: 礼貌"']);
  });
});

describe('stylish in a terminal', () => {
  const long = `version: 1\nname: t\nbase_model: m\nmethod: lora\nproblem: p\ngoals:\n  - behavior: ${'Replies are concise and lead with the answer, '.repeat(4)}then stop.\n`;

  it('pads no line past the terminal width', () => {
    const results = [lintText(long, { filePath: '/repo/plan.yaml' })];
    const out = formatters.stylish!(results, { cwd: '/repo', color: false, columns: 100 });
    const lines = out.split('\n').filter((l) => /^\s+\d+:\d+/.test(l));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      const text = line.replace(/\s+\S+$/, '');
      // A line is either within the width, or an unpadded long message followed by its rule id.
      expect(line.length <= 100 || !/ {3,}\S+$/.test(line), line).toBe(true);
      expect(text.endsWith(' '), line).toBe(false);
    }
    // Without a terminal (a file, a pipe) the layout is ESLint's: rule ids aligned.
    const piped = formatters.stylish!(results, { cwd: '/repo', color: false });
    const ends = piped.split('\n').filter((l) => /^\s+\d+:\d+/.test(l)).map((l) => l.lastIndexOf(' ') );
    expect(new Set(ends).size).toBeLessThan(ends.length);
  });
});

describe('--help', () => {
  it('shows defaults a person can read', () => {
    const help = runCli(['--help']).stdout;
    expect(help).not.toContain('(default: [])');
    expect(help).not.toContain('10485760');
    expect(help).toContain('(default: 10MB)');
  });
});

describe('eval-set-size when the declared count disagrees with the file', () => {
  it('says to correct the count', async () => {
    const records = Array.from({ length: 248 }, (_, i) => `${JSON.stringify({ messages: [{ role: 'user', content: `q${i}` }, { role: 'assistant', content: `a${i}` }] })}\n`).join('');
    const plan = cleanPlan.replace('    path: data/eval.jsonl\n', '    path: data/eval.jsonl\n    examples: 250\n');
    const dir = tempTree({ '.git/HEAD': '', 'plan.yaml': plan, 'data/eval.jsonl': records });
    const r = await lintTextWithData(plan, { filePath: path.join(dir, 'plan.yaml') }, { cwd: dir });
    const m = r.messages.find((x) => x.ruleId === 'eval-set-size')!;
    expect(m.message).toBe('data.eval.examples says 250, but data/eval.jsonl holds 248 records');
    expect(m.hint).toBe('Correct data.eval.examples to 248, the number of records in data/eval.jsonl, or point data.eval.path at the file the plan means.');
  });
});
