#!/usr/bin/env node
// Measures the text-detection rules on the labelled corpus in fixtures/corpus/:
// precision and recall per rule and language, and false alarms on statements
// labelled as behaviour. Each statement is placed in the plan field it was
// written for (problem, a goal's behavior, or the training data description)
// of an otherwise neutral plan and linted end to end.
//
//   npm run eval:rules              # table for dev and holdout
//   npm run eval:rules -- --misses  # also list every miss and false alarm
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Rule under measurement → the corpus label it should find, and the fields it reads. */
export const MEASURED = {
  'knowledge-injection': { label: 'knowledge', fields: ['problem', 'behavior', 'train-description'] },
  'capability-gap': { label: 'capability', fields: ['problem', 'behavior', 'train-description'] },
  'vague-goal': { label: 'vague', fields: ['behavior'] },
};

const NEUTRAL = {
  problem: 'Replies run to three paragraphs; agents need two lines.',
  behavior: 'Replies are at most 80 words.',
  'train-description': '2,000 replies shortened by senior agents.',
};

/** A neutral plan with `text` in `field`, and the 1-based line `text` is on. */
export function planFor(text, field) {
  const v = (f) => JSON.stringify(f === field ? text : NEUTRAL[f]);
  const lines = [
    'version: 1',
    'name: corpus',
    'base_model: Qwen/Qwen2.5-7B-Instruct',
    'method: lora',
    `problem: ${v('problem')}`,
    'goals:',
    `  - behavior: ${v('behavior')}`,
    '    metric: m',
    '    target: 1',
    'data:',
    '  train:',
    `    description: ${v('train-description')}`,
  ];
  const line = { problem: 5, behavior: 7, 'train-description': 12 }[field];
  return { text: `${lines.join('\n')}\n`, line };
}

export function loadCorpus(split) {
  return parse(readFileSync(path.join(root, 'fixtures', 'corpus', `${split}.yaml`), 'utf8'));
}

/**
 * Scores each measured rule on `items` with the given `lintText`. Returns,
 * per rule and language (and 'all'), tp/fp/fn, precision, recall, and the
 * share of behaviour-labelled statements the rule fired on.
 */
export function evaluate(items, lintText) {
  const out = {};
  const misses = [];
  for (const [ruleId, { label, fields }] of Object.entries(MEASURED)) {
    const stats = {};
    const bucket = (lang) => (stats[lang] ??= { tp: 0, fp: 0, fn: 0, behaviour: 0, behaviourFired: 0, n: 0 });
    for (const item of items) {
      if (!fields.includes(item.field)) continue;
      const { text, line } = planFor(item.text, item.field);
      const fired = lintText(text).messages.some((m) => m.ruleId === ruleId && m.line === line);
      const positive = item.label === label || (item.also ?? []).includes(label);
      for (const b of [bucket(item.lang), bucket('all')]) {
        b.n++;
        if (fired && positive) b.tp++;
        else if (fired) b.fp++;
        else if (positive) b.fn++;
        if (item.label === 'behavior') {
          b.behaviour++;
          if (fired) b.behaviourFired++;
        }
      }
      if (fired !== positive) misses.push({ ruleId, kind: fired ? 'false alarm' : 'miss', ...item });
    }
    for (const b of Object.values(stats)) {
      b.precision = b.tp + b.fp === 0 ? 1 : b.tp / (b.tp + b.fp);
      b.recall = b.tp + b.fn === 0 ? 1 : b.tp / (b.tp + b.fn);
      b.behaviourFalseAlarmRate = b.behaviour === 0 ? 0 : b.behaviourFired / b.behaviour;
    }
    out[ruleId] = stats;
  }
  return { stats: out, misses };
}

function pct(x) {
  return x.toFixed(2);
}

async function main() {
  const showMisses = process.argv.includes('--misses');
  const { lintText } = await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
  for (const split of ['dev', 'holdout', 'test', 'test2', 'test3', 'test4'].filter((s) => existsSync(path.join(root, 'fixtures', 'corpus', `${s}.yaml`)))) {
    const items = loadCorpus(split);
    const { stats, misses } = evaluate(items, lintText);
    console.log(`\n${split} (${items.length} statements)`);
    console.log('rule                 lang  precision  recall  tp  fp  fn  behaviour false alarms');
    for (const [ruleId, byLang] of Object.entries(stats)) {
      for (const lang of ['en', 'zh', 'all']) {
        const b = byLang[lang];
        if (!b) continue;
        console.log(
          `${ruleId.padEnd(20)} ${lang.padEnd(4)}  ${pct(b.precision).padStart(9)}  ${pct(b.recall).padStart(6)}  ${String(b.tp).padStart(2)}  ${String(b.fp).padStart(2)}  ${String(b.fn).padStart(2)}  ${b.behaviourFired}/${b.behaviour} (${pct(b.behaviourFalseAlarmRate)})`,
        );
      }
    }
    if (showMisses) {
      for (const m of misses) console.log(`  ${m.ruleId} ${m.kind} [${m.lang} ${m.field} ${m.label}] ${m.text}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
