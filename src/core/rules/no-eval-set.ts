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
    hintId: 'no-eval-set.hint',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  check({ plan, report }) {
    if (!plan.has(['data', 'eval'])) {
      report({ node: plan.anchor(['data', 'eval']), messageId: 'no-eval-set.missing' });
      return;
    }
    const evalSection = plan.map(['data', 'eval']);
    // A data.eval of the wrong type is a schema error already.
    if (!evalSection) {
      if (plan.node(['data', 'eval']) === undefined) {
        report({ node: plan.anchor(['data', 'eval']), messageId: 'no-eval-set.empty' });
      }
      return;
    }
    const evalPath = plan.text(['data', 'eval', 'path']);
    const evalDescription = plan.text(['data', 'eval', 'description']);
    if (!evalPath?.trim() && !evalDescription?.trim()) {
      report({ node: plan.anchor(['data', 'eval']), messageId: 'no-eval-set.unnamed' });
      return;
    }
    const trainPath = plan.text(['data', 'train', 'path']);
    if (evalPath?.trim() && trainPath?.trim()) {
      const base = plan.filePath ? dirnameOf(plan.filePath) : undefined;
      if (normalizePlanPath(evalPath, base) === normalizePlanPath(trainPath, base)) {
        report({
          node: plan.scalar(['data', 'eval', 'path'])!,
          messageId: 'no-eval-set.same-as-train',
          data: { evalPath, trainPath },
          hintId: 'no-eval-set.same-as-train.hint',
        });
        return;
      }
    }
    const heldOut = plan.scalar(['data', 'eval', 'held_out']);
    if (heldOut?.value === false) {
      report({
        node: heldOut,
        messageId: 'no-eval-set.not-held-out',
        hintId: 'no-eval-set.not-held-out.hint',
      });
    }
  },
});
