import { isScalar } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostic.js';
import { formatPath, type Plan, type PlanPath } from '../plan.js';
import type { SourceText, Target } from '../source.js';
import { msg, plural, render, translate, type Locale, type MessageKey, type MessageRef } from '../i18n/index.js';
import { schemaDescriptionsZhCN } from '../i18n/schema-descriptions.zh-CN.js';
import { shorten } from '../rules/text.js';
import { closest } from '../text-distance.js';
import { suggestedKey } from './chinese-keys.js';
import { fullWidthColonFix } from '../full-width-colon.js';
import { deref, placesOfKey, schemaAt, type SchemaNode } from './plan-schema.js';
import { createPlanValidator } from './plan-validator.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= createPlanValidator();
  return compiled;
}

interface SchemaFinding {
  target: Target;
  message: MessageRef;
  hint: MessageRef | string;
}

/**
 * Checks plan data against the plan schema and words each problem for a
 * person, on the YAML node it concerns: the key for an unknown key, the value
 * for a wrong value, the nearest existing parent for a missing key.
 */
export function validatePlanSchema(data: unknown, plan: Plan, source: SourceText, locale: Locale = 'en'): Diagnostic[] {
  const validate = validator();
  if (validate(data)) return [];
  const errors = dedupe(collapseAnyOf(validate.errors ?? []));
  return errors.map((e) => {
    const f = describe(e, plan, source, locale);
    const hint = typeof f.hint === 'string' ? f.hint : render(locale, f.hint);
    return { ruleId: 'schema', severity: 'error', message: render(locale, f.message), hint, ...source.position(f.target) };
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

/** The catalogue key part for a list item's schema title: `goal`, `metric`, `fallback-control`, else `item`. */
function itemNoun(schema: SchemaNode | undefined): string {
  const title = schema?.items ? deref(schema.items).title : undefined;
  const slug = title?.toLowerCase().replace(/[^a-z]+/g, '-');
  return slug && ['goal', 'metric', 'fallback-control'].includes(slug) ? slug : 'item';
}

/** "a mapping or a list", "one of a, b", "a list of goals", in `locale`. */
function expected(schema: SchemaNode, locale: Locale): string {
  const s = deref(schema);
  const or = translate(locale, 'schema.or');
  if (s.anyOf) return s.anyOf.map((b) => expected(b, locale)).join(or);
  if (s.enum) return translate(locale, 'schema.one-of', { values: s.enum.join(', ') });
  const types = s.type === undefined ? [] : ([] as string[]).concat(s.type);
  return types
    .map((t) => {
      if (t === 'array' && s.items && deref(s.items).title) {
        return translate(locale, 'schema.list-of', { items: msg(`schema.nouns.${itemNoun(s)}` as MessageKey) });
      }
      const key = `schema.type.${t}`;
      return TYPE_KEYS.has(key) ? translate(locale, key as MessageKey) : t;
    })
    .join(or);
}

const TYPE_KEYS = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'].map((t) => `schema.type.${t}`));

/** What the plan holds instead, as a message: "a string ("…")", "a number (2)". */
function actual(v: unknown): MessageRef | string {
  switch (jsonType(v)) {
    case 'null':
      return msg('schema.actual.null');
    case 'array':
      return msg('schema.actual.array');
    case 'object':
      return msg('schema.actual.object');
    case 'string':
      return msg('schema.actual.string', { text: shorten(String(v), 40) });
    case 'boolean':
      return String(v);
    default:
      return msg('schema.actual.number', { value: String(v) });
  }
}

function quoteName(path: PlanPath): string {
  return `"${formatPath(path)}"`;
}

/** The schema's description of a field in `locale` (the schema itself is English). */
function fieldDescription(description: string, locale: Locale): string | undefined {
  return locale === 'en' ? description : schemaDescriptionsZhCN[description];
}

/** One sentence from the schema about a field, with an example when there is one. */
function fieldHint(schema: SchemaNode | undefined, lead: MessageRef, locale: Locale): string {
  const s = schema && deref(schema);
  const parts = [render(locale, lead)];
  const description = s?.description && fieldDescription(s.description, locale);
  if (description) parts.push(description);
  const example = s?.examples?.[0];
  if (example !== undefined) parts.push(translate(locale, 'schema.example', { example: JSON.stringify(example) }));
  return parts.join(locale === 'en' ? ' ' : '');
}

function describe(e: ErrorObject, plan: Plan, source: SourceText, locale: Locale): SchemaFinding {
  const path = pathOf(e);
  // An empty value (`data:`) has no extent of its own: point at its key.
  const valueTarget = (): Target => {
    const node = plan.node(path);
    return node && !(isScalar(node) && node.value === null) ? node : plan.anchor(path);
  };
  const schema = schemaAt(path);
  const name = quoteName(path);
  const params = e.params as Record<string, unknown>;
  const expectedText = (): string => (schema ? expected(schema, locale) : String(params.type));
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const where = path.length ? msg('schema.where.in', { path: formatPath(path) }) : msg('schema.where.top');
      const target = plan.pair([...path, key]) ?? valueTarget();
      if (key === '<<') {
        return { target, message: msg('schema.merge-key', { where }), hint: msg('schema.merge-key.hint') };
      }
      const siblings = Object.keys((e.parentSchema as SchemaNode).properties ?? {});
      const near = suggestedKey(key, siblings);
      if (near) {
        return {
          target,
          message: msg('schema.unknown-key.near', { key, where, near }),
          hint: msg('schema.unknown-key.near.hint', { key, near }),
        };
      }
      const places = placesOfKey(key);
      if (places.length) {
        const parent = places[0]!.replace(/\.[^.]+$/, '');
        return {
          target,
          message: msg('schema.unknown-key.elsewhere', { key, where, places: places.join(translate(locale, 'schema.or')) }),
          hint: msg('schema.unknown-key.elsewhere.hint', { key, parent: parent || msg('schema.top-level') }),
        };
      }
      return {
        target,
        message: msg('schema.unknown-key', { key, where }),
        hint: msg('schema.unknown-key.hint', { keys: siblings.join(', ') }),
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      const childSchema = schema?.properties?.[key];
      return {
        target: plan.anchor(path),
        message: path.length ? msg('schema.missing-key-in', { path: formatPath(path), key }) : msg('schema.missing-key', { key }),
        hint: fieldHint(childSchema, msg('schema.missing-key.hint', { key }), locale),
      };
    }
    case 'type':
    case 'anyOf': {
      // A mapping whose first key was written with a full-width colon reads as a string: say so.
      const node = plan.node(path);
      const wantsMapping = schema !== undefined && deref(schema).type === 'object';
      const fix =
        wantsMapping && typeof e.data === 'string' && isScalar(node) && node.type === 'PLAIN' && node.range
          ? fullWidthColonFix(source.lineAt(node.range[0]))
          : undefined;
      return {
        target: valueTarget(),
        message: msg('schema.wrong-type', { name, expected: expectedText(), actual: actual(e.data) }),
        hint: fix ? msg('syntax-error.full-width-colon.hint', { fix }) : fieldHint(schema, msg('schema.wrong-type.hint', { name, expected: expectedText() }), locale),
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
      const near = typeof e.data === 'string' ? closest(e.data, (params.allowedValues as unknown[]).map(String)) : undefined;
      const value = JSON.stringify(e.data);
      return {
        target: valueTarget(),
        message: near ? msg('schema.enum.near', { name, allowed, value, near }) : msg('schema.enum', { name, allowed, value }),
        hint: near
          ? msg('schema.enum.near.hint', { path: formatPath(path), near })
          : fieldHint(schema, msg('schema.enum.hint', { allowed }), locale),
      };
    }
    case 'const': {
      const expectedValue = JSON.stringify(params.allowedValue);
      return {
        target: valueTarget(),
        message: msg('schema.const', { name, expected: expectedValue, actual: actual(e.data) }),
        hint: fieldHint(schema, msg('schema.const.hint', { path: formatPath(path), expected: expectedValue }), locale),
      };
    }
    case 'minItems': {
      const items = plural(`schema.items.${itemNoun(schema)}`, Number(params.limit));
      return {
        target: valueTarget(),
        message: msg('schema.min-items', { name, items }),
        hint: fieldHint(schema, msg('schema.min-items.hint', { items }), locale),
      };
    }
    case 'minLength':
      return {
        target: valueTarget(),
        message: msg('schema.min-length', { name }),
        hint: fieldHint(schema, msg('schema.min-length.hint', { path: formatPath(path) }), locale),
      };
    case 'minimum':
      return {
        target: valueTarget(),
        message: msg('schema.minimum', { name, limit: String(params.limit), actual: actual(e.data) }),
        hint: fieldHint(schema, msg('schema.minimum.hint', { limit: String(params.limit) }), locale),
      };
    default: {
      // ajv's own wording of a keyword this file does not word itself; English in every locale.
      const detail = e.message ?? 'is not valid';
      return {
        target: valueTarget(),
        message: path.length ? msg('schema.invalid', { name, detail }) : msg('schema.invalid-root', { detail }),
        hint: fieldHint(schema, msg('schema.invalid.hint'), locale),
      };
    }
  }
}
