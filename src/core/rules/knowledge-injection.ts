import { defineRule } from '../rule.js';
import { cueEvidence, lexiconCues } from './cues.js';
import { confidenceOptionsSchema, evidenceMessage, type Detection } from './detection.js';
import { intentConfidence, quoteFrom, readIntent } from './intent.js';
import { statements, type StatementField } from './statements.js';
import { shorten } from './text.js';

/**
 * The model confidence from which a statement is reported, chosen on the
 * grouped cross-validation of the collected corpus for precision first (see
 * `npm run eval:rules`).
 */
export const KNOWLEDGE_MIN_CONFIDENCE = 0.9;

/** A model reading that says knowledge is more likely than not. */
const MORE_LIKELY_THAN_NOT = 0.5;

/**
 * Lexicon cues that decide on their own (confidence 1), each with the model
 * reading under which it stands down. Wanting answers without retrieval
 * ("without RAG", "不用挂知识库") always decides. Training a body of documents
 * in or having the model take new knowledge up ("fine-tune it on our PDFs",
 * "用公司知识库微调", "让模型学到领域知识") decides unless the model reads the
 * statement as more likely something else ("用公司文档微调，让回答的格式统一"):
 * all 56 collected statements with such a phrase ask for knowledge, and the
 * cross-validated model reads 49 of them at 0.5 or more. (A sentence about
 * citing or retrieving has no such phrase: see `lexiconCues`.) Every other cue —
 * memorise, a knowing verb with a body of facts, an admission of ignorance —
 * is a feature of the model, which weighs it against the rest of the
 * statement: on collected statements none of them is right often enough
 * alone.
 */
const DECISIVE: ReadonlyMap<string, number> = new Map([
  ['k:without-retrieval', 0],
  ['k:acquire', MORE_LIKELY_THAN_NOT],
]);

/** Where the text comes from: training-data descriptions are read for document dumps too. */
export type KnowledgeField = StatementField;

export interface KnowledgeOptions {
  /** Report a statement from this calibrated confidence on. */
  minConfidence?: number;
  /**
   * For a problem statement: whether the plan's goals or training data also
   * point at facts. A problem describes a failure, and failures are told in
   * terms of facts ("it gets the fee wrong"); only then does the model's
   * reading of a problem count.
   */
  corroborated?: boolean;
}

/**
 * Whether `text` asks for the model to know facts, and why: a decisive
 * lexicon cue, or the intent model's calibrated reading of the statement —
 * its words, its lexicon cues (memorise, a knowing verb with a body of
 * facts, answering from sources, presentation) and its field.
 */
export function findKnowledgeInjection(text: string, field: KnowledgeField, options: KnowledgeOptions = {}): Detection | undefined {
  const { minConfidence = KNOWLEDGE_MIN_CONFIDENCE, corroborated = false } = options;
  const decisive = lexiconCues(text).find((c) => {
    const floor = DECISIVE.get(c.name);
    return floor !== undefined && (floor === 0 || intentConfidence(text, 'knowledge', field) >= floor);
  });
  if (decisive) return { quote: decisive.clause.text, confidence: 1, evidence: cueEvidence(decisive, quoteFrom), lexicon: true };
  if (field === 'problem' && !corroborated) return undefined;
  if (intentConfidence(text, 'knowledge', field) < minConfidence) return undefined;
  const reading = readIntent(text, 'knowledge', field);
  return { quote: text, confidence: reading.confidence, evidence: reading.evidence, lexicon: false };
}

/** Whether a goal or the training data points at facts: the model reads it as more likely knowledge than not. */
function pointsAtFacts(text: string, field: KnowledgeField): boolean {
  return intentConfidence(text, 'knowledge', field) >= MORE_LIKELY_THAN_NOT;
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
    optionsSchema: confidenceOptionsSchema(KNOWLEDGE_MIN_CONFIDENCE),
    defaultOptions: { minConfidence: KNOWLEDGE_MIN_CONFIDENCE },
  },
  check({ plan, options, report }) {
    const all = statements(plan, { trainSource: true });
    const corroborated = all.some((s) => s.field !== 'problem' && pointsAtFacts(s.text, s.field));
    for (const { node, text, field, where } of all) {
      const found = findKnowledgeInjection(text, field, { minConfidence: options.minConfidence, corroborated });
      if (found === undefined) continue;
      report({
        node,
        messageId: 'knowledge-injection.found',
        data: { where, text: shorten(found.quote), evidence: evidenceMessage(found) },
        confidence: found.confidence,
        evidence: found.evidence,
      });
    }
  },
});
