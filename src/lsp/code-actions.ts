import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver';
import { isMap, isScalar, parseDocument } from 'yaml';
import { BUILTIN_DIAGNOSTICS } from '../core/diagnostic.js';
import { translate, type Locale } from '../core/i18n/index.js';
import { STARTER_PLANS } from '../core/init-template.js';
import { suggestedKey } from '../core/schema/chinese-keys.js';
import { SOURCE } from './diagnostics.js';
import { containerPath, keysAllowedAt, lineShape, splitLines } from '../core/plan-outline.js';

/**
 * Quick fixes for finetune-lint's diagnostics:
 * - an unknown key with a close known one: rename it (`methd` → `method`);
 * - a missing section the rules ask for (data.eval, baselines.prompt,
 *   evaluation.regression, risk.fallback): insert it from the starter plan,
 *   with its comments and `<FILL: …>` placeholders, in the plan's language;
 * - any rule finding: a `# finetune-lint-disable-next-line <rule> -- `
 *   comment above the line, the reason left for the author to write.
 */

/** The section each rule reports missing, as a top-level key and the key inside it. */
export const MISSING_SECTIONS: Readonly<Record<string, readonly [string, string]>> = {
  'no-eval-set': ['data', 'eval'],
  'no-prompt-baseline': ['baselines', 'prompt'],
  'no-regression-eval': ['evaluation', 'regression'],
  'high-risk-no-fallback': ['risk', 'fallback'],
};

/** The plan's own language: Chinese when it holds Chinese characters, else English. */
export function planLanguage(text: string): Locale {
  return /[\u3400-\u9fff]/.test(text) ? 'zh-CN' : 'en';
}

export function codeActionsFor(uri: string, text: string, diagnostics: readonly LspDiagnostic[], locale: Locale): CodeAction[] {
  const lines = splitLines(text);
  const actions: CodeAction[] = [];
  const inserted = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'string') continue;
    const edit = (edits: TextEdit[]): CodeAction['edit'] => ({ changes: { [uri]: edits } });
    if (d.code === 'schema') {
      const rename = renameUnknownKey(lines, d);
      if (rename) {
        actions.push({
          title: translate(locale, 'lsp.fix.rename-key', { key: rename.key, near: rename.near }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: edit([{ range: d.range, newText: rename.near }]),
        });
      }
    }
    const section = MISSING_SECTIONS[d.code];
    if (section && !inserted.has(d.code)) {
      const insert = insertSection(text, lines, section);
      if (insert) {
        inserted.add(d.code);
        actions.push({
          title: translate(locale, 'lsp.fix.insert-section', { section: section.join('.') }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: edit([insert]),
        });
      }
    }
    if (!(d.code in BUILTIN_DIAGNOSTICS)) {
      const line = d.range.start.line;
      const indent = /^[ \t]*/.exec(lines[line] ?? '')![0];
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      actions.push({
        title: translate(locale, 'lsp.fix.disable-next-line', { rule: d.code }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: edit([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# finetune-lint-disable-next-line ${d.code} -- ${eol}` }]),
      });
    }
  }
  return actions;
}

/** For a schema diagnostic on a key the schema does not know: the key, and the known key it is closest to. */
function renameUnknownKey(lines: readonly string[], d: LspDiagnostic): { key: string; near: string } | undefined {
  if (d.range.start.line !== d.range.end.line) return undefined;
  const line = lines[d.range.start.line] ?? '';
  const shape = lineShape(line);
  if (!shape?.key || shape.column !== d.range.start.character) return undefined;
  const key = line.slice(d.range.start.character, d.range.end.character);
  if (key !== shape.key) return undefined;
  const parent = containerPath(lines, d.range.start.line, shape.column);
  if (!parent) return undefined;
  const allowed = keysAllowedAt(parent);
  if (allowed.size === 0 || allowed.has(key)) return undefined;
  const near = suggestedKey(key, [...allowed.keys()]);
  return near ? { key, near } : undefined;
}

/** The lines of a top-level section of the starter plan: its leading comments, its key line, and its block. */
function starterBlock(lines: readonly string[], from: number, indent: number): { start: number; end: number } {
  let start = from;
  while (start > 0 && new RegExp(`^ {${indent}}#`).test(lines[start - 1]!)) start--;
  let end = from + 1;
  while (end < lines.length) {
    const l = lines[end]!;
    if (l.trim() !== '' && /^ */.exec(l)![0].length <= indent) break;
    end++;
  }
  while (end > from + 1 && lines[end - 1]!.trim() === '') end--;
  return { start, end };
}

/**
 * The edit that inserts `parent.child` from the starter plan: under the
 * plan's `parent:` when it is a block mapping (or empty), else as a new
 * top-level section at the end. Undefined when the section is there already
 * or the plan cannot take it (it does not parse, or `parent` is written in
 * flow style).
 */
export function insertSection(text: string, lines: readonly string[], [parent, child]: readonly [string, string]): TextEdit | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  if (doc.hasIn([parent, child])) return undefined;
  const parentValue = doc.get(parent, true);
  const fits = parentValue === undefined || (isMap(parentValue) && !parentValue.flow) || (isScalar(parentValue) && parentValue.value === null);
  if (!fits) return undefined;

  const starter = STARTER_PLANS[planLanguage(text)].split('\n');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const parentAt = starter.findIndex((l) => l.startsWith(`${parent}:`));
  const childAt = starter.findIndex((l, i) => i > parentAt && l.startsWith(`  ${child}:`));
  if (parentAt < 0 || childAt < 0) throw new Error(`the starter plan has no ${parent}.${child}`);
  const childBlock = starterBlock(starter, childAt, 2);

  const planParent = lines.findIndex((l) => new RegExp(`^${parent}[ \\t]*:`).test(l));
  if (planParent >= 0) {
    // Under the plan's own section, at its children's indentation, after its last line.
    let last = planParent;
    let childIndent: number | undefined;
    for (let i = planParent + 1; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.trim() === '') continue;
      const indent = /^ */.exec(l)![0].length;
      if (indent === 0) break;
      last = i;
      if (childIndent === undefined && lineShape(l)) childIndent = indent;
    }
    const pad = ' '.repeat(childIndent ?? 2);
    const block = starter.slice(childBlock.start, childBlock.end).map((l) => (l === '' ? l : pad + l.slice(2)));
    return { range: { start: { line: last, character: lines[last]!.length }, end: { line: last, character: lines[last]!.length } }, newText: `${eol}${block.join(eol)}` };
  }
  // A new top-level section at the end of the plan, after a blank line.
  const parentBlock = starterBlock(starter, parentAt, 0);
  const block = [...starter.slice(parentBlock.start, parentAt + 1), ...starter.slice(childBlock.start, childBlock.end)];
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.trim() === '') last--;
  return { range: { start: { line: last, character: lines[last]!.length }, end: { line: last, character: lines[last]!.length } }, newText: `${eol}${eol}${block.join(eol)}` };
}
