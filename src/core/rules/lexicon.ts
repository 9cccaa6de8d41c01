/**
 * Phrase lists for the detection rules are data: each rule has one lexicon
 * file per language (`<rule>.en.ts`, `<rule>.zh.ts` in `lexicons/`), mapping
 * a group name (one intent) to regular-expression sources written against
 * normalised text (see `normalizeText`). This module compiles the groups of
 * all languages into one expression per group, once.
 */

/** Group name → regular-expression sources. */
export type Lexicon<Group extends string = string> = Readonly<Record<Group, readonly string[]>>;

/** A compiled lexicon: one regular expression per group. */
export interface PhraseMatcher<Group extends string> {
  /** Whether `text` contains a phrase of `group`. */
  has(group: Group, text: string): boolean;
  /** `text` with every phrase of the given groups replaced by a space. */
  remove(groups: readonly Group[], text: string): string;
  /** Where the phrases of `group` stand in `text`, as [start, end) offsets: the first `limit` of them. */
  spans(group: Group, text: string, limit?: number): Array<[number, number]>;
}

/** Compiles lexicons (of one rule, one per language) into a matcher. */
export function compileLexicons<Group extends string>(...lexicons: ReadonlyArray<Lexicon<Group>>): PhraseMatcher<Group> {
  const sources = new Map<Group, string[]>();
  for (const lexicon of lexicons) {
    for (const [group, patterns] of Object.entries(lexicon) as Array<[Group, readonly string[]]>) {
      const list = sources.get(group) ?? [];
      list.push(...patterns);
      sources.set(group, list);
    }
  }
  const compiled = new Map<Group, RegExp>();
  const global = new Map<Group, RegExp>();
  for (const [group, patterns] of sources) {
    const source = patterns.map((p) => `(?:${p})`).join('|');
    compiled.set(group, new RegExp(source, 'u'));
    global.set(group, new RegExp(source, 'gu'));
  }
  const get = (group: Group): RegExp | undefined => compiled.get(group);
  return {
    has(group, text) {
      return get(group)?.test(text) ?? false;
    },
    spans(group, text, limit = Infinity) {
      const re = global.get(group);
      if (!re) return [];
      const out: Array<[number, number]> = [];
      for (const m of text.matchAll(re)) {
        if (m[0].length > 0) out.push([m.index, m.index + m[0].length]);
        if (out.length >= limit) break;
      }
      return out;
    },
    remove(groups, text) {
      let out = text;
      for (const group of groups) {
        const re = global.get(group);
        if (re) out = out.replace(re, ' ');
      }
      return out;
    },
  };
}
