import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic as LspDiagnostic,
  type Range,
} from 'vscode-languageserver';
import { BUILTIN_DIAGNOSTICS, type Diagnostic } from '../core/diagnostic.js';
import { ruleDocsUrl, type AnyRule } from '../core/rule.js';

/** Where the diagnostics that are not rules are documented. */
export const BUILTIN_DOCS_URL = 'https://github.com/finetune-lint/finetune-lint#diagnostics-that-are-not-rules';

/** The name editors show as a diagnostic's source. */
export const SOURCE = 'finetune-lint';

/** A finding's range in LSP terms: 0-based lines and UTF-16 columns (finetune-lint counts from 1, in UTF-16 units too). */
export function rangeOf(d: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  return {
    start: { line: d.line - 1, character: d.column - 1 },
    end: { line: d.endLine - 1, character: d.endColumn - 1 },
  };
}

/** The document of a rule or built-in diagnostic: a plugin rule's own `docsUrl`, else the rule's page. */
export function docsUrlOf(ruleId: string, rules: ReadonlyMap<string, AnyRule>): string {
  if (ruleId in BUILTIN_DIAGNOSTICS) return BUILTIN_DOCS_URL;
  return rules.get(ruleId)?.meta.docsUrl ?? ruleDocsUrl(ruleId);
}

/** What the server keeps of a diagnostic it sent, for code actions and hover. */
export interface DiagnosticData {
  hint: string;
}

/**
 * One finding as an LSP diagnostic: the rule id as `code` with a link to its
 * document, the message as the CLI prints it, and the hint (what to do) as
 * related information on the same range, which editors show under the
 * message. A disable comment that suppressed nothing is tagged Unnecessary
 * (editors fade it).
 */
export function toLspDiagnostic(d: Diagnostic, uri: string, rules: ReadonlyMap<string, AnyRule>): LspDiagnostic {
  const range = rangeOf(d);
  const data: DiagnosticData = { hint: d.hint };
  return {
    range,
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.ruleId,
    codeDescription: { href: docsUrlOf(d.ruleId, rules) },
    source: SOURCE,
    message: d.message,
    ...(d.hint ? { relatedInformation: [{ location: { uri, range }, message: d.hint }] } : {}),
    ...(d.ruleId === 'unused-disable-directive' ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    data,
  };
}
