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
    hintId: 'no-regression-eval.hint',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  check({ plan, report }) {
    if (!plan.has(['evaluation', 'regression'])) {
      report({ node: plan.anchor(['evaluation', 'regression']), messageId: 'no-regression-eval.missing' });
      return;
    }
    const regression = plan.map(['evaluation', 'regression']);
    if (regression && !plan.text(['evaluation', 'regression', 'path'])?.trim() && !plan.text(['evaluation', 'regression', 'description'])?.trim()) {
      report({ node: plan.anchor(['evaluation', 'regression']), messageId: 'no-regression-eval.unnamed' });
    }
  },
});
