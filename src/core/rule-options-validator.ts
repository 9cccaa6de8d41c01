import AjvModule, { type Options, type ValidateFunction } from 'ajv';
import type { OptionsSchema } from './rule.js';

/** ajv's class, whichever way the module was loaded (the CLI bundle loads it here, on first use). */
function ajvClass(module: typeof AjvModule): typeof AjvModule {
  return ((module as unknown as { default?: typeof AjvModule }).default ?? module) as typeof AjvModule;
}

/** The ajv options rule option schemas are compiled with, here and in the build's precompiled validators. */
export const OPTIONS_VALIDATOR_OPTIONS: Options = { allErrors: true, strict: true };

let ajv: InstanceType<typeof AjvModule> | undefined;

/**
 * Compiles a rule's options schema. The CLI bundle wraps this with validators
 * compiled at build time for the built-in rules' schemas, so that a
 * configuration that sets rule options does not compile them at every start;
 * plugin rules' schemas are compiled here.
 */
export function compileOptionsValidator(_ruleId: string, schema: OptionsSchema): ValidateFunction {
  ajv ??= new (ajvClass(AjvModule))(OPTIONS_VALIDATOR_OPTIONS);
  return ajv.compile(schema);
}
