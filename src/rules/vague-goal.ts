import { isMap, type Scalar, type YAMLMap } from 'yaml';
import { msg } from '../i18n/index.js';
import { defineRule } from '../rule.js';
import { intentMargin } from './intent.js';
import { compileLexicons } from './lexicon.js';
import en from './lexicons/vague-goal.en.js';
import type { VagueGroup } from './lexicons/vague-goal.groups.js';
import zh from './lexicons/vague-goal.zh.js';
import { normalizeText, shorten } from './text.js';

const words = compileLexicons<VagueGroup>(en, zh);

/**
 * How much more likely the intent classifier must find "vague" than any other
 * intent to report a behaviour the word lists leave something of. Chosen by
 * cross-validation on the training splits of the corpus.
 */
const CLASSIFIER_MARGIN = 3;

/**
 * Whether a behaviour statement names no behaviour: once improvement words
 * with no direction ("better", "提升效果"), words every goal uses ("model",
 * "answers") and function words are taken out, nothing is left — no latin
 * word and at most one Chinese character — or when the intent classifier
 * reads it as vague.
 */
export function isVagueBehavior(text: string): boolean {
  const norm = normalizeText(text);
  if (!norm) return false;
  const rest = words
    .remove(['improvement', 'generic', 'filler'], norm)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const latin = rest.match(/[a-z0-9][a-z0-9'+#-]*/g) ?? [];
  const han = rest.match(/\p{Script=Han}/gu) ?? [];
  if (latin.length === 0 && han.length <= 1) return true;
  return intentMargin(text, 'vague') >= CLASSIFIER_MARGIN;
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
    defaultOptions: {},
  },
  check({ plan, report }) {
    plan.seq(['goals'])?.items.forEach((item, i) => {
      if (!isMap(item)) return;
      const goalMap = item as YAMLMap;
      const behavior = plan.scalar(['goals', i, 'behavior']);
      const text = typeof behavior?.value === 'string' ? behavior.value : undefined;
      const goal = i + 1;
      const label = text ? msg('vague-goal.goal-quoted', { goal, text: shorten(text, 40) }) : msg('vague-goal.goal', { goal });
      if (behavior && text !== undefined && isVagueBehavior(text)) {
        report({ node: behavior, messageId: 'vague-goal.too-vague', data: { goal, text: shorten(text) } });
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
