import type { LintResult, Verdict } from '../../core/diagnostic.js';

/** The totals of a report, for the formats that end with a summary. */
export interface ReportSummary {
  files: number;
  errors: number;
  warnings: number;
  verdicts: Record<Verdict, number>;
}

export function emptySummary(): ReportSummary {
  return { files: 0, errors: 0, warnings: 0, verdicts: { ready: 0, 'fix-first': 0, 'do-not-fine-tune': 0 } };
}

/** Adds one file's result to `summary`. */
export function addToSummary(summary: ReportSummary, result: LintResult): void {
  summary.files++;
  summary.errors += result.errorCount;
  summary.warnings += result.warningCount;
  summary.verdicts[result.verdict]++;
}

export function summarize(results: readonly LintResult[]): ReportSummary {
  const summary = emptySummary();
  for (const r of results) addToSummary(summary, r);
  return summary;
}
