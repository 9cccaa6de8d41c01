#!/usr/bin/env node
// Trains the intent classifier on the training splits of the labelled corpus
// and writes src/rules/intent-model.json. test4 is never trained on: it stays
// the blind measure of how the rules generalise. Run after editing the corpus:
//   npm run train:intent
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCorpus } from './eval-rules.mjs';

export const TRAINING_SPLITS = ['dev', 'holdout', 'test', 'test2', 'test3'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function trainingExamples() {
  return TRAINING_SPLITS.flatMap((s) => loadCorpus(s)).map(({ text, label }) => ({ text, label }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { trainIntentModel } = await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
  const model = trainIntentModel(trainingExamples());
  writeFileSync(path.join(root, 'src', 'rules', 'intent-model.json'), `${JSON.stringify(model)}\n`);
  console.log(`intent model: ${Object.keys(model.features).length} features from ${model.documents.reduce((a, b) => a + b, 0)} statements`);
}
