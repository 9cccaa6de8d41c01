import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { formatPath, Plan, type PlanPath } from '../plan.js';
import { ConfigError } from '../rule-settings.js';
import { SourceText, type Target } from '../source.js';
import { closest } from '../text-distance.js';
import { configSchema, PACKAGE_JSON_KEY, type ConfigData } from './schema.js';

const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;

/**
 * One configuration file, parsed and checked against the config schema, with
 * the positions of its keys kept so later checks (unknown rule ids, rule
 * options) can point at the line at fault.
 */
export interface ConfigFile {
  /** Absolute path of the file. */
  path: string;
  /** Folder the file's globs and plugin paths are relative to. */
  dir: string;
  data: ConfigData;
  /** Throws a {@link ConfigError} naming this file and the line of `at`. */
  fail(at: PlanPath, message: string, onKey?: boolean): never;
}

let validator: ValidateFunction | undefined;

function validate(data: unknown): ErrorObject[] {
  // Rule ids are listed in the schema for editors only; here any id passes and is checked later.
  validator ??= new Ajv({ allErrors: true, strict: true, strictTuples: false, verbose: true }).compile(configSchema([]));
  return validator(data) ? [] : (validator.errors ?? []);
}

/**
 * Parses a configuration file's text. `packageJson` reads the
 * `"finetune-lint"` key of a package.json instead of the whole file; a
 * package.json without that key gives `undefined`.
 */
export function parseConfigFile(filePath: string, dir: string, text: string, packageJson = false): ConfigFile | undefined {
  const source = new SourceText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const where = (target: Target | undefined): string => {
    if (!target) return filePath;
    const p = source.position(target);
    return `${filePath}:${p.line}:${p.column}`;
  };
  if (filePath.endsWith('.json')) {
    try {
      JSON.parse(source.text);
    } catch (err) {
      throw new ConfigError(`${filePath}: not valid JSON: ${(err as Error).message}`);
    }
  }
  const doc = parseDocument(source.text, { prettyErrors: false, uniqueKeys: true, merge: false });
  const syntax = doc.errors[0];
  if (syntax) {
    throw new ConfigError(`${where({ start: syntax.pos[0], end: syntax.pos[1] })}: ${syntax.message.replace(/\.$/, '')}`);
  }
  const root = doc.contents;
  let data: unknown = doc.toJS({ maxAliasCount: 100 });
  const prefix: PlanPath = packageJson ? [PACKAGE_JSON_KEY] : [];
  if (packageJson) {
    if (!isMap(root) || !root.has(PACKAGE_JSON_KEY)) return undefined;
    data = (data as Record<string, unknown>)[PACKAGE_JSON_KEY];
  }
  const view = isMap(doc.contents) ? new Plan(doc.contents as YAMLMap) : undefined;

  const fail = (at: PlanPath, message: string, onKey = false): never => {
    const full = [...prefix, ...at];
    const target = view ? (onKey ? view.pair(full) : (view.node(full) ?? view.anchor(full))) : (doc.contents ?? undefined);
    const key = at.length ? `${formatPath(at)}: ` : '';
    throw new ConfigError(`${where(target)}: ${key}${message}`);
  };

  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    if (!packageJson && (data === null || data === undefined)) {
      throw new ConfigError(`${filePath}: the configuration file is empty; write a mapping such as \`extends: [recommended]\``);
    }
    fail([], 'the configuration must be a mapping of keys (extends, rules, overrides, ignores, plugins)');
  }
  const errors = validate(data);
  if (errors.length) {
    const e = mostSpecific(errors);
    const at = pointer(e.instancePath);
    if (e.keyword === 'additionalProperties') {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(key, allowed);
      fail([...at, key], `unknown key "${key}"${near ? ` — did you mean "${near}"?` : ''}; allowed: ${allowed.filter((k) => k !== '$schema').join(', ')}`, true);
    }
    fail(at, explain(e, at));
  }
  return { path: filePath, dir, data: data as ConfigData, fail };
}

function pointer(instancePath: string): Array<string | number> {
  if (!instancePath) return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The error deepest in the document; an unknown key before anything else at the same depth. */
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject): number => pointer(e.instancePath).length + (e.keyword === 'additionalProperties' ? 1 : 0);
  return [...errors].sort((a, b) => depth(b) - depth(a))[0]!;
}

function explain(e: ErrorObject, at: Array<string | number>): string {
  const got = JSON.stringify(e.data);
  const parent = at[at.length - 2];
  if (parent === 'rules' || (at.length >= 2 && at[at.length - 3] === 'rules')) {
    return `a rule is set to off, warn or error (or 0, 1, 2), or to [severity, {options}]; got ${got}`;
  }
  if (at[0] === 'extends') return `extends is "recommended", "strict", or a list of them; got ${got}`;
  if (e.keyword === 'required') return `each overrides entry needs "files": a glob or a list of globs`;
  if (e.keyword === 'type') return `must be ${article(String((e.params as { type: string }).type))}; got ${got}`;
  if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return `must be one of ${allowed}; got ${got}`;
  }
  return `${e.message ?? 'is not valid'}; got ${got}`;
}

function article(type: string): string {
  const words: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', boolean: 'true or false' };
  return words[type] ?? `a ${type}`;
}
