import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LintResult } from './diagnostic.js';
import { lintRun, type LintRunOptions } from './lint-run.js';
import type { PlanFileSettings } from './plan-file.js';
import { resolveRules, type RuleSettings } from './rule-settings.js';
import { rules as builtinRules } from './rules/index.js';

export { DEFAULT_MAX_FILE_SIZE } from './plan-file.js';

/**
 * The file-system side of finetune-lint: finding plan files and reading
 * them. Everything else works on text.
 */

/** Folders never walked into. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const PLAN_FILE = /\.ya?ml$/i;

/** No file matched a pattern the user gave; the CLI exits with 2. */
export class NoFilesError extends Error {
  override name = 'NoFilesError';
  constructor(readonly pattern: string) {
    super(`No files matched the pattern "${pattern}".`);
  }
}

export interface ExpandOptions {
  /** Folder patterns are relative to; defaults to `process.cwd()`. */
  cwd?: string;
  /** Throw {@link NoFilesError} for a pattern that matches nothing (default true). */
  errorOnUnmatchedPattern?: boolean;
}

/**
 * Expands files, folders and globs into a sorted list of absolute paths, each
 * once. Globs are expanded here, not by the shell, so quoting behaves the same
 * everywhere; folders are walked for `*.yaml` and `*.yml`.
 */
export async function expandPatterns(patterns: readonly string[], options: ExpandOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const errorOnUnmatched = options.errorOnUnmatchedPattern ?? true;
  const found = new Set<string>();
  for (const pattern of patterns) {
    const before = found.size;
    const absolute = path.resolve(cwd, pattern);
    const info = await stat(absolute).catch(() => undefined);
    let matched = false;
    if (info?.isFile()) {
      found.add(absolute);
      matched = true;
    } else if (info?.isDirectory()) {
      await walk(absolute, found);
      matched = found.size > before;
    } else if ((glob ??= await import('glob')).hasMagic(pattern, { windowsPathsNoEscape: true })) {
      const hits = await glob.glob(pattern.replace(/\\/g, '/'), {
        cwd,
        absolute: true,
        nodir: true,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      for (const hit of hits) if (PLAN_FILE.test(hit)) found.add(path.normalize(hit));
      matched = hits.some((h) => PLAN_FILE.test(h));
    }
    if (!matched && errorOnUnmatched) throw new NoFilesError(pattern);
  }
  return [...found].sort();
}

/**
 * The glob package, loaded on first use: plain files and folders, the usual
 * case (a pre-commit hook passes file names), do not pay its ~14 ms load.
 */
let glob: typeof import('glob') | undefined;

async function walk(dir: string, found: Set<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symbolic links to folders are not followed: they can form loops.
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(full, found);
    } else if (entry.isFile() && PLAN_FILE.test(entry.name)) {
      found.add(full);
    } else if (entry.isSymbolicLink() && PLAN_FILE.test(entry.name)) {
      // A link to a file is linted; a link to a folder is skipped; a broken link is reported.
      const target = await stat(full).catch(() => undefined);
      if (!target || target.isFile()) found.add(full);
    }
  }
}

export interface LintFilesOptions extends ExpandOptions, Pick<LintRunOptions, 'maxFileSize' | 'cache' | 'workers'> {
  /** Severity and options per rule id. */
  rules?: RuleSettings;
}

/** Finds, reads and lints plan files; results are in path order. */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for await (const result of await lintFilesStream(patterns, options)) results.push(result);
  return results;
}

/**
 * Like {@link lintFiles}, but yields each result, in path order, as soon as it
 * is ready. Bad settings and unmatched patterns throw here, before any result.
 */
export async function lintFilesStream(patterns: readonly string[], options: LintFilesOptions = {}): Promise<AsyncGenerator<LintResult>> {
  resolveRules(builtinRules, options.rules); // bad settings fail before any file is read
  const files = await expandPatterns(patterns, options);
  const settings: PlanFileSettings = options.rules ? { rules: options.rules } : {};
  return lintRun(files, { ...options, settingsFor: () => settings });
}
