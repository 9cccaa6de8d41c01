import { isMap, isScalar, type Scalar } from 'yaml';
import { msg, plural } from '../../../core/i18n/index.js';
import type { Plan } from '../../../core/plan.js';
import { parseTarget, resultForMetric } from '../../../core/rules/target.js';
import { twoProportionSampleSize, wilsonInterval } from '../power.js';
import { defineDataRule } from '../rule.js';
import { evalUnderpowered } from '../../../core/data-rules.js';

/** A measured rate as a proportion: `0.71`, `"0.71"`, `"71%"`; undefined for anything that is not a rate. */
function rate(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw >= 0 && raw <= 1 ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%)?\s*$/.exec(raw.normalize('NFKC'));
  if (!m) return undefined;
  const v = Number(m[1]);
  if (m[2]) return v <= 100 ? v / 100 : undefined;
  return v <= 1 ? v : undefined;
}

function results(plan: Plan, which: 'prompt' | 'rag'): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const pair of plan.map(['baselines', which, 'results'])?.items ?? []) {
    if (isScalar(pair.key) && isScalar(pair.value)) out.set(String(pair.key.value), pair.value.value);
  }
  return out;
}

const fixed = (p: number): string => p.toFixed(2).replace(/0$/, '');

/**
 * An eval set too small to tell the target from the baseline cannot show
 * that the fine-tune worked: a measured gain is as likely noise as not.
 * Two-proportion z-test (normal approximation, no continuity correction, as
 * R's power.prop.test), Wilson score intervals; see `power.ts`.
 */
export default defineDataRule({
  meta: evalUnderpowered,
  async check({ plan, references, workspace, options, report }) {
    const evalRef = references.find((r) => r.role === 'eval' && r.status === 'readable');
    const counted = evalRef ? (await (await workspace()).scan(evalRef))?.records : undefined;
    const declared = plan.scalar(['data', 'eval', 'examples'])?.value;
    const n = counted ?? (typeof declared === 'number' && Number.isInteger(declared) && declared > 0 ? declared : undefined);
    if (!n) return;
    const baselines = (['prompt', 'rag'] as const).map((which) => ({ which, results: results(plan, which) }));
    const repeats = plan.scalar(['evaluation', 'repeats'])?.value;
    plan.seq(['goals'])?.items.forEach((goal, g) => {
      if (!isMap(goal)) return;
      const metric = plan.text(['goals', g, 'metric']);
      const targetNode = plan.scalar(['goals', g, 'target']);
      const raw = targetNode?.value;
      const target = typeof raw === 'string' || typeof raw === 'number' ? parseTarget(raw) : undefined;
      if (!metric || !targetNode || !target || target.op === '=') return;
      const p1 = target.percent ? target.value / 100 : target.value;
      if (!(p1 >= 0 && p1 <= 1) || (!target.percent && target.value > 1)) return;
      const higher = target.op === '>=' || target.op === '>';
      // The best measured baseline for this metric: the highest for a floor, the lowest for a ceiling.
      let best: { which: 'prompt' | 'rag'; p0: number; raw: unknown } | undefined;
      for (const { which, results: r } of baselines) {
        const name = resultForMetric(metric, [...r.keys()]);
        const p0 = name === undefined ? undefined : rate(r.get(name));
        if (p0 === undefined) continue;
        if (!best || (higher ? p0 > best.p0 : p0 < best.p0)) best = { which, p0, raw: r.get(name!) };
      }
      if (!best) return;
      // A baseline already at the target is prompt-baseline-meets-target's finding, not this one.
      if (higher ? best.p0 >= p1 : best.p0 <= p1) return;
      const needed = twoProportionSampleSize(best.p0, p1, options.alpha, options.power);
      if (needed <= n) return;
      const ci = wilsonInterval(best.p0, n, options.alpha);
      const roundedNeed = Math.ceil(needed);
      report({
        node: targetNode as Scalar,
        messageId: 'eval-underpowered.found',
        data: {
          examples: plural('eval-underpowered.examples', n),
          baseline: msg(`eval-underpowered.baseline.${best.which}`),
          p0: String(best.raw),
          half: fixed((ci.high - ci.low) / 2),
          low: fixed(ci.low),
          high: fixed(ci.high),
          confidence: String(Math.round((1 - options.alpha) * 1000) / 10),
          goal: g + 1,
          target: String(raw),
          needed: roundedNeed.toLocaleString('en-US'),
          alpha: String(options.alpha),
          power: String(options.power),
          repeats: typeof repeats === 'number' && repeats > 1 ? msg('eval-underpowered.repeats', { repeats, count: n }) : '',
        },
      });
    });
  },
});
