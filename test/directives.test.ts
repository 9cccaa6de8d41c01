import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatters, lintText, lintTextWithData } from '../src/index.js';

const PLAN = `version: 1
name: tone
base_model: Qwen/Qwen2.5-7B-Instruct
method: lora
problem: In 400 October tickets, 38% of replies broke the tone guide.
domain: internal writing assistant
baselines:
  prompt: {description: prompt v3, results: {pass_rate: 0.71}}
data:
  train: {path: data/train.jsonl}
  eval: {path: data/eval.jsonl}
evaluation:
  regression: {description: 200 cases the current model answers correctly.}
goals:
  # finetune-lint-disable-next-line vague-goal -- measured by the weekly QA review
  - behavior: Replies follow the tone guide.
  # finetune-lint-disable-next-line no-eval-set
  - behavior: Replies open with a greeting.
    metric: greeting_rate
    target: 1.0
`;

describe('disable comments', () => {
  it('keeps what they suppress, with the reason, and reports stale ones at the comment', () => {
    const r = lintText(PLAN, { rules: { 'conflicting-goals': 'off' } });
    expect(r.messages.map((m) => [m.line, m.column, m.endColumn, m.ruleId, m.severity, m.message])).toEqual([
      [17, 3, 48, 'unused-disable-directive', 'warning', 'unused finetune-lint-disable-next-line directive: "no-eval-set" reported no problem here'],
    ]);
    expect(r.suppressedMessages.map((m) => [m.line, m.ruleId, m.suppressions])).toEqual([
      [16, 'vague-goal', [{ kind: 'directive', justification: 'measured by the weekly QA review' }]],
    ]);
    expect(r.verdict).toBe('ready');
  });

  it('reports unused directives as errors, or not at all, as asked', () => {
    expect(lintText(PLAN, { rules: { 'conflicting-goals': 'off' }, reportUnusedDisableDirectives: 'error' }).messages.map((m) => m.severity)).toEqual(['error']);
    expect(lintText(PLAN, { rules: { 'conflicting-goals': 'off' }, reportUnusedDisableDirectives: 'off' }).messages).toEqual([]);
  });

  it('counts a directive for a rule that is turned off as unused', () => {
    const r = lintText(PLAN, { rules: { 'conflicting-goals': 'off', 'vague-goal': 'off' }, reportUnusedDisableDirectives: 'warning' });
    expect(r.messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual(['15:unused-disable-directive', '17:unused-disable-directive']);
  });

  it('puts suppressed findings in JSON suppressedMessages and SARIF inSource suppressions', () => {
    const r = lintText(PLAN, { filePath: '/repo/plan.yaml', rules: { 'conflicting-goals': 'off' } });
    const json = JSON.parse(formatters.json!([r], { cwd: '/repo', color: false }));
    expect(json[0].suppressedMessages).toEqual([
      expect.objectContaining({ ruleId: 'vague-goal', severity: 1, line: 16, suppressions: [{ kind: 'directive', justification: 'measured by the weekly QA review' }] }),
    ]);
    const sarif = JSON.parse(formatters.sarif!([r], { cwd: '/repo', color: false }));
    const results = sarif.runs[0].results as Array<{ ruleId: string; suppressions?: unknown }>;
    expect(results.map((x) => [x.ruleId, x.suppressions])).toEqual([
      ['unused-disable-directive', undefined],
      ['vague-goal', [{ kind: 'inSource', justification: 'measured by the weekly QA review' }]],
    ]);
  });
});

describe('disable comments and the data checks', () => {
  const plan = `# finetune-lint-disable-file data-file-missing -- the data lives on the training cluster
${PLAN}`;

  it('suppress data-check findings like any other rule', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ftl-dir-'));
    mkdirSync(path.join(dir, '.git'));
    const filePath = path.join(dir, 'plan.yaml');
    const r = await lintTextWithData(plan, { filePath, rules: { 'conflicting-goals': 'off' }, reportUnusedDisableDirectives: 'off' }, { cwd: dir });
    expect(r.messages.filter((m) => m.ruleId === 'data-file-missing')).toEqual([]);
    expect(r.suppressedMessages.map((m) => [m.ruleId, m.line])).toEqual([
      ['data-file-missing', 11],
      ['data-file-missing', 12],
      ['vague-goal', 17],
    ]);
  });

  it('are not reported as unused for a data rule when the data checks do not run', () => {
    const r = lintText(plan, { rules: { 'conflicting-goals': 'off' } });
    expect(r.messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual(['18:unused-disable-directive']);
  });
});
