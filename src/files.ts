import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, hasMagic } from 'glob';
import { makeResult, type LintResult } from './diagnostic.js';
import { lintText } from './linter.js';
import { resolveRules, type RuleSettings } from './rule-settings.js';
import { rules as builtinRules } from './rules/index.js';

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
    } else if (hasMagic(pattern, { windowsPathsNoEscape: true })) {
      const hits = await glob(pattern.replace(/\\/g, '/'), {
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

async function walk(dir: string, found: Set<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symbolic links to folders are not followed: they can form loops.
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(full, found);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && PLAN_FILE.test(entry.name)) {
      found.add(full);
    }
  }
}

export interface LintFilesOptions extends ExpandOptions {
  /** Severity and options per rule id. */
  rules?: RuleSettings;
}

/** Finds, reads and lints plan files; results are in path order. */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const active = resolveRules(builtinRules, options.rules);
  const files = await expandPatterns(patterns, options);
  return mapLimit(files, READ_CONCURRENCY, async (filePath) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(filePath);
      } catch (err) {
        return readFailure(filePath, `the file cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return readFailure(filePath, 'the file is not UTF-8 text');
      }
      return lintText(text, { filePath, activeRules: active });
  });
}

/** Files read at once: enough to keep the disk busy, far below open-file limits. */
const READ_CONCURRENCY = 32;

/** `Promise.all(items.map(fn))` with at most `limit` calls in flight; order kept. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function readFailure(filePath: string, message: string): LintResult {
  return makeResult(filePath, [
    {
      ruleId: 'read-error',
      severity: 'error',
      fatal: true,
      message,
      hint: 'Check that the path is a readable UTF-8 text file.',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    },
  ]);
}
