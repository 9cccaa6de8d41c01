/**
 * A statistical reading of what a statement in a plan asks for, next to the
 * phrase lexicons: one logistic-regression model per detected intent
 * (knowledge, capability, vague) over words, word pairs, Chinese character
 * n-grams and the cues the lexicons find (`cues.ts`), trained on the labelled statements in `fixtures/corpus/` — those
 * written for the repository and those collected from public fine-tuning
 * threads (`npm run train:intent` writes `intent-model.json`; a test checks
 * the committed model matches the corpus). Scores are calibrated on held-out
 * folds (Platt scaling), so a confidence of 0.9 means about nine readings in
 * ten are right; each reading names the features that decided it.
 */
import { cueEvidence, lexiconCues } from './cues.js';
import model from './intent-model.json' with { type: 'json' };

/** The intents a statement in a plan is labelled with. */
export const INTENT_LABELS = ['knowledge', 'capability', 'behavior', 'vague'] as const;
export type IntentLabel = (typeof INTENT_LABELS)[number];

/** The intents the model scores (behaviour is what remains). */
export const DETECTED_INTENTS = ['knowledge', 'capability', 'vague'] as const;
export type DetectedIntent = (typeof DETECTED_INTENTS)[number];

/** Which plan field a statement comes from; the model reads a problem differently from a goal. */
export type IntentField = 'problem' | 'behavior' | 'train';

/** The trained model, as `intent-model.json` holds it. */
export interface IntentModel {
  labels: DetectedIntent[];
  /** Per label: the intercept. */
  bias: number[];
  /** Per label: Platt scaling of the raw score, `confidence = 1 / (1 + exp(-(a * score + b)))`. */
  calibration: Array<[number, number]>;
  /** Per feature (sorted keys): its weight for each label. */
  features: Record<string, number[]>;
}

/**
 * The model as the bundles ship it: the features packed into one string of
 * sorted `feature\tweight,weight,…` lines, searched in place, so that loading
 * it costs nothing.
 */
export interface PackedIntentModel extends Omit<IntentModel, 'features'> {
  packed: string;
}

type AnyModel = IntentModel | PackedIntentModel;

/** The model the rules read with: the committed one, unless an evaluation swaps in another. */
let active: AnyModel = model as unknown as PackedIntentModel;

/**
 * Makes the detection rules read with `m` (the committed model when
 * undefined). For evaluation only: cross-validation scores each fold with a
 * model that never saw it.
 */
export function useIntentModel(m?: IntentModel | PackedIntentModel): void {
  active = m ?? (model as unknown as PackedIntentModel);
  recent.clear();
}

/** A labelled statement to train on. */
export interface IntentExample {
  text: string;
  label: IntentLabel;
  field?: IntentField;
  /** Labels the statement also carries (a positive for those models too). */
  also?: IntentLabel[];
}

/**
 * The features of a text: lower-case words, the first five letters of longer
 * words (memorise / memorize / memory), word pairs, Chinese character 1-, 2-
 * and 3-grams, the cues of the phrase lexicons (see `cues.ts`), and the field
 * it comes from.
 */
export function intentFeatures(text: string, field?: IntentField): string[] {
  const t = text.normalize('NFKC').toLowerCase();
  const out = new Set<string>();
  const words = t.match(/[a-z][a-z'-]*/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    out.add(`w:${words[i]}`);
    if (words[i]!.length > 5) out.add(`p:${words[i]!.slice(0, 5)}`);
    if (i + 1 < words.length) out.add(`b:${words[i]}_${words[i + 1]}`);
  }
  for (const run of t.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= chars.length; i++) out.add(`c${n}:${chars.slice(i, i + n).join('')}`);
    }
  }
  for (const cue of lexiconCues(text)) out.add(cue.name);
  if (field) out.add(`f:${field}`);
  return [...out];
}

/** What the model makes of a statement for one intent. */
export interface IntentReading {
  /** Calibrated probability that the statement carries the intent, 0–1. */
  confidence: number;
  /** The words or characters of the statement that pushed hardest toward the intent, strongest first. */
  evidence: string[];
}

/** Weights of one feature per label, or undefined for a feature the model never kept. */
function featureWeights(m: AnyModel, feature: string): number[] | undefined {
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

/** Raw scores of one text per label, and its features the model knows with their weights. */
interface Scored {
  scores: number[];
  /** Each known feature with its weights (per label), already scaled by the text's normalisation. */
  known: Array<[string, number[]]>;
}

/** Scores of recent texts: several rules ask about the same goal or problem. */
const recent = new Map<string, Scored>();
const RECENT_LIMIT = 64;

function score(m: AnyModel, text: string, field: IntentField | undefined): Scored {
  const key = `${field ?? ''}\u0000${text}`;
  const cached = m === active ? recent.get(key) : undefined;
  if (cached) return cached;
  const features = intentFeatures(text, field);
  const norm = 1 / Math.sqrt(Math.max(features.length, 1));
  const scores = [...m.bias];
  const known: Scored['known'] = [];
  for (const f of features) {
    const weights = featureWeights(m, f);
    if (!weights) continue;
    const scaled = weights.map((w) => w * norm);
    for (let li = 0; li < scores.length; li++) scores[li]! += scaled[li]!;
    known.push([f, scaled]);
  }
  const scored = { scores, known };
  if (m === active) {
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
    recent.set(key, scored);
  }
  return scored;
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The features a reading quotes: the strongest ones, as the plan wrote them, none overlapping a stronger one. */
function evidenceOf(text: string, support: Array<[string, number]>, limit: number): string[] {
  const quotes: string[] = [];
  const ranked = [...support].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [feature] of ranked) {
    const cue = /^[kcv]:/.test(feature) ? lexiconCues(text).find((c) => c.name === feature) : undefined;
    const pieces = cue ? cueEvidence(cue, quoteFrom) : [quotable(feature)].filter((p): p is string => !!p).map((p) => quoteFrom(text, p));
    for (const quote of pieces) {
      // A quote that overlaps a stronger one adds nothing (a word pair over its word, a 3-gram over its 2-gram).
      const lower = quote.toLowerCase();
      if (quotes.some((q) => q.toLowerCase().includes(lower) || lower.includes(q.toLowerCase()))) continue;
      quotes.push(quote);
    }
    if (quotes.length >= limit) break;
  }
  return quotes.slice(0, limit);
}

/** The text a feature stands for, or undefined for one that quotes nothing (the field, single characters). */
function quotable(feature: string): string | undefined {
  const [kind, value] = [feature.slice(0, feature.indexOf(':')), feature.slice(feature.indexOf(':') + 1)];
  if (kind === 'w') return value.length > 2 ? value : undefined;
  if (kind === 'b') return value.replace('_', ' ');
  if (kind === 'c2' || kind === 'c3') return value;
  return undefined;
}

/** The text last quoted from, normalised: evidence quotes several pieces of one text. */
let lastQuoted = { text: '', normal: '' };

/**
 * `piece` (found in the NFKC, lower-case form of `text`) as `text` writes it,
 * when normalising kept every character in place; else `piece` itself.
 */
export function quoteFrom(text: string, piece: string): string {
  if (lastQuoted.text !== text) lastQuoted = { text, normal: text.normalize('NFKC').toLowerCase() };
  const { normal } = lastQuoted;
  const at = normal.indexOf(piece);
  if (at < 0 || normal.length !== text.length) return piece;
  return text.slice(at, at + piece.length);
}

/** The raw (uncalibrated) score of `text` for each of the model's labels; what training calibrates. */
export function rawIntentScores(text: string, field: IntentField | undefined, m: AnyModel): number[] {
  return score(m, text, field).scores;
}

/** The calibrated confidence that `text` (from plan field `field`) carries `intent`. */
export function intentConfidence(text: string, intent: DetectedIntent, field?: IntentField, m: AnyModel = active): number {
  const li = m.labels.indexOf(intent);
  const [a, b] = m.calibration[li]!;
  return sigmoid(a * score(m, text, field).scores[li]! + b);
}

/**
 * What the model reads in `text` (from plan field `field`) for `intent`: the
 * calibrated confidence and the strongest evidence.
 */
export function readIntent(text: string, intent: DetectedIntent, field?: IntentField, m: AnyModel = active): IntentReading {
  const li = m.labels.indexOf(intent);
  const support = score(m, text, field)
    .known.filter(([, w]) => w[li]! > 0)
    .map(([f, w]): [string, number] => [f, w[li]!]);
  return { confidence: intentConfidence(text, intent, field, m), evidence: evidenceOf(text, support, 3) };
}
