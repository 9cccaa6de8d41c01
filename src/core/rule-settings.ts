import type { ErrorObject, ValidateFunction } from 'ajv';
import { compileOptionsValidator } from './rule-options-validator.js';
import type { Severity } from './diagnostic.js';
import { msg, render, type MessageParam, type MessageRef } from './i18n/index.js';
import type { AnyRule, RuleMeta } from './rule.js';
import { rules as planRules } from './rules/index.js';
import { dataRuleMetas } from './data-rules.js';
import { closest } from './text-distance.js';


/** How a rule is set: off, a severity, or a severity with options (ESLint style). */
export type SeverityName = 'off' | 'warn' | 'error' | 0 | 1 | 2;
export type RuleSetting = SeverityName | [SeverityName] | [SeverityName, Record<string, unknown>];
export type RuleSettings = Record<string, RuleSetting>;

/** Anything with rule metadata: a plan rule or a data rule. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RuleLike = { meta: RuleMeta<any> };

/** A rule ready to run: its severity and validated options. */
export interface ActiveRule<R extends RuleLike = AnyRule> {
  rule: R;
  severity: Severity;
  options: Record<string, unknown>;
  /** The plugin file the rule came from; absent for built-in rules. */
  origin?: string;
}

/** A configuration mistake; the CLI exits with 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** The message as a catalogue entry, so the CLI can show it in its locale; absent for literal text. */
  readonly ref?: MessageRef;

  /** `message` is literal text, or a catalogue entry (the error's `message` is then its English text). */
  constructor(message: string | MessageRef) {
    super(typeof message === 'string' ? message : render('en', message));
    if (typeof message !== 'string') this.ref = message;
  }
}

function toSeverity(value: unknown, id: string): Severity | 'off' {
  switch (value) {
    case 'off':
    case 0:
      return 'off';
    case 'warn':
    case 'warning':
    case 1:
      return 'warning';
    case 'error':
    case 2:
      return 'error';
    default:
      throw new ConfigError(msg('config.bad-severity', { rule: id, value: JSON.stringify(value) ?? String(value) }));
  }
}

const optionValidators = new WeakMap<RuleLike, ValidateFunction>();

function optionsValidator(rule: RuleLike): ValidateFunction | undefined {
  if (!rule.meta.optionsSchema) return undefined;
  let v = optionValidators.get(rule);
  if (!v) {
    v = compileOptionsValidator(rule.meta.id, rule.meta.optionsSchema);
    optionValidators.set(rule, v);
  }
  return v;
}

function optionProblem(e: ErrorObject, rule: RuleLike): MessageParam {
  if (e.keyword === 'additionalProperties') {
    const option = (e.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys((rule.meta.optionsSchema?.properties as object | undefined) ?? {});
    const near = closest(option, known);
    return msg('config.unknown-option', {
      option,
      near: near ? msg('config.did-you-mean', { near }) : '',
      known: known.length ? msg('config.known-options', { options: known.join(', ') }) : '',
    });
  }
  // ajv's wording of a bad value is English in every locale.
  return `${e.instancePath ? e.instancePath.slice(1) : 'options'} ${e.message ?? 'is not valid'}`;
}

/** Several problems as one parameter, separated the way the locale separates clauses. */
function problemList([first, ...rest]: MessageParam[]): MessageParam {
  return rest.length ? msg('config.problem-list', { first: first!, rest: problemList(rest) }) : (first ?? '');
}

/**
 * Why `setting` is not a valid setting for `rule`, or `undefined` when it is:
 * a severity it does not know, or options its schema rejects.
 */
export function checkRuleSetting(rule: RuleLike, setting: RuleSetting): string | undefined {
  const problem = ruleSettingProblem(rule, setting);
  return problem && render('en', problem);
}

/** {@link checkRuleSetting}, as a catalogue entry to render in any locale. */
export function ruleSettingProblem(rule: RuleLike, setting: RuleSetting): MessageRef | undefined {
  try {
    settle(rule, setting);
    return undefined;
  } catch (err) {
    // Every ConfigError settle throws carries its catalogue entry.
    if (err instanceof ConfigError && err.ref) return err.ref;
    throw err;
  }
}

/** The severity and options a setting gives `rule`; throws {@link ConfigError} when invalid. */
function settle(rule: RuleLike, setting: RuleSetting | undefined): { severity: Severity | 'off'; options: Record<string, unknown> } {
  const [sevValue, given] = Array.isArray(setting) ? setting : [setting ?? rule.meta.severity, undefined];
  const severity = sevValue === rule.meta.severity ? rule.meta.severity : toSeverity(sevValue, rule.meta.id);
  const options = { ...rule.meta.defaultOptions, ...(given ?? {}) } as Record<string, unknown>;
  if (given !== undefined) {
    const validate = optionsValidator(rule);
    if (!validate && Object.keys(given).length > 0) {
      throw new ConfigError(msg('config.no-options', { rule: rule.meta.id }));
    }
    if (validate && !validate(options)) {
      const detail = problemList((validate.errors ?? []).map((e) => optionProblem(e, rule)));
      throw new ConfigError(msg('config.invalid-options', { rule: rule.meta.id, detail }));
    }
  }
  return { severity, options };
}

/**
 * Resolves the settings given for some rules against a rule list: unknown
 * ids and bad options are {@link ConfigError}s, rules not mentioned run with
 * their defaults. One settings object covers every rule — plan rules and data
 * rules alike — so ids of the built-in rules outside `all` are accepted and
 * left to the resolution of their own list.
 */
export function resolveRules<R extends RuleLike = AnyRule>(all: readonly R[], settings: RuleSettings = {}): ActiveRule<R>[] {
  const known = new Set([...[...all, ...planRules].map((r) => r.meta.id), ...dataRuleMetas.map((meta) => meta.id)]);
  for (const id of Object.keys(settings)) {
    if (!known.has(id)) {
      const near = closest(id, known);
      throw new ConfigError(near ? msg('config.unknown-rule.near', { rule: id, near }) : msg('config.unknown-rule', { rule: id }));
    }
  }
  const active: ActiveRule<R>[] = [];
  for (const rule of all) {
    const { severity, options } = settle(rule, settings[rule.meta.id]);
    if (severity !== 'off') active.push({ rule, severity, options });
  }
  return active;
}
