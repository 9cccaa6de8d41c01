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
    hint: 'Try the best prompt you can write first, measure it on the eval set, and record it under baselines.prompt.results.',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  check({ plan, report }) {
    if (!plan.has(['baselines', 'prompt'])) {
      report({
        node: plan.anchor(['baselines', 'prompt']),
        message: 'no prompt baseline: baselines.prompt is missing, so nothing shows that prompting alone falls short',
      });
      return;
    }
    const baseline = plan.node(['baselines', 'prompt']);
    if (!isMap(baseline)) return; // wrong type: a schema error already
    const results = plan.node(['baselines', 'prompt', 'results']);
    if (results === undefined || (isMap(results) && results.items.length === 0) || plan.scalar(['baselines', 'prompt', 'results'])?.value === null) {
      report({
        node: plan.anchor(['baselines', 'prompt', 'results']),
        message: 'baselines.prompt has no results: a baseline nobody measured is not a baseline',
        hint: 'Run the prompt on the eval set and record its scores under baselines.prompt.results (metric: value).',
      });
    }
  },
});
