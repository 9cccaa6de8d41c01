import type { Diagnostic, LintResult } from '../../core/diagnostic.js';
import { summarize } from './summary.js';
import type { Formatter, StreamingFormatter } from './types.js';

/**
 * ESLint's JSON shape (an array of per-file results) with each message's fix
 * hint added as `hint` (and, for the detection rules, `confidence` and
 * `evidence`), and each file's `verdict` and `verdictReasons`.
 * Tools that read ESLint JSON read this; they ignore the extra fields.
 */
/** Confidence as printed: two decimals, as in the message. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

const message = (m: Diagnostic): object => ({
  ruleId: m.ruleId,
  severity: m.severity === 'error' ? 2 : 1,
  message: m.message,
  line: m.line,
  column: m.column,
  endLine: m.endLine,
  endColumn: m.endColumn,
  hint: m.hint,
  ...(m.confidence !== undefined ? { confidence: round2(m.confidence) } : {}),
  ...(m.evidence !== undefined ? { evidence: m.evidence } : {}),
  ...(m.fatal ? { fatal: true } : {}),
});

function eslintResult(r: LintResult): unknown {
  return {
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
  };
}

/** The JSON array written one file at a time: the same bytes as `json`. */
export const jsonStream: StreamingFormatter = {
  file: (result, index) => `${index === 0 ? '[' : ','}${JSON.stringify(eslintResult(result))}`,
  end: (summary) => (summary.files === 0 ? '[]' : ']'),
};

export const json: Formatter = (results, context) =>
  results.map((r, i) => jsonStream.file(r, i, context)).join('') + jsonStream.end(summarize(results), context);
