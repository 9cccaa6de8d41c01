/**
 * Recognises YAML files that are clearly not plans: a trainer's config or
 * another tool's file that a broad pattern (`plans/**\/*.yaml`) picked up.
 * Such a file gets one finding naming what it looks like, instead of a
 * schema error for every key.
 */

/** What a foreign YAML file looks like; each has a name in the message catalogues (`not-a-plan.kind.<kind>`). */
export type ForeignKind =
  | 'llama-factory'
  | 'axolotl'
  | 'torchtune'
  | 'hf-trainer'
  | 'deepspeed'
  | 'accelerate'
  | 'github-workflow'
  | 'github-action'
  | 'docker-compose'
  | 'kubernetes'
  | 'pre-commit'
  | 'dvc'
  | 'conda'
  | 'finetune-lint-config';

interface Signature {
  kind: ForeignKind;
  /** Top-level keys typical of the file. */
  keys: readonly string[];
  /** How many of them must be present. */
  atLeast: number;
}

// Checked in order: the trainers first, most specific first. Keys come from
// each tool's documented examples (LLaMA-Factory examples/train_lora/*.yaml,
// Axolotl examples/*/*.yml, torchtune recipes/configs, TrainingArguments,
// DeepSpeed and Accelerate configs, and the tools' own file formats).
const SIGNATURES: readonly Signature[] = [
  {
    kind: 'llama-factory',
    keys: ['stage', 'do_train', 'finetuning_type', 'template', 'dataset_dir', 'cutoff_len', 'lora_target', 'model_name_or_path', 'overwrite_cache', 'preprocessing_num_workers', 'export_dir', 'plot_loss'],
    atLeast: 2,
  },
  {
    kind: 'axolotl',
    keys: ['datasets', 'sequence_len', 'adapter', 'lora_r', 'lora_alpha', 'micro_batch_size', 'num_epochs', 'sample_packing', 'load_in_8bit', 'load_in_4bit', 'val_set_size', 'lora_target_modules', 'lora_target_linear', 'dataset_prepared_path', 'base_model_config', 'tokenizer_type', 'model_type'],
    atLeast: 2,
  },
  { kind: 'torchtune', keys: ['checkpointer', 'tokenizer', 'optimizer', 'loss', 'max_steps_per_epoch', 'enable_activation_checkpointing'], atLeast: 2 },
  {
    kind: 'hf-trainer',
    keys: ['output_dir', 'per_device_train_batch_size', 'per_device_eval_batch_size', 'learning_rate', 'num_train_epochs', 'gradient_accumulation_steps', 'lr_scheduler_type', 'warmup_ratio', 'logging_steps', 'save_steps', 'eval_strategy', 'evaluation_strategy'],
    atLeast: 2,
  },
  { kind: 'deepspeed', keys: ['zero_optimization', 'train_batch_size', 'train_micro_batch_size_per_gpu', 'gradient_clipping', 'fp16', 'bf16'], atLeast: 2 },
  { kind: 'accelerate', keys: ['compute_environment', 'distributed_type', 'mixed_precision', 'num_processes', 'num_machines', 'machine_rank'], atLeast: 2 },
  { kind: 'github-workflow', keys: ['on', 'jobs'], atLeast: 2 },
  { kind: 'github-action', keys: ['runs', 'inputs', 'outputs', 'branding'], atLeast: 2 },
  { kind: 'docker-compose', keys: ['services', 'volumes', 'networks'], atLeast: 1 },
  { kind: 'kubernetes', keys: ['apiVersion', 'kind', 'metadata', 'spec'], atLeast: 2 },
  { kind: 'pre-commit', keys: ['repos', 'default_stages', 'default_language_version', 'fail_fast', 'ci'], atLeast: 1 },
  { kind: 'dvc', keys: ['stages', 'outs', 'deps', 'md5', 'params', 'metrics', 'plots', 'artifacts'], atLeast: 1 },
  { kind: 'conda', keys: ['channels', 'dependencies', 'prefix'], atLeast: 2 },
  { kind: 'finetune-lint-config', keys: ['rules', 'extends', 'overrides', 'ignores', 'plugins', 'reportUnusedDisableDirectives', 'requireReason', 'root'], atLeast: 1 },
];

/**
 * Keys that make a file a plan, even a bad one: a file with any of them gets
 * the plan's own checks. `base_model`, `method` and `name` are not among
 * them: trainer configs use them too.
 */
const PLAN_KEYS = ['version', 'goals', 'problem', 'baselines', 'iteration'];

/** What the file is, when its top-level keys say clearly that it is not a plan; with the keys that say so. */
export function recognizeForeignYaml(keys: readonly string[]): { kind: ForeignKind; evidence: string[] } | undefined {
  if (keys.some((k) => PLAN_KEYS.includes(k))) return undefined;
  for (const signature of SIGNATURES) {
    // In the file's order: the message quotes the keys as the reader sees them.
    const evidence = keys.filter((k) => signature.keys.includes(k));
    if (evidence.length >= signature.atLeast) return { kind: signature.kind, evidence };
  }
  return undefined;
}
