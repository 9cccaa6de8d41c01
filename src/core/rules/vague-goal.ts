import { isMap, type Scalar, type YAMLMap } from 'yaml';
import { msg } from '../i18n/index.js';
import { defineRule } from '../rule.js';
import { confidenceOptionsSchema, evidenceMessage, type Detection } from './detection.js';
import { intentConfidence, readIntent } from './intent.js';
import { lexiconCues, vaguePhrases as words } from './cues.js';
import { normalizeText, shorten } from './text.js';

/**
 * The model confidence at which a behaviour the word lists leave something
 * of is reported as vague, chosen on the grouped cross-validation of the
 * collected corpus (see `npm run eval:rules`).
 */
export const VAGUE_MIN_CONFIDENCE = 0.9;

/**
 * Whether a behaviour statement names no behaviour, and why: once
 * improvement words with no direction ("better", "提升效果"), words every goal
 * uses ("model", "answers") and function words are taken out, nothing is left
 * (the lexicon cue `v:empty`, decisive) — or the intent model reads it as
 * vague.
 */
export function findVagueBehavior(text: string, minConfidence = VAGUE_MIN_CONFIDENCE): Detection | undefined {
  if (lexiconCues(text).some((c) => c.name === 'v:empty')) return { quote: text, confidence: 1, evidence: [], lexicon: true };
  if (!normalizeText(text)) return undefined;
  if (intentConfidence(text, 'vague', 'behavior') < minConfidence) return undefined;
  const reading = readIntent(text, 'vague', 'behavior');
  return { quote: text, confidence: reading.confidence, evidence: reading.evidence, lexicon: false };
}

/** Whether a metric or target value is missing, empty or a placeholder such as "TBD". */
function isUnset(node: unknown): boolean {
  if (node === undefined || node === null) return true;
  const value = (node as Scalar).value;
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const norm = normalizeText(value);
  return norm === '' || words.has('placeholder', norm);
}

/**
 * A goal with no metric and target cannot be checked, and a goal that names
 * no behaviour cannot be trained for: "better" is not a behaviour.
 */
export default defineRule({
  meta: {
    id: 'vague-goal',
    severity: 'warning',
    description: 'A goal has no metric or no target, or its behaviour is too vague to say which behaviour changes.',
    hintId: 'vague-goal.hint',
    verdict: 'fix-first',
    optionsSchema: confidenceOptionsSchema(VAGUE_MIN_CONFIDENCE),
    defaultOptions: { minConfidence: VAGUE_MIN_CONFIDENCE },
  },
  check({ plan, options, report }) {
    plan.seq(['goals'])?.items.forEach((item, i) => {
      if (!isMap(item)) return;
      const goalMap = item as YAMLMap;
      const behavior = plan.scalar(['goals', i, 'behavior']);
      const text = typeof behavior?.value === 'string' ? behavior.value : undefined;
      const goal = i + 1;
      const label = text ? msg('vague-goal.goal-quoted', { goal, text: shorten(text, 40) }) : msg('vague-goal.goal', { goal });
      const vague = behavior && text !== undefined ? findVagueBehavior(text, options.minConfidence) : undefined;
      if (behavior && vague) {
        report({
          node: behavior,
          ...(vague.lexicon
            ? { messageId: 'vague-goal.too-vague', data: { goal, text: shorten(text!) } }
            : { messageId: 'vague-goal.too-vague-model', data: { goal, text: shorten(text!), evidence: evidenceMessage(vague) } }),
          confidence: vague.confidence,
          evidence: vague.evidence,
        });
      }
      const noMetric = isUnset(goalMap.get('metric', true));
      const noTarget = isUnset(goalMap.get('target', true));
      if (!noMetric && !noTarget) return;
      report({
        node: plan.anchor(['goals', i, noMetric ? 'metric' : 'target']),
        messageId: noMetric && noTarget ? 'vague-goal.no-metric-no-target' : noMetric ? 'vague-goal.no-metric' : 'vague-goal.no-target',
        data: { label },
        hintId: noMetric ? 'vague-goal.no-metric.hint' : 'vague-goal.no-target.hint',
      });
    });
  },
});
