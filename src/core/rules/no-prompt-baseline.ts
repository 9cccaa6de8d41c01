import { isMap } from 'yaml';
import { defineRule } from '../rule.js';

/**
 * A prompt often does what the fine-tune was meant to do. Without a measured
 * prompt-only result there is no bar the run has to clear.
 */
export default defineRule({
  meta: {
    id: 'no-prompt-baseline',
    severity: 'error',
    description: 'The plan has no measured prompt-only baseline (baselines.prompt with results).',
    hintId: 'no-prompt-baseline.hint',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  check({ plan, report }) {
    if (!plan.has(['baselines', 'prompt'])) {
      report({ node: plan.anchor(['baselines', 'prompt']), messageId: 'no-prompt-baseline.missing' });
      return;
    }
    const baseline = plan.node(['baselines', 'prompt']);
    if (!isMap(baseline)) return; // wrong type: a schema error already
    const results = plan.node(['baselines', 'prompt', 'results']);
    if (results === undefined || (isMap(results) && results.items.length === 0) || plan.scalar(['baselines', 'prompt', 'results'])?.value === null) {
      report({
        node: plan.anchor(['baselines', 'prompt', 'results']),
        messageId: 'no-prompt-baseline.no-results',
        hintId: 'no-prompt-baseline.no-results.hint',
      });
    }
  },
});
