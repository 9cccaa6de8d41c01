/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps), for
 * "did you mean" suggestions.
 */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = new Array<number>(n + 1).fill(0);
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      row[j] = v;
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[n]!;
}

/** Folds case and the separators people mix up (`baseModel`, `base-model`, `Base Model`). */
function fold(s: string): string {
  return s.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/**
 * The candidate closest to `input`, if it is close enough to be a likely typo:
 * equal after folding case and separators, or within a third of its length.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const folded = fold(input);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (fold(c) === folded) return c;
    const d = editDistance(folded, fold(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(folded.length / 3));
  return bestDistance <= limit ? best : undefined;
}
