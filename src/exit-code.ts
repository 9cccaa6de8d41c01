import type { LintResult } from './diagnostic.js';

/** Exit codes: 0 clean, 1 lint errors (or too many warnings), 2 the run itself failed. */
export const EXIT_OK = 0;
export const EXIT_LINT = 1;
export const EXIT_FAILURE = 2;

/**
 * The exit code for a finished run. A rule that crashed (`internal-error`)
 * makes the run a failure, so CI notices even when the plan itself is fine.
 */
export function exitCodeFor(results: readonly LintResult[], maxWarnings: number): number {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    if (r.messages.some((m) => m.ruleId === 'internal-error')) return EXIT_FAILURE;
  }
  if (errors > 0) return EXIT_LINT;
  if (maxWarnings >= 0 && warnings > maxWarnings) return EXIT_LINT;
  return EXIT_OK;
}
