import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, LineCounter, parseDocument, type Node } from 'yaml';
import { msg, type MessageParam, type MessageRef } from '../i18n/message.js';

/**
 * Reads a trainer's own YAML config into what the plan can be checked
 * against: the base model, the method, and whether it evaluates. Key names
 * are those of current releases:
 *
 * - LLaMA-Factory (`llamafactory-cli train x.yaml`): `model_name_or_path`;
 *   `stage` (pt, sft, rm, ppo, dpo, kto) with `pref_loss` (sigmoid = DPO,
 *   orpo, simpo) for `stage: dpo`; `finetuning_type` (lora, freeze, full)
 *   and `quantization_bit` (QLoRA); evaluation data from `eval_dataset` or
 *   `val_size` > 0, run only when `do_eval` is true or `eval_strategy`
 *   (formerly `evaluation_strategy`) is `steps` or `epoch`.
 * - Axolotl: `base_model`; `adapter` (lora, qlora; blank = full
 *   fine-tuning); `rl` (dpo, ipo, orpo, kto, simpo, grpo; blank = SFT);
 *   evaluation from `val_set_size` > 0 (default 0) or `test_datasets`,
 *   unless `eval_strategy: "no"`.
 * - torchtune: `model._component_` (names containing `lora_` / `qlora_`),
 *   `loss._component_` (DPO losses), `checkpointer.checkpoint_dir`;
 *   evaluation needs `dataset_val` and `run_val_every_n_steps` not null.
 */

export type Framework = 'llama-factory' | 'axolotl' | 'torchtune';

/** Plan `method` values, as far as a trainer setting can say. */
export type AdapterKind = 'lora' | 'qlora' | 'full' | 'other';
export type Objective = 'sft' | 'dpo' | 'orpo' | 'kto' | 'simpo' | 'ppo' | 'grpo' | 'other';

export interface Setting<T> {
  value: T;
  /** The config key(s) it comes from, with the line, for messages: `finetuning_type (line 7)`. */
  source: MessageParam;
}

export interface TrainerConfig {
  framework: Framework;
  /** How the framework was known: the plan's `training.framework`, or the config's keys. */
  detectedBy: 'plan' | 'keys';
  baseModel?: Setting<string>;
  adapter?: Setting<AdapterKind>;
  objective?: Setting<Objective>;
  /** Whether the config runs an evaluation, and the keys that decide it. */
  evaluation: { runs: boolean; why: MessageParam };
  /**
   * The training data the config names: LLaMA-Factory dataset names (to be
   * looked up in `dataset_info.json` under `dataDir`), or Axolotl
   * `datasets[].path` values (local paths or hub ids).
   */
  trainData?: { kind: 'dataset-names'; names: string[]; dataDir: string; source: MessageParam } | { kind: 'paths'; paths: string[]; source: MessageParam };
}

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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return { unreadable: msg('trainer.bad-yaml', { line: e.linePos?.[0]?.line ?? '?', detail: e.message.split('\n')[0]! }) };
  }
  if (!isMap(doc.contents)) return { unreadable: msg('trainer.not-mapping') };
  const data = doc.toJS() as Record<string, unknown>;
  const lineOf = (key: string): MessageParam => {
    const pair = (doc.contents as { items: Array<{ key: unknown }> }).items.find((p) => (p.key as { value?: unknown })?.value === key);
    const range = (pair?.key as Node | undefined)?.range;
    return range ? msg('trainer.key-at-line', { key, line: lineCounter.linePos(range[0]).line }) : key;
  };
  let framework: Framework | undefined;
  let detectedBy: TrainerConfig['detectedBy'] = 'plan';
  if (declared !== undefined) {
    if (!FRAMEWORKS.includes(declared as Framework)) {
      return { unreadable: msg('trainer.unknown-framework', { framework: declared }) };
    }
    framework = declared as Framework;
  } else {
    framework = detect(data);
    detectedBy = 'keys';
    if (!framework) return { unreadable: msg('trainer.unrecognised') };
  }
  const read = framework === 'llama-factory' ? llamaFactory : framework === 'axolotl' ? axolotl : torchtune;
  return { config: { framework, detectedBy, ...read(data, lineOf) } };
}

function detect(d: Record<string, unknown>): Framework | undefined {
  if ('model_name_or_path' in d && ('stage' in d || 'finetuning_type' in d)) return 'llama-factory';
  if ('base_model' in d && ('datasets' in d || 'adapter' in d || 'val_set_size' in d)) return 'axolotl';
  if (isObject(d.model) && '_component_' in d.model) return 'torchtune';
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

function positive(v: unknown): boolean {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0;
}

type Read = Omit<TrainerConfig, 'framework' | 'detectedBy'>;
type LineOf = (key: string) => MessageParam;

/** `a with b`: a setting decided by two keys. */
function both(first: MessageParam, second: MessageParam): MessageRef {
  return msg('trainer.source.with', { first, second });
}

function llamaFactory(d: Record<string, unknown>, lineOf: LineOf): Read {
  const out: Read = { evaluation: { runs: false, why: '' } };
  const model = str(d.model_name_or_path);
  if (model) out.baseModel = { value: model, source: lineOf('model_name_or_path') };
  const ft = str(d.finetuning_type)?.toLowerCase() ?? 'lora'; // LLaMA-Factory's default
  const quantized = d.quantization_bit !== undefined && d.quantization_bit !== null;
  out.adapter = {
    value: ft === 'lora' ? (quantized ? 'qlora' : 'lora') : ft === 'full' ? 'full' : 'other',
    source: quantized ? both(lineOf('finetuning_type'), lineOf('quantization_bit')) : 'finetuning_type' in d ? lineOf('finetuning_type') : msg('trainer.source.default-lora'),
  };
  const stage = str(d.stage)?.toLowerCase();
  if (stage) {
    const prefLoss = str(d.pref_loss)?.toLowerCase() ?? 'sigmoid';
    const objective: Objective =
      stage === 'sft' ? 'sft' : stage === 'dpo' ? (prefLoss === 'orpo' ? 'orpo' : prefLoss === 'simpo' ? 'simpo' : 'dpo') : stage === 'kto' ? 'kto' : stage === 'ppo' ? 'ppo' : 'other';
    out.objective = { value: objective, source: stage === 'dpo' && 'pref_loss' in d ? both(lineOf('stage'), lineOf('pref_loss')) : lineOf('stage') };
  }
  const names = str(d.dataset)?.split(',').map((n) => n.trim()).filter(Boolean);
  if (names?.length) out.trainData = { kind: 'dataset-names', names, dataDir: str(d.dataset_dir) ?? 'data', source: lineOf('dataset') };
  const evalData = str(d.eval_dataset) ? lineOf('eval_dataset') : positive(d.val_size) ? lineOf('val_size') : undefined;
  const strategyKey = 'eval_strategy' in d ? 'eval_strategy' : 'evaluation_strategy';
  const strategy = str(d[strategyKey])?.toLowerCase();
  const runs = d.do_eval === true || (strategy !== undefined && strategy !== 'no');
  if (!evalData) out.evaluation = { runs: false, why: msg('trainer.eval.llama-factory.no-data') };
  else if (!runs) {
    const reason = strategy === 'no' ? msg('trainer.eval.strategy-no', { key: lineOf(strategyKey) }) : msg('trainer.eval.no-strategy');
    out.evaluation = { runs: false, why: msg('trainer.eval.never-runs', { data: evalData, reason }) };
  }
  else out.evaluation = { runs: true, why: evalData };
  return out;
}

function axolotl(d: Record<string, unknown>, lineOf: LineOf): Read {
  const out: Read = { evaluation: { runs: false, why: '' } };
  const model = str(d.base_model);
  if (model) out.baseModel = { value: model, source: lineOf('base_model') };
  const adapter = str(d.adapter)?.toLowerCase();
  out.adapter = {
    value: adapter === undefined ? 'full' : adapter === 'qlora' ? 'qlora' : adapter === 'lora' ? (d.load_in_4bit === true ? 'qlora' : 'lora') : 'other',
    source: 'adapter' in d ? lineOf('adapter') : msg('trainer.source.no-adapter'),
  };
  const rl = str(d.rl)?.toLowerCase();
  const objectives: Record<string, Objective> = { dpo: 'dpo', ipo: 'dpo', orpo: 'orpo', kto: 'kto', simpo: 'simpo', grpo: 'grpo' };
  out.objective = rl ? { value: objectives[rl] ?? 'other', source: lineOf('rl') } : { value: 'sft', source: msg('trainer.source.no-rl') };
  const paths = Array.isArray(d.datasets) ? d.datasets.map((x) => (isObject(x) ? str(x.path) : undefined)).filter((x): x is string => x !== undefined) : [];
  if (paths.length) out.trainData = { kind: 'paths', paths, source: lineOf('datasets') };
  const tests = Array.isArray(d.test_datasets) && d.test_datasets.length > 0;
  const evalData = positive(d.val_set_size) ? lineOf('val_set_size') : tests ? lineOf('test_datasets') : undefined;
  if (!evalData) {
    const reason = 'val_set_size' in d ? msg('trainer.eval.axolotl.val-zero', { key: lineOf('val_set_size') }) : msg('trainer.eval.axolotl.val-unset');
    out.evaluation = { runs: false, why: msg('trainer.eval.axolotl.no-data', { reason }) };
  } else if (str(d.eval_strategy)?.toLowerCase() === 'no') {
    out.evaluation = { runs: false, why: msg('trainer.eval.set-but', { data: evalData, reason: msg('trainer.eval.strategy-no', { key: lineOf('eval_strategy') }) }) };
  } else out.evaluation = { runs: true, why: evalData };
  return out;
}

function torchtune(d: Record<string, unknown>, lineOf: LineOf): Read {
  const out: Read = { evaluation: { runs: false, why: '' } };
  const component = isObject(d.model) ? str(d.model._component_) : undefined;
  if (component) {
    const name = component.split('.').pop()!.toLowerCase();
    out.adapter = { value: name.startsWith('qlora_') ? 'qlora' : name.startsWith('lora_') ? 'lora' : 'full', source: `model._component_ ${component}` };
  }
  const loss = isObject(d.loss) ? str(d.loss._component_) : undefined;
  if (loss) out.objective = { value: /dpo/i.test(loss) ? 'dpo' : /ppo/i.test(loss) ? 'ppo' : 'sft', source: `loss._component_ ${loss}` };
  const dir = isObject(d.checkpointer) ? str(d.checkpointer.checkpoint_dir) : undefined;
  if (dir) out.baseModel = { value: dir, source: 'checkpointer.checkpoint_dir' };
  const val = d.dataset_val !== undefined && d.dataset_val !== null;
  const every = d.run_val_every_n_steps;
  if (!val) out.evaluation = { runs: false, why: msg('trainer.eval.torchtune.no-data') };
  else if (every === undefined || every === null) {
    const reason = msg(every === null ? 'trainer.eval.torchtune.every-null' : 'trainer.eval.torchtune.every-unset');
    out.evaluation = { runs: false, why: msg('trainer.eval.set-but', { data: lineOf('dataset_val'), reason }) };
  } else if (!positive(every)) {
    const reason = msg('trainer.eval.value-is', { key: lineOf('run_val_every_n_steps'), value: String(every) });
    out.evaluation = { runs: false, why: msg('trainer.eval.set-but', { data: lineOf('dataset_val'), reason }) };
  }
  else out.evaluation = { runs: true, why: lineOf('dataset_val') };
  return out;
}
