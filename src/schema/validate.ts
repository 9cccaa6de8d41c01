import { isScalar } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostic.js';
import { formatPath, type Plan, type PlanPath } from '../plan.js';
import type { SourceText, Target } from '../source.js';
import { quote } from '../rules/text.js';
import { closest } from '../text-distance.js';
import { deref, placesOfKey, schemaAt, type SchemaNode } from './plan-schema.js';
import { createPlanValidator } from './plan-validator.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= createPlanValidator();
  return compiled;
}

interface SchemaFinding {
  target: Target;
  message: string;
  hint: string;
}

/**
 * Checks plan data against the plan schema and words each problem for a
 * person, on the YAML node it concerns: the key for an unknown key, the value
 * for a wrong value, the nearest existing parent for a missing key.
 */
export function validatePlanSchema(data: unknown, plan: Plan, source: SourceText): Diagnostic[] {
  const validate = validator();
  if (validate(data)) return [];
  const errors = dedupe(collapseAnyOf(validate.errors ?? []));
  return errors.map((e) => {
    const f = describe(e, plan);
    return { ruleId: 'schema', severity: 'error', message: f.message, hint: f.hint, ...source.position(f.target) };
  });
}

function pathOf(e: ErrorObject): string[] {
  if (!e.instancePath) return [];
  return e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function acceptsType(branch: SchemaNode, t: string): boolean {
  const types = branch.type === undefined ? undefined : ([] as string[]).concat(branch.type);
  if (!types) return true;
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/**
 * An `anyOf` failure comes with the failures of every branch. When exactly
 * one branch accepts the value's type, only that branch's errors say anything
 * useful; otherwise one "must be A or B" message replaces them all.
 */
function collapseAnyOf(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const a of errors) {
    if (a.keyword !== 'anyOf' || dropped.has(a)) continue;
    const prefix = `${a.schemaPath}/`;
    const branches = (a.schema as SchemaNode[]).map(deref);
    const t = jsonType(a.data);
    const fitting = branches.map((b, i) => (acceptsType(b, t) ? i : -1)).filter((i) => i >= 0);
    const inner = errors.filter(
      (e) =>
        e !== a &&
        e.schemaPath.startsWith(prefix) &&
        (e.instancePath === a.instancePath || e.instancePath.startsWith(`${a.instancePath}/`)),
    );
    if (fitting.length === 1) {
      dropped.add(a);
      const keep = `${prefix}${fitting[0]}/`;
      for (const e of inner) if (!e.schemaPath.startsWith(keep)) dropped.add(e);
    } else {
      for (const e of inner) dropped.add(e);
    }
  }
  return errors.filter((e) => !dropped.has(e));
}

function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
};

function expected(schema: SchemaNode): string {
  const s = deref(schema);
  if (s.anyOf) return s.anyOf.map(expected).join(' or ');
  if (s.enum) return `one of ${s.enum.join(', ')}`;
  const types = s.type === undefined ? [] : ([] as string[]).concat(s.type);
  return types
    .map((t) => {
      if (t === 'array' && s.items) {
        const title = deref(s.items).title;
        if (title) return `a list of ${plural(title)}`;
      }
      return TYPE_WORDS[t] ?? t;
    })
    .join(' or ');
}

function plural(noun: string): string {
  return noun.endsWith('s') ? noun : `${noun}s`;
}

function actual(v: unknown): string {
  switch (jsonType(v)) {
    case 'null':
      return 'an empty value';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    case 'string':
      return `a string (${quote(String(v), 40)})`;
    case 'boolean':
      return String(v);
    default:
      return `a number (${String(v)})`;
  }
}

function quoteName(path: PlanPath): string {
  return `"${formatPath(path)}"`;
}

/** One sentence from the schema about a field, with an example when there is one. */
function fieldHint(schema: SchemaNode | undefined, lead: string): string {
  const s = schema && deref(schema);
  const parts = [lead];
  if (s?.description) parts.push(s.description);
  const example = s?.examples?.[0];
  if (example !== undefined) parts.push(`For example: ${JSON.stringify(example)}.`);
  return parts.join(' ');
}

function describe(e: ErrorObject, plan: Plan): SchemaFinding {
  const path = pathOf(e);
  // An empty value (`data:`) has no extent of its own: point at its key.
  const valueTarget = (): Target => {
    const node = plan.node(path);
    return node && !(isScalar(node) && node.value === null) ? node : plan.anchor(path);
  };
  const schema = schemaAt(path);
  const name = quoteName(path);
  const params = e.params as Record<string, unknown>;

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const where = path.length ? ` in ${formatPath(path)}` : '';
      const target = plan.pair([...path, key]) ?? valueTarget();
      if (key === '<<') {
        return {
          target,
          message: `YAML merge keys ("<<")${where} are not supported in plans`,
          hint: 'Write the keys out in full: a plan is read by people in review, and merged defaults hide what it says.',
        };
      }
      const siblings = Object.keys((e.parentSchema as SchemaNode).properties ?? {});
      const near = closest(key, siblings);
      if (near) {
        return {
          target,
          message: `unknown key "${key}"${where} — did you mean "${near}"?`,
          hint: `Rename "${key}" to "${near}"; prefix a key with "x-" to keep your team's own field.`,
        };
      }
      const places = placesOfKey(key);
      if (places.length) {
        return {
          target,
          message: `unknown key "${key}"${where} — "${key}" belongs in ${places.join(' or ')}`,
          hint: `Move "${key}" under ${places[0]!.replace(/\.[^.]+$/, '') || 'the top level'}; prefix a key with "x-" to keep your team's own field.`,
        };
      }
      return {
        target,
        message: `unknown key "${key}"${where}`,
        hint: `Use one of the keys allowed here (${siblings.join(', ')}), or prefix your own field with "x-".`,
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      const childSchema = schema?.properties?.[key];
      return {
        target: plan.anchor(path),
        message: path.length ? `${formatPath(path)} is missing the required key "${key}"` : `missing required key "${key}"`,
        hint: fieldHint(childSchema, `Add "${key}".`),
      };
    }
    case 'type':
    case 'anyOf':
      return {
        target: valueTarget(),
        message: `${name} must be ${schema ? expected(schema) : String(params.type)}, got ${actual(e.data)}`,
        hint: fieldHint(schema, `Write ${name} as ${schema ? expected(schema) : String(params.type)}.`),
      };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const near = typeof e.data === 'string' ? closest(e.data, allowed) : undefined;
      return {
        target: valueTarget(),
        message: `${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(e.data)}${near ? ` — did you mean "${near}"?` : ''}`,
        hint: near ? `Write ${formatPath(path)}: ${near}.` : fieldHint(schema, `Pick one of ${allowed.join(', ')}.`),
      };
    }
    case 'const':
      return {
        target: valueTarget(),
        message: `${name} must be ${JSON.stringify(params.allowedValue)}, got ${actual(e.data)}`,
        hint: fieldHint(schema, `Write ${formatPath(path)}: ${JSON.stringify(params.allowedValue)}.`),
      };
    case 'minItems': {
      const noun = schema?.items ? (deref(schema.items).title ?? 'item') : 'item';
      const limit = Number(params.limit);
      return {
        target: valueTarget(),
        message: `${name} must list at least ${limit} ${limit === 1 ? noun : plural(noun)}, got an empty list`,
        hint: fieldHint(schema, `Add at least ${limit === 1 ? `one ${noun}` : `${limit} ${plural(noun)}`}.`),
      };
    }
    case 'minLength':
      return {
        target: valueTarget(),
        message: `${name} must not be empty`,
        hint: fieldHint(schema, `Fill in ${formatPath(path)}.`),
      };
    case 'minimum':
      return {
        target: valueTarget(),
        message: `${name} must be at least ${String(params.limit)}, got ${actual(e.data)}`,
        hint: fieldHint(schema, `Use a value of ${String(params.limit)} or more.`),
      };
    default:
      return {
        target: valueTarget(),
        message: `${path.length ? name : 'the plan'} ${e.message ?? 'is not valid'}`,
        hint: fieldHint(schema, 'See the plan format in the README.'),
      };
  }
}
