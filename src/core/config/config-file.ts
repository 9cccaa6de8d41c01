import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { msg, type MessageRef } from '../i18n/index.js';
import { formatPath, Plan, type PlanPath } from '../plan.js';
import { ConfigError } from '../rule-settings.js';
import { SourceText, type Target } from '../source.js';
import { closest } from '../text-distance.js';
import { createConfigValidator } from './config-validator.js';
import { PACKAGE_JSON_KEY, type ConfigData } from './schema.js';


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
  /** Throws a {@link ConfigError} naming this file, the line of `at` and the key path. */
  fail(at: PlanPath, message: MessageRef, onKey?: boolean): never;
}

let validator: ValidateFunction | undefined;

function validate(data: unknown): ErrorObject[] {
  validator ??= createConfigValidator();
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
    let json: unknown;
    try {
      json = JSON.parse(source.text);
    } catch (err) {
      throw new ConfigError(msg('config.bad-json', { file: filePath, detail: (err as Error).message }));
    }
    // Most package.json files configure other tools only: no need for the YAML parser to say so.
    if (packageJson && !(typeof json === 'object' && json !== null && !Array.isArray(json) && Object.hasOwn(json, PACKAGE_JSON_KEY))) return undefined;
  }
  const doc = parseDocument(source.text, { prettyErrors: false, uniqueKeys: true, merge: false });
  const syntax = doc.errors[0];
  if (syntax) {
    // The YAML parser's explanation is English in every locale.
    throw new ConfigError(msg('config.yaml-syntax', { where: where({ start: syntax.pos[0], end: syntax.pos[1] }), detail: syntax.message.replace(/\.$/, '') }));
  }
  const root = doc.contents;
  let data: unknown = doc.toJS({ maxAliasCount: 100 });
  const prefix: PlanPath = packageJson ? [PACKAGE_JSON_KEY] : [];
  if (packageJson) {
    if (!isMap(root) || !root.has(PACKAGE_JSON_KEY)) return undefined;
    data = (data as Record<string, unknown>)[PACKAGE_JSON_KEY];
  }
  const view = isMap(doc.contents) ? new Plan(doc.contents as YAMLMap) : undefined;

  const fail = (at: PlanPath, message: MessageRef, onKey = false): never => {
    const full = [...prefix, ...at];
    const target = view ? (onKey ? view.pair(full) : (view.node(full) ?? view.anchor(full))) : (doc.contents ?? undefined);
    const data = { where: where(target), detail: message };
    throw new ConfigError(at.length ? msg('config.at-key', { ...data, key: formatPath(at) }) : msg('config.at', data));
  };

  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    if (!packageJson && (data === null || data === undefined)) {
      throw new ConfigError(msg('config.empty', { file: filePath }));
    }
    fail([], msg('config.not-mapping'));
  }
  const errors = validate(data);
  if (errors.length) {
    const e = mostSpecific(errors);
    const at = pointer(e.instancePath);
    if (e.keyword === 'additionalProperties') {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(key, allowed);
      const data = { key, allowed: allowed.filter((k) => k !== '$schema').join(', ') };
      fail([...at, key], near ? msg('config.unknown-key.near', { ...data, near }) : msg('config.unknown-key', data), true);
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

function explain(e: ErrorObject, at: Array<string | number>): MessageRef {
  const value = JSON.stringify(e.data);
  const parent = at[at.length - 2];
  if (parent === 'rules' || (at.length >= 2 && at[at.length - 3] === 'rules')) {
    return msg('config.bad-rule-setting', { form: '[severity, {options}]', value });
  }
  if (at[0] === 'extends') return msg('config.bad-extends', { value });
  if (e.keyword === 'required') return msg('config.override-no-files');
  if (e.keyword === 'type') return msg('config.wrong-type', { type: typeName(String((e.params as { type: string }).type)), value });
  if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return msg('config.not-one-of', { allowed, value });
  }
  // ajv's own wording of anything else is English in every locale.
  return msg('config.invalid', { detail: e.message ?? 'is not valid', value });
}

function typeName(type: string): MessageRef {
  switch (type) {
    case 'object':
    case 'array':
    case 'string':
    case 'boolean':
      return msg(`config.type.${type}`);
    default:
      return msg('config.type.fallback', { type });
  }
}
