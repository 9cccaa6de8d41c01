/**
 * Reading a goal's `target` as a comparison and a number. Every rule that
 * compares something with a target reads it here, so that "at least 0.9",
 * "至少 0.9", ">= 0.9" and `0.9` mean the same thing everywhere.
 */

import { normalizeText } from './text.js';

/** How a measured value must stand to the target's number. */
export type Comparison = '>=' | '>' | '<=' | '<' | '=';

/** A target that can be compared against: a comparison and a number. */
export interface Target {
  op: Comparison;
  value: number;
  /** Whether the target was written as a percentage ("90%"). */
  percent: boolean;
}

// Words before the number that say which way the comparison goes. Longer
// phrases first, so "no less than" is not read as "less than".
const PREFIXES: ReadonlyArray<readonly [RegExp, Comparison]> = [
  // symbols, as written or with their typographic forms
  [/^(>=|=>|≥|≧|⩾)/, '>='],
  [/^(<=|=<|≤|≦|⩽)/, '<='],
  [/^>/, '>'],
  [/^</, '<'],
  [/^(==?)/, '='],
  // English: the floor
  [/^(at least|no less than|not less than|no fewer than|not fewer than|no lower than|not lower than|minimum( of)?|min\.?)(?=\s|\d|$)/i, '>='],
  // English: the ceiling
  [/^(at most|no more than|not more than|no higher than|not higher than|no greater than|not greater than|up to|maximum( of)?|max\.?|within)(?=\s|\d|$)/i, '<='],
  // English: strictly above / below
  [/^(more than|greater than|higher than|above|over|exceeds?|exceeding)(?=\s|\d|$)/i, '>'],
  [/^(less than|fewer than|lower than|below|under)(?=\s|\d|$)/i, '<'],
  // English: exactly
  [/^(exactly|equal to|equals)(?=\s|\d|$)/i, '='],
  // Chinese: the floor
  [/^(至少|最少|不低于|不少于|不小于|不得低于|不得少于|大于等于|大于或等于)/, '>='],
  // Chinese: the ceiling
  [/^(至多|最多|不超过|不高于|不多于|不大于|不得超过|不得高于|小于等于|小于或等于|控制在)/, '<='],
  // Chinese: strictly above / below
  [/^(大于|高于|超过|多于)/, '>'],
  [/^(小于|低于|少于)/, '<'],
  // Chinese: exactly
  [/^(等于|恰好|正好)/, '='],
];

// Words after the number that say which way the comparison goes ("0.9 or
// higher", "90% 以上"), as regular-expression alternatives.
const SUFFIXES: ReadonlyArray<readonly [string, Comparison]> = [
  ['or (?:more|higher|above|greater|better)|and (?:above|up)|\\+|及以上|或以上|以上', '>='],
  ['or (?:less|lower|below|fewer|under)|and below|及以下|或以下|以下|以内|之内', '<='],
];

// Units a target may name after its number: counts of text, time, points.
// A unit changes nothing in the comparison; anything not listed (a model's
// name, a range) makes the target prose.
const UNIT =
  /^(words?|tokens?|characters?|chars?|sentences?|lines?|paragraphs?|items?|turns?|steps?|points?|pts?|ms|milliseconds?|s|secs?|seconds?|min|mins|minutes?|个字|字|个词|词|个token|句|行|段|条|项|轮|步|分|毫秒|秒|分钟)$/i;

/**
 * Reads a goal's target: a number (read as "at least"), or a comparison and a
 * number — `>= 0.9`, `≥0.9`, `at least 0.9`, `至少 0.9`, `不低于 90%`,
 * `<= 2`, `at most 120 words`, `0.9 or higher`, `90% 以上`. Returns
 * `undefined` for anything else (prose, ranges, ratios to another model), so
 * that a rule never compares against a number it only guessed.
 */
export function parseTarget(value: string | number): Target | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { op: '>=', value, percent: false } : undefined;
  if (typeof value !== 'string') return undefined;
  let rest = value.normalize('NFKC').trim().replace(/\s+/g, ' ');
  let op: Comparison | undefined;
  for (const [pattern, comparison] of PREFIXES) {
    const m = pattern.exec(rest);
    if (m) {
      op = comparison;
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }
  // "percent" and "per cent" are a percentage sign in words.
  const m = /^(-?\d+(?:\.\d+)?|-?\.\d+)\s*(%|percent\b|per cent\b)?\s*(.*)$/iu.exec(rest);
  if (!m) return undefined;
  const number = Number(m[1]);
  if (!Number.isFinite(number)) return undefined;
  const percent = m[2] !== undefined;
  let tail = (m[3] ?? '').trim();
  for (const [pattern, comparison] of SUFFIXES) {
    // A unit may stand between the number and the suffix: "120 words or less", "80 字以内".
    const unitThenSuffix = new RegExp(`^(?:(\\S+?)\\s*)?(?:${pattern})$`, 'iu').exec(tail);
    if (!unitThenSuffix) continue;
    const unit = unitThenSuffix[1];
    if (unit !== undefined && !UNIT.test(unit)) continue;
    if (op !== undefined && op !== comparison) return undefined;
    op = comparison;
    tail = '';
    break;
  }
  if (tail !== '' && !UNIT.test(tail)) return undefined;
  return { op: op ?? '>=', value: number, percent };
}

/**
 * The baseline results key that a goal's metric names: the same name, or the
 * name standing as a word in the metric text ("exact_match" in "exact_match
 * on the held-out set"). Latin names end where a Latin word ends; Chinese
 * around them does not extend them.
 */
export function resultForMetric(metric: string, names: readonly string[]): string | undefined {
  const m = normalizeText(metric);
  return (
    names.find((n) => normalizeText(n) === m) ??
    names.find((n) => {
      const k = normalizeText(n);
      return k !== '' && new RegExp(`(^|[^a-z0-9_])${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9_])`, 'u').test(m);
    })
  );
}
