import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/index.js';
import { lintText } from '../src/index.js';
import { verdictOf } from '../src/core/verdict.js';

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

describe('the prompt baseline compared with targets', () => {
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

  it('reads the targets init suggests, in words and in Chinese', () => {
    expect(fires('acc', 'at least 0.9', 'acc: 0.92')).toBe(true);
    expect(fires('acc', 'at least 0.9', 'acc: 0.88')).toBe(false);
    expect(fires('acc', '至少 0.9', 'acc: 0.92')).toBe(true);
    expect(fires('acc', '不低于 90%', 'acc: 0.91')).toBe(true);
    expect(fires('acc', '不低于 90%', 'acc: 0.89')).toBe(false);
    expect(fires('words', 'at most 120 words', 'words: 110')).toBe(true);
    expect(fires('words', 'at most 120 words', 'words: 130')).toBe(false);
  });

  it('makes the plan a do-not-fine-tune', () => {
    const result = lintText(planWith('acc', '">= 0.9"', 'acc: 0.95'));
    expect(result.verdict).toBe('do-not-fine-tune');
    expect(result.verdictReasons[0]).toBe("prompt-baseline-meets-target: the prompt baseline already meets goal 1's target: acc is 0.95, target >= 0.9");
  });
});
