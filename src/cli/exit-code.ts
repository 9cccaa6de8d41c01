import type { LintResult } from '../core/diagnostic.js';

/** Exit codes: 0 clean, 1 lint errors (or too many warnings), 2 the run itself failed. */
export const EXIT_OK = 0;
export const EXIT_LINT = 1;
export const EXIT_FAILURE = 2;

/** What decides the exit code, counted over a run one result at a time. */
export interface RunTally {
  errors: number;
  warnings: number;
  /** Whether a rule crashed on some file (`internal-error`). */
  internalError: boolean;
}

export function emptyTally(): RunTally {
  return { errors: 0, warnings: 0, internalError: false };
}

/** Adds one file's result to the tally. */
export function tally(totals: RunTally, r: LintResult): void {
  totals.errors += r.errorCount;
  totals.warnings += r.warningCount;
  if (!totals.internalError && r.messages.some((m) => m.ruleId === 'internal-error')) totals.internalError = true;
}

/**
 * The exit code for a finished run. A rule that crashed (`internal-error`)
 * makes the run a failure, so CI notices even when the plan itself is fine.
 */
export function exitCodeFor(results: readonly LintResult[], maxWarnings: number): number {
  const totals = emptyTally();
  for (const r of results) tally(totals, r);
  return exitCodeForTally(totals, maxWarnings);
}

export function exitCodeForTally(totals: RunTally, maxWarnings: number): number {
  if (totals.internalError) return EXIT_FAILURE;
  if (totals.errors > 0) return EXIT_LINT;
  if (maxWarnings >= 0 && totals.warnings > maxWarnings) return EXIT_LINT;
  return EXIT_OK;
}
