/**
 * Training of the intent model (see `intent.ts`): L2-regularised logistic
 * regression per detected intent over L2-normalised binary features, fitted
 * by full-batch Adam (deterministic: the same examples give the same weights
 * on every machine), then calibrated by Platt scaling on out-of-fold scores of
 * a grouped cross-validation, so that statements from one source never score
 * a model that saw their neighbours. Not used when linting; `npm run
 * train:intent` and the evaluation script call it.
 */
import {
  DETECTED_INTENTS,
  intentFeatures,
  rawIntentScores,
  sigmoid,
  type DetectedIntent,
  type IntentExample,
  type IntentModel,
} from './intent.js';

/** A training example with the source it was collected from: examples of one group always fall in the same fold. */
export interface GroupedExample extends IntentExample {
  group?: string;
  /** How much the example counts in training (default 1). */
  weight?: number;
  /**
   * Whether the example is of the kind the model will read (statements real
   * people wrote): calibration is fitted on these alone, or on all examples
   * when none is marked.
   */
  calibrate?: boolean;
}

export interface TrainOptions {
  /** L2 penalty per unit of mean loss. */
  l2?: number;
  /** Full-batch optimisation steps. */
  steps?: number;
  /** A feature is kept when at least this many training examples have it. */
  minCount?: number;
  /** Folds of the grouped cross-validation that calibrates the scores (0: no calibration, identity). */
  calibrationFolds?: number;
}

const DEFAULTS: Required<TrainOptions> = { l2: 1e-5, steps: 300, minCount: 2, calibrationFolds: 5 };

/** Whether an example counts as a positive for `intent`. */
export function isPositive(example: IntentExample, intent: DetectedIntent): boolean {
  return example.label === intent || (example.also ?? []).includes(intent);
}

/** The fold (0 … folds-1) of a group: a stable hash, so folds do not depend on the order of the corpus. */
export function foldOf(group: string, folds: number): number {
  // FNV-1a over UTF-16 code units.
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) {
    h ^= group.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % folds;
}

/** The group of an example: its source when it has one, else its own text. */
export function groupOf(example: GroupedExample): string {
  return example.group ?? example.text;
}

interface Encoded {
  vocabulary: string[];
  rows: Int32Array[];
  scale: Float64Array;
}

function encode(examples: readonly GroupedExample[], minCount: number): Encoded {
  const featureLists = examples.map((e) => intentFeatures(e.text, e.field));
  const counts = new Map<string, number>();
  for (const list of featureLists) for (const f of list) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts.keys()].filter((f) => counts.get(f)! >= minCount).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = featureLists.map((list) => Int32Array.from(list.map((f) => index.get(f)).filter((i): i is number => i !== undefined)));
  // Scores normalise by all the features of a text, known or not, as `intent.ts` does.
  const scale = Float64Array.from(featureLists, (list) => 1 / Math.sqrt(Math.max(list.length, 1)));
  return { vocabulary, rows, scale };
}

/** Fits one binary logistic regression; returns [bias, weights]. */
function fit(enc: Encoded, labels: Uint8Array, weights: Float64Array, opts: Required<TrainOptions>): [number, Float64Array] {
  const n = enc.rows.length;
  const total = weights.reduce((a, b) => a + b, 0);
  const d = enc.vocabulary.length;
  const w = new Float64Array(d + 1); // last entry: bias
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const g = new Float64Array(d + 1);
  const lr = 0.1;
  const b1 = 0.9;
  const b2 = 0.999;
  for (let step = 1; step <= opts.steps; step++) {
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const row = enc.rows[i]!;
      const s = enc.scale[i]!;
      let z = w[d]!;
      for (let k = 0; k < row.length; k++) z += w[row[k]!]! * s;
      const err = ((sigmoid(z) - labels[i]!) * weights[i]!) / total;
      for (let k = 0; k < row.length; k++) g[row[k]!]! += err * s;
      g[d]! += err;
    }
    for (let j = 0; j < d; j++) g[j]! += opts.l2 * w[j]!;
    const c1 = 1 - b1 ** step;
    const c2 = 1 - b2 ** step;
    for (let j = 0; j <= d; j++) {
      m[j] = b1 * m[j]! + (1 - b1) * g[j]!;
      v[j] = b2 * v[j]! + (1 - b2) * g[j]! * g[j]!;
      w[j]! -= (lr * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + 1e-8);
    }
  }
  return [w[d]!, w.subarray(0, d)];
}

/** Platt scaling: fits a, b so that sigmoid(a * score + b) predicts the labels (Newton's method on two parameters). */
export function plattScale(scores: readonly number[], labels: readonly boolean[]): [number, number] {
  const pos = labels.filter(Boolean).length;
  const neg = labels.length - pos;
  // Platt's targets, smoothed so that a perfectly separated fold does not push a to infinity.
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < scores.length; i++) {
      const p = sigmoid(a * scores[i]! + b);
      const t = labels[i] ? hi : lo;
      const r = p - t;
      const q = p * (1 - p);
      ga += r * scores[i]!;
      gb += r;
      haa += q * scores[i]! * scores[i]!;
      hab += q * scores[i]!;
      hbb += q;
    }
    const det = haa * hbb - hab * hab;
    if (det <= 0) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return [a, b];
}

/** Rounds a weight for the committed model (four decimals keep the scores to well under 0.01). */
function round(x: number): number {
  // `+ 0` turns -0 into 0, as the model's JSON file writes it.
  return Math.round(x * 1e4) / 1e4 + 0;
}

/** Trains the uncalibrated model (identity calibration) on `examples`. */
function trainRaw(examples: readonly GroupedExample[], opts: Required<TrainOptions>): IntentModel {
  const enc = encode(examples, opts.minCount);
  const labels = [...DETECTED_INTENTS];
  const weights = Float64Array.from(examples, (e) => e.weight ?? 1);
  const fitted = labels.map((intent) => fit(enc, Uint8Array.from(examples, (e) => (isPositive(e, intent) ? 1 : 0)), weights, opts));
  const features: Record<string, number[]> = {};
  enc.vocabulary.forEach((f, j) => {
    const weights = fitted.map(([, w]) => round(w[j]!));
    if (weights.some((x) => x !== 0)) features[f] = weights;
  });
  return { labels, bias: fitted.map(([b]) => round(b)), calibration: labels.map(() => [1, 0]), features };
}

/**
 * Out-of-fold raw scores of every example, per intent: each example scored by
 * a model trained without its group's fold.
 */
export function outOfFoldScores(examples: readonly GroupedExample[], folds: number, options: TrainOptions = {}): number[][] {
  const opts = { ...DEFAULTS, ...options };
  const out = DETECTED_INTENTS.map(() => new Array<number>(examples.length).fill(0));
  const foldOfExample = examples.map((e) => foldOf(groupOf(e), folds));
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((_, i) => foldOfExample[i] !== k);
    const m = trainRaw(train, opts);
    examples.forEach((e, i) => {
      if (foldOfExample[i] !== k) return;
      rawIntentScores(e.text, e.field, m).forEach((z, li) => (out[li]![i] = z));
    });
  }
  return out;
}

/**
 * Trains the model on `examples`: weights on all of them, calibration on the
 * out-of-fold scores of a grouped cross-validation. Deterministic.
 */
export function trainIntentModel(examples: readonly GroupedExample[], options: TrainOptions = {}): IntentModel {
  const opts = { ...DEFAULTS, ...options };
  const model = trainRaw(examples, opts);
  if (opts.calibrationFolds > 1) {
    const oof = outOfFoldScores(examples, opts.calibrationFolds, opts);
    const marked = examples.some((e) => e.calibrate);
    const on = examples.map((e, i) => [e, i] as const).filter(([e]) => !marked || e.calibrate);
    model.calibration = DETECTED_INTENTS.map((intent, li) => {
      const [a, b] = plattScale(
        on.map(([, i]) => oof[li]![i]!),
        on.map(([e]) => isPositive(e, intent)),
      );
      return [round(a), round(b)];
    });
  }
  return model;
}
