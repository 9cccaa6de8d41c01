/**
 * What the detection rules (knowledge-injection, capability-gap, vague-goal)
 * share: a detection with its confidence and evidence, and the
 * `minConfidence` option.
 */
import { msg, type MessageRef } from '../i18n/index.js';

/** A statement a detection rule reports. */
export interface Detection {
  /** The sentence (or the whole statement) the finding quotes. */
  quote: string;
  /** 1 for an unambiguous lexicon phrase; else the model's calibrated confidence. */
  confidence: number;
  /** The phrases that decided it, quoted from the plan. */
  evidence: string[];
  /** Whether the phrase lexicons (not the model) decided it. */
  lexicon: boolean;
}

/** The options schema of a rule that reads with the model. */
export function confidenceOptionsSchema(defaultValue: number): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      minConfidence: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        default: defaultValue,
        description: 'Report a statement that only the model reads this way when its calibrated confidence is at least this (phrases from the lexicons always count).',
      },
    },
    additionalProperties: false,
  };
}

/** How a message says why: the phrases, and for a model reading its confidence. */
export function evidenceMessage(d: Detection): MessageRef {
  const phrases = d.evidence.map((text) => msg('detection.phrase', { text }));
  if (d.lexicon) return msg('detection.because', { phrases });
  const confidence = d.confidence.toFixed(2);
  return phrases.length ? msg('detection.model', { phrases, confidence }) : msg('detection.model-only', { confidence });
}
