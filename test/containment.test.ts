import { describe, expect, it } from 'vitest';
import { defineRule, lintText, resolveRules, rules } from '../src/index.js';
import { exitCodeFor } from '../src/cli/exit-code.js';
import { cleanPlan } from './cli-helpers.js';

const throwing = defineRule({
  meta: {
    id: 'always-throws',
    severity: 'warning',
    description: 'A rule with a bug.',
    hint: 'None.',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  check() {
    throw new Error('boom');
  },
});

describe('a rule that throws', () => {
  const active = resolveRules([throwing, ...rules]);
  const result = lintText(cleanPlan.replace('  eval:\n    path: data/eval.jsonl\n', ''), { activeRules: active });

  it('becomes an internal-error diagnostic naming the rule, and the other rules still run', () => {
    expect(result.messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([
      'internal-error: rule "always-throws" failed while checking this file: boom',
      'no-eval-set: no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed',
    ]);
  });

  it('makes the run exit with 2, so CI notices', () => {
    expect(exitCodeFor([result], -1)).toBe(2);
    expect(exitCodeFor([lintText(cleanPlan)], -1)).toBe(0);
  });
});
