import { msg, type MessageRef } from '../../core/i18n/message.js';
import type { AdapterKind, Objective, TrainerConfig } from './trainer.js';

/**
 * How the plan's `base_model` and `method` are compared with a trainer
 * config. Pure functions, shared by `trainer-mismatch` and its tests.
 */

function modelName(s: string): string {
  return s.trim().toLowerCase().replace(/\\/g, '/').replace(/\/+$/, '');
}

/**
 * Whether two base-model names mean the same model: compared without case,
 * ignoring a trailing slash; when either is a path or hub id, their last
 * segments may match instead (`Qwen/Qwen2.5-7B-Instruct` and
 * `/models/Qwen2.5-7B-Instruct/` agree; `Qwen2.5-7B` and
 * `Qwen2.5-7B-Instruct` do not).
 */
export function sameBaseModel(plan: string, trainer: string): boolean {
  const a = modelName(plan);
  const b = modelName(trainer);
  if (a === b) return true;
  const last = (s: string): string => s.slice(s.lastIndexOf('/') + 1);
  return last(a) !== '' && last(a) === last(b);
}

const ADAPTER_METHODS = new Set(['lora', 'qlora', 'full']);
const OBJECTIVE_METHODS = new Set<string>(['sft', 'dpo', 'orpo', 'kto', 'simpo', 'ppo', 'grpo', 'rm', 'cpt', 'kd'] satisfies Objective[]);

/** How an adapter is spelled in messages: LoRA, QLoRA, DoRA, QDoRA. */
function adapterName(value: AdapterKind, dora: boolean): string {
  if (value === 'qlora') return dora ? 'QDoRA' : 'QLoRA';
  return dora ? 'DoRA' : 'LoRA';
}

/**
 * Why the trainer config does not run the plan's method, or undefined when it
 * does (or cannot tell). `lora`, `qlora` and `full` are compared with what
 * the config trains (adapter, quantized base, all weights, some layers);
 * `sft`, `dpo`, `orpo`, `kto`, `simpo`, `ppo`, `grpo`, `rm`, `cpt`, `kd` with
 * the training objective; `other`, and settings the linter cannot tell, are
 * never compared.
 */
export function methodMismatch(method: string, config: TrainerConfig): MessageRef | undefined {
  const m = method.toLowerCase();
  if (ADAPTER_METHODS.has(m) && config.adapter && config.adapter.value !== 'other' && config.adapter.value !== m) {
    const { value, source } = config.adapter;
    if (value === 'full') return msg('trainer-mismatch.trains-full', { source });
    if (value === 'freeze') return msg('trainer-mismatch.trains-freeze', { source });
    if (value === 'oft') return msg('trainer-mismatch.trains-oft', { source });
    return msg('trainer-mismatch.trains-adapter', { adapter: adapterName(value, config.adapter.dora === true), source });
  }
  if (OBJECTIVE_METHODS.has(m) && config.objective && config.objective.value !== 'other' && config.objective.value !== m) {
    return msg('trainer-mismatch.runs', { objective: msg(`trainer.objective.${config.objective.value}`), source: config.objective.source });
  }
  return undefined;
}
