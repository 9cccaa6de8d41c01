import { deref, schemaAt, type SchemaNode } from './schema/plan-schema.js';

/**
 * Where the cursor is in a plan's key structure, read from the lines and
 * their indentation rather than from a parse: the text being typed is often
 * not valid YAML yet (`  meth` with no colon), and completion is wanted there
 * most. List items are numbered 0 (the schema is the same for every item).
 */

/** The lines of a text, without their line breaks (LF or CRLF), as LSP positions count them. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The offset in `text` of an LSP position (line, UTF-16 character). */
export function offsetAt(text: string, line: number, character: number): number {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return text.length;
    start = next + 1;
  }
  return start + character;
}

/** One line of block YAML: where its content starts, its list dashes, and its key if it has one. */
export interface LineShape {
  /** Columns of the `- ` list markers before the content, outermost first. */
  dashes: number[];
  /** Column where the content after the dashes starts. */
  column: number;
  /** The key, when the content is `key:` or `key: value`. */
  key?: string;
  /** Whether the key has a value on the same line (other than a comment, an anchor or a tag). */
  inlineValue: boolean;
  /** Whether the key's value is a block scalar (`|`, `>-`, …), its text on the lines below. */
  blockScalar: boolean;
}

/** Anchors and tags (`&defaults`, `!!str`) before a value: a mapping may still follow on the lines below. */
const PROPERTIES = /^(?:[&!]\S*(?:[ \t]+|$))*/;

const KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?=[ \t]|$)/;

/** The shape of one line, or undefined for a blank or comment-only line. */
export function lineShape(line: string): LineShape | undefined {
  const lead = /^( *)((?:-(?: +|$))*)/.exec(line)!;
  const dashes: number[] = [];
  let at = lead[1]!.length;
  for (const m of lead[2]!.matchAll(/-( *)/g)) {
    dashes.push(at);
    at += m[0].length;
  }
  const rest = line.slice(at);
  if (rest.trim() === '' && dashes.length === 0) return undefined;
  if (rest.startsWith('#') && dashes.length === 0) return undefined;
  const key = KEY.exec(rest);
  if (!key) return { dashes, column: at, inlineValue: rest.trim() !== '', blockScalar: false };
  const after = rest.slice(key[0].length).trim().replace(PROPERTIES, '');
  const blockScalar = /^[|>][-+0-9]*\s*(#.*)?$/.test(after);
  const inlineValue = after !== '' && !after.startsWith('#') && !blockScalar;
  return { dashes, column: at, key: key[1] ?? key[2] ?? key[3]!, inlineValue, blockScalar };
}

/**
 * The path of the mapping that holds content starting at `column` on line
 * `lineNo` (0-based), e.g. `['goals', 0]` for a key inside the first goal;
 * undefined when that content is text inside a block scalar (`problem: |`).
 */
export function containerPath(lines: readonly string[], lineNo: number, column: number): Array<string | number> | undefined {
  const path: Array<string | number> = [];
  let ci = column;
  // Whether `ci` is the column of a list item's dash: its parent key may then sit at the same column.
  let inList = false;
  const enterItems = (dashes: number[]): void => {
    for (let i = dashes.length - 1; i >= 0; i--) {
      if (dashes[i]! < ci) {
        path.unshift(0);
        ci = dashes[i]!;
        inList = true;
      }
    }
  };
  const here = lineShape(lines[lineNo] ?? '');
  if (here) enterItems(here.dashes.filter((d) => d < column));
  for (let l = lineNo - 1; l >= 0 && (ci > 0 || inList); l--) {
    const shape = lineShape(lines[l]!);
    if (!shape) continue;
    const start = shape.dashes[0] ?? shape.column;
    if (inList && shape.dashes[0] === ci) continue; // another item of the same list
    if (shape.key !== undefined && !shape.inlineValue && (shape.column < ci || (inList && shape.column === ci && shape.dashes.length === 0))) {
      if (shape.blockScalar) return undefined;
      path.unshift(shape.key);
      ci = shape.column;
      inList = false;
      enterItems(shape.dashes);
      continue;
    }
    if (start < ci) {
      // The first line of the list item the content is in (`- behavior: …`).
      if (shape.dashes.some((d) => d < ci) && shape.column === ci) {
        enterItems(shape.dashes);
        continue;
      }
      // Less indented text that is no key: a block scalar's lines may be indented unevenly.
      return inBlockScalar(lines, l, start) ? undefined : path;
    }
  }
  return path;
}

/** Whether line `lineNo`, text starting at `column` that is no key, belongs to a block scalar opened above it. */
function inBlockScalar(lines: readonly string[], lineNo: number, column: number): boolean {
  for (let l = lineNo - 1; l >= 0; l--) {
    const shape = lineShape(lines[l]!);
    if (!shape) continue;
    const start = shape.dashes[0] ?? shape.column;
    if (start >= column) continue;
    if (shape.key !== undefined) return shape.blockScalar;
    column = start;
  }
  return false;
}

/** The key under the cursor and its path, when the cursor is on a key. */
export function keyAt(lines: readonly string[], line: number, character: number): { path: Array<string | number>; start: number; end: number } | undefined {
  const shape = lineShape(lines[line] ?? '');
  if (!shape?.key) return undefined;
  const text = lines[line]!;
  const start = text.indexOf(shape.key, shape.column);
  const end = start + shape.key.length;
  if (start < 0 || character < start || character > end) return undefined;
  const parent = containerPath(lines, line, shape.column);
  return parent && { path: [...parent, shape.key], start, end };
}

/** Every branch of a schema node (its `anyOf` branches, or itself), dereferenced. */
function branches(schema: SchemaNode | undefined): SchemaNode[] {
  if (!schema) return [];
  const s = deref(schema);
  return s.anyOf ? s.anyOf.flatMap(branches) : [s];
}

/** The keys a mapping at `path` may hold, with their schemas. */
export function keysAllowedAt(path: ReadonlyArray<string | number>): Map<string, SchemaNode> {
  const keys = new Map<string, SchemaNode>();
  for (const b of branches(schemaAt(path))) {
    for (const [name, child] of Object.entries(b.properties ?? {})) if (!keys.has(name)) keys.set(name, deref(child));
  }
  return keys;
}

/** The values the value at `path` may take, when the schema lists them. */
export function valuesAllowedAt(path: ReadonlyArray<string | number>): unknown[] {
  return branches(schemaAt(path)).flatMap((b) => b.enum ?? (b.const !== undefined ? [b.const] : []));
}

/** The keys already written in the mapping holding line `lineNo` at `column`. */
export function siblingKeys(lines: readonly string[], lineNo: number, column: number): Set<string> {
  const keys = new Set<string>();
  const visit = (l: number, step: 1 | -1): void => {
    for (let i = l; i >= 0 && i < lines.length; i += step) {
      if (i === lineNo) continue;
      const shape = lineShape(lines[i]!);
      if (!shape) continue;
      const start = shape.dashes[0] ?? shape.column;
      if (start < column) {
        // The first line of this list item holds a sibling key too.
        if (step === -1 && shape.column === column && shape.key !== undefined) keys.add(shape.key);
        return;
      }
      if (shape.column === column && shape.dashes.length === 0 && shape.key !== undefined) keys.add(shape.key);
      else if (shape.column === column && shape.dashes.length > 0) return;
    }
  };
  visit(lineNo - 1, -1);
  visit(lineNo + 1, 1);
  return keys;
}
