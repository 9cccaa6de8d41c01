import { defineDataRule } from '../rule.js';

/**
 * An eval set in the plan that the trainer never runs is a plan on paper
 * only: the run trains blind, and overfitting shows up after the compute is
 * spent. A commented-out eval block is the usual cause.
 */
export default defineDataRule({
  meta: {
    id: 'trainer-no-eval',
    severity: 'error',
    description: 'The plan has an eval set, but the trainer config evaluates nothing.',
    hint: 'Configure evaluation in the trainer config (LLaMA-Factory eval_dataset or val_size with eval_strategy; Axolotl val_set_size or test_datasets; torchtune dataset_val with run_val_every_n_steps).',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  async check({ plan, references, workspace, report }) {
    const hasEval = Boolean(plan.text(['data', 'eval', 'path'])?.trim() || plan.text(['data', 'eval', 'description'])?.trim());
    if (!hasEval) return;
    const ref = references.find((r) => r.role === 'trainer' && r.status === 'readable');
    if (!ref) return;
    const read = await (await workspace()).trainerConfig(ref, plan.text(['training', 'framework']));
    if (!('config' in read) || read.config.evaluation.runs) return;
    report({
      node: ref.node,
      message: `the plan has an eval set, but ${read.config.framework} config ${ref.written} evaluates nothing: ${read.config.evaluation.why}`,
    });
  },
});
