import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { Text } from '@codemirror/state';
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import {
  containerPath,
  deref,
  formatPath,
  keyAt,
  keysAllowedAt,
  lineShape,
  schemaAt,
  schemaDescription,
  siblingKeys,
  valuesAllowedAt,
  type Locale,
  type PlanPath,
  type SchemaNode,
} from '../src/core/index.js';

/**
 * Completion and hover for the plan's keys, from the plan schema. The place
 * of the cursor is read from indentation by the core's plan outline (the
 * language server reads it the same way), not from a parse: a key half typed
 * (`    met`) is not yet YAML a parser would put where the author means it
 * (it would continue the scalar above).
 */

/** The editor's document as the plan outline reads it: its lines, without line breaks. */
function linesOf(doc: Text): string[] {
  return doc.toJSON();
}

/**
 * The data path (`['goals', 0]`) of the mapping holding content that starts
 * at `column` of line `lineNo` (1-based, as CodeMirror counts lines);
 * undefined inside a block scalar.
 */
export function mappingPathAt(doc: Text, lineNo: number, column: number): PlanPath | undefined {
  return containerPath(linesOf(doc), lineNo - 1, column);
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
      const column = keyTyped[1]!.length + keyTyped[2]!.length;
      const path = mappingPathAt(ctx.state.doc, line.number, column);
      if (!path) return null;
      // Keys the mapping already holds are not offered again (as in the language server).
      const written = siblingKeys(linesOf(ctx.state.doc), line.number - 1, column);
      const options: Completion[] = [...keysAllowedAt(path)].filter(([name]) => !written.has(name)).map(([name, node]) => {
        const nested = [node.type].flat().some((t) => t === 'object' || t === 'array');
        const info = schemaDescription(node, locale());
        return { label: name, type: 'property', detail: typeOf(node), apply: nested ? `${name}:` : `${name}: `, ...(info ? { info } : {}) };
      });
      return options.length ? { from: line.from + column, options, validFor: /^[\w-]*$/ } : null;
    }
    const valueTyped = /^( *)((?:- +)*)([A-Za-z_][\w-]*):[ \t]+([\w-]*)$/.exec(before);
    if (valueTyped) {
      const parent = mappingPathAt(ctx.state.doc, line.number, lineShape(before)!.column);
      if (!parent) return null;
      const path = [...parent, valueTyped[3]!];
      const values = valuesAllowedAt(path);
      if (!values.length) return null;
      const node = schemaAt(path);
      const info = node && schemaDescription(node, locale());
      return {
        from: ctx.pos - valueTyped[4]!.length,
        options: values.map((value) => ({ label: String(value), type: 'enum', ...(info ? { info } : {}) })),
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
    const key = keyAt(linesOf(view.state.doc), line.number - 1, pos - line.from);
    if (!key) return null;
    const { path } = key;
    const from = line.from + key.start;
    const to = line.from + key.end;
    const node = schemaAt(path);
    const text = node && schemaDescription(node, locale());
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
