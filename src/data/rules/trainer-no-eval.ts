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
    hintId: 'trainer-no-eval.hint',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  async check({ plan, references, workspace, report }) {
    const hasEval = Boolean(plan.text(['data', 'eval', 'path'])?.trim() || plan.text(['data', 'eval', 'description'])?.trim());
    if (!hasEval) return;
    // The plan says the eval set runs after training, in a harness of the team's own.
    if (plan.text(['evaluation', 'runs']) === 'separate') return;
    const ref = references.find((r) => r.role === 'trainer' && r.status === 'readable');
    if (!ref) return;
    const read = await (await workspace()).trainerConfig(ref, plan.text(['training', 'framework']));
    if (!('config' in read) || read.config.evaluation.runs) return;
    report({
      node: ref.node,
      messageId: 'trainer-no-eval.found',
      data: { framework: read.config.framework, file: ref.written, why: read.config.evaluation.why },
    });
  },
});
