import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LintResult } from '../core/diagnostic.js';
import { lintRun, type LintRunOptions } from './lint-run.js';
import type { PlanFileSettings } from './plan-file.js';
import type { Locale } from '../core/i18n/index.js';
import { resolveRules, type RuleSettings } from '../core/rule-settings.js';
import { rules as builtinRules } from '../core/rules/index.js';
import { lintTextWithData, type DataCheckOptions } from './data/run.js';

export { DEFAULT_MAX_FILE_SIZE } from './plan-file.js';

/**
 * The file-system side of finetune-lint: finding plan files and reading
 * them. Everything else works on text.
 */

/** Folders never walked into. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const PLAN_FILE = /\.ya?ml$/i;
/** finetune-lint's own configuration files are YAML too, but not plans. */
const CONFIG_FILE = /(?:^|[\\/])(?:finetune-lint\.config|\.finetunelintrc)\.ya?ml$/;

function isPlanName(name: string): boolean {
  return PLAN_FILE.test(name) && !CONFIG_FILE.test(name);
}

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
  /** Whether a file (or, with `isDir`, a folder) is excluded; excluded folders are not walked. */
  isIgnored?: (absolutePath: string, isDir: boolean) => boolean;
  /**
   * Called for each file named on the command line (not found by a walk or
   * glob) that is skipped: excluded by `isIgnored`, or a finetune-lint
   * configuration file, which is YAML but not a plan.
   */
  onIgnored?: (absolutePath: string, why: 'ignored' | 'configuration') => void;
}

/**
 * Expands files, folders and globs into a sorted list of absolute paths, each
 * once. Globs are expanded here, not by the shell, so quoting behaves the same
 * everywhere; folders are walked for `*.yaml` and `*.yml`.
 */
export async function expandPatterns(patterns: readonly string[], options: ExpandOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const errorOnUnmatched = options.errorOnUnmatchedPattern ?? true;
  const isIgnored = options.isIgnored ?? (() => false);
  const found = new Set<string>();
  for (const pattern of patterns) {
    const before = found.size;
    const absolute = path.resolve(cwd, pattern);
    const info = await stat(absolute).catch(() => undefined);
    let matched = false;
    if (info?.isFile()) {
      // A file named explicitly that is excluded counts as matched: it is skipped, not missing.
      if (CONFIG_FILE.test(absolute)) options.onIgnored?.(absolute, 'configuration');
      else if (isIgnored(absolute, false)) options.onIgnored?.(absolute, 'ignored');
      else found.add(absolute);
      matched = true;
    } else if (info?.isDirectory()) {
      if (!isIgnored(absolute, true)) await walk(absolute, found, isIgnored);
      matched = found.size > before;
    } else if ((glob ??= await import('glob')).hasMagic(pattern, { windowsPathsNoEscape: true })) {
      const hits = await glob.glob(pattern.replace(/\\/g, '/'), {
        cwd,
        absolute: true,
        nodir: true,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      for (const hit of hits) {
        const file = path.normalize(hit);
        if (isPlanName(file) && !isIgnored(file, false)) found.add(file);
      }
      matched = hits.some((h) => isPlanName(h));
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

async function walk(dir: string, found: Set<string>, isIgnored: (p: string, isDir: boolean) => boolean): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symbolic links to folders are not followed: they can form loops.
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !isIgnored(full, true)) await walk(full, found, isIgnored);
    } else if (!isPlanName(entry.name) || isIgnored(full, false)) {
      continue;
    } else if (entry.isFile()) {
      found.add(full);
    } else if (entry.isSymbolicLink()) {
      // A link to a file is linted; a link to a folder is skipped; a broken link is reported.
      const target = await stat(full).catch(() => undefined);
      if (!target || target.isFile()) found.add(full);
    }
  }
}

export interface LintFilesOptions extends ExpandOptions, Pick<LintRunOptions, 'maxFileSize' | 'cache' | 'workers'> {
  /** Severity and options per rule id, for every file (ignored when `settingsFor` is given). */
  rules?: RuleSettings;
  /**
   * Each file's settings, e.g. from its configuration files
   * (`(await configLoader.forFile(file)).plain`); plain data, so it can go to a worker.
   */
  settingsFor?: (absolutePath: string) => Promise<PlanFileSettings>;
  /** Language of messages and hints (default `en`); with `settingsFor`, give it there. */
  locale?: Locale;
  /** Check the data files and trainer config each plan names; off when absent. With `settingsFor`, give it there. */
  dataChecks?: PlanFileSettings['dataChecks'];
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
  if (!options.settingsFor) resolveRules(builtinRules, options.rules); // bad settings fail before any file is read
  const files = await expandPatterns(patterns, options);
  const fixed: PlanFileSettings = {
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.dataChecks ? { dataChecks: options.dataChecks } : {}),
  };
  // Settings are looked up before the run starts, so a configuration error stops it before any output.
  const perFile = new Map<string, PlanFileSettings>();
  if (options.settingsFor) for (const file of files) perFile.set(file, await options.settingsFor(file));
  return lintRun(files, { ...options, settingsFor: (file) => perFile.get(file) ?? fixed });
}
