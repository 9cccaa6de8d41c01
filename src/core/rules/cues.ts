/**
 * What the phrase lexicons of the detection rules see in a statement, as
 * named cues: `k:` for knowledge-injection, `c:` for capability-gap, `v:` for
 * vague-goal. A cue is either a phrase group found in a sentence
 * (`k:memorize`) or two groups said together (`k:know+corpus`: a knowing verb
 * and a body of facts in one sentence). The intent model takes the cues as
 * features next to the words, so that how far each cue is to be trusted is
 * learned from the labelled statements; the rules report a cue on its own
 * only where it is unambiguous (see each rule's `DECISIVE` set).
 */
import { compileLexicons, type PhraseMatcher } from './lexicon.js';
import capabilityEn from './lexicons/capability-gap.en.js';
import type { CapabilityGroup } from './lexicons/capability-gap.groups.js';
import capabilityZh from './lexicons/capability-gap.zh.js';
import knowledgeEn from './lexicons/knowledge-injection.en.js';
import type { KnowledgeGroup } from './lexicons/knowledge-injection.groups.js';
import knowledgeZh from './lexicons/knowledge-injection.zh.js';
import vagueEn from './lexicons/vague-goal.en.js';
import type { VagueGroup } from './lexicons/vague-goal.groups.js';
import vagueZh from './lexicons/vague-goal.zh.js';
import { clauses, normalizeText, type Clause } from './text.js';

export const knowledgePhrases = compileLexicons<KnowledgeGroup>(knowledgeEn, knowledgeZh);
export const capabilityPhrases = compileLexicons<CapabilityGroup>(capabilityEn, capabilityZh);
export const vaguePhrases = compileLexicons<VagueGroup>(vagueEn, vagueZh);

/** A cue and the sentence it was found in. */
export interface Cue {
  name: string;
  clause: Clause;
}

/** Which phrase groups a cue quotes as its evidence. */
const CUE_GROUPS: Record<string, { phrases: PhraseMatcher<string>; groups: string[] }> = {};
function define<G extends string>(prefix: string, phrases: PhraseMatcher<G>, cues: Record<string, readonly G[]>): void {
  for (const [name, groups] of Object.entries(cues)) CUE_GROUPS[`${prefix}:${name}`] = { phrases, groups: [...groups] };
}
define('k', knowledgePhrases, {
  memorize: ['memorize'],
  acquire: ['acquire'],
  'without-retrieval': ['withoutRetrieval'],
  recency: ['recency'],
  'know+corpus': ['know', 'corpus'],
  'ignorance+corpus': ['ignorance', 'corpus'],
  'dump+corpus': ['documentDump', 'corpus'],
  corpus: ['corpus'],
  know: ['know'],
  ignorance: ['ignorance'],
  'about-sources': ['behaviour'],
  boundary: ['boundary'],
  presentation: ['presentation'],
});
define('c', capabilityPhrases, {
  smarter: ['smarter'],
  ability: ['ability'],
  'topic+struggle': ['topic', 'struggle'],
  'rare-language': ['rareLanguage', 'languageUse'],
  'new-language': ['newLanguage'],
  topic: ['topic'],
  struggle: ['struggle'],
  presentation: ['presentation'],
});
define('v', vaguePhrases, { empty: ['improvement', 'generic'], improvement: ['improvement'] });

/** Comma-separated parts of a normalised clause. */
function subClauses(norm: string): string[] {
  return norm.split(/[,，:：()（）"“”]+/u);
}

/** Cues of recent texts: each rule and the model ask about the same statements. */
const recent = new Map<string, Cue[]>();
const RECENT_LIMIT = 64;

/** The cues the lexicons find in `text`, in order of the sentences. */
export function lexiconCues(text: string): Cue[] {
  const cached = recent.get(text);
  if (cached) return cached;
  const out: Cue[] = [];
  const add = (name: string, clause: Clause): void => {
    if (!out.some((c) => c.name === name)) out.push({ name, clause });
  };
  for (const clause of clauses(text)) {
    const k = (g: KnowledgeGroup, norm = clause.norm): boolean => knowledgePhrases.has(g, norm);
    if (!k('negated')) {
      if (k('memorize')) add('k:memorize', clause);
      if (k('withoutRetrieval')) add('k:without-retrieval', clause);
      if (k('recency')) add('k:recency', clause);
      if (k('behaviour')) add('k:about-sources', clause);
      if (k('presentation')) add('k:presentation', clause);
      if (k('boundary')) add('k:boundary', clause);
      // The parts of a sentence about presentation (format, tone) or about where answers may come from are set aside.
      const rest = { text: clause.text, norm: subClauses(clause.norm).filter((part) => !k('presentation', part) && !k('boundary', part)).join(' , ') };
      const has = (g: KnowledgeGroup): boolean => k(g, rest.norm);
      // Training on documents to answer from them (cite, retrieve, refuse) is a way of answering, not facts to hold.
      if (has('acquire') && !k('behaviour')) add('k:acquire', rest);
      if (has('corpus')) {
        add('k:corpus', rest);
        if (has('know')) add('k:know+corpus', rest);
        if (has('ignorance')) add('k:ignorance+corpus', rest);
        if (has('documentDump')) add('k:dump+corpus', rest);
      }
      if (has('know')) add('k:know', rest);
      if (has('ignorance')) add('k:ignorance', rest);
    }
    const c = (g: CapabilityGroup): boolean => capabilityPhrases.has(g, clause.norm);
    if (c('smarter')) add('c:smarter', clause);
    if (c('ability')) add('c:ability', clause);
    if (c('topic') && c('struggle') && !c('presentation')) add('c:topic+struggle', clause);
    if (c('rareLanguage') && c('languageUse')) add('c:rare-language', clause);
    if (c('newLanguage')) add('c:new-language', clause);
    if (c('topic')) add('c:topic', clause);
    if (c('struggle')) add('c:struggle', clause);
    if (c('presentation')) add('c:presentation', clause);
  }
  const whole: Clause = { text, norm: normalizeText(text) };
  if (whole.norm) {
    const rest = vaguePhrases
      .remove(['improvement', 'generic', 'filler'], whole.norm)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    const latin = rest.match(/[a-z0-9][a-z0-9'+#-]*/g) ?? [];
    const han = rest.match(/\p{Script=Han}/gu) ?? [];
    // Nothing left once directionless improvement words, words every goal uses and function words are taken out.
    if (latin.length === 0 && han.length <= 1) add('v:empty', whole);
    if (vaguePhrases.has('improvement', whole.norm)) add('v:improvement', whole);
  }
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(text, out);
  return out;
}

/** How many phrases a cue quotes at most. */
const EVIDENCE_LIMIT = 4;

/** The phrases of `cue.clause` that make up the cue, as the plan writes them where it can. */
export function cueEvidence(cue: Cue, quote: (clauseText: string, piece: string) => string): string[] {
  const spec = CUE_GROUPS[cue.name];
  if (!spec) return [];
  const pieces = new Set<string>();
  for (const group of spec.groups) {
    // The first few distinct phrases are evidence enough; a long text may repeat one thousands of times.
    for (const [start, end] of spec.phrases.spans(group, cue.clause.norm, 64)) {
      pieces.add(cue.clause.norm.slice(start, end).trim());
      if (pieces.size >= EVIDENCE_LIMIT) break;
    }
  }
  return [...pieces].filter(Boolean).map((piece) => quote(cue.clause.text, piece));
}
