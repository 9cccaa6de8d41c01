import AjvModule, { type Options, type ValidateFunction } from 'ajv';
import { configSchema } from './schema.js';

const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;

/** The ajv options the configuration schema is compiled with, here and in the build's precompiled validator. */
export const CONFIG_VALIDATOR_OPTIONS: Options = { allErrors: true, strict: true, strictTuples: false, verbose: true };

/**
 * Compiles the configuration schema. The CLI bundle replaces this module
 * with a validator compiled at build time (ajv standalone code, from
 * `schemas/finetune-lint.config.schema.json`): compiling it costs ~70 ms,
 * paid by every run in a repository that has a configuration file.
 */
export function createConfigValidator(): ValidateFunction {
  // Rule ids are listed in the schema for editors only; here any id passes and is checked later.
  return new Ajv(CONFIG_VALIDATOR_OPTIONS).compile(configSchema([]));
}
