#!/usr/bin/env node
// Measures the text-detection rules (knowledge-injection, capability-gap,
// vague-goal): precision, recall and false alarms on statements labelled as
// behaviour, per rule and language, with 95 % Wilson intervals. Each
// statement is placed in the plan field it was written for (problem, a
// goal's behavior, or the training data description) of an otherwise
// neutral plan and linted end to end.
//
// What it scores:
// - the collected corpus (fixtures/corpus/real/statements.yaml, extra1/ and
//   extra2/): statements real people wrote in public fine-tuning threads and
//   pages, scored by grouped cross-validation — the intent model of each fold
//   is trained without every statement of that fold's sources, so no
//   statement is scored by a model that saw it or its thread;
// - the held-out corpora (fixtures/corpus/real/heldout/ and heldout4/
//   statements.yaml): statements collected the same way from sources in none
//   of the above, never trained on and never read for lexicon edits or
//   thresholds, scored with the committed model, each and together — the
//   figures the cross-validation should predict;
// - real goal sets (fixtures/corpus/real/*/goal-sets.yaml): goals one person
//   asked of one fine-tune at once, labelled opposed or compatible, scoring
//   conflicting-goals' opposed-direction finding;
// - the setting (medical, finance, legal, customer service) of every problem
//   statement (fixtures/corpus/real/settings.yaml), scoring
//   high-risk-no-fallback's reading of a plan with no domain;
// - the written corpus (fixtures/corpus/*.yaml), scored with the committed
//   model; test4 was never trained on.
//
//   npm run eval:rules              # both tables
//   npm run eval:rules -- --misses  # also list the misses and false alarms of the collected corpus (never of the held-out sets)
//   npm run eval:rules -- --sweep   # precision and recall of the model readings at other minConfidence values (collected and held-out)
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FIELD, loadCorpus, loadRealCorpus, loadRealFile, REAL_CORPUS_FILES, realExamples, settledRealItems, sourceGroup, writtenExamples } from './train-intent.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export { loadCorpus };

/** Rule under measurement → the corpus label it should find, and the fields it reads. */
export const MEASURED = {
  'knowledge-injection': { label: 'knowledge', fields: ['problem', 'behavior', 'train-description'] },
  'capability-gap': { label: 'capability', fields: ['problem', 'behavior', 'train-description'] },
  'vague-goal': { label: 'vague', fields: ['behavior'] },
};

/** Folds of the grouped cross-validation on the collected corpus. */
export const FOLDS = 5;

/**
 * The fold whose statements are never listed by `--misses`: lexicon phrases
 * are edited while reading the misses of the other folds, so this fold's
 * table shows how such edits carry to statements nobody looked at.
 */
export const SEALED_FOLD = 0;

const NEUTRAL = {
  problem: 'Replies run to three paragraphs; agents need two lines.',
  behavior: 'Replies are at most 80 words.',
  'train-description': '2,000 replies shortened by senior agents.',
};

/** The lines every measured plan starts with. */
const PLAN_HEAD = ['version: 1', 'name: corpus', 'base_model: Qwen/Qwen2.5-7B-Instruct', 'method: lora'];

/** A neutral plan with `text` in `field`, and the 1-based line `text` is on. */
export function planFor(text, field) {
  const v = (f) => JSON.stringify(f === field ? text : NEUTRAL[f]);
  const lines = [
    ...PLAN_HEAD,
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

/** The 95 % Wilson score interval of x successes in n trials. */
export function wilson(x, n, z = 1.959964) {
  if (n === 0) return [0, 1];
  const p = x / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * For each item and measured rule: the confidence of the rule's finding on
 * the item's line, or undefined when it does not fire. `lintText` is called
 * with each rule's minConfidence at 0, so that every model reading shows up
 * with its confidence and other thresholds can be scored from one run.
 */
export function readings(items, lintText) {
  return items.map((item) => {
    const { text, line } = planFor(item.text, item.field);
    return readingOnLine(lintText(text, { rules: EVERY_READING }).messages, item.field, line);
  });
}

/** Rule settings under which the measured rules report every model reading, with its confidence. */
const EVERY_READING = Object.fromEntries(Object.keys(MEASURED).map((id) => [id, ['warning', { minConfidence: 0 }]]));

/** Each measured rule's confidence in its finding on `line` (undefined when it has none), for a statement of `field`. */
function readingOnLine(messages, field, line) {
  const out = {};
  for (const [ruleId, { fields }] of Object.entries(MEASURED)) {
    if (!fields.includes(field)) continue;
    const m = messages.find((x) => x.ruleId === ruleId && x.line === line && x.confidence !== undefined);
    out[ruleId] = m ? m.confidence : undefined;
  }
  return out;
}

/**
 * Plans built from one source's own statements: for a source (a thread or
 * page) with statements in two fields or more, plan k holds its k-th problem
 * statement, all its goal statements and its k-th training-data description
 * (a neutral one where the source has fewer), as one person's plan would.
 * Returns the plans, each with the line every item of it is on.
 */
export function sourcePlans(items) {
  const bySource = new Map();
  items.forEach((item, i) => {
    const key = sourceGroup(item.source);
    if (!bySource.has(key)) bySource.set(key, []);
    bySource.get(key).push(i);
  });
  const plans = [];
  for (const members of bySource.values()) {
    if (new Set(members.map((i) => items[i].field)).size < 2) continue;
    const of = (field) => members.filter((i) => items[i].field === field);
    const [problems, goals, trains] = [of('problem'), of('behavior'), of('train-description')];
    for (let k = 0; k < Math.max(problems.length, trains.length, 1); k++) {
      const lines = [...PLAN_HEAD];
      const at = new Map();
      // Goals are in every plan of the source, and read in the first.
      const put = (i, prefix, field, read = true) => {
        if (i !== undefined && read) at.set(i, lines.length + 1);
        lines.push(`${prefix}${JSON.stringify(i === undefined ? NEUTRAL[field] : items[i].text)}`);
      };
      put(problems[k], 'problem: ', 'problem');
      lines.push('goals:');
      for (const i of goals.length ? goals : [undefined]) {
        put(i, '  - behavior: ', 'behavior', k === 0);
        lines.push('    metric: m', '    target: 1');
      }
      lines.push('data:', '  train:');
      put(trains[k], '    description: ', 'train-description');
      plans.push({ text: `${lines.join('\n')}\n`, at });
    }
  }
  return plans;
}

/**
 * {@link readings} of the items that {@link sourcePlans} places, each read in
 * the plan built from its own source; undefined for the other items.
 */
export function sourcePlanReadings(items, lintText) {
  const out = new Array(items.length);
  for (const plan of sourcePlans(items)) {
    const messages = lintText(plan.text, { rules: EVERY_READING }).messages;
    for (const [i, line] of plan.at) out[i] = readingOnLine(messages, items[i].field, line);
  }
  return out;
}

/** Adds precision and recall, with their Wilson intervals, to counts of tp, fp and fn. */
function addRates(b) {
  b.precision = b.tp + b.fp === 0 ? 1 : b.tp / (b.tp + b.fp);
  b.precisionInterval = wilson(b.tp, b.tp + b.fp);
  b.recall = b.tp + b.fn === 0 ? 1 : b.tp / (b.tp + b.fn);
  b.recallInterval = wilson(b.tp, b.tp + b.fn);
}

/**
 * Scores each measured rule from `read` (see {@link readings}) at the
 * thresholds `minConfidence[ruleId]`. Returns, per rule and language (and
 * 'all'), tp/fp/fn, precision, recall (with Wilson intervals), and the share
 * of behaviour-labelled statements the rule fired on.
 */
export function score(items, read, minConfidence) {
  const out = {};
  const misses = [];
  for (const [ruleId, { label, fields }] of Object.entries(MEASURED)) {
    const stats = {};
    const bucket = (lang) => (stats[lang] ??= { tp: 0, fp: 0, fn: 0, behaviour: 0, behaviourFired: 0, n: 0 });
    items.forEach((item, i) => {
      if (!fields.includes(item.field)) return;
      const c = read[i][ruleId];
      const fired = c !== undefined && c >= (minConfidence[ruleId] ?? 0);
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
      if (fired !== positive) misses.push({ ruleId, kind: fired ? 'false alarm' : 'miss', confidence: c, ...item });
    });
    for (const b of Object.values(stats)) {
      addRates(b);
      b.behaviourFalseAlarmRate = b.behaviour === 0 ? 0 : b.behaviourFired / b.behaviour;
      b.behaviourInterval = wilson(b.behaviourFired, b.behaviour);
    }
    out[ruleId] = stats;
  }
  return { stats: out, misses };
}

/** The rules' default minConfidence, from their metadata. */
export function defaultThresholds(rules) {
  return Object.fromEntries(Object.keys(MEASURED).map((id) => [id, rules.find((r) => r.meta.id === id).meta.defaultOptions.minConfidence]));
}

/** Scores `items` with the committed model at the rules' defaults (the written corpus). */
export function evaluate(items, lintText, thresholds) {
  const read = readings(items, (text, options) => lintText(text, options));
  return score(items, read, thresholds);
}

/**
 * Grouped cross-validation on the collected corpus: for each fold, a model
 * trained on the written training splits and on the collected statements of
 * every other fold's sources reads the fold. Returns the readings per item,
 * each in a neutral plan (`read`) and, for items of sources with statements
 * in two fields or more, in the plan built from its source (`inSourcePlans`).
 */
export function crossValidate(lib, items) {
  const written = writtenExamples();
  const fold = items.map((item) => lib.foldOf(sourceGroup(item.source), FOLDS));
  const read = new Array(items.length);
  const inSourcePlans = new Array(items.length);
  try {
    for (let k = 0; k < FOLDS; k++) {
      const train = [...written, ...realExamples(items.filter((_, i) => fold[i] !== k))];
      lib.useIntentModel(lib.trainIntentModel(train));
      const test = items.map((item, i) => [item, i]).filter(([, i]) => fold[i] === k);
      const r = readings(test.map(([item]) => item), lib.lintText);
      const p = sourcePlanReadings(test.map(([item]) => item), lib.lintText);
      test.forEach(([, i], j) => {
        read[i] = r[j];
        inSourcePlans[i] = p[j];
      });
    }
  } finally {
    lib.useIntentModel();
  }
  return { read, inSourcePlans };
}

/** Cohen's kappa of two label lists. */
export function cohenKappa(a, b) {
  const n = a.length;
  if (n === 0) return 1;
  const labels = [...new Set([...a, ...b])];
  const observed = a.filter((x, i) => x === b[i]).length / n;
  const expected = labels.reduce((s, l) => s + (a.filter((x) => x === l).length / n) * (b.filter((x) => x === l).length / n), 0);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

const f2 = (x) => x.toFixed(2);
const interval = ([lo, hi]) => `[${f2(lo)}–${f2(hi)}]`;

function printTable(title, stats) {
  console.log(`\n${title}`);
  console.log('rule                 lang  precision [95% CI]      recall [95% CI]         tp  fp  fn  behaviour false alarms [95% CI]');
  for (const [ruleId, byLang] of Object.entries(stats)) {
    for (const lang of ['en', 'zh', 'all']) {
      const b = byLang[lang];
      if (!b) continue;
      console.log(
        `${ruleId.padEnd(20)} ${lang.padEnd(4)}  ${f2(b.precision)} ${interval(b.precisionInterval)}  ${f2(b.recall)} ${interval(b.recallInterval)}  ${String(b.tp).padStart(3)} ${String(b.fp).padStart(3)} ${String(b.fn).padStart(3)}  ${b.behaviourFired}/${b.behaviour} (${f2(b.behaviourFalseAlarmRate)}) ${interval(b.behaviourInterval)}`,
      );
    }
  }
}

/** The held-out corpora, each a folder beside the collected corpus. */
export const HELDOUT_SETS = ['heldout', 'heldout4'];

/** The folders beside the collected corpus that hold real goal sets, in the order they were collected. */
export const GOAL_SET_FOLDERS = ['extra1', 'extra2', 'heldout'];

/** The statements of a held-out corpus (all of them; `label` says which are settled). */
export function heldoutItems(set = 'heldout') {
  return loadRealFile(`${set}/statements.yaml`);
}

/** A plan whose goals are `goals`, each with a metric and target. */
export function goalSetPlan(goals) {
  const lines = ['version: 1', 'name: goals', 'base_model: Qwen/Qwen2.5-7B-Instruct', 'method: lora', 'problem: see goals', 'goals:'];
  for (const g of goals) lines.push(`  - behavior: ${JSON.stringify(g)}`, '    metric: m', '    target: 1');
  return `${lines.join('\n')}\n`;
}

/**
 * Scores conflicting-goals' opposed-direction finding on labelled goal sets
 * (`opposed` is positive). The goal-count finding is left out: maxGoals is
 * raised above every set's size.
 */
export function scoreGoalSets(sets, lintText) {
  const stats = {};
  const misses = [];
  const bucket = (lang) => (stats[lang] ??= { tp: 0, fp: 0, fn: 0, tn: 0 });
  for (const set of sets.filter((x) => x.label === 'opposed' || x.label === 'compatible')) {
    const messages = lintText(goalSetPlan(set.goals), { rules: { 'conflicting-goals': ['warn', { maxGoals: 1000 }] } }).messages;
    const fired = messages.some((m) => m.ruleId === 'conflicting-goals');
    const positive = set.label === 'opposed';
    for (const b of [bucket(set.lang), bucket('all')]) b[fired ? (positive ? 'tp' : 'fp') : positive ? 'fn' : 'tn']++;
    if (fired !== positive) misses.push({ kind: fired ? 'false alarm' : 'miss', ...set });
  }
  for (const b of Object.values(stats)) addRates(b);
  return { stats, misses };
}

/** The settings problem statements were labelled with (fixtures/corpus/real/settings.yaml), by statement id. */
export function settingLabels() {
  const file = path.join(root, 'fixtures', 'corpus', 'real', 'settings.yaml');
  return new Map(existsSync(file) ? parse(readFileSync(file, 'utf8')).map((x) => [x.id, x]) : []);
}

/** A setting label → the rule's name for it. */
const SETTING_DOMAIN = { medical: 'medical', finance: 'finance', legal: 'legal', 'customer-service': 'customerService' };

/**
 * Scores high-risk-no-fallback's reading of a problem statement (in a plan
 * with no `domain` and no `risk`): positive when the statement's settled
 * setting is medical, finance, legal or customer service. Also counts, among
 * the findings on such statements, those that name the same setting.
 */
export function scoreSettings(items, labels, lib) {
  const stats = {};
  const misses = [];
  const bucket = (lang) => (stats[lang] ??= { tp: 0, fp: 0, fn: 0, tn: 0, same: 0 });
  for (const item of items) {
    const setting = labels.get(item.id)?.setting;
    if (item.field !== 'problem' || !setting || setting === 'ambiguous') continue;
    const { text, line } = planFor(item.text, 'problem');
    const fired = lib.lintText(text, { rules: { 'high-risk-no-fallback': 'error' } }).messages.some((m) => m.ruleId === 'high-risk-no-fallback' && m.line === line);
    const positive = setting !== 'none';
    const found = fired ? lib.riskDomainOf(item.text) : undefined;
    for (const b of [bucket(item.lang), bucket('all')]) {
      b[fired ? (positive ? 'tp' : 'fp') : positive ? 'fn' : 'tn']++;
      if (fired && positive && found === SETTING_DOMAIN[setting]) b.same++;
    }
    if (fired !== positive) misses.push({ ruleId: 'high-risk-no-fallback', kind: fired ? `false alarm (${found})` : 'miss', ...item, label: setting });
  }
  for (const b of Object.values(stats)) addRates(b);
  return { stats, misses };
}

/** A table of precision, recall and the four counts per language; `extra` adds a column. */
function printCounts(title, stats, extra) {
  console.log(`\n${title}`);
  console.log(`lang  precision [95% CI]      recall [95% CI]         tp  fp  fn  tn${extra ? `  ${extra.name}` : ''}`);
  for (const lang of ['en', 'zh', 'all']) {
    const b = stats[lang];
    if (b) console.log(`${lang.padEnd(4)}  ${f2(b.precision)} ${interval(b.precisionInterval)}  ${f2(b.recall)} ${interval(b.recallInterval)}  ${String(b.tp).padStart(3)} ${String(b.fp).padStart(3)} ${String(b.fn).padStart(3)} ${String(b.tn).padStart(3)}${extra ? `  ${extra.value(b)}` : ''}`);
  }
}

/** Precision, recall and false alarms of each model reading at other minConfidence values, from one set of readings. */
function printSweep(title, items, read) {
  console.log(`\nminConfidence sweep (${title})`);
  for (const t of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.875, 0.9, 0.925, 0.95, 0.99]) {
    const { stats } = score(items, read, Object.fromEntries(Object.keys(MEASURED).map((id) => [id, t])));
    console.log(
      `  ${String(t).padEnd(5)}  ${Object.entries(stats)
        .map(([id, b]) => `${id} P ${f2(b.all.precision)} R ${f2(b.all.recall)} FA ${f2(b.all.behaviourFalseAlarmRate)}`)
        .join('   ')}`,
    );
  }
}

function printSettings(title, stats) {
  printCounts(title, stats, { name: 'same setting', value: (b) => `${b.same}/${b.tp}` });
}

function printGoalSets(title, sets, lib, showMisses) {
  const { stats, misses } = scoreGoalSets(sets, lib.lintText);
  printCounts(
    `${title}: ${sets.length} labelled (${sets.filter((x) => x.label === 'opposed').length} opposed, ${sets.filter((x) => x.label === 'compatible').length} compatible, ${sets.filter((x) => x.label === 'ambiguous').length} ambiguous); conflicting-goals, goals pulling in opposite directions`,
    stats,
  );
  if (showMisses) for (const m of misses) console.log(`  conflicting-goals ${m.kind} [${m.lang}] ${m.goals.join(' | ').replace(/\s+/g, ' ')} <${m.source}>`);
}

/**
 * The statements of sources with statements in two fields or more, scored
 * twice: each in a neutral plan, and in the plan built from its own source,
 * where a problem statement can be corroborated by its thread's goals and
 * training data.
 */
function printInSourcePlans(title, items, read, inSourcePlans, thresholds) {
  const placed = items.map((_, i) => i).filter((i) => inSourcePlans[i] !== undefined);
  if (!placed.length) return;
  const sources = new Set(placed.map((i) => sourceGroup(items[i].source))).size;
  const subset = placed.map((i) => items[i]);
  printTable(`${title}: the ${placed.length} statements of the ${sources} sources with statements in two fields or more, each in a neutral plan`, score(subset, placed.map((i) => read[i]), thresholds).stats);
  printTable(`${title}: the same statements, each in the plan built from its own source`, score(subset, placed.map((i) => inSourcePlans[i]), thresholds).stats);
}

function printMisses(misses) {
  for (const m of misses) {
    const c = m.confidence === undefined ? '' : ` ${f2(m.confidence)}`;
    console.log(`  ${m.ruleId} ${m.kind}${c} [${m.lang} ${m.field} ${m.label}] ${m.text.replace(/\s+/g, ' ')}${m.source ? ` <${m.source}>` : ''}`);
  }
}

async function main() {
  const showMisses = process.argv.includes('--misses');
  const sweep = process.argv.includes('--sweep');
  const lib = await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
  const thresholds = defaultThresholds(lib.rules);

  const all = loadRealCorpus();
  if (all.length) {
    const items = settledRealItems();
    const labelled = all.filter((x) => x.labels?.a && x.labels?.b);
    const kappa = cohenKappa(labelled.map((x) => x.labels.a), labelled.map((x) => x.labels.b));
    const sources = new Set(items.map((x) => sourceGroup(x.source))).size;
    console.log(`collected corpus: ${all.length} statements (${all.filter((x) => x.lang === 'en').length} en, ${all.filter((x) => x.lang === 'zh').length} zh), ${items.length} with a settled label from ${sources} sources, ${all.length - items.length} left ambiguous`);
    console.log(`labelling agreement of the two independent passes: Cohen's kappa ${kappa.toFixed(2)} on ${labelled.length} statements (${labelled.filter((x) => x.labels.a === x.labels.b).length} agreed)`);
    const { read, inSourcePlans } = crossValidate(lib, items);
    const { stats, misses } = score(items, read, thresholds);
    printTable(`collected corpus, grouped ${FOLDS}-fold cross-validation by source (minConfidence: ${Object.entries(thresholds).map(([k, v]) => `${k} ${v}`).join(', ')})`, stats);
    const sealed = items.map((item, i) => [item, i]).filter(([item]) => lib.foldOf(sourceGroup(item.source), FOLDS) === SEALED_FOLD);
    printTable(
      `collected corpus, sealed fold only (${sealed.length} statements whose misses are never listed)`,
      score(sealed.map(([item]) => item), sealed.map(([, i]) => read[i]), thresholds).stats,
    );
    printInSourcePlans('collected corpus, cross-validated', items, read, inSourcePlans, thresholds);
    if (sweep) printSweep('collected corpus, cross-validated', items, read);
    if (showMisses) printMisses(misses.filter((m) => lib.foldOf(sourceGroup(m.source), FOLDS) !== SEALED_FOLD));
  }

  const heldAll = { items: [], read: [] };
  for (const set of HELDOUT_SETS) {
    const held = heldoutItems(set);
    const settled = held.filter((x) => x.label && x.label !== 'ambiguous');
    if (!settled.length) continue;
    const labelled = held.filter((x) => x.labels?.a && x.labels?.b);
    const kappa = cohenKappa(labelled.map((x) => x.labels.a), labelled.map((x) => x.labels.b));
    const sources = new Set(settled.map((x) => sourceGroup(x.source))).size;
    console.log(`\nheld-out corpus ${set}/: ${held.length} statements (${held.filter((x) => x.lang === 'en').length} en, ${held.filter((x) => x.lang === 'zh').length} zh), ${settled.length} with a settled label from ${sources} sources (kappa ${kappa.toFixed(2)}); never trained on`);
    const read = readings(settled, lib.lintText);
    const { stats } = score(settled, read, thresholds);
    printTable(`held-out corpus ${set}/, committed model`, stats);
    printInSourcePlans(`held-out corpus ${set}/, committed model`, settled, read, sourcePlanReadings(settled, lib.lintText), thresholds);
    if (sweep) printSweep(`held-out corpus ${set}/, committed model`, settled, read);
    heldAll.items.push(...settled);
    heldAll.read.push(...read);
  }
  if (HELDOUT_SETS.length > 1 && heldAll.items.length) {
    printTable(`held-out corpora ${HELDOUT_SETS.map((set) => `${set}/`).join(', ')} together (${heldAll.items.length} settled statements), committed model`, score(heldAll.items, heldAll.read, thresholds).stats);
  }
  const allSets = [];
  for (const folder of GOAL_SET_FOLDERS) {
    const setsFile = path.join(root, 'fixtures', 'corpus', 'real', folder, 'goal-sets.yaml');
    const sets = existsSync(setsFile) ? parse(readFileSync(setsFile, 'utf8')).filter((x) => x.label) : [];
    if (!sets.length) continue;
    allSets.push(...sets);
    printGoalSets(`real goal sets ${folder}/`, sets, lib, showMisses && !HELDOUT_SETS.includes(folder));
  }
  if (allSets.length) printGoalSets('real goal sets, all', allSets, lib, false);

  const settings = settingLabels();
  if (settings.size) {
    const labelled = [...settings.values()].filter((x) => x.labels?.a && x.labels?.b);
    const kappa = cohenKappa(labelled.map((x) => x.labels.a), labelled.map((x) => x.labels.b));
    console.log(`\nsettings of problem statements: ${settings.size} labelled (kappa ${kappa.toFixed(2)}); high-risk-no-fallback reading the problem of a plan with no domain`);
    const [first, ...later] = REAL_CORPUS_FILES;
    const groups = [
      [`${first} (its misses were read to extend the word lists)`, loadRealFile(first), true],
      [`${later.join(', ')} (never read)`, later.flatMap((name) => loadRealFile(name)), true],
      ...HELDOUT_SETS.map((set) => [`the held-out corpus ${set}/ (never read)`, heldoutItems(set), false]),
    ];
    for (const [name, items, listable] of groups) {
      const { stats, misses } = scoreSettings(items, settings, lib);
      printSettings(`high-risk-no-fallback, problem statements of ${name}`, stats);
      if (showMisses && listable) printMisses(misses);
    }
  }

  for (const split of ['dev', 'holdout', 'test', 'test2', 'test3', 'test4'].filter((s) => existsSync(path.join(root, 'fixtures', 'corpus', `${s}.yaml`)))) {
    const items = loadCorpus(split);
    const { stats } = evaluate(items, lib.lintText, thresholds);
    printTable(`written corpus, ${split} (${items.length} statements${split === 'test4' ? ', never trained on' : ', trained on'})`, stats);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
