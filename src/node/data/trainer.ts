import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { msg, type MessageParam, type MessageRef } from '../../core/i18n/message.js';

/**
 * Reads a trainer's own YAML config into what the plan can be checked
 * against: the base model, the method, the training files and what the run
 * does about evaluation. Each framework is read as its own code reads it
 * (key names and defaults of current releases):
 *
 * - LLaMA-Factory (`llamafactory-cli train x.yaml`, `hparams/*_args.py`):
 *   `model_name_or_path`; `stage` (pt, sft (default), rm, ppo, dpo, kto) with
 *   `pref_loss` (sigmoid = DPO, orpo, simpo) for `stage: dpo`;
 *   `finetuning_type` (lora (default), oft, freeze, full) with
 *   `quantization_bit` or a pre-quantized checkpoint (GPTQ, AWQ, AQLM) for
 *   QLoRA; `dataset` / `eval_dataset` as lists or comma strings; evaluation
 *   data from `eval_dataset` or `val_size` > 0 (never both: the config is
 *   refused), run only when `do_eval` is true or `eval_strategy` (formerly
 *   `evaluation_strategy`) is `steps` or `epoch`. Nothing trains unless
 *   `do_train` is true.
 * - LLaMA-Factory v1 (`model`, `peft_config`, `quant_config`,
 *   `train_dataset`): the method from `peft_config.name` and `quant_config`;
 *   the objective is the command (`llamafactory-cli sft|dpo|rm`), not the
 *   config, so it is not compared; its trainers never evaluate.
 * - Axolotl (`utils/schemas`, `core/builders/base.py`): `base_model`;
 *   `adapter` (lora, qlora; blank = full fine-tuning, `unfrozen_parameters` =
 *   some layers only), `load_in_4bit`, `gptq`, `peft_use_dora`; `rl` (dpo,
 *   ipo, orpo, kto, simpo, grpo, gdpo; blank = SFT), `reward_model`,
 *   `process_reward_model`, `pretraining_dataset`; evaluation data from
 *   `val_set_size` > 0 or `test_datasets`, run only with `eval_steps`,
 *   `eval_strategy` other than `no`, or `evals_per_epoch` × `num_epochs` > 1
 *   (the trainer's default strategy is `no`).
 * - torchtune: `model._component_` (or `policy_model` for PPO; builders
 *   named `lora_*` / `qlora_*`, with `quantize_base` and `use_dora`),
 *   `loss._component_` and `kd_loss`, `checkpointer.checkpoint_dir` (a Meta
 *   `original/` folder names its parent; `${…}` resolved from the config);
 *   evaluation needs `dataset_val` and `run_val_every_n_steps`, and is read
 *   only by the distributed fine-tuning recipes (the recipe is taken from the
 *   config's `tune run … <recipe> --config` comment).
 */

export type Framework = 'llama-factory' | 'axolotl' | 'torchtune';

/** What a config trains: plan `method` values where there is one. */
export type AdapterKind = 'lora' | 'qlora' | 'full' | 'freeze' | 'oft' | 'other';
export type Objective = 'sft' | 'dpo' | 'orpo' | 'kto' | 'simpo' | 'ppo' | 'grpo' | 'rm' | 'cpt' | 'kd' | 'other';

export interface Setting<T> {
  value: T;
  /** The config key(s) it comes from, with the line, for messages: `finetuning_type (line 7)`. */
  source: MessageParam;
}

/** What the run does about evaluation. */
export type Evaluation =
  /** It evaluates held-out data; `why` names the keys. */
  | { outcome: 'runs'; why: MessageParam }
  /** It never evaluates; `why` gives the exact reason. */
  | { outcome: 'never'; why: MessageParam }
  /** The framework refuses to start with these settings. */
  | { outcome: 'refuses'; why: MessageParam }
  /** It evaluates, but on data it also trains on. */
  | { outcome: 'train-data'; why: MessageParam };

export interface TrainerConfig {
  framework: Framework;
  /** LLaMA-Factory's newer config format (`model`, `peft_config`, `train_dataset`). */
  format?: 'v1';
  /** How the framework was known: the plan's `training.framework`, or the config's keys. */
  detectedBy: 'plan' | 'keys';
  /**
   * When the plan names another framework than the config's keys show: what
   * it names, and the keys. The config is read as the framework its keys show.
   */
  declaredOther?: { declared: string; keys: MessageParam };
  baseModel?: Setting<string>;
  /** Why the base model cannot be told although the config names one (an unresolvable `${…}`). */
  baseModelUnknown?: MessageParam;
  adapter?: Setting<AdapterKind> & { dora?: boolean };
  objective?: Setting<Objective>;
  evaluation: Evaluation;
  /**
   * The training data the config names: LLaMA-Factory dataset names (to be
   * looked up in `dataset_info.json` under `dataDir`), or file paths / hub
   * ids (Axolotl `datasets[].path`, torchtune `data_files`).
   */
  trainData?: DataFiles;
  /** The eval data the config names, in the same form; compared with `trainData` file by file. */
  evalData?: DataFiles;
}

export type DataFiles = { kind: 'dataset-names'; names: string[]; dataDir: string; source: MessageParam } | { kind: 'paths'; paths: string[]; source: MessageParam };

export type TrainerRead = { config: TrainerConfig } | { unreadable: MessageRef };

const FRAMEWORKS: readonly Framework[] = ['llama-factory', 'axolotl', 'torchtune'];

/** Reads and interprets a trainer config; never throws. */
export async function readTrainerConfig(file: string, declared: string | undefined): Promise<TrainerRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { unreadable: msg('trainer.cannot-read', { detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message }) };
  }
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.yaml' && ext !== '.yml') return { unreadable: msg('trainer.not-yaml-file') };
  return interpretTrainerConfig(text, declared, path.basename(file));
}

/** Interprets a trainer config's text (`fileName` only helps to tell a torchtune recipe). */
export function interpretTrainerConfig(text: string, declared: string | undefined, fileName = ''): TrainerRead {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return { unreadable: msg('trainer.bad-yaml', { line: e.linePos?.[0]?.line ?? '?', detail: e.message.split('\n')[0]! }) };
  }
  if (!isMap(doc.contents)) return { unreadable: msg('trainer.not-mapping') };
  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (err) {
    // An alias bomb: refused by the parser, reported like any bad YAML.
    return { unreadable: msg('trainer.bad-yaml', { line: '?', detail: (err as Error).message.split('\n')[0]! }) };
  }
  if (declared !== undefined && !FRAMEWORKS.includes(declared as Framework)) {
    return { unreadable: msg('trainer.unknown-framework', { framework: declared }) };
  }
  const detected = detect(data);
  let framework: Framework;
  let detectedBy: TrainerConfig['detectedBy'] = 'keys';
  let declaredOther: TrainerConfig['declaredOther'];
  if (detected) {
    framework = detected.framework;
    if (declared === undefined || declared === framework) detectedBy = declared === undefined ? 'keys' : 'plan';
    else declaredOther = { declared, keys: detected.keys.slice(0, 3) };
  } else {
    const other = notTrainerConfig(data);
    if (other) return { unreadable: msg('trainer.not-training', { reason: other }) };
    if (declared === undefined) return { unreadable: msg('trainer.unrecognised') };
    framework = declared as Framework;
    detectedBy = 'plan';
  }
  const v1 = detected?.v1 === true;
  const ctx: Context = { data, text, fileName, lineOf: lineFinder(doc, lineCounter), shown: detected !== undefined };
  const read = framework === 'llama-factory' ? (v1 ? llamaFactoryV1 : llamaFactory) : framework === 'axolotl' ? axolotl : torchtune;
  const result = read(ctx);
  if ('notTraining' in result) return { unreadable: msg('trainer.not-training', { reason: result.notTraining }) };
  return { config: { framework, ...(v1 ? { format: 'v1' as const } : {}), detectedBy, ...(declaredOther ? { declaredOther } : {}), ...result } };
}

interface Detected {
  framework: Framework;
  v1?: boolean;
  /** The keys that show it, for messages. */
  keys: string[];
}

/** The framework a config's keys show, or undefined when they show none. */
export function detect(d: Record<string, unknown>): Detected | undefined {
  const present = (keys: readonly string[]): string[] => keys.filter((k) => k in d);
  if (typeof d.model_name_or_path === 'string') {
    const keys = present(['stage', 'finetuning_type', 'dataset', 'template', 'do_train']);
    if (keys.length) return { framework: 'llama-factory', keys: ['model_name_or_path', ...keys] };
  }
  if (typeof d.model === 'string') {
    const keys = present(['peft_config', 'quant_config', 'train_dataset', 'model_class', 'dist_config', 'kernel_config']);
    if (keys.length) return { framework: 'llama-factory', v1: true, keys: ['model', ...keys] };
  }
  if (typeof d.base_model === 'string') {
    const keys = present(['datasets', 'adapter', 'val_set_size', 'sequence_len', 'rl', 'pretraining_dataset', 'micro_batch_size']);
    if (keys.length) return { framework: 'axolotl', keys: ['base_model', ...keys] };
  }
  const components = ['model', 'policy_model', 'checkpointer', 'tokenizer', 'dataset', 'loss', 'optimizer'].filter((k) => isObject(d[k]) && '_component_' in (d[k] as object));
  if (components.length) return { framework: 'torchtune', keys: components.map((k) => `${k}._component_`) };
  return undefined;
}

/**
 * Why a config whose keys show no framework is not a trainer's config at all:
 * an Accelerate or cloud launcher config, or a mapping of names that are not
 * settings (a token list). Undefined when it may be the declared framework's.
 */
function notTrainerConfig(d: Record<string, unknown>): MessageRef | undefined {
  const keys = Object.keys(d);
  const launcher = keys.filter((k) => ['compute_environment', 'distributed_type', 'dockerfile_commands', 'gpu_count', 'volumes', 'secrets'].includes(k));
  if (launcher.length) return msg('trainer.not-training.launcher', { keys: launcher });
  if (keys.length && !keys.some((k) => /^[A-Za-z_][\w.-]*$/.test(k))) return msg('trainer.not-training.no-settings');
  return undefined;
}

interface Context {
  data: Record<string, unknown>;
  text: string;
  fileName: string;
  /** A top-level key with its line, for messages. */
  lineOf: (key: string) => MessageParam;
  /** Whether the config's own keys show the framework (not only the plan's `training.framework`). */
  shown: boolean;
}

type Read = Omit<TrainerConfig, 'framework' | 'format' | 'detectedBy' | 'declaredOther'>;
type ReadResult = Read | { notTraining: MessageParam };

function lineFinder(doc: Document, lineCounter: LineCounter): (key: string) => MessageParam {
  return (key) => {
    const pair = (doc.contents as { items: Array<{ key: unknown }> }).items.find((p) => (p.key as { value?: unknown })?.value === key);
    const range = (pair?.key as Node | undefined)?.range;
    return range ? msg('trainer.key-at-line', { key, line: lineCounter.linePos(range[0]).line }) : key;
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
}

function positive(v: unknown): boolean {
  const n = num(v);
  return Number.isFinite(n) && n > 0;
}

/** YAML true, or a string the frameworks' parsers read as true. */
function truthy(v: unknown): boolean {
  return v === true || (typeof v === 'string' && /^(true|yes|1)$/i.test(v.trim()));
}

/** A list of names or paths written as a YAML list or a comma-separated string (LLaMA-Factory's `split_arg`). */
function names(v: unknown): string[] {
  const items = Array.isArray(v) ? v.map(str) : typeof v === 'string' ? v.split(',') : [];
  return items.map((s) => s?.trim()).filter((s): s is string => Boolean(s));
}

/** `a with b`: a setting decided by two keys. */
function both(first: MessageParam, second: MessageParam): MessageRef {
  return msg('trainer.source.with', { first, second });
}

/** Names of checkpoints that are quantized already (training an adapter on one is QLoRA). */
const PREQUANTIZED = /(?:^|[-_./])(gptq|awq|aqlm|bnb|nf4|int4|4bit|hqq|eetq)(?=$|[-_./])/i;

function prequantized(model: string | undefined): string | undefined {
  const m = model ? PREQUANTIZED.exec(model) : null;
  return m ? m[1]!.toUpperCase().replace('4BIT', '4-bit') : undefined;
}

/**
 * Eval keys written as comments: `# val_size: 0.1` — the usual reason an
 * eval block does not run. Returns the keys and the first line.
 */
function commentedOut(text: string, keys: readonly string[]): { keys: string[]; line: number } | undefined {
  const found: string[] = [];
  let first = 0;
  const lines = text.split(/\r?\n/);
  const pattern = new RegExp(`^\\s*#+\\s*(${keys.join('|')})\\s*:`);
  lines.forEach((line, i) => {
    const m = pattern.exec(line);
    if (m && !found.includes(m[1]!)) {
      found.push(m[1]!);
      if (!first) first = i + 1;
    }
  });
  return found.length ? { keys: found, line: first } : undefined;
}

/** Adds "(… commented out at line N)" to a reason evaluation never runs. */
function withCommented(ctx: Context, keys: readonly string[], why: MessageParam): MessageParam {
  const c = commentedOut(ctx.text, keys);
  return c ? msg('trainer.eval.commented-out', { why, keys: c.keys, line: c.line }) : why;
}

function never(why: MessageParam): Evaluation {
  return { outcome: 'never', why };
}

// LLaMA-Factory -------------------------------------------------------------

const LF_EVAL_KEYS = ['eval_dataset', 'val_size', 'eval_strategy', 'evaluation_strategy', 'do_eval', 'eval_steps'];

function llamaFactory(ctx: Context): ReadResult {
  const { data: d, lineOf } = ctx;
  // A config only the plan calls LLaMA-Factory is read with its defaults; one whose keys show it must train.
  if (ctx.shown && d.do_train !== true) {
    const reason = d.do_predict === true ? msg('trainer.not-training.predict') : 'export_dir' in d ? msg('trainer.not-training.export', { key: lineOf('export_dir') }) : msg('trainer.not-training.no-do-train');
    return { notTraining: reason };
  }
  const out: Read = { evaluation: never('') };
  const model = str(d.model_name_or_path);
  if (model) out.baseModel = { value: model, source: lineOf('model_name_or_path') };
  const ft = str(d.finetuning_type)?.toLowerCase() ?? 'lora'; // LLaMA-Factory's default
  const ftSource = 'finetuning_type' in d ? lineOf('finetuning_type') : msg('trainer.source.default-lora');
  const bits = d.quantization_bit !== undefined && d.quantization_bit !== null;
  const checkpoint = bits ? undefined : prequantized(model);
  const quantSource = bits ? lineOf('quantization_bit') : checkpoint ? msg('trainer.source.prequantized', { key: lineOf('model_name_or_path'), kind: checkpoint }) : undefined;
  const dora = ft === 'lora' && truthy(d.use_dora);
  if (ft === 'lora') {
    const source = quantSource ? both(ftSource, quantSource) : ftSource;
    out.adapter = { value: quantSource ? 'qlora' : 'lora', source: dora ? both(source, lineOf('use_dora')) : source, ...(dora ? { dora } : {}) };
  } else if (ft === 'freeze' || truthy(d.use_llama_pro)) out.adapter = { value: 'freeze', source: 'finetuning_type' in d ? lineOf('finetuning_type') : lineOf('use_llama_pro') };
  else if (ft === 'oft') out.adapter = { value: 'oft', source: quantSource ? both(ftSource, quantSource) : ftSource };
  else if (ft === 'full') out.adapter = { value: 'full', source: ftSource };
  else out.adapter = { value: 'other', source: ftSource };
  const stage = str(d.stage)?.toLowerCase() ?? 'sft'; // LLaMA-Factory's default
  const prefLoss = str(d.pref_loss)?.toLowerCase() ?? 'sigmoid';
  const byStage: Record<string, Objective> = { pt: 'cpt', sft: 'sft', rm: 'rm', ppo: 'ppo', kto: 'kto' };
  const objective: Objective = stage === 'dpo' ? (prefLoss === 'orpo' ? 'orpo' : prefLoss === 'simpo' ? 'simpo' : prefLoss === 'sigmoid' ? 'dpo' : 'other') : byStage[stage] ?? 'other';
  const stageSource = 'stage' in d ? lineOf('stage') : msg('trainer.source.default-stage');
  out.objective = { value: objective, source: stage === 'dpo' && 'pref_loss' in d ? both(stageSource, lineOf('pref_loss')) : stageSource };
  const train = names(d.dataset);
  const dataDir = str(d.dataset_dir) ?? 'data';
  if (train.length) out.trainData = { kind: 'dataset-names', names: train, dataDir, source: lineOf('dataset') };
  const evalNames = names(d.eval_dataset);
  if (evalNames.length) out.evalData = { kind: 'dataset-names', names: evalNames, dataDir, source: lineOf('eval_dataset') };
  out.evaluation = llamaFactoryEvaluation(ctx, train);
  return out;
}

function llamaFactoryEvaluation(ctx: Context, train: readonly string[]): Evaluation {
  const { data: d, lineOf } = ctx;
  const evalNames = names(d.eval_dataset);
  const valSize = positive(d.val_size) && num(d.val_size) > 1e-6;
  if (evalNames.length && valSize) return { outcome: 'refuses', why: msg('trainer.eval.llama-factory.both', { first: lineOf('eval_dataset'), second: lineOf('val_size') }) };
  const strategyKey = 'eval_strategy' in d ? 'eval_strategy' : 'evaluation_strategy';
  const strategy = str(d[strategyKey])?.toLowerCase();
  const runs = d.do_eval === true || (strategy !== undefined && strategy !== 'no');
  if (!evalNames.length && !valSize) {
    if (runs) return { outcome: 'refuses', why: msg('trainer.eval.llama-factory.no-data-but', { key: d.do_eval === true ? lineOf('do_eval') : lineOf(strategyKey) }) };
    return never(withCommented(ctx, LF_EVAL_KEYS, msg('trainer.eval.llama-factory.no-data')));
  }
  const evalData = evalNames.length ? lineOf('eval_dataset') : lineOf('val_size');
  if (!runs) {
    const reason = strategy === 'no' ? msg('trainer.eval.strategy-no', { key: lineOf(strategyKey) }) : msg('trainer.eval.no-strategy');
    return never(withCommented(ctx, ['eval_strategy', 'evaluation_strategy', 'do_eval'], msg('trainer.eval.never-runs', { data: evalData, reason })));
  }
  const shared = evalNames.filter((n) => train.includes(n));
  if (shared.length) return { outcome: 'train-data', why: msg('trainer.eval.shared', { key: lineOf('eval_dataset'), train: lineOf('dataset'), names: shared.map((text) => msg('data.quoted', { text })) }) };
  return { outcome: 'runs', why: evalData };
}

function llamaFactoryV1(ctx: Context): ReadResult {
  const { data: d, lineOf } = ctx;
  const peft = isObject(d.peft_config) ? d.peft_config : undefined;
  if (peft && 'export_dir' in peft) return { notTraining: msg('trainer.not-training.export', { key: 'peft_config.export_dir' }) };
  if (!('train_dataset' in d)) return { notTraining: msg('trainer.not-training.no-train-dataset') };
  const out: Read = { evaluation: never('') };
  const model = str(d.model);
  if (model) out.baseModel = { value: model, source: lineOf('model') };
  const name = peft ? str(peft.name)?.toLowerCase() : undefined;
  const quant = isObject(d.quant_config) ? lineOf('quant_config') : undefined;
  const checkpoint = quant ? undefined : prequantized(model);
  const quantSource = quant ?? (checkpoint ? msg('trainer.source.prequantized', { key: lineOf('model'), kind: checkpoint }) : undefined);
  const nameSource = 'peft_config.name';
  if (!peft) out.adapter = { value: 'full', source: msg('trainer.source.no-peft-config') };
  else if (name === 'lora') out.adapter = { value: quantSource ? 'qlora' : 'lora', source: quantSource ? both(nameSource, quantSource) : nameSource };
  else if (name === 'freeze') out.adapter = { value: 'freeze', source: nameSource };
  else out.adapter = { value: 'other', source: nameSource };
  const train = str(d.train_dataset);
  // A .yaml train_dataset lists datasets (hub ids or files) for the data engine; only a plain path is a training file.
  if (train && !/\.ya?ml$/i.test(train)) out.trainData = { kind: 'paths', paths: [train], source: lineOf('train_dataset') };
  out.evaluation = never('eval_dataset' in d ? msg('trainer.eval.llama-factory.v1-unused', { key: lineOf('eval_dataset') }) : msg('trainer.eval.llama-factory.v1'));
  return out;
}

// Axolotl -------------------------------------------------------------------

const AXOLOTL_EVAL_KEYS = ['val_set_size', 'test_datasets', 'eval_steps', 'evals_per_epoch', 'eval_strategy'];

function axolotl(ctx: Context): ReadResult {
  const { data: d, lineOf } = ctx;
  const out: Read = { evaluation: never('') };
  const model = str(d.base_model);
  if (model) out.baseModel = { value: model, source: lineOf('base_model') };
  const adapter = str(d.adapter)?.toLowerCase();
  const dora = truthy(d.peft_use_dora);
  if (adapter === undefined) {
    out.adapter = Array.isArray(d.unfrozen_parameters) && d.unfrozen_parameters.length
      ? { value: 'freeze', source: lineOf('unfrozen_parameters') }
      : { value: 'full', source: msg('trainer.source.no-adapter') };
  } else if (adapter === 'lora' || adapter === 'qlora') {
    const checkpoint = prequantized(model);
    const quantSource = adapter === 'qlora' ? undefined : truthy(d.load_in_4bit) ? lineOf('load_in_4bit') : truthy(d.gptq) ? lineOf('gptq') : checkpoint ? msg('trainer.source.prequantized', { key: lineOf('base_model'), kind: checkpoint }) : undefined;
    const source = quantSource ? both(lineOf('adapter'), quantSource) : lineOf('adapter');
    out.adapter = { value: adapter === 'qlora' || quantSource ? 'qlora' : 'lora', source: dora ? both(source, lineOf('peft_use_dora')) : source, ...(dora ? { dora } : {}) };
  } else out.adapter = { value: 'other', source: lineOf('adapter') };
  const rl = str(d.rl)?.toLowerCase();
  const objectives: Record<string, Objective> = { dpo: 'dpo', ipo: 'dpo', orpo: 'orpo', kto: 'kto', simpo: 'simpo', grpo: 'grpo', gdpo: 'grpo' };
  const datasets = Array.isArray(d.datasets) ? d.datasets.filter(isObject) : [];
  if (rl) out.objective = { value: objectives[rl] ?? 'other', source: lineOf('rl') };
  else if (truthy(d.reward_model)) out.objective = { value: 'rm', source: lineOf('reward_model') };
  else if (truthy(d.process_reward_model)) out.objective = { value: 'rm', source: lineOf('process_reward_model') };
  else if (d.pretraining_dataset !== undefined && d.pretraining_dataset !== null) out.objective = { value: 'cpt', source: lineOf('pretraining_dataset') };
  else if (datasets.length && datasets.every((x) => str(x.type)?.toLowerCase() === 'completion')) out.objective = { value: 'cpt', source: msg('trainer.source.completion', { key: lineOf('datasets') }) };
  else out.objective = { value: 'sft', source: msg('trainer.source.no-rl') };
  const paths = datasets.map((x) => str(x.path)).filter((x): x is string => x !== undefined);
  if (paths.length) out.trainData = { kind: 'paths', paths, source: lineOf('datasets') };
  const testPaths = Array.isArray(d.test_datasets) ? d.test_datasets.filter(isObject).map((x) => str(x.path)).filter((x): x is string => x !== undefined) : [];
  if (testPaths.length) out.evalData = { kind: 'paths', paths: testPaths, source: lineOf('test_datasets') };
  out.evaluation = axolotlEvaluation(ctx, paths);
  return out;
}

function axolotlEvaluation(ctx: Context, train: readonly string[]): Evaluation {
  const { data: d, lineOf } = ctx;
  const tests = Array.isArray(d.test_datasets) ? d.test_datasets.filter(isObject) : [];
  const evalData = positive(d.val_set_size) ? lineOf('val_set_size') : tests.length ? lineOf('test_datasets') : undefined;
  if (!evalData) {
    const reason = 'val_set_size' in d && d.val_set_size !== null ? msg('trainer.eval.axolotl.val-zero', { key: lineOf('val_set_size') }) : msg('trainer.eval.axolotl.val-unset');
    return never(withCommented(ctx, AXOLOTL_EVAL_KEYS, msg('trainer.eval.axolotl.no-data', { reason })));
  }
  const strategy = str(d.eval_strategy ?? d.evaluation_strategy)?.toLowerCase();
  if (strategy === 'no') return never(msg('trainer.eval.set-but', { data: evalData, reason: msg('trainer.eval.strategy-no', { key: lineOf('eval_strategy' in d ? 'eval_strategy' : 'evaluation_strategy') }) }));
  // Axolotl turns evals_per_epoch into eval_steps = 1 / (evals_per_epoch × num_epochs) only when that is below 1.
  const perEpoch = num(d.evals_per_epoch);
  const epochs = 'num_epochs' in d ? num(d.num_epochs) : 1;
  const fromPerEpoch = Number.isFinite(perEpoch) && perEpoch > 0 && Number.isFinite(epochs) && perEpoch * epochs > 1;
  if (!positive(d.eval_steps) && strategy === undefined && !fromPerEpoch) {
    const reason = Number.isFinite(perEpoch) && perEpoch > 0
      ? msg('trainer.eval.axolotl.per-epoch', { key: lineOf('evals_per_epoch'), value: perEpoch, epochs: Number.isFinite(epochs) ? epochs : '?' })
      : msg('trainer.eval.axolotl.no-frequency');
    return never(withCommented(ctx, ['eval_steps', 'evals_per_epoch', 'eval_strategy'], msg('trainer.eval.set-but', { data: evalData, reason })));
  }
  const shared = tests.map((t) => str(t.path)).filter((p): p is string => p !== undefined && train.includes(p));
  if (shared.length) return { outcome: 'train-data', why: msg('trainer.eval.shared', { key: lineOf('test_datasets'), train: lineOf('datasets'), names: shared.map((text) => msg('data.quoted', { text })) }) };
  return { outcome: 'runs', why: evalData };
}

// torchtune -----------------------------------------------------------------

/** The recipes that read `dataset_val` and `run_val_every_n_steps`. */
const VALIDATING_RECIPES = new Set(['full_finetune_distributed', 'lora_finetune_distributed', 'qat_distributed', 'qat_lora_finetune_distributed']);
/** Recipes that do not train. */
const NON_TRAINING_RECIPES = /^(?:dev\/)?(generate|generate_v2|generate_v2_distributed|eleuther_eval|quantize)$/;

/**
 * The recipe named in the config's `tune run … <recipe> --config <name>`
 * comment. A config may show several commands (one to prepare a teacher,
 * say); the one whose `--config` names this file wins, else the first.
 */
function tuneRecipe(text: string, fileName: string): { recipe: string; line: number } | undefined {
  const stem = fileName.replace(/\.ya?ml$/i, '');
  const found: Array<{ recipe: string; line: number; config: string }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*#.*\btune run\b(.*?)\s--config[\s=]+(\S+)/.exec(lines[i]!);
    if (!m) continue;
    const tokens = m[1]!.trim().split(/\s+/);
    const recipe = tokens[tokens.length - 1];
    if (recipe && /^[\w/.-]+$/.test(recipe) && !recipe.startsWith('-')) found.push({ recipe: recipe.replace(/\.py$/, ''), line: i + 1, config: m[2]!.replace(/\.ya?ml$/i, '') });
  }
  const own = found.find((f) => stem !== '' && f.config.split('/').pop() === stem) ?? found[0];
  return own ? { recipe: own.recipe, line: own.line } : undefined;
}

/** `${a.b}` references resolved from the config itself (OmegaConf interpolation); undefined when one cannot be. */
function interpolate(value: string, root: Record<string, unknown>, depth = 0): string | undefined {
  if (!value.includes('${')) return value;
  if (depth > 10) return undefined;
  let unresolved = false;
  const out = value.replace(/\$\{([^${}]+)\}/g, (_, ref: string) => {
    let cur: unknown = root;
    for (const part of ref.trim().split('.')) cur = isObject(cur) ? cur[part] : undefined;
    const s = typeof cur === 'string' || typeof cur === 'number' ? String(cur) : undefined;
    if (s === undefined) unresolved = true;
    return s ?? '';
  });
  return unresolved ? undefined : interpolate(out, root, depth + 1);
}

function torchtune(ctx: Context): ReadResult {
  const { data: d, lineOf, text, fileName } = ctx;
  const recipe = tuneRecipe(text, fileName);
  if (recipe && NON_TRAINING_RECIPES.test(recipe.recipe)) return { notTraining: msg('trainer.not-training.recipe', { recipe: recipe.recipe, line: recipe.line }) };
  if (!isObject(d.optimizer) && !recipe) return { notTraining: msg('trainer.not-training.no-optimizer') };
  const out: Read = { evaluation: never('') };
  const modelKey = isObject(d.model) ? 'model' : isObject(d.policy_model) ? 'policy_model' : undefined;
  const model = modelKey ? (d[modelKey] as Record<string, unknown>) : undefined;
  const component = model ? str(model._component_) : undefined;
  if (component) {
    const name = component.split('.').pop()!.toLowerCase();
    const source = `${modelKey}._component_ ${component}`;
    const dora = truthy(model!.use_dora);
    if (name.startsWith('qlora_')) out.adapter = { value: 'qlora', source, ...(dora ? { dora } : {}) };
    else if (name.startsWith('lora_')) {
      const quantized = truthy(model!.quantize_base);
      out.adapter = { value: quantized ? 'qlora' : 'lora', source: quantized ? both(source, `${modelKey}.quantize_base`) : source, ...(dora ? { dora } : {}) };
    } else out.adapter = { value: 'full', source };
  }
  const loss = isObject(d.loss) ? str(d.loss._component_) : undefined;
  const dataset = isObject(d.dataset) ? str(d.dataset._component_) : undefined;
  const r = recipe?.recipe ?? '';
  if (isObject(d.kd_loss) || isObject(d.teacher_model) || /knowledge_distillation/.test(r)) {
    out.objective = { value: 'kd', source: isObject(d.kd_loss) ? `kd_loss._component_ ${str(d.kd_loss._component_) ?? ''}`.trim() : isObject(d.teacher_model) ? lineOf('teacher_model') : msg('trainer.source.recipe', { recipe: r, line: recipe!.line }) };
  } else if (loss) {
    const l = loss.split('.').pop()!;
    const value: Objective = /grpo/i.test(l) ? 'grpo' : /ppo/i.test(l) ? 'ppo' : /simpo/i.test(l) ? 'simpo' : /dpo|rso|ipo/i.test(l) ? 'dpo' : /cross_?entropy|^CE/i.test(l) ? (dataset && /text_completion_dataset$/.test(dataset) ? 'cpt' : 'sft') : 'other';
    out.objective = { value, source: value === 'cpt' ? both(`loss._component_ ${loss}`, `dataset._component_ ${dataset!}`) : `loss._component_ ${loss}` };
  } else if (recipe) {
    const value: Objective | undefined = /grpo/.test(r) ? 'grpo' : /ppo/.test(r) ? 'ppo' : /dpo/.test(r) ? 'dpo' : undefined;
    if (value) out.objective = { value, source: msg('trainer.source.recipe', { recipe: r, line: recipe.line }) };
  }
  // The async GRPO recipe keeps its checkpointer under `training:`.
  const nested = isObject(d.training) && isObject(d.training.checkpointer);
  const checkpointer = isObject(d.checkpointer) ? d.checkpointer : nested ? ((d.training as Record<string, unknown>).checkpointer as Record<string, unknown>) : undefined;
  const written = checkpointer ? str(checkpointer.checkpoint_dir) : undefined;
  const dir = written === undefined ? undefined : interpolate(written, d);
  if (written !== undefined && dir === undefined) {
    out.baseModelUnknown = msg('trainer.source.unresolved', { key: isObject(d.checkpointer) ? 'checkpointer.checkpoint_dir' : 'training.checkpointer.checkpoint_dir', value: written });
  }
  if (dir !== undefined) {
    // A Meta-format checkpoint sits in the model's `original/` folder: the model is its parent.
    const trimmed = dir.replace(/[\\/]+$/, '');
    const meta = /[\\/]original$/i.test(trimmed);
    const value = meta ? trimmed.replace(/[\\/]original$/i, '') : dir;
    const key = isObject(d.checkpointer) ? 'checkpointer.checkpoint_dir' : 'training.checkpointer.checkpoint_dir';
    const source = written !== dir ? `${key} ${written}` : key;
    out.baseModel = { value, source: meta ? msg('trainer.source.meta-original', { source }) : source };
  }
  const files = torchtuneFiles(d.dataset, d);
  if (files.length) out.trainData = { kind: 'paths', paths: files, source: lineOf('dataset') };
  const valFiles = torchtuneFiles(d.dataset_val, d);
  if (valFiles.length) out.evalData = { kind: 'paths', paths: valFiles, source: lineOf('dataset_val') };
  out.evaluation = torchtuneEvaluation(ctx, recipe, fileName);
  return out;
}

/** Local files of a torchtune dataset (`data_files`), one dataset or a list. */
function torchtuneFiles(v: unknown, root: Record<string, unknown>): string[] {
  const list = Array.isArray(v) ? v.filter(isObject) : isObject(v) ? [v] : [];
  return list.flatMap((x) => names(x.data_files).map((f) => interpolate(f, root)).filter((f): f is string => f !== undefined));
}

const TORCHTUNE_EVAL_KEYS = ['dataset_val', 'run_val_every_n_steps'];

function torchtuneEvaluation(ctx: Context, recipe: { recipe: string; line: number } | undefined, fileName: string): Evaluation {
  const { data: d, lineOf } = ctx;
  const val = d.dataset_val !== undefined && d.dataset_val !== null;
  const every = d.run_val_every_n_steps;
  if (!val) return never(withCommented(ctx, TORCHTUNE_EVAL_KEYS, msg('trainer.eval.torchtune.no-data')));
  const data = lineOf('dataset_val');
  if (every === undefined || every === null) {
    const reason = msg(every === null ? 'trainer.eval.torchtune.every-null' : 'trainer.eval.torchtune.every-unset');
    return never(msg('trainer.eval.set-but', { data, reason }));
  }
  if (!positive(every)) return never(msg('trainer.eval.set-but', { data, reason: msg('trainer.eval.value-is', { key: lineOf('run_val_every_n_steps'), value: String(every) }) }));
  if (recipe && !VALIDATING_RECIPES.has(recipe.recipe)) {
    return never(msg('trainer.eval.set-but', { data, reason: msg('trainer.eval.torchtune.recipe', { recipe: recipe.recipe, line: recipe.line }) }));
  }
  if (!recipe && /_single_device|_low_memory/.test(fileName)) {
    return never(msg('trainer.eval.set-but', { data, reason: msg('trainer.eval.torchtune.single-device', { file: fileName }) }));
  }
  if (sameDataset(d.dataset, d.dataset_val)) return { outcome: 'train-data', why: msg('trainer.eval.torchtune.same', { key: data, train: lineOf('dataset') }) };
  return { outcome: 'runs', why: data };
}

/** Whether two torchtune dataset entries read the same rows (same builder, source, files and split). */
function sameDataset(a: unknown, b: unknown): boolean {
  if (!isObject(a) || !isObject(b)) return false;
  const key = (x: Record<string, unknown>): string => JSON.stringify([x._component_, x.source, x.data_files, x.split ?? 'train', x.name, x.subset]);
  return key(a) === key(b);
}
