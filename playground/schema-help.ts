import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { Text } from '@codemirror/state';
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import { deref, formatPath, schemaAt, schemaDescriptionsZhCN, type Locale, type PlanPath, type SchemaNode } from '../src/core/index.js';

/**
 * Completion and hover for the plan's keys, from the plan schema. The place
 * of the cursor is read from indentation, line by line, not from a parse: a
 * key half typed (`    met`) is not yet YAML a parser would put where the
 * author means it (it would continue the scalar above).
 */

/** The structure of one line: where its `- ` markers and its key start. */
interface LineShape {
  /** Columns (0-based) of the line's `- ` sequence markers. */
  dashes: number[];
  /** Column of the key, when the line starts a `key:` pair (after any markers). */
  keyCol?: number;
  key?: string;
  /** What follows `key:`, without a trailing comment. */
  value?: string;
  /** Column of the first thing on the line (a marker, a key or a value). */
  start: number;
}

const KEY = /^([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t]|$)(.*)$/;

/** The shape of `line`, or undefined for a blank or comment-only line. */
export function lineShape(line: string): LineShape | undefined {
  let col = line.search(/\S/);
  if (col === -1 || line[col] === '#') return undefined;
  const start = col;
  const dashes: number[] = [];
  while (line[col] === '-' && (col + 1 === line.length || line[col + 1] === ' ')) {
    dashes.push(col);
    col++;
    while (line[col] === ' ') col++;
  }
  const m = KEY.exec(line.slice(col));
  if (!m) return { dashes, start };
  return { dashes, keyCol: col, key: m[1]!, value: m[2]!.replace(/(^|\s)#.*$/, '').trim(), start };
}

/**
 * The data path (`['goals', 0]`) of the mapping whose keys sit at column
 * `keyCol` of line `lineNo` (1-based), behind the sequence markers at
 * `dashes` on that line; undefined inside a block scalar.
 */
export function mappingPathAt(doc: Text, lineNo: number, keyCol: number, dashes: readonly number[]): PlanPath | undefined {
  const path: Array<string | number> = [];
  let target = keyCol;
  // Whether `target` is the column of a sequence's markers (else of a mapping's keys).
  let inSequence = false;
  const enterItems = (markers: readonly number[]): void => {
    for (let i = markers.length - 1; i >= 0; i--) path.unshift(0);
    if (markers.length > 0) {
      target = markers[0]!;
      inSequence = true;
    }
  };
  enterItems(dashes.filter((d) => d < keyCol));
  for (let n = lineNo - 1; n >= 1 && (target > 0 || inSequence); n--) {
    const s = lineShape(doc.line(n).text);
    if (!s || s.start > target) continue;
    if (inSequence) {
      if (s.dashes[0] === target) continue; // an earlier item of the same sequence
      if (s.key === undefined || s.keyCol! > target) return undefined;
    } else if (s.keyCol === target && s.key !== undefined) {
      // A key beside ours: if it opens a sequence item, our mapping is that item.
      enterItems(s.dashes);
      continue;
    } else if (s.key === undefined || s.keyCol! >= target) {
      continue;
    }
    // The key whose value holds what we are in.
    if (/^[|>][-+0-9]*$/.test(s.value ?? '')) return undefined;
    path.unshift(s.key);
    target = s.keyCol!;
    inSequence = false;
    enterItems(s.dashes);
  }
  return path;
}

/** The keys a mapping described by `node` may hold, its `anyOf` branches included. */
function keysOf(node: SchemaNode | undefined): Map<string, SchemaNode> {
  const keys = new Map<string, SchemaNode>();
  if (!node) return keys;
  const n = deref(node);
  for (const [name, child] of Object.entries(n.properties ?? {})) keys.set(name, deref(child));
  for (const branch of n.anyOf ?? []) for (const [name, child] of keysOf(branch)) if (!keys.has(name)) keys.set(name, child);
  return keys;
}

/** A schema description in the page's language. */
export function describe(node: SchemaNode, locale: Locale): string | undefined {
  const text = node.description;
  if (!text) return undefined;
  return locale === 'zh-CN' ? (schemaDescriptionsZhCN[text] ?? text) : text;
}

function typeOf(node: SchemaNode): string {
  if (node.enum) return node.enum.map(String).join(' | ');
  const types = new Set<string>();
  const collect = (n: SchemaNode): void => {
    const d = deref(n);
    if (d.type) for (const t of [d.type].flat()) types.add(t);
    for (const b of d.anyOf ?? []) collect(b);
  };
  collect(node);
  return [...types].join(' | ');
}

/** Completes keys at the start of a line, and enum values after `key: `. */
export function schemaCompletions(locale: () => Locale) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    const keyTyped = /^( *)((?:- +)*)([A-Za-z_][\w-]*)?$/.exec(before);
    if (keyTyped) {
      if (!keyTyped[3] && !ctx.explicit) return null;
      const shape = lineShape(`${before}x:`)!;
      const path = mappingPathAt(ctx.state.doc, line.number, shape.keyCol!, shape.dashes);
      if (!path) return null;
      const options: Completion[] = [...keysOf(schemaAt(path))].map(([name, node]) => {
        const nested = [node.type].flat().some((t) => t === 'object' || t === 'array');
        const info = describe(node, locale());
        return { label: name, type: 'property', detail: typeOf(node), apply: nested ? `${name}:` : `${name}: `, ...(info ? { info } : {}) };
      });
      return options.length ? { from: line.from + shape.keyCol!, options, validFor: /^[\w-]*$/ } : null;
    }
    const valueTyped = /^( *)((?:- +)*)([A-Za-z_][\w-]*):[ \t]+([\w-]*)$/.exec(before);
    if (valueTyped) {
      const shape = lineShape(before)!;
      const path = mappingPathAt(ctx.state.doc, line.number, shape.keyCol!, shape.dashes);
      const node = path && schemaAt([...path, valueTyped[3]!]);
      if (!node?.enum) return null;
      const info = describe(node, locale());
      return {
        from: ctx.pos - valueTyped[4]!.length,
        options: node.enum.map((value) => ({ label: String(value), type: 'enum', ...(info ? { info } : {}) })),
        validFor: /^[\w-]*$/,
      };
    }
    return null;
  };
}

/** Shows a key's path and schema description when the pointer rests on it. */
export function schemaHover(locale: () => Locale) {
  return hoverTooltip((view, pos): Tooltip | null => {
    const line = view.state.doc.lineAt(pos);
    const shape = lineShape(line.text);
    if (!shape?.key) return null;
    const from = line.from + shape.keyCol!;
    const to = from + shape.key.length;
    if (pos < from || pos > to) return null;
    const parent = mappingPathAt(view.state.doc, line.number, shape.keyCol!, shape.dashes);
    if (!parent) return null;
    const path = [...parent, shape.key];
    const node = schemaAt(path);
    const text = node && describe(node, locale());
    if (!node || !text) return null;
    return {
      pos: from,
      end: to,
      above: true,
      create() {
        const dom = document.createElement('div');
        dom.className = 'schema-hover';
        const title = document.createElement('code');
        title.textContent = formatPath(path).replace(/\[0\]/g, '[]');
        const type = document.createElement('span');
        type.className = 'schema-hover-type';
        type.textContent = typeOf(node);
        const body = document.createElement('p');
        body.textContent = text;
        dom.append(title, ' ', type, body);
        return { dom };
      },
    };
  });
}
