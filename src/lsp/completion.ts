import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { parseDocument, Scalar, visit } from 'yaml';
import type { Locale } from '../core/i18n/index.js';
import { containerPath, keysAllowedAt, lineShape, offsetAt, siblingKeys, splitLines, valuesAllowedAt } from '../core/plan-outline.js';
import { keyMarkdown, schemaDescription } from '../core/schema/schema-text.js';

/**
 * Completion: on a line where a key is being typed, the keys the plan
 * schema allows in that mapping (those not written yet), with their
 * descriptions; after `key:`, the values the schema lists for it (`method`,
 * `risk.level`, `training.framework`, …).
 */
export function completionsAt(text: string, at: Position, locale: Locale): CompletionItem[] {
  const lines = splitLines(text);
  const line = lines[at.line] ?? '';
  const before = line.slice(0, at.character);

  // A value: `key: partial` (or `- key: partial`) with the cursor after the colon.
  const shape = lineShape(line);
  if (shape?.key !== undefined) {
    const colon = line.indexOf(':', line.indexOf(shape.key, shape.column) + shape.key.length);
    if (colon >= 0 && at.character > colon) {
      const parent = containerPath(lines, at.line, shape.column);
      if (!parent) return [];
      const path = [...parent, shape.key];
      const needsSpace = at.character === colon + 1;
      return valuesAllowedAt(path).map((value, i) => ({
        label: String(value),
        kind: CompletionItemKind.EnumMember,
        sortText: String(i).padStart(3, '0'),
        ...(needsSpace ? { insertText: ` ${String(value)}` } : {}),
      }));
    }
  }

  // A key: only indentation, list dashes and the start of a key before the cursor — and not inside a text value.
  const typing = /^( *)((?:- +)*)([^\s:#]*)$/.exec(before);
  if (!typing || insideTextValue(text, at)) return [];
  const column = typing[1]!.length + typing[2]!.length;
  const path = containerPath(lines, at.line, column);
  if (!path) return [];
  const written = siblingKeys(lines, at.line, column);
  const items: CompletionItem[] = [];
  for (const [key, schema] of keysAllowedAt(path)) {
    if (written.has(key)) continue;
    const description = schemaDescription(schema, locale);
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      ...(description ? { detail: description } : {}),
      documentation: { kind: MarkupKind.Markdown, value: keyMarkdown(key, schema, [...path, key], locale) },
      insertText: `${key}: `,
    });
  }
  return items;
}

/** Whether the cursor is inside a block scalar (`problem: |`) or a quoted string that spans lines. */
function insideTextValue(text: string, at: Position): boolean {
  const offset = offsetAt(text, at.line, at.character);
  let inside = false;
  visit(parseDocument(text), {
    Scalar(_, node) {
      if (!node.range || node.type === Scalar.PLAIN) return undefined;
      if (offset > node.range[0] && offset < node.range[1]) {
        inside = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return inside;
}
