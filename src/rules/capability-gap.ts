import { defineRule } from '../rule.js';
import { intentMargin } from './intent.js';
import { compileLexicons } from './lexicon.js';
import en from './lexicons/capability-gap.en.js';
import type { CapabilityGroup } from './lexicons/capability-gap.groups.js';
import zh from './lexicons/capability-gap.zh.js';
import { statements, type StatementField } from './statements.js';
import { clauses, normalizeText, shorten } from './text.js';

const phrases = compileLexicons<CapabilityGroup>(en, zh);

/**
 * How much more likely the intent classifier must find "capability" than any
 * other intent to report a statement the lexicons did not match, chosen by
 * cross-validation on the training splits of the corpus. Problem statements
 * need a much larger margin: they describe failures — of code, of maths, of
 * people ("applicants cannot understand") — which the classifier reads as
 * capability requests.
 */
const CLASSIFIER_MARGIN: Record<CapabilityField, number> = { problem: 8, behavior: 1, train: 1 };

/** Where the text comes from. */
export type CapabilityField = StatementField;

/**
 * The clause of `text` that asks for an ability the base model lacks, if any:
 * a smarter model or another model's level, an ability named as such, or a
 * hard skill (reasoning, maths, code, images, long inputs) together with a
 * statement that the model fails at it or should master it — unless the
 * clause only asks for a way of presenting it; or using a language the base
 * model has seen little of. Failing all that, the intent classifier may still
 * read the text as asking for a capability.
 */
export function findCapabilityGap(text: string, field: CapabilityField = 'behavior'): string | undefined {
  for (const clause of clauses(text)) {
    const has = (g: CapabilityGroup): boolean => phrases.has(g, clause.norm);
    if (has('smarter') || has('ability')) return clause.text;
    if (has('topic') && has('struggle') && !has('presentation')) return clause.text;
    if (has('rareLanguage') && has('languageUse')) return clause.text;
  }
  // The skill and the failure may be said in different sentences of one statement.
  const whole = normalizeText(text);
  if (phrases.has('topic', whole) && phrases.has('struggle', whole) && !phrases.has('presentation', whole)) return text;
  if (!phrases.has('presentation', whole) && intentMargin(text, 'capability') >= CLASSIFIER_MARGIN[field]) return text;
  return undefined;
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
    defaultOptions: {},
  },
  check({ plan, report }) {
    for (const { node, text, field, where } of statements(plan)) {
      const clause = findCapabilityGap(text, field);
      if (clause === undefined) continue;
      report({ node, messageId: 'capability-gap.found', data: { where, text: shorten(clause) } });
    }
  },
});
