// Plans that agree and plans that disagree with a trainer config, and what
// the trainer rules must say about each. Shared by
// scripts/check-trainer-examples.mjs (every example config of a framework
// repository) and test/trainer-examples.test.ts (the pinned fixtures in
// fixtures/trainer/).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FRAMEWORKS = ['llama-factory', 'axolotl', 'torchtune'];

/** A plan naming `config` (relative to the plan), with an eval set, agreeing or not. */
export function variantPlan({ baseModel, method, framework, trainPath, config = 'trainer.yaml' }) {
  return [
    'version: 1',
    'name: example-config-check',
    `base_model: ${JSON.stringify(baseModel)}`,
    `method: ${method}`,
    'problem: Replies run to three paragraphs; agents need two lines.',
    'goals:',
    '  - behavior: Replies are at most 80 words.',
    '    metric: share of replies at most 80 words',
    '    target: ">= 0.95"',
    'data:',
    '  train:',
    '    description: 2,000 replies shortened by senior agents.',
    ...(trainPath ? [`    path: ${JSON.stringify(trainPath)}`] : []),
    '  eval:',
    '    description: 200 held-out tickets from March.',
    'training:',
    `  framework: ${framework}`,
    `  config: ${JSON.stringify(config)}`,
    '',
  ].join('\n');
}

/** What the trainer rules report, as kinds: base, method, framework, train-file, no-eval, unreadable, crash. */
export function findingKinds(messages) {
  const out = new Set();
  for (const m of messages) {
    if (m.ruleId === 'trainer-config-unreadable') out.add('unreadable');
    else if (m.ruleId === 'trainer-no-eval') out.add('no-eval');
    else if (m.ruleId === 'trainer-mismatch') {
      out.add(m.message.startsWith('base_model ') ? 'base' : m.message.startsWith('method ') ? 'method' : m.message.startsWith('training.framework ') ? 'framework' : 'train-file');
    } else if (m.ruleId === 'internal-error') out.add('crash');
  }
  return [...out].sort();
}

/** Only the trainer rules: the other data checks would look for files these plans do not have. */
export const TRAINER_RULES_ONLY = Object.fromEntries(
  ['data-file-missing', 'data-path-outside-root', 'dataset-format', 'eval-train-overlap', 'eval-set-size'].map((id) => [id, 'off']),
);

/**
 * The variants for one config. `exp` is the expectation: `model` (what an
 * agreeing plan writes as base_model; undefined when the config does not
 * say), `adapter` (lora | qlora | full | freeze | oft | other), `objective`
 * (a plan method, or undefined when the config does not say), `evaluation`
 * (runs | never | refuses | train-data), `trainFile` (a file the config
 * trains on, relative to the plan, or undefined) and `baseModelUnknown`
 * (the config names its model through a `${…}` it does not define).
 */
export function variants(framework, exp, config = 'trainer.yaml') {
  // A config whose base model cannot be told says so for every plan (they all name one).
  const noEval = [...(exp.evaluation === 'runs' ? [] : ['no-eval']), ...(exp.baseModelUnknown ? ['unreadable'] : [])];
  const model = exp.model ?? 'acme/Unknown-Model';
  const adapter = ['lora', 'qlora', 'full'].includes(exp.adapter) ? exp.adapter : 'other';
  const out = [];
  const add = (name, p, expected) => out.push({ name, plan: variantPlan({ ...p, config }), expected: [...new Set(expected)].sort() });
  add('agrees (adapter)', { baseModel: model, method: adapter, framework }, noEval);
  if (exp.objective) add('agrees (objective)', { baseModel: model, method: exp.objective, framework }, noEval);
  if (exp.model) {
    add('other base model', { baseModel: 'acme/Other-Model-7B', method: adapter, framework }, [...noEval, 'base']);
    const near = /-instruct$/i.test(exp.model) ? exp.model.replace(/-instruct$/i, '') : `${exp.model}-Instruct`;
    add('near-miss base model', { baseModel: near, method: adapter, framework }, [...noEval, 'base']);
  }
  if (exp.adapter && exp.adapter !== 'other') {
    const other = exp.adapter === 'full' ? 'lora' : exp.adapter === 'lora' ? 'qlora' : exp.adapter === 'qlora' ? 'full' : 'lora';
    add('other adapter', { baseModel: model, method: other, framework }, [...noEval, 'method']);
  }
  // Where the config does not say its objective, a plan naming one is told it was not compared.
  if (!exp.objective) add('objective not told', { baseModel: model, method: 'sft', framework }, [...noEval, 'unreadable']);
  if (exp.objective) {
    const other = exp.objective === 'sft' ? 'dpo' : 'sft';
    add('other objective', { baseModel: model, method: other, framework }, [...noEval, 'method']);
  }
  if (exp.trainFile) {
    add('agrees (training file)', { baseModel: model, method: adapter, framework, trainPath: exp.trainFile }, noEval);
    add('other training file', { baseModel: model, method: adapter, framework, trainPath: 'data/other-train.jsonl' }, [...noEval, 'train-file']);
  }
  const wrong = FRAMEWORKS.find((f) => f !== framework);
  add('other framework declared', { baseModel: model, method: adapter, framework: wrong }, [...noEval, 'framework']);
  return out;
}

/**
 * Writes the files a config trains on into `dir`, as a user's checkout would
 * hold them: for LLaMA-Factory dataset names, one file per name (or the file
 * `infoFiles` gives a name, eval datasets included) and a
 * `<dataDir>/dataset_info.json` naming them; otherwise the relative paths the
 * config names. Also writes data/other-train.jsonl for the disagreeing
 * variant. Returns the first training file, relative to `dir`, or undefined
 * when the config names no local file.
 */
export function stageTrainingFiles(dir, { trainNames, dataDir = 'data', trainPaths, infoFiles = {} }) {
  const write = (rel) => {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, '{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}\n');
  };
  write('data/other-train.jsonl');
  if (trainNames?.length) {
    if (path.isAbsolute(dataDir) || dataDir.includes('..')) return undefined;
    const fileOf = (name) => infoFiles[name] ?? `${name}.jsonl`;
    const all = [...new Set([...trainNames, ...Object.keys(infoFiles)])];
    const info = Object.fromEntries(all.map((name) => [name, { file_name: fileOf(name) }]));
    mkdirSync(path.join(dir, dataDir), { recursive: true });
    writeFileSync(path.join(dir, dataDir, 'dataset_info.json'), JSON.stringify(info));
    for (const name of all) write(path.join(dataDir, fileOf(name)));
    return path.join(dataDir, fileOf(trainNames[0]));
  }
  const local = (trainPaths ?? []).filter((p) => !path.isAbsolute(p) && !p.includes('..') && !p.includes(':'));
  if (!local.length) return undefined;
  for (const p of local) write(p);
  return local[0];
}
