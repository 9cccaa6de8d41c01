import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { BUILTIN_DIAGNOSTICS, type Diagnostic } from '../core/diagnostic.js';
import { hasMessage, translate, type Locale, type MessageKey } from '../core/i18n/index.js';
import { ruleDescription, type AnyRule } from '../core/rule.js';
import { schemaAt } from '../core/schema/plan-schema.js';
import { docsUrlOf, rangeOf } from './diagnostics.js';
import { keyAt, splitLines } from '../core/plan-outline.js';
import { keyMarkdown } from '../core/schema/schema-text.js';

/** What a finding's rule is for, and a link to its document. */
function findingMarkdown(d: Diagnostic, rules: ReadonlyMap<string, AnyRule>, locale: Locale): string {
  const rule = rules.get(d.ruleId);
  const key = `${d.ruleId}.description`;
  const description = rule
    ? ruleDescription(rule.meta, locale)
    : d.ruleId in BUILTIN_DIAGNOSTICS
      ? hasMessage(key)
        ? translate(locale, key as MessageKey)
        : BUILTIN_DIAGNOSTICS[d.ruleId as keyof typeof BUILTIN_DIAGNOSTICS]
      : undefined;
  const lines = [`**${d.ruleId}**${description ? `: ${description}` : ''}`];
  if (!rule && d.ruleId in BUILTIN_DIAGNOSTICS) lines.push(translate(locale, 'lsp.hover.builtin'));
  lines.push(`[${translate(locale, 'lsp.hover.rule-doc')}](${docsUrlOf(d.ruleId, rules)})`);
  return lines.join('\n\n');
}

function contains(d: Diagnostic, at: Position): boolean {
  const r = rangeOf(d);
  const after = at.line > r.start.line || (at.line === r.start.line && at.character >= r.start.character);
  const before = at.line < r.end.line || (at.line === r.end.line && at.character <= r.end.character);
  return after && before;
}

/**
 * Hover: on a finding's range, the rule's description and a link to its
 * document; on a key, what the plan schema says about it. Both when a key
 * holds a finding.
 */
export function hoverAt(
  text: string,
  at: Position,
  findings: readonly Diagnostic[],
  rules: ReadonlyMap<string, AnyRule>,
  locale: Locale,
): Hover | null {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const d of findings) {
    if (!contains(d, at) || seen.has(d.ruleId)) continue;
    seen.add(d.ruleId);
    parts.push(findingMarkdown(d, rules, locale));
  }
  const lines = splitLines(text);
  const key = keyAt(lines, at.line, at.character);
  const schema = key && schemaAt(key.path);
  if (key && schema) parts.push(keyMarkdown(String(key.path[key.path.length - 1]), schema, key.path, locale));
  if (!parts.length) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    ...(key && schema && !seen.size ? { range: { start: { line: at.line, character: key.start }, end: { line: at.line, character: key.end } } } : {}),
  };
}
