/**
 * Phrase lists for the detection rules are data: each rule has one lexicon
 * file per language (`<rule>.en.ts`, `<rule>.zh.ts` in `lexicons/`), mapping
 * a group name (one intent) to regular-expression sources written against
 * normalised text (see `normalizeText`). This module compiles the groups of
 * all languages into one expression per group, once: a global one that
 * serves `has`, `spans` and `remove` alike, since V8 compiles an expression
 * with other flags (`u` beside `gu`) a second time, and compiling is most of
 * what the phrase lists cost in a run over one plan.
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
  const global = new Map<Group, RegExp>();
  for (const [group, patterns] of sources) {
    global.set(group, new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'gu'));
  }
  return {
    has(group, text) {
      const re = global.get(group);
      if (!re) return false;
      // Searched from the start, and left as found.
      re.lastIndex = 0;
      const found = re.test(text);
      re.lastIndex = 0;
      return found;
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
