import { defineRule } from '../rule.js';
import { dirnameOf, normalizePlanPath } from './paths.js';

/**
 * Without held-out evaluation data nobody can say whether the run changed the
 * behaviour it was meant to change, or only memorised its training set.
 */
export default defineRule({
  meta: {
    id: 'no-eval-set',
    severity: 'error',
    description: 'The plan has no held-out evaluation set, or its eval set is the training file.',
    hint: 'Add data.eval with the path (or a description) of examples held out from training, such as 200 real cases the model never trains on.',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  check({ plan, report }) {
    if (!plan.has(['data', 'eval'])) {
      report({
        node: plan.anchor(['data', 'eval']),
        message: 'no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed',
      });
      return;
    }
    const evalSection = plan.map(['data', 'eval']);
    // A data.eval of the wrong type is a schema error already.
    if (!evalSection) {
      if (plan.node(['data', 'eval']) === undefined) {
        report({ node: plan.anchor(['data', 'eval']), message: 'data.eval is empty: it names no evaluation data' });
      }
      return;
    }
    const evalPath = plan.text(['data', 'eval', 'path']);
    const evalDescription = plan.text(['data', 'eval', 'description']);
    if (!evalPath?.trim() && !evalDescription?.trim()) {
      report({
        node: plan.anchor(['data', 'eval']),
        message: 'data.eval has neither a path nor a description: it names no evaluation data',
      });
      return;
    }
    const trainPath = plan.text(['data', 'train', 'path']);
    if (evalPath?.trim() && trainPath?.trim()) {
      const base = plan.filePath ? dirnameOf(plan.filePath) : undefined;
      if (normalizePlanPath(evalPath, base) === normalizePlanPath(trainPath, base)) {
        report({
          node: plan.scalar(['data', 'eval', 'path'])!,
          message: `data.eval.path "${evalPath}" is the training file (data.train.path "${trainPath}"): the model would be graded on examples it trained on`,
          hint: 'Point data.eval.path at a separate file of examples that never appear in training.',
        });
        return;
      }
    }
    const heldOut = plan.scalar(['data', 'eval', 'held_out']);
    if (heldOut?.value === false) {
      report({
        node: heldOut,
        message: 'data.eval.held_out is false: an eval set that overlaps training measures memorisation, not behaviour',
        hint: 'Hold the evaluation examples out of the training data and set held_out: true.',
      });
    }
  },
});
