import { isScalar, isSeq } from 'yaml';
import { defineRule } from '../rule.js';

/**
 * Another round without reading the last one repeats its mistakes: the
 * evaluation of round N is what should shape round N+1.
 */
export default defineRule({
  meta: {
    id: 'retrain-without-analysis',
    severity: 'warning',
    description: 'A later round (iteration.round > 1) records no report or findings from the previous round.',
    hintId: 'retrain-without-analysis.hint',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  check({ plan, report }) {
    const roundNode = plan.scalar(['iteration', 'round']);
    const round = roundNode?.value;
    if (!roundNode || typeof round !== 'number' || !Number.isInteger(round) || round <= 1) return;
    if (hasContent(plan.node(['iteration', 'previous', 'report'])) || hasContent(plan.node(['iteration', 'previous', 'findings']))) {
      return;
    }
    const previous = plan.node(['iteration', 'previous']);
    // A previous section of the wrong type is a schema error already.
    if (previous && !isScalar(previous) && !plan.map(['iteration', 'previous'])) return;
    report({
      node: plan.has(['iteration', 'previous']) ? plan.anchor(['iteration', 'previous']) : roundNode,
      messageId: 'retrain-without-analysis.found',
      data: { round, previous: round - 1 },
    });
  },
});

/** Non-empty text, a list with a non-empty entry, or any other value (a wrong type the schema reports). */
function hasContent(node: unknown): boolean {
  if (node === undefined) return false;
  if (isScalar(node)) return node.value !== null && String(node.value).trim() !== '';
  if (isSeq(node)) return node.items.some((item) => hasContent(item));
  return true;
}
