#!/usr/bin/env node
// Runs the trainer-config checks (trainer-no-eval, trainer-mismatch,
// trainer-config-unreadable) on every example config a framework repository
// ships, with plans that agree with each config and plans that deliberately
// disagree, and prints a table: configs, judged right in every variant,
// unreadable (as expected), wrong.
//
//   npm run check:trainer-examples -- <repo> [<repo> …] [--list] [--expectations]
//
// <repo> is a local clone or bare git directory of hiyouga/LLaMA-Factory,
// axolotl-ai-cloud/axolotl or pytorch/torchtune; the framework is told by
// its layout. Nothing is copied out of it. `--list` prints every config that
// is judged wrong, with the variant and what was reported; `--expectations`
// prints the expectation of every config.
//
// The expectation for each config is this script's own reading, written from
// the frameworks' source (not from the linter), and it leans on what the
// upstream authors say about each file where they say it: the folder or name
// (`train_qlora/`, `_qlora_`, `_dora_`, `_dpo`), torchtune's `tune run
// <recipe>` and `tune download <repo> --output-dir <dir>` comments. Where a
// file name says otherwise than the keys, the script lists it after the table.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { findingKinds as kinds, stageTrainingFiles, TRAINER_RULES_ONLY as RULES, variantPlan as plan, variants } from './trainer-variants.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('Run `npm run build` first.');
  process.exit(2);
}
const { checkPlanData } = await import(pathToFileURL(dist).href);

const args = process.argv.slice(2);
const list = args.includes('--list');
const show = args.includes('--expectations');
const repos = args.filter((a) => !a.startsWith('--'));
if (!repos.length) {
  console.error('usage: node scripts/check-trainer-examples.mjs <repo> [<repo> …] [--list]');
  process.exit(2);
}

// Reading a repository: a work tree, or a bare git directory (read with git).

function openRepo(dir) {
  const bare = !existsSync(path.join(dir, '.git')) && existsSync(path.join(dir, 'HEAD')) && existsSync(path.join(dir, 'objects'));
  const git = (...a) => execFileSync('git', bare ? ['--git-dir', dir, ...a] : ['-C', dir, ...a], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const files = bare ? git('ls-tree', '-r', 'HEAD', '--name-only').split('\n').filter(Boolean) : walk(dir, '');
  const read = (f) => (bare ? git('show', `HEAD:${f}`) : readFileSync(path.join(dir, f), 'utf8'));
  let commit = '?';
  let date = '?';
  try {
    [commit, date] = git('log', '-1', '--format=%H %cs').trim().split(' ');
  } catch {
    // not a git checkout: figures without a commit
  }
  return { files, read, commit, date };
}

function walk(dir, rel) {
  const out = [];
  for (const name of readdirSync(path.join(dir, rel))) {
    if (name === '.git' || name === 'node_modules') continue;
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out;
}

function frameworkOf(files) {
  if (files.some((f) => f.startsWith('src/llamafactory/'))) return 'llama-factory';
  if (files.some((f) => f.startsWith('src/axolotl/'))) return 'axolotl';
  if (files.some((f) => f.startsWith('torchtune/'))) return 'torchtune';
  return undefined;
}

const EXAMPLES = {
  'llama-factory': (f) => /^examples\/.*\.ya?ml$/.test(f),
  axolotl: (f) => /^examples\/.*\.ya?ml$/.test(f),
  torchtune: (f) => /^recipes\/configs\/.*\.ya?ml$/.test(f),
};

// The expectation for one config ---------------------------------------------

const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const s = (v) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const n = (v) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN);
const list_ = (v) => (Array.isArray(v) ? v.map(s) : typeof v === 'string' ? v.split(',') : []).map((x) => x?.trim()).filter(Boolean);
const truthy = (v) => v === true || (typeof v === 'string' && /^(true|yes|1)$/i.test(v));
const QUANTIZED_NAME = /(?:^|[-_./])(gptq|awq|aqlm|bnb|nf4|int4|4bit|hqq|eetq)(?=$|[-_./])/i;

/**
 * { train: false } for a config that does not train (an upstream inference,
 * export, accelerate or generation config); otherwise the base model, the
 * adapter (lora | qlora | full | freeze | other), the objective (plan
 * method or undefined when the config does not say) and whether evaluation
 * runs on held-out data ('runs' | 'never' | 'refuses' | 'train-data').
 */
function expectation(framework, file, d, text) {
  if (framework === 'llama-factory') return typeof d.model === 'string' ? lfV1(file, d) : lf(file, d);
  if (framework === 'axolotl') return axolotl(file, d);
  return torchtune(file, d, text);
}

function lf(file, d) {
  if (/^examples\/(accelerate|deepspeed|inference|merge_lora)\//.test(file) || d.do_train !== true) return { train: false };
  if (/^examples\/(ktransformers\/accelerate|megatron)\//.test(file) && !('model_name_or_path' in d)) return { train: false };
  const ft = s(d.finetuning_type) ?? 'lora';
  const quantized = d.quantization_bit != null || QUANTIZED_NAME.test(s(d.model_name_or_path) ?? '');
  const adapter = ft === 'lora' ? (quantized ? 'qlora' : 'lora') : ft === 'full' && !truthy(d.use_llama_pro) ? 'full' : ft === 'freeze' || truthy(d.use_llama_pro) ? 'freeze' : ft === 'oft' ? 'oft' : 'other';
  // The upstream folder names agree: train_qlora/ holds quantized LoRA, train_full/ full fine-tuning.
  if (file.startsWith('examples/train_qlora/') && adapter !== 'qlora') throw new Error(`${file}: expected QLoRA`);
  const stage = s(d.stage) ?? 'sft';
  const pref = s(d.pref_loss) ?? 'sigmoid';
  const objective = { pt: 'cpt', sft: 'sft', rm: 'rm', ppo: 'ppo', kto: 'kto', dpo: { sigmoid: 'dpo', orpo: 'orpo', simpo: 'simpo' }[pref] }[stage];
  const train = list_(d.dataset);
  const evalNames = list_(d.eval_dataset);
  const val = n(d.val_size) > 1e-6;
  const strategy = s(d.eval_strategy ?? d.evaluation_strategy);
  const asked = d.do_eval === true || (strategy !== undefined && strategy !== 'no');
  let evaluation;
  if (evalNames.length && val) evaluation = 'refuses';
  else if (!evalNames.length && !val) evaluation = asked ? 'refuses' : 'never';
  else if (!asked) evaluation = 'never';
  else evaluation = evalNames.some((x) => train.includes(x)) ? 'train-data' : 'runs';
  return { train: true, model: s(d.model_name_or_path), adapter, objective, evaluation, trainNames: train };
}

function lfV1(file, d) {
  const peft = isObj(d.peft_config) ? d.peft_config : undefined;
  if (!('train_dataset' in d) || (peft && 'export_dir' in peft)) return { train: false };
  const quantized = isObj(d.quant_config);
  const adapter = !peft ? 'full' : peft.name === 'lora' ? (quantized ? 'qlora' : 'lora') : peft.name === 'freeze' ? 'freeze' : 'other';
  // v1 trainers build no eval dataset; the objective is the command (`llamafactory-cli sft|dpo|rm`).
  const train = s(d.train_dataset);
  return { train: true, model: s(d.model), adapter, objective: undefined, evaluation: 'never', trainPaths: train && !/\.ya?ml$/.test(train) ? [train] : [] };
}

function axolotl(file, d) {
  if (typeof d.base_model !== 'string') return { train: false };
  const a = s(d.adapter);
  const quantized = truthy(d.load_in_4bit) || truthy(d.gptq) || QUANTIZED_NAME.test(d.base_model);
  const adapter = a === undefined ? (Array.isArray(d.unfrozen_parameters) && d.unfrozen_parameters.length ? 'freeze' : 'full') : a === 'qlora' ? 'qlora' : a === 'lora' ? (quantized ? 'qlora' : 'lora') : 'other';
  const rl = s(d.rl);
  const datasets = Array.isArray(d.datasets) ? d.datasets.filter(isObj) : [];
  const objective = rl
    ? { dpo: 'dpo', ipo: 'dpo', orpo: 'orpo', kto: 'kto', simpo: 'simpo', grpo: 'grpo', gdpo: 'grpo' }[rl]
    : truthy(d.reward_model) || truthy(d.process_reward_model)
      ? 'rm'
      : d.pretraining_dataset != null || (datasets.length && datasets.every((x) => s(x.type) === 'completion'))
        ? 'cpt'
        : 'sft';
  const tests = Array.isArray(d.test_datasets) ? d.test_datasets.filter(isObj) : [];
  const hasData = n(d.val_set_size) > 0 || tests.length > 0;
  const strategy = s(d.eval_strategy ?? d.evaluation_strategy);
  const perEpoch = n(d.evals_per_epoch);
  const epochs = 'num_epochs' in d ? n(d.num_epochs) : 1;
  // core/builders/base.py: eval only with eval_steps or eval_strategy; utils/config derives
  // eval_steps = 1 / (evals_per_epoch × num_epochs) only when that is below 1.
  const frequency = n(d.eval_steps) > 0 || (strategy !== undefined && strategy !== 'no') || perEpoch * epochs > 1;
  const shared = tests.some((t) => datasets.some((x) => s(x.path) && s(x.path) === s(t.path)));
  const evaluation = !hasData || strategy === 'no' || !frequency ? 'never' : shared ? 'train-data' : 'runs';
  return { train: true, model: d.base_model.trim(), adapter, objective, evaluation, trainPaths: datasets.map((x) => s(x.path)).filter(Boolean) };
}

const VALIDATING = new Set(['full_finetune_distributed', 'lora_finetune_distributed', 'qat_distributed', 'qat_lora_finetune_distributed']);

function torchtune(file, d, text) {
  // The `tune run <recipe> --config <this file>` comment; a config may show other commands too.
  const runs = [...text.matchAll(/#.*\btune run\b.*?\s([\w/.-]+)\s+--config[\s=]+(\S+)/g)].map((m) => ({ recipe: m[1], config: m[2] }));
  const stem = path.basename(file).replace(/\.ya?ml$/, '');
  const recipe = (runs.find((r) => r.config.split('/').pop().replace(/\.ya?ml$/, '') === stem) ?? runs[0])?.recipe;
  if (recipe && /^(?:dev\/)?(generate|generate_v2|generate_v2_distributed|eleuther_eval|quantize)$/.test(recipe)) return { train: false };
  if (!recipe && !isObj(d.optimizer)) return { train: false };
  const model = isObj(d.model) ? d.model : isObj(d.policy_model) ? d.policy_model : {};
  const builder = (s(model._component_) ?? '').split('.').pop();
  const base = path.basename(file);
  let adapter = builder.startsWith('qlora_') || (builder.startsWith('lora_') && truthy(model.quantize_base)) ? 'qlora' : builder.startsWith('lora_') ? 'lora' : 'full';
  // The upstream file names say the same: *_qlora*, *_qdora* are quantized; *_lora*, *_dora* are not.
  if (/_q(lo|do)ra/.test(base) && adapter !== 'qlora') throw new Error(`${file}: expected QLoRA`);
  if (!builder) adapter = undefined;
  const loss = (s(isObj(d.loss) ? d.loss._component_ : undefined) ?? '').split('.').pop();
  const dataset = s(isObj(d.dataset) ? d.dataset._component_ : undefined) ?? '';
  let objective;
  if (isObj(d.kd_loss) || isObj(d.teacher_model) || /knowledge_distillation/.test(recipe ?? '')) objective = 'kd';
  else if (/GRPO/i.test(loss) || /grpo/.test(recipe ?? '')) objective = 'grpo';
  else if (/PPO/i.test(loss) || /ppo/.test(recipe ?? '')) objective = 'ppo';
  else if (/SimPO/i.test(loss)) objective = 'simpo';
  else if (/DPO|RSO|IPO/i.test(loss) || /dpo/.test(recipe ?? '')) objective = 'dpo';
  else if (/CrossEntropy|^CE/i.test(loss)) objective = /text_completion_dataset$/.test(dataset) ? 'cpt' : 'sft';
  // checkpoint_dir, with OmegaConf `${x}` resolved from the config and a Meta `original/` folder read as its model.
  const checkpointer = isObj(d.checkpointer) ? d.checkpointer : isObj(d.training) && isObj(d.training.checkpointer) ? d.training.checkpointer : {};
  let dir = s(checkpointer.checkpoint_dir);
  for (let i = 0; dir && dir.includes('${') && i < 5; i++) dir = dir.replace(/\$\{([\w.]+)\}/g, (_, k) => s(k.split('.').reduce((o, p) => (isObj(o) ? o[p] : undefined), d)) ?? '${?}');
  const baseModelUnknown = Boolean(dir?.includes('${'));
  if (baseModelUnknown) dir = undefined;
  dir = dir?.replace(/\/+$/, '').replace(/\/original$/, '');
  // `tune download <repo> --output-dir <dir>` names the hub model behind the folder.
  const downloads = [...text.matchAll(/tune download\s+(\S+)\s+--output-dir\s+(\S+)/g)].map((m) => ({ repo: m[1], dir: m[2].replace(/\/+$/, '') }));
  const hub = dir && downloads.find((x) => x.dir === dir && x.repo.split('/').pop().toLowerCase() === dir.split('/').pop().toLowerCase())?.repo;
  const val = d.dataset_val != null && n(d.run_val_every_n_steps) > 0;
  const validating = recipe ? VALIDATING.has(recipe) : !/_single_device|_low_memory/.test(base);
  const same = isObj(d.dataset) && isObj(d.dataset_val) && JSON.stringify([d.dataset._component_, d.dataset.source, d.dataset.data_files, d.dataset.split ?? 'train']) === JSON.stringify([d.dataset_val._component_, d.dataset_val.source, d.dataset_val.data_files, d.dataset_val.split ?? 'train']);
  const evaluation = !val || !validating ? 'never' : same ? 'train-data' : 'runs';
  const trainPaths = (Array.isArray(d.dataset) ? d.dataset : [d.dataset]).filter(isObj).flatMap((x) => list_(x.data_files)).filter((f) => !f.includes('${'));
  return { train: true, model: hub ?? dir, adapter, objective, evaluation, trainPaths, baseModelUnknown };
}

/**
 * What the upstream file name and folder say about a config, where they say
 * something: a second, independent reading. Where it disagrees with the
 * reading from the keys, the config is listed (`--list`) for a person to
 * look at; the keys decide, since they are what the framework runs.
 */
function nameSays(framework, file) {
  const name = file.toLowerCase();
  const base = path.basename(name);
  const says = {};
  if (framework === 'llama-factory') {
    if (/qlora\/|\/qoft\//.test(name)) says.quantized = true;
    if (name.includes('/train_full/') || /_full_/.test(base)) says.adapter = 'full';
    else if (/_lora_/.test(base)) says.adapter = says.quantized ? 'qlora' : 'lora';
    else if (/_freeze_/.test(base)) says.adapter = 'freeze';
    else if (/_oft_/.test(base)) says.adapter = 'oft';
    const obj = /_(dpo|kto|reward|pretrain)\b/.exec(base)?.[1];
    if (obj) says.objective = { reward: 'rm', pretrain: 'cpt' }[obj] ?? obj;
  } else if (framework === 'axolotl') {
    if (/qlora/.test(base)) says.adapter = 'qlora';
    else if (/(^|[-_])lora/.test(base)) says.adapter = 'lora|qlora';
    else if (/(^|[-_])fft/.test(base)) says.adapter = 'full|freeze';
    const obj = /(^|[-_/])(dpo|kto|orpo|grpo|gdpo|reward-model|prm)([-_.]|$)/.exec(base)?.[2];
    if (obj) says.objective = { 'reward-model': 'rm', prm: 'rm', gdpo: 'grpo' }[obj] ?? obj;
  } else {
    if (/_q(lo|do)ra/.test(base)) says.adapter = 'qlora';
    else if (/_(lo|do)ra/.test(base)) says.adapter = 'lora';
    else if (/_full/.test(base)) says.adapter = 'full';
    const obj = /_(dpo|ppo|grpo|kd)(_|\.)/.exec(base)?.[1];
    if (obj) says.objective = obj;
  }
  return says;
}

function nameDisagrees(framework, file, exp) {
  const says = nameSays(framework, file);
  const out = [];
  if (says.adapter && !says.adapter.split('|').includes(exp.adapter)) out.push(`name says ${says.adapter}, keys say ${exp.adapter}`);
  if (says.quantized && exp.adapter !== 'qlora' && exp.adapter !== 'oft') out.push(`name says quantized, keys say ${exp.adapter}`);
  if (says.objective && says.objective !== exp.objective) out.push(`name says ${says.objective}, keys say ${exp.objective ?? 'nothing'}`);
  return out;
}

/** Counts of what the expectations say, for the summary. */
function tally(row, exp) {
  row.tally ??= {};
  for (const [k, v] of [['adapter', exp.adapter ?? 'unknown'], ['objective', exp.objective ?? 'not said'], ['evaluation', exp.evaluation], ['training file', exp.trainFile ? 'local' : 'none']]) {
    row.tally[k] ??= {};
    row.tally[k][v] = (row.tally[k][v] ?? 0) + 1;
  }
}

// Running --------------------------------------------------------------------

const work = mkdtempSync(path.join(tmpdir(), 'trainer-examples-'));
const rows = [];
try {
  for (const dir of repos) {
    const repo = openRepo(path.resolve(dir));
    const framework = frameworkOf(repo.files);
    if (!framework) {
      console.error(`${dir}: not a LLaMA-Factory, Axolotl or torchtune repository`);
      process.exit(2);
    }
    const configs = repo.files.filter(EXAMPLES[framework]).sort();
    const row = { framework, commit: repo.commit, date: repo.date, configs: configs.length, right: 0, unreadable: 0, wrong: [] };
    for (const file of configs) {
      const text = repo.read(file);
      let data;
      try {
        data = parse(text, { maxAliasCount: 100 });
      } catch {
        data = undefined;
      }
      const here = mkdtempSync(path.join(work, 'c-'));
      const planPath = path.join(here, 'finetune-plan.yaml');
      writeFileSync(path.join(here, 'trainer.yaml'), text);
      let exp;
      try {
        exp = isObj(data) ? expectation(framework, file, data, text) : { train: false };
      } catch (err) {
        row.wrong.push({ file, variant: 'expectation', expected: [], got: [String(err.message)] });
        continue;
      }
      if (exp.train) exp.trainFile = stageTrainingFiles(here, { ...exp, dataDir: s(data.dataset_dir) ?? 'data' });
      if (show) console.log(`${framework} ${file}: ${exp.train ? `model ${exp.model ?? '?'}, ${exp.adapter ?? '?'}, ${exp.objective ?? 'objective not said'}, evaluation ${exp.evaluation}, training file ${exp.trainFile ?? 'none'}` : 'not a training config'}`);
      if (!exp.train) {
        const got = kinds(await checkPlanData(plan({ baseModel: 'acme/Any-7B', method: 'lora', framework }), planPath, { rules: RULES, rootDir: here }));
        if (got.join() === 'unreadable') row.unreadable++;
        else row.wrong.push({ file, variant: 'not a training config', expected: ['unreadable'], got });
        continue;
      }
      let ok = true;
      for (const v of variants(framework, exp)) {
        const messages = await checkPlanData(v.plan, planPath, { rules: RULES, rootDir: here });
        const got = kinds(messages);
        if (got.join() !== v.expected.join()) {
          ok = false;
          row.wrong.push({ file, variant: v.name, expected: v.expected, got, messages: messages.map((m) => `${m.ruleId}: ${m.message}`) });
          break;
        }
      }
      if (ok) row.right++;
      tally(row, exp);
      const disagree = nameDisagrees(framework, file, exp);
      if (disagree.length) (row.names ??= []).push(`${file}: ${disagree.join('; ')}`);
    }
    rows.push(row);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const table = [
  '| framework | commit | date | configs | right in every variant | unreadable (not training configs) | wrong |',
  '|---|---|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.framework} | ${r.commit.slice(0, 10)} | ${r.date} | ${r.configs} | ${r.right} | ${r.unreadable} | ${r.wrong.length} |`),
];
console.log(table.join('\n'));
for (const r of rows) if (r.names?.length) console.log(`\n${r.framework}: ${r.names.length} config(s) whose upstream name says otherwise than their keys${list ? ':\n  ' + r.names.join('\n  ') : ' (--list shows them)'}`);
for (const r of rows) {
  console.log(`\n${r.framework}: ` + Object.entries(r.tally ?? {}).map(([k, counts]) => `${k} ${Object.entries(counts).map(([v, c]) => `${v} ${c}`).join(', ')}`).join('; '));
}
if (list) {
  for (const r of rows) {
    for (const w of r.wrong) {
      console.log(`\n${r.framework} ${w.file} — ${w.variant}: expected [${w.expected.join(', ')}], got [${w.got.join(', ')}]`);
      for (const m of w.messages ?? []) console.log(`    ${m}`);
    }
  }
}
