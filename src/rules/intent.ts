/**
 * A statistical second opinion for the detection rules: a naive Bayes
 * classifier over words, word pairs and Chinese character n-grams, trained on
 * the labelled statements in `fixtures/corpus/` (`npm run train:intent`
 * writes `intent-model.json`; a test checks the committed model matches the
 * corpus). The phrase lexicons catch what they name exactly; the classifier
 * catches the same intents phrased in ways no lexicon lists.
 */
import model from './intent-model.json' with { type: 'json' };

/** The intents a statement in a plan is read as. */
export const INTENT_LABELS = ['knowledge', 'capability', 'behavior', 'vague'] as const;
export type IntentLabel = (typeof INTENT_LABELS)[number];

/** The trained model: documents per label and, per feature, the documents of each label that have it. */
export interface IntentModel {
  labels: IntentLabel[];
  documents: number[];
  features: Record<string, number[]>;
}

/**
 * The model as the bundles ship it: the features packed into one string of
 * sorted `feature\tcount,count,…` lines, searched in place. Loading it costs
 * nothing, where parsing the JSON form took ~15 ms of every run's start.
 */
export interface PackedIntentModel {
  labels: IntentLabel[];
  documents: number[];
  packed: string;
}

/** A labelled statement to train on. */
export interface IntentExample {
  text: string;
  label: IntentLabel;
}

/** The features of a text: lower-case words, word pairs, and Chinese character 1-, 2- and 3-grams. */
export function intentFeatures(text: string): string[] {
  const t = text.normalize('NFKC').toLowerCase();
  const out = new Set<string>();
  const words = t.match(/[a-z][a-z'-]*/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    out.add(`w:${words[i]}`);
    if (i + 1 < words.length) out.add(`b:${words[i]}_${words[i + 1]}`);
  }
  for (const run of t.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= chars.length; i++) out.add(`c${n}:${chars.slice(i, i + n).join('')}`);
    }
  }
  return [...out];
}

/** Counts, per label, the documents that have each feature. Deterministic: keys are sorted. */
export function trainIntentModel(examples: readonly IntentExample[]): IntentModel {
  const labels = [...INTENT_LABELS];
  const documents = labels.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const ex of examples) {
    const li = labels.indexOf(ex.label);
    if (li < 0) continue;
    documents[li]!++;
    for (const f of intentFeatures(ex.text)) {
      let c = counts.get(f);
      if (!c) counts.set(f, (c = labels.map(() => 0)));
      c[li]!++;
    }
  }
  const features: Record<string, number[]> = {};
  for (const key of [...counts.keys()].sort()) features[key] = counts.get(key)!;
  return { labels, documents, features };
}

/** Log-probabilities of a model: the prior, and per feature and label, computed when first needed. */
interface Scorer {
  prior: number[];
  logs: Map<string, Float64Array | null>;
}

const scorers = new WeakMap<IntentModel | PackedIntentModel, Scorer>();

function scorerFor(m: IntentModel | PackedIntentModel): Scorer {
  let s = scorers.get(m);
  if (!s) {
    const total = m.documents.reduce((a, b) => a + b, 0);
    s = { prior: m.documents.map((d) => Math.log(d / total)), logs: new Map() };
    scorers.set(m, s);
  }
  return s;
}

/** The log-likelihoods of one feature per label, or null for a feature the model never saw. */
function featureLogs(m: IntentModel | PackedIntentModel, s: Scorer, feature: string): Float64Array | null {
  let logs = s.logs.get(feature);
  if (logs === undefined) {
    const counts = featureCounts(m, feature);
    logs = counts ? Float64Array.from(counts, (c, li) => Math.log((c + 0.5) / (m.documents[li]! + 1))) : null;
    s.logs.set(feature, logs);
  }
  return logs;
}

/** Documents per label that have `feature`, or undefined for a feature the model never saw. */
function featureCounts(m: IntentModel | PackedIntentModel, feature: string): number[] | undefined {
  if (!('packed' in m)) return Object.hasOwn(m.features, feature) ? m.features[feature] : undefined;
  // Binary search over the lines of the sorted table (keys compare by UTF-16 code units, as they were sorted).
  const table = m.packed;
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = table.lastIndexOf('\n', mid - 1) + 1;
    const tab = table.indexOf('\t', start);
    const end = table.indexOf('\n', tab);
    const key = table.slice(start, tab);
    if (key === feature) return table.slice(tab + 1, end === -1 ? undefined : end).split(',').map(Number);
    if (key < feature) lo = end === -1 ? table.length : end + 1;
    else hi = start;
  }
  return undefined;
}

/** Scores of recent texts: several rules ask about the same goal or problem. */
const recent = new Map<string, number[]>();
const RECENT_LIMIT = 64;

function scoresOf(text: string, m: IntentModel | PackedIntentModel): number[] {
  const cached = m === model ? recent.get(text) : undefined;
  if (cached) return cached;
  const scorer = scorerFor(m);
  const scores = [...scorer.prior];
  for (const f of intentFeatures(text)) {
    const logs = featureLogs(m, scorer, f);
    if (!logs) continue;
    for (let li = 0; li < scores.length; li++) scores[li]! += logs[li]!;
  }
  if (m === model) {
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
    recent.set(text, scores);
  }
  return scores;
}

/**
 * How strongly `text` reads as `label` rather than the most likely other
 * intent: the difference of log-probabilities (positive when `label` wins).
 */
export function intentMargin(
  text: string,
  label: IntentLabel,
  m: IntentModel | PackedIntentModel = model as IntentModel,
): number {
  const scores = scoresOf(text, m);
  const target = m.labels.indexOf(label);
  const best = Math.max(...scores.filter((_, li) => li !== target));
  return scores[target]! - best;
}
