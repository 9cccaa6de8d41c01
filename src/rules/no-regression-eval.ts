import { defineRule } from '../rule.js';

/**
 * Fine-tuning trades: a run that improves one behaviour often degrades
 * others. Only a regression set shows what got worse.
 */
export default defineRule({
  meta: {
    id: 'no-regression-eval',
    severity: 'warning',
    description: 'The plan has no regression set (evaluation.regression) to show which existing abilities got worse.',
    hint: 'Add evaluation.regression: cases the current model already handles well (general tasks, refusals, neighbouring skills) that must not get worse.',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  check({ plan, report }) {
    if (!plan.has(['evaluation', 'regression'])) {
      report({
        node: plan.anchor(['evaluation', 'regression']),
        message: 'no regression set: evaluation.regression is missing, so nothing checks which existing abilities got worse',
      });
      return;
    }
    const regression = plan.map(['evaluation', 'regression']);
    if (regression && !plan.text(['evaluation', 'regression', 'path'])?.trim() && !plan.text(['evaluation', 'regression', 'description'])?.trim()) {
      report({
        node: plan.anchor(['evaluation', 'regression']),
        message: 'evaluation.regression has neither a path nor a description: it names no regression cases',
      });
    }
  },
});
