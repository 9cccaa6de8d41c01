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
export const CAPABILITY_MIN_CONFIDENCE = 0.925;

/**
 * Lexicon cues that decide on their own (confidence 1): using a language the
 * base model has seen little of ("answer in Tibetan"), or naming a language
 * as one it lacks ("unsupported languages", "low-resource language", "方言",
 * "小语种"; 17 of the 18 collected statements with such a phrase ask for a
 * capability). A hard skill with a
 * failure, "smarter", an ability named as such — all are features of the
 * model, which weighs them against the rest of the statement.
 */
const DECISIVE = new Set(['c:rare-language', 'c:new-language']);

/** Where the text comes from. */
export type CapabilityField = StatementField;

/**
 * Whether `text` asks for an ability the base model lacks, and why: a
 * decisive lexicon cue, or the intent model's calibrated reading of the
 * statement — its words, its lexicon cues (a hard skill, a failure at it,
 * "smarter", presentation) and its field.
 */
export function findCapabilityGap(text: string, field: CapabilityField = 'behavior', minConfidence = CAPABILITY_MIN_CONFIDENCE): Detection | undefined {
  const decisive = lexiconCues(text).find((c) => DECISIVE.has(c.name));
  if (decisive) return { quote: decisive.clause.text, confidence: 1, evidence: cueEvidence(decisive, quoteFrom), lexicon: true };
  if (intentConfidence(text, 'capability', field) < minConfidence) return undefined;
  const reading = readIntent(text, 'capability', field);
  return { quote: text, confidence: reading.confidence, evidence: reading.evidence, lexicon: false };
}

/**
 * Fine-tuning shapes how a model uses what it can already do. It does not
 * add reasoning, maths, a language or a modality the base model lacks.
 */
export default defineRule({
  meta: {
    id: 'capability-gap',
    severity: 'warning',
    description: 'The plan aims for an ability the base model lacks (reasoning, maths, an unseen language or domain, "smarter").',
    hintId: 'capability-gap.hint',
    verdict: 'do-not-fine-tune',
    optionsSchema: confidenceOptionsSchema(CAPABILITY_MIN_CONFIDENCE),
    defaultOptions: { minConfidence: CAPABILITY_MIN_CONFIDENCE },
  },
  check({ plan, options, report }) {
    for (const { node, text, field, where } of statements(plan)) {
      const found = findCapabilityGap(text, field, options.minConfidence);
      if (found === undefined) continue;
      report({
        node,
        messageId: 'capability-gap.found',
        data: { where, text: shorten(found.quote), evidence: evidenceMessage(found) },
        confidence: found.confidence,
        evidence: found.evidence,
      });
    }
  },
});
