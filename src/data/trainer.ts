import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, LineCounter, parseDocument, type Node } from 'yaml';

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
  source: string;
}

export interface TrainerConfig {
  framework: Framework;
  /** How the framework was known: the plan's `training.framework`, or the config's keys. */
  detectedBy: 'plan' | 'keys';
  baseModel?: Setting<string>;
  adapter?: Setting<AdapterKind>;
  objective?: Setting<Objective>;
  /** Whether the config runs an evaluation, and the keys that decide it. */
  evaluation: { runs: boolean; why: string };
  /**
   * The training data the config names: LLaMA-Factory dataset names (to be
   * looked up in `dataset_info.json` under `dataDir`), or Axolotl
   * `datasets[].path` values (local paths or hub ids).
   */
  trainData?: { kind: 'dataset-names'; names: string[]; dataDir: string; source: string } | { kind: 'paths'; paths: string[]; source: string };
}

export type TrainerRead = { config: TrainerConfig } | { unreadable: string };

const FRAMEWORKS: readonly Framework[] = ['llama-factory', 'axolotl', 'torchtune'];

/** Reads and interprets a trainer config; never throws. */
export async function readTrainerConfig(file: string, declared: string | undefined): Promise<TrainerRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { unreadable: `it cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.yaml' && ext !== '.yml') return { unreadable: 'only YAML trainer configs (.yaml, .yml) are read' };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return { unreadable: `it is not valid YAML (line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]})` };
  }
  if (!isMap(doc.contents)) return { unreadable: 'its root is not a mapping of settings' };
  const data = doc.toJS() as Record<string, unknown>;
  const lineOf = (key: string): string => {
    const pair = (doc.contents as { items: Array<{ key: unknown }> }).items.find((p) => (p.key as { value?: unknown })?.value === key);
    const range = (pair?.key as Node | undefined)?.range;
    return range ? `${key} (line ${lineCounter.linePos(range[0]).line})` : key;
  };
  let framework: Framework | undefined;
  let detectedBy: TrainerConfig['detectedBy'] = 'plan';
  if (declared !== undefined) {
    if (!FRAMEWORKS.includes(declared as Framework)) {
      return { unreadable: `training.framework is "${declared}"; finetune-lint reads llama-factory, axolotl and torchtune configs` };
    }
    framework = declared as Framework;
  } else {
    framework = detect(data);
    detectedBy = 'keys';
    if (!framework) return { unreadable: 'its framework is not recognised (no LLaMA-Factory, Axolotl or torchtune keys); set training.framework' };
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
type LineOf = (key: string) => string;

function llamaFactory(d: Record<string, unknown>, lineOf: LineOf): Read {
  const out: Read = { evaluation: { runs: false, why: '' } };
  const model = str(d.model_name_or_path);
  if (model) out.baseModel = { value: model, source: lineOf('model_name_or_path') };
  const ft = str(d.finetuning_type)?.toLowerCase() ?? 'lora'; // LLaMA-Factory's default
  const quantized = d.quantization_bit !== undefined && d.quantization_bit !== null;
  out.adapter = {
    value: ft === 'lora' ? (quantized ? 'qlora' : 'lora') : ft === 'full' ? 'full' : 'other',
    source: quantized ? `${lineOf('finetuning_type')} with ${lineOf('quantization_bit')}` : 'finetuning_type' in d ? lineOf('finetuning_type') : 'finetuning_type (default lora)',
  };
  const stage = str(d.stage)?.toLowerCase();
  if (stage) {
    const prefLoss = str(d.pref_loss)?.toLowerCase() ?? 'sigmoid';
    const objective: Objective =
      stage === 'sft' ? 'sft' : stage === 'dpo' ? (prefLoss === 'orpo' ? 'orpo' : prefLoss === 'simpo' ? 'simpo' : 'dpo') : stage === 'kto' ? 'kto' : stage === 'ppo' ? 'ppo' : 'other';
    out.objective = { value: objective, source: stage === 'dpo' && 'pref_loss' in d ? `${lineOf('stage')} with ${lineOf('pref_loss')}` : lineOf('stage') };
  }
  const names = str(d.dataset)?.split(',').map((n) => n.trim()).filter(Boolean);
  if (names?.length) out.trainData = { kind: 'dataset-names', names, dataDir: str(d.dataset_dir) ?? 'data', source: lineOf('dataset') };
  const evalData = str(d.eval_dataset) ? lineOf('eval_dataset') : positive(d.val_size) ? lineOf('val_size') : undefined;
  const strategyKey = 'eval_strategy' in d ? 'eval_strategy' : 'evaluation_strategy';
  const strategy = str(d[strategyKey])?.toLowerCase();
  const runs = d.do_eval === true || (strategy !== undefined && strategy !== 'no');
  if (!evalData) out.evaluation = { runs: false, why: 'neither eval_dataset nor val_size > 0 is set' };
  else if (!runs) out.evaluation = { runs: false, why: `${evalData} is set, but evaluation never runs: ${strategy === 'no' ? `${lineOf(strategyKey)} is "no"` : 'eval_strategy is not set'} and do_eval is not true` };
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
    source: 'adapter' in d ? lineOf('adapter') : 'adapter (not set: full fine-tuning)',
  };
  const rl = str(d.rl)?.toLowerCase();
  const objectives: Record<string, Objective> = { dpo: 'dpo', ipo: 'dpo', orpo: 'orpo', kto: 'kto', simpo: 'simpo', grpo: 'grpo' };
  out.objective = rl ? { value: objectives[rl] ?? 'other', source: lineOf('rl') } : { value: 'sft', source: 'rl (not set: supervised fine-tuning)' };
  const paths = Array.isArray(d.datasets) ? d.datasets.map((x) => (isObject(x) ? str(x.path) : undefined)).filter((x): x is string => x !== undefined) : [];
  if (paths.length) out.trainData = { kind: 'paths', paths, source: lineOf('datasets') };
  const tests = Array.isArray(d.test_datasets) && d.test_datasets.length > 0;
  const evalData = positive(d.val_set_size) ? lineOf('val_set_size') : tests ? lineOf('test_datasets') : undefined;
  if (!evalData) {
    out.evaluation = { runs: false, why: `${'val_set_size' in d ? `${lineOf('val_set_size')} is 0` : 'val_set_size is not set (default 0)'} and there are no test_datasets` };
  } else if (str(d.eval_strategy)?.toLowerCase() === 'no') {
    out.evaluation = { runs: false, why: `${evalData} is set, but ${lineOf('eval_strategy')} is "no"` };
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
  if (!val) out.evaluation = { runs: false, why: 'there is no dataset_val' };
  else if (every === undefined || every === null) out.evaluation = { runs: false, why: `${lineOf('dataset_val')} is set, but run_val_every_n_steps is ${every === null ? 'null' : 'not set'}` };
  else if (!positive(every)) out.evaluation = { runs: false, why: `${lineOf('dataset_val')} is set, but ${lineOf('run_val_every_n_steps')} is ${String(every)}` };
  else out.evaluation = { runs: true, why: lineOf('dataset_val') };
  return out;
}
