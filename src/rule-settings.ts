import AjvModule, { type ValidateFunction } from 'ajv';
import type { Severity } from './diagnostic.js';
import { msg, render, type MessageRef } from './i18n/index.js';
import type { AnyRule } from './rule.js';
import { closest } from './text-distance.js';

const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;

/** How a rule is set: off, a severity, or a severity with options (ESLint style). */
export type SeverityName = 'off' | 'warn' | 'error' | 0 | 1 | 2;
export type RuleSetting = SeverityName | [SeverityName] | [SeverityName, Record<string, unknown>];
export type RuleSettings = Record<string, RuleSetting>;

/** A rule ready to run: its severity and validated options. */
export interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
  options: Record<string, unknown>;
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

const optionValidators = new WeakMap<AnyRule, ValidateFunction>();
let ajv: InstanceType<typeof Ajv> | undefined;

function optionsValidator(rule: AnyRule): ValidateFunction | undefined {
  if (!rule.meta.optionsSchema) return undefined;
  let v = optionValidators.get(rule);
  if (!v) {
    ajv ??= new Ajv({ allErrors: true, strict: true });
    v = ajv.compile(rule.meta.optionsSchema);
    optionValidators.set(rule, v);
  }
  return v;
}

/**
 * Resolves the settings given for some rules against the full rule list:
 * unknown ids and bad options are {@link ConfigError}s, rules not mentioned
 * run with their defaults.
 */
export function resolveRules(all: readonly AnyRule[], settings: RuleSettings = {}): ActiveRule[] {
  const byId = new Map(all.map((r) => [r.meta.id, r]));
  for (const id of Object.keys(settings)) {
    if (!byId.has(id)) {
      const near = closest(id, byId.keys());
      throw new ConfigError(near ? msg('config.unknown-rule.near', { rule: id, near }) : msg('config.unknown-rule', { rule: id }));
    }
  }
  const active: ActiveRule[] = [];
  for (const rule of all) {
    const setting = settings[rule.meta.id];
    const [sevValue, given] = Array.isArray(setting) ? setting : [setting ?? rule.meta.severity, undefined];
    const severity = sevValue === rule.meta.severity ? rule.meta.severity : toSeverity(sevValue, rule.meta.id);
    if (severity === 'off') continue;
    const options = { ...rule.meta.defaultOptions, ...(given ?? {}) } as Record<string, unknown>;
    if (given !== undefined) {
      const validate = optionsValidator(rule);
      if (!validate && Object.keys(given).length > 0) {
        throw new ConfigError(msg('config.no-options', { rule: rule.meta.id }));
      }
      if (validate && !validate(options)) {
        const detail = (validate.errors ?? [])
          .map((e) => `${e.instancePath ? e.instancePath.slice(1) : 'options'} ${e.message ?? 'is not valid'}`)
          .join('; ');
        // ajv's wording of each problem is English in every locale.
        throw new ConfigError(msg('config.invalid-options', { rule: rule.meta.id, detail }));
      }
    }
    active.push({ rule, severity, options });
  }
  return active;
}
