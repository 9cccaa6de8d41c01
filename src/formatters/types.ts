import type { LintResult } from '../diagnostic.js';

/** What a formatter knows about the run besides the results. */
export interface FormatterContext {
  /** Folder that paths are shown relative to. */
  cwd: string;
  /** Whether to emit ANSI colours. */
  color: boolean;
}

/** A pure function from results to the text written out. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
