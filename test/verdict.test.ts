import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/index.js';
import { lintText } from '../src/index.js';
import { parseTarget } from '../src/rules/prompt-baseline-meets-target.js';
import { verdictOf } from '../src/verdict.js';

function diag(ruleId: string, severity: Diagnostic['severity'], verdict?: Diagnostic['verdict']): Diagnostic {
  return { ruleId, severity, message: `${ruleId} message`, hint: 'h', line: 1, column: 1, endLine: 1, endColumn: 2, ...(verdict ? { verdict } : {}) };
}

describe('verdictOf', () => {
  it('no findings: ready', () => {
    expect(verdictOf([])).toEqual({ verdict: 'ready', reasons: [] });
  });

  it('any finding that says fine-tuning is the wrong tool wins, whatever its severity', () => {
    const out = verdictOf([diag('no-eval-set', 'error', 'fix-first'), diag('capability-gap', 'warning', 'do-not-fine-tune')]);
    expect(out).toEqual({ verdict: 'do-not-fine-tune', reasons: ['capability-gap: capability-gap message'] });
  });

  it('otherwise any finding means fixing the plan first; errors are listed before warnings, one line per rule', () => {
    const out = verdictOf([
      diag('no-regression-eval', 'warning', 'fix-first'),
      diag('no-eval-set', 'error', 'fix-first'),
      diag('no-eval-set', 'error', 'fix-first'),
      diag('schema', 'error'),
    ]);
    expect(out).toEqual({
      verdict: 'fix-first',
      reasons: ['no-eval-set: no-eval-set message', 'schema: schema message', 'no-regression-eval: no-regression-eval message'],
    });
  });
});

describe('targets the prompt baseline is compared with', () => {
  it.each([
    [0.9, { op: '>=', value: 0.9, percent: false }],
    ['0.9', { op: '>=', value: 0.9, percent: false }],
    ['>= 0.9', { op: '>=', value: 0.9, percent: false }],
    ['≥ 90%', { op: '>=', value: 90, percent: true }],
    ['> 3', { op: '>', value: 3, percent: false }],
    ['<= 50', { op: '<=', value: 50, percent: false }],
    ['< 0.02', { op: '<', value: 0.02, percent: false }],
    ['== 1', { op: '=', value: 1, percent: false }],
    ['＞＝０.９', { op: '>=', value: 0.9, percent: false }],
  ])('%j is understood', (target, parsed) => {
    expect(parseTarget(target)).toEqual(parsed);
  });

  it.each([['about 0.9'], ['0.8-0.9'], ['better than the prompt'], [''], [true], [null], [Number.NaN]])('%j is not compared', (target) => {
    expect(parseTarget(target)).toBeUndefined();
  });

  const planWith = (metric: string, target: string, result: string): string => `version: 1
name: t
base_model: m
method: lora
problem: p
goals:
  - behavior: Replies are at most 80 words.
    metric: ${metric}
    target: ${target}
baselines:
  prompt:
    description: d
    results:
      ${result}
`;
  const fires = (metric: string, target: string, result: string): boolean =>
    lintText(planWith(metric, target, result)).messages.some((m) => m.ruleId === 'prompt-baseline-meets-target');

  it('compares on the right side of the boundary', () => {
    expect(fires('acc', '">= 0.9"', 'acc: 0.9')).toBe(true);
    expect(fires('acc', '"> 0.9"', 'acc: 0.9')).toBe(false);
    expect(fires('err', '"< 0.02"', 'err: 0.02')).toBe(false);
    expect(fires('err', '"<= 0.02"', 'err: 0.02')).toBe(true);
  });

  it('puts percentages and fractions on one scale', () => {
    expect(fires('acc', '"90%"', 'acc: 0.91')).toBe(true);
    expect(fires('acc', '"90%"', 'acc: 0.89')).toBe(false);
    expect(fires('acc', '0.9', 'acc: "91%"')).toBe(true);
    expect(fires('acc', '90', 'acc: 91')).toBe(true);
  });

  it('says nothing for unknown metrics, missing results or results that are not numbers', () => {
    expect(fires('rubric score', '">= 4"', 'acc: 5')).toBe(false);
    expect(fires('acc', '">= 0.9"', 'acc: high')).toBe(false);
    expect(fires('acc', '">= 0.9"', 'other: 0.99')).toBe(false);
  });

  it('makes the plan a do-not-fine-tune', () => {
    const result = lintText(planWith('acc', '">= 0.9"', 'acc: 0.95'));
    expect(result.verdict).toBe('do-not-fine-tune');
    expect(result.verdictReasons[0]).toBe("prompt-baseline-meets-target: the prompt baseline already meets goal 1's target: acc is 0.95, target >= 0.9");
  });
});
