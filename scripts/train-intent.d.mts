import type { IntentExample } from '../src/rules/intent.js';

export const TRAINING_SPLITS: string[];
export function trainingExamples(): IntentExample[];
