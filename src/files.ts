import { readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, hasMagic } from 'glob';
import { makeResult, type LintResult } from './diagnostic.js';
import { decodePlanBytes } from './decode.js';
import { DEFAULT_LOCALE, msg, render, type Locale, type MessageKey, type MessageRef } from './i18n/index.js';
import { lintText, type LintTextOptions } from './linter.js';
import { resolveRules, type RuleSettings } from './rule-settings.js';
import { rules as builtinRules } from './rules/index.js';
import { lintTextWithData, type DataCheckOptions } from './data/run.js';

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
  /** Called for each file named on the command line (not found by a walk or glob) that is excluded. */
  onIgnored?: (absolutePath: string) => void;
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
      if (isIgnored(absolute, false)) options.onIgnored?.(absolute);
      else found.add(absolute);
      matched = true;
    } else if (info?.isDirectory()) {
      if (!isIgnored(absolute, true)) await walk(absolute, found, isIgnored);
      matched = found.size > before;
    } else if (hasMagic(pattern, { windowsPathsNoEscape: true })) {
      const hits = await glob(pattern.replace(/\\/g, '/'), {
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

/** How one plan file is linted: plan-rule options, and the settings of the data rules. */
export type FileLintSettings = Omit<LintTextOptions, 'filePath'> & { dataRules?: RuleSettings };

export interface LintFilesOptions extends ExpandOptions {
  /** Severity and options per rule id, for every file (ignored when `settingsFor` is given). */
  rules?: RuleSettings;
  /** Lint options for each file, e.g. from its configuration files (see `ConfigLoader`). */
  settingsFor?: (absolutePath: string) => Promise<FileLintSettings>;
  /** Files larger than this many bytes are reported, not read (default 10 MB). */
  maxFileSize?: number;
  /**
   * Check the data files and trainer config each plan names (see `src/data/`);
   * off when absent. Data rule settings come from `rules`, or from `settingsFor`'s `dataRules`.
   */
  dataChecks?: DataCheckOptions;
  /** Language of messages and hints (default `en`). */
  locale?: Locale;
}

/** Default for `maxFileSize`: 10 MB. A plan is a few kilobytes. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const READ_FAILURES: Record<string, MessageKey> = {
  ENOENT: 'read-error.missing',
  EACCES: 'read-error.permission',
  EPERM: 'read-error.permission',
  ELOOP: 'read-error.loop',
  EISDIR: 'read-error.folder',
};

/** Finds, reads and lints plan files; results are in path order. */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const fixed: FileLintSettings | undefined = options.settingsFor
    ? undefined
    : { activeRules: resolveRules(builtinRules, options.rules), ...(options.rules ? { dataRules: options.rules } : {}) };
  const files = await expandPatterns(patterns, options);
  const results: LintResult[] = [];
  for (const filePath of files) {
    results.push(await lintFile(filePath, fixed ?? (await options.settingsFor!(filePath)), options));
  }
  return results;
}

/** Reads and lints one plan file, with its data checks when asked; read failures are diagnostics. */
async function lintFile(filePath: string, settings: FileLintSettings, options: LintFilesOptions): Promise<LintResult> {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // Plans are small: synchronous reads are faster than the promise API's per-call overhead,
  // and linting is CPU-bound anyway.
  const locale = settings.locale ?? options.locale ?? DEFAULT_LOCALE;
  let bytes: Buffer;
  try {
    const info = statSync(filePath);
    if (info.isFile() && info.size > maxFileSize) {
      return readFailure(filePath, locale, msg('read-error.too-large', { size: formatSize(info.size), limit: formatSize(maxFileSize) }));
    }
    bytes = readFileSync(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const known = READ_FAILURES[code];
    return readFailure(filePath, locale, known ? msg(known) : msg('read-error.failed', { detail: code || (err as Error).message }));
  }
  const decoded = decodePlanBytes(bytes, locale);
  if ('diagnostic' in decoded) return makeResult(filePath, [decoded.diagnostic]);
  const { dataRules, ...lint } = settings;
  const lintOptions = { ...lint, filePath, locale };
  if (!options.dataChecks) return lintText(decoded.text, lintOptions);
  return lintTextWithData(decoded.text, lintOptions, { ...options.dataChecks, ...(dataRules ? { rules: dataRules } : {}) });
}

function formatSize(bytes: number): MessageRef | string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KB`;
  return msg('read-error.bytes', { count: bytes });
}

function readFailure(filePath: string, locale: Locale, message: MessageRef): LintResult {
  return makeResult(filePath, [
    {
      ruleId: 'read-error',
      severity: 'error',
      fatal: true,
      message: render(locale, message),
      hint: render(locale, msg('read-error.hint')),
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    },
  ]);
}
