import { isMap, isScalar, type Scalar } from 'yaml';
import { defineRule } from '../rule.js';
import { parseTarget, resultForMetric, type Target } from './target.js';

/** A measured result as a number: `0.93`, `"0.93"`, `"93%"` (as 0.93 when the target is a fraction). */
function resultValue(raw: unknown, target: Target): number | undefined {
  let value: number;
  let percent = false;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string') {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*(%)?\s*$/.exec(raw.normalize('NFKC'));
    if (!m) return undefined;
    value = Number(m[1]);
    percent = m[2] === '%';
  } else return undefined;
  if (!Number.isFinite(value)) return undefined;
  // Put both on the same scale: "90%" against 0.93, or 0.9 against "93%".
  if (target.percent && !percent && value <= 1) return value * 100;
  if (!target.percent && percent && target.value <= 1) return value / 100;
  return value;
}

function meets(value: number, target: Target): boolean {
  switch (target.op) {
    case '>=':
      return value >= target.value;
    case '>':
      return value > target.value;
    case '<=':
      return value <= target.value;
    case '<':
      return value < target.value;
    default:
      return value === target.value;
  }
}

/**
 * When the best prompt already reaches the goal's target on the metric, the
 * fine-tune has nothing left to win: ship the prompt.
 */
export default defineRule({
  meta: {
    id: 'prompt-baseline-meets-target',
    severity: 'warning',
    description: "The prompt baseline already reaches a goal's target on its metric.",
    hintId: 'prompt-baseline-meets-target.hint',
    verdict: 'do-not-fine-tune',
    defaultOptions: {},
  },
  check({ plan, report }) {
    const results = plan.map(['baselines', 'prompt', 'results']);
    if (!results) return;
    const values = new Map<string, unknown>();
    for (const pair of results.items) {
      if (isScalar(pair.key) && isScalar(pair.value)) values.set(String(pair.key.value), pair.value.value);
    }
    plan.seq(['goals'])?.items.forEach((item, i) => {
      if (!isMap(item)) return;
      const metric = plan.text(['goals', i, 'metric']);
      const targetNode = plan.scalar(['goals', i, 'target']);
      const raw = targetNode?.value;
      const target = typeof raw === 'string' || typeof raw === 'number' ? parseTarget(raw) : undefined;
      if (!metric || !targetNode || !target) return;
      const name = resultForMetric(metric, [...values.keys()]);
      if (name === undefined) return;
      const value = resultValue(values.get(name), target);
      if (value === undefined || !meets(value, target)) return;
      report({
        node: targetNode as Scalar,
        messageId: 'prompt-baseline-meets-target.found',
        data: { goal: i + 1, metric: name, value: String(values.get(name)), target: String(targetNode.value) },
      });
    });
  },
});
