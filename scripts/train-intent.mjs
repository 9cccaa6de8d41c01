#!/usr/bin/env node
// Trains the intent model on the labelled corpus and writes
// src/core/rules/intent-model.json: the written training splits
// (fixtures/corpus/*.yaml but test4, which stays the blind measure of the
// written corpus) and every statement of the collected corpus
// (fixtures/corpus/real/statements.yaml, extra1/ and extra2/) whose label its
// labellers settled. The held-out corpora (fixtures/corpus/real/heldout/ and
// heldout4/) are never trained on.
// Run after editing the corpus:
//   npm run train:intent
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

export const TRAINING_SPLITS = ['dev', 'holdout', 'test', 'test2', 'test3'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the trained model is written: the file `src/core/rules/intent.ts` imports. */
export const MODEL_FILE = path.join(root, 'src', 'core', 'rules', 'intent-model.json');

/** The plan field of a corpus item, as the model names it. */
export const FIELD = { problem: 'problem', behavior: 'behavior', 'train-description': 'train' };

export function loadCorpus(split) {
  return parse(readFileSync(path.join(root, 'fixtures', 'corpus', `${split}.yaml`), 'utf8'));
}

/**
 * The files of the collected corpus, under fixtures/corpus/real/: the first
 * collection, and two more collected later (held out until the next one was).
 */
export const REAL_CORPUS_FILES = ['statements.yaml', 'extra1/statements.yaml', 'extra2/statements.yaml'];

/** The statements of one file under fixtures/corpus/real/ (none when it is missing). */
export function loadRealFile(name) {
  const file = path.join(root, 'fixtures', 'corpus', 'real', name);
  return existsSync(file) ? parse(readFileSync(file, 'utf8')) : [];
}

/** The collected corpus: statements real people wrote, with their source and labels. */
export function loadRealCorpus() {
  return REAL_CORPUS_FILES.flatMap((name) => loadRealFile(name));
}

/** The thread or page a source URL belongs to: statements of one source share a fold. */
export function sourceGroup(url) {
  return url.replace(/#.*$/, '').replace(/[?].*$/, '').replace(/\/+$/, '');
}

/** Collected statements with a settled label (those left ambiguous are kept out of training and scores). */
export function settledRealItems() {
  return loadRealCorpus().filter((item) => item.label && item.label !== 'ambiguous');
}

/** Training examples of the written corpus. */
export function writtenExamples() {
  return TRAINING_SPLITS.flatMap((s) => loadCorpus(s)).map((item, i) => ({
    text: item.text,
    label: item.label,
    field: FIELD[item.field],
    ...(item.also ? { also: item.also } : {}),
    group: `written:${i}`,
  }));
}

/**
 * How much a collected statement counts in training against a written one:
 * the collected ones are the kind of text the rules will read.
 */
export const REAL_WEIGHT = 2;

/** Training examples of collected statements; calibration is fitted on these. */
export function realExamples(items = settledRealItems()) {
  return items.map((item) => ({
    text: item.text,
    label: item.label,
    field: FIELD[item.field],
    group: sourceGroup(item.source),
    weight: REAL_WEIGHT,
    calibrate: true,
  }));
}

export function trainingExamples() {
  return [...writtenExamples(), ...realExamples()];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { trainIntentModel } = await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
  const examples = trainingExamples();
  const started = Date.now();
  const model = trainIntentModel(examples);
  writeFileSync(MODEL_FILE, `${JSON.stringify(model)}\n`);
  console.log(`intent model: ${Object.keys(model.features).length} features from ${examples.length} statements in ${Date.now() - started} ms`);
}
