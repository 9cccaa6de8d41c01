import type { Diagnostic } from '../diagnostic.js';
import type { Formatter } from './types.js';

/**
 * ESLint's JSON shape (an array of per-file results) with each message's fix
 * hint added as `hint`, and each file's `verdict` and `verdictReasons`.
 * Findings suppressed by a disable comment are in `suppressedMessages`, as
 * ESLint puts them, with the comment's reason as `justification`.
 * Tools that read ESLint JSON read this; they ignore the extra fields.
 */
const message = (m: Diagnostic): object => ({
  ruleId: m.ruleId,
  severity: m.severity === 'error' ? 2 : 1,
  message: m.message,
  line: m.line,
  column: m.column,
  endLine: m.endLine,
  endColumn: m.endColumn,
  hint: m.hint,
  ...(m.fatal ? { fatal: true } : {}),
});

export const json: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.messages.map(message),
      suppressedMessages: r.suppressedMessages.map((m) => ({ ...message(m), suppressions: m.suppressions })),
      errorCount: r.errorCount,
      fatalErrorCount: r.fatalErrorCount,
      warningCount: r.warningCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
      verdict: r.verdict,
      verdictReasons: r.verdictReasons,
    })),
  );
