/**
 * Text helpers shared by the detection rules. Plans are written in English,
 * Chinese and a mix of both; matching happens on a normalised form so that
 * width, case, quotes and spacing do not decide a finding.
 */

/**
 * Normalises text for matching: Unicode NFKC (full-width letters, digits and
 * punctuation become their ASCII forms), lower case, curly quotes made
 * straight, runs of white space folded to one space, and the spaces that
 * people put between Chinese and Latin words removed (`学会公司 wiki` →
 * `学会公司wiki`), since Chinese has no word boundaries to keep.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u300c\u300d\u300e\u300f]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/(\p{Script=Han}) (?=[^\s])/gu, '$1')
    .replace(/([^\s]) (?=\p{Script=Han})/gu, '$1')
    .trim();
}

/** A sentence or clause of a text: as written (for quoting) and normalised (for matching). */
export interface Clause {
  text: string;
  norm: string;
}

/**
 * Splits text into sentences or clauses, so that signals are combined only
 * when they are said together.
 */
export function clauses(text: string): Clause[] {
  const cached = recentClauses.get(text);
  if (cached) return cached;
  const split = splitClauses(text);
  if (recentClauses.size >= RECENT_LIMIT) recentClauses.delete(recentClauses.keys().next().value!);
  recentClauses.set(text, split);
  return split;
}

/** Clauses of recent texts: several rules read the same goal or problem. */
const recentClauses = new Map<string, Clause[]>();
const RECENT_LIMIT = 64;

const CLAUSE_BREAK = /(?<=[.!?])\s+|[。！？；;\n]+|(?<=[\p{L})"'])\s*[—–]\s*/gu;

function splitClauses(text: string): Clause[] {
  // Clauses are cut on the normalised text (full-width punctuation made ASCII), and quoted as the
  // author wrote them when normalising kept every character in place (it does for full-width
  // punctuation and letters); otherwise the normalised text is quoted.
  const normal = text.normalize('NFKC');
  const source = normal.length === text.length ? text : normal;
  const out: Clause[] = [];
  const take = (start: number, end: number): void => {
    const piece = normal.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (!trimmed) return;
    const quoted = source.slice(start + lead, start + lead + trimmed.length);
    out.push({ text: quoted, norm: normalizeText(trimmed) });
  };
  let from = 0;
  for (const m of normal.matchAll(CLAUSE_BREAK)) {
    take(from, m.index);
    from = m.index + m[0].length;
  }
  take(from, normal.length);
  return out;
}

/**
 * Shortens text for quoting in a message: one line, at most `max` characters.
 * The quote marks are the message template's, so each language quotes its own way.
 */
export function shorten(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
