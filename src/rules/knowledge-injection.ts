import { defineRule } from '../rule.js';
import { intentMargin } from './intent.js';
import { compileLexicons } from './lexicon.js';
import en from './lexicons/knowledge-injection.en.js';
import type { KnowledgeGroup } from './lexicons/knowledge-injection.groups.js';
import zh from './lexicons/knowledge-injection.zh.js';
import { statements, type StatementField } from './statements.js';
import { clauses, shorten, type Clause } from './text.js';

const phrases = compileLexicons<KnowledgeGroup>(en, zh);

/**
 * How much more likely the intent classifier must find "knowledge" than any
 * other intent to report a statement the lexicons did not match, chosen by
 * cross-validation on the training splits of the corpus. Problem statements
 * need a much larger margin: they describe failures in terms of facts by
 * nature, and the classifier over-reads them.
 */
const CLASSIFIER_MARGIN: Record<KnowledgeField, number> = { problem: 6, behavior: 2, train: 2 };

/** Where the text comes from: training-data descriptions are read for document dumps too. */
export type KnowledgeField = StatementField;

/**
 * The sentence of `text` that asks for the model to know facts, if any.
 *
 * One sentence decides: a memorise phrase, wanting answers without
 * retrieval, or facts newer than the model (each alone); or a knowing verb,
 * an admission of ignorance or (for training data) a document dump, together
 * with a body of facts. A sentence about answering from sources (citing,
 * grounding, refusing) is behaviour, and the parts of a sentence about
 * presentation (format, tone, length) are set aside. In a problem statement
 * the facts and the failure may be in different sentences. Failing all
 * that, the intent classifier may still read the whole text as knowledge.
 */
export function findKnowledgeInjection(text: string, field: KnowledgeField): string | undefined {
  let ignorance: Clause | undefined;
  let corpus = false;
  // Whether any sentence is about sources or presentation: the classifier then stays silent.
  let aboutSources = false;
  let anyKnow = false;
  for (const clause of clauses(text)) {
    if (phrases.has('negated', clause.norm)) continue;
    if (phrases.has('memorize', clause.norm) || phrases.has('withoutRetrieval', clause.norm) || phrases.has('recency', clause.norm)) {
      return clause.text;
    }
    // A sentence about answering from sources (cite, ground, refuse) is behaviour. Parts of a
    // sentence about presentation (format, tone) are set aside; what is left must still pair a
    // body of facts with knowing it.
    if (phrases.has('behaviour', clause.norm)) {
      aboutSources = true;
      continue;
    }
    if (phrases.has('presentation', clause.norm)) aboutSources = true;
    const rest = subClauses(clause.norm)
      .filter((part) => !phrases.has('presentation', part))
      .join(' , ');
    const has = (g: KnowledgeGroup): boolean => phrases.has(g, rest);
    if (has('corpus')) {
      if (has('know') || has('ignorance')) return clause.text;
      if (field === 'train' && has('documentDump')) return clause.text;
      corpus = true;
    }
    if (!ignorance && has('ignorance')) ignorance = clause;
    if (has('know')) anyKnow = true;
  }
  // A problem statement may name the facts in one sentence and the failure in the next.
  if (field === 'problem' && ignorance && corpus) return ignorance.text;
  // In a problem statement the classifier also needs a cue from the lexicons: problems describe
  // failures, and short ones about business numbers read like facts to it.
  const cue = field !== 'problem' || corpus || ignorance !== undefined || anyKnow;
  if (!aboutSources && cue && intentMargin(text, 'knowledge') >= CLASSIFIER_MARGIN[field]) return text;
  return undefined;
}

/** Comma-separated parts of a normalised clause. */
function subClauses(norm: string): string[] {
  return norm.split(/[,，:：()（）"“”]+/u);
}

/**
 * Fine-tuning adjusts behaviour; it is a poor and costly way to store facts,
 * which go stale and come back garbled. Facts belong in retrieval.
 */
export default defineRule({
  meta: {
    id: 'knowledge-injection',
    severity: 'error',
    description: 'The plan aims to make the model know or memorise facts, documents or a knowledge base.',
    hintId: 'knowledge-injection.hint',
    verdict: 'do-not-fine-tune',
    defaultOptions: {},
  },
  check({ plan, report }) {
    for (const { node, text, field, where } of statements(plan, { trainSource: true })) {
      const sentence = findKnowledgeInjection(text, field);
      if (sentence === undefined) continue;
      report({ node, messageId: 'knowledge-injection.found', data: { where, text: shorten(sentence) } });
    }
  },
});
