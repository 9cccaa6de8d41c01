import type { SuppressedDiagnostic } from './directives.js';
import { verdictOf } from './verdict.js';

/**
 * The one diagnostic model shared by parse errors, schema errors and rule
 * findings. Positions are 1-based; `endColumn` points one past the last
 * character, as in ESLint.
 */
export type Severity = 'error' | 'warning';

/** Whether to run the fine-tune, from the findings: see `verdict.ts`. */
export type Verdict = 'ready' | 'fix-first' | 'do-not-fine-tune';

/** The verdict a finding implies on its own. */
export type ImpliedVerdict = Exclude<Verdict, 'ready'>;

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Diagnostic extends Position {
  /** Rule id, or one of the built-in ids in {@link BUILTIN_DIAGNOSTICS}. */
  ruleId: string;
  severity: Severity;
  /** What is wrong, in the plan's own terms. */
  message: string;
  /** What to do instead, in one sentence. */
  hint: string;
  /** Set when the file could not be checked any further (ESLint's `fatal`). */
  fatal?: boolean;
  /** The verdict this finding implies (rule findings only). */
  verdict?: ImpliedVerdict;
  /** How sure a detection rule is, 0–1: 1 for a lexicon phrase, else the model's calibrated confidence. */
  confidence?: number;
  /** The phrases of the plan that decided a detection rule's finding, as written. */
  evidence?: string[];
}

/** The result of linting one plan file. */
export interface LintResult {
  /** Absolute path of the file, or the name given to `lintText`. */
  filePath: string;
  messages: Diagnostic[];
  /** Rule findings that a `# finetune-lint-disable…` comment suppressed. */
  suppressedMessages: SuppressedDiagnostic[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  /** Whether to run the fine-tune, from the findings (see `verdict.ts`). */
  verdict: Verdict;
  /** The findings behind the verdict, one per rule: `rule-id: message`. */
  verdictReasons: string[];
}

/**
 * Diagnostics that do not come from a rule: they describe files that are not
 * well-formed plans, or disable comments that are wrong or stale. They cannot
 * be turned off in the configuration nor suppressed by a comment; all are
 * errors except `unused-disable-directive` (see `--report-unused-disable-directives`).
 */
export const BUILTIN_DIAGNOSTICS = {
  'syntax-error': 'The file is not valid YAML; nothing else in it is checked.',
  'invalid-document': 'The file is empty, holds more than one YAML document, or its root is not a mapping.',
  'not-a-plan': "The file is another tool's YAML (a trainer config, a workflow, …), not a plan; it is reported once and not checked further.",
  'duplicate-key': 'A key appears twice in the same mapping; only one of the values can be meant.',
  'unsupported-tag': 'A YAML tag (such as !!js/function) that plans do not use; it is never executed.',
  schema: 'The plan breaks the plan format: an unknown key, a missing key, or a value of the wrong type.',
  'unfilled-placeholder': 'A <FILL: …> placeholder from the starter plan is still there.',
  'read-error': 'The file could not be read, or is larger than --max-file-size.',
  'encoding-error': 'The file is binary or not valid UTF-8 (UTF-16 with a byte-order mark is decoded).',
  'internal-error': 'A rule failed while checking the file; the other rules still ran, and the run exits with 2.',
  'config-error': 'In the language server: the configuration that applies to the plan cannot be used (the CLI stops with exit code 2 instead); the plan is not linted until it is fixed.',
  'invalid-disable-directive': 'A # finetune-lint-disable comment names an unknown rule or a built-in diagnostic, or gives no reason under --require-reason.',
  'unused-disable-directive': 'A # finetune-lint-disable comment suppressed nothing; a warning by default (--report-unused-disable-directives).',
} as const;

export type BuiltinDiagnosticId = keyof typeof BUILTIN_DIAGNOSTICS;

/**
 * Orders diagnostics by position, then rule id, then end position, so output
 * never depends on rule order. Not by message: the order must not change with
 * the locale. What is still tied keeps the order it was reported in (the sort
 * is stable), which a rule and the schema check make deterministic.
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn
  );
}

/** Builds a result with its counts from a list of diagnostics. */
export function makeResult(filePath: string, messages: Diagnostic[], suppressedMessages: SuppressedDiagnostic[] = []): LintResult {
  const sorted = [...messages].sort(compareDiagnostics);
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  for (const m of sorted) {
    if (m.severity === 'error') errorCount++;
    else warningCount++;
    if (m.fatal) fatalErrorCount++;
  }
  const { verdict, reasons } = verdictOf(sorted);
  return { filePath, messages: sorted, suppressedMessages: [...suppressedMessages].sort(compareDiagnostics), errorCount, warningCount, fatalErrorCount, verdict, verdictReasons: reasons };
}
