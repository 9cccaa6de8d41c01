import type { AnyRule } from '../rule.js';
import capabilityGap from './capability-gap.js';
import conflictingGoals from './conflicting-goals.js';
import highRiskNoFallback from './high-risk-no-fallback.js';
import knowledgeInjection from './knowledge-injection.js';
import noEvalSet from './no-eval-set.js';
import noPromptBaseline from './no-prompt-baseline.js';
import promptBaselineMeetsTarget from './prompt-baseline-meets-target.js';
import noRegressionEval from './no-regression-eval.js';
import vagueGoal from './vague-goal.js';
import retrainWithoutAnalysis from './retrain-without-analysis.js';

/**
 * Every built-in rule, in documentation order. A rule exists for the linter
 * only once it is listed here; a test checks each has a doc and fixtures.
 */
export const rules: readonly AnyRule[] = [
  noEvalSet,
  noPromptBaseline,
  conflictingGoals,
  knowledgeInjection,
  capabilityGap,
  highRiskNoFallback,
  vagueGoal,
  noRegressionEval,
  retrainWithoutAnalysis,
  promptBaselineMeetsTarget,
];

/** Rules by id. */
export const ruleMap: ReadonlyMap<string, AnyRule> = new Map(rules.map((r) => [r.meta.id, r]));
