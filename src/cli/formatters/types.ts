import type { LintResult, Severity } from '../../core/diagnostic.js';
import type { Locale } from '../../core/i18n/index.js';
import type { ReportSummary } from './summary.js';

/** What a formatter may say about a rule (or a built-in diagnostic id). */
export interface RuleDescription {
  id: string;
  description: string;
  severity: Severity;
  hint?: string;
  docsUrl?: string;
}

/** What a formatter knows about the run besides the results. */
export interface FormatterContext {
  /** Folder that paths are shown relative to. */
  cwd: string;
  /** Whether to emit ANSI colours. */
  color: boolean;
  /** Width of the terminal the report is shown in, when it is one; stylish pads no line past it. */
  columns?: number;
  /** The finetune-lint version, for formats that name the tool. */
  version?: string;
  /** Every rule and built-in diagnostic that can appear, for formats that list them. */
  rules?: RuleDescription[];
  /**
   * Language of the words a format adds (verdict labels, summaries); the
   * messages themselves arrive already worded. Default `en`.
   */
  locale?: Locale;
}

/** A pure function from results to the text written out. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;

/**
 * A format that can be written while the run goes on, one file at a time, so
 * that a large run never holds its whole report: `file` for each result in
 * order, then `end`. Pure, like a {@link Formatter}; concatenated, the pieces
 * are exactly the formatter's output.
 */
export interface StreamingFormatter {
  file(result: LintResult, index: number, context: FormatterContext): string;
  end(summary: ReportSummary, context: FormatterContext): string;
}
