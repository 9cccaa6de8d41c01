import AjvModule, { type Options, type ValidateFunction } from 'ajv';
import { planSchema } from './plan-schema.js';

// ajv ships CommonJS with the class on `default`; bundlers and Node disagree on interop.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;

/** The ajv options the plan schema is compiled with, here and in the build's precompiled validator. */
export const PLAN_VALIDATOR_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true };

/**
 * Compiles the plan schema. The CLI bundle replaces this module with a
 * validator compiled at build time (ajv standalone code), which skips the
 * schema compilation at every start; the library and the tests compile here.
 */
export function createPlanValidator(): ValidateFunction {
  return new Ajv(PLAN_VALIDATOR_OPTIONS).compile(planSchema);
}
