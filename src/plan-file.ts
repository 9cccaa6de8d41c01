import { readFileSync, statSync } from 'node:fs';
import { makeResult, type LintResult } from './diagnostic.js';
import { lintBytes } from './linter.js';
import { resolveRules, type ActiveRule, type RuleSettings } from './rule-settings.js';
import { rules as builtinRules } from './rules/index.js';

/**
 * Reading and linting one plan file: the per-file pipeline shared by the main
 * thread and the worker threads.
 */

/** Default for `maxFileSize`: 10 MB. A plan is a few kilobytes. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const READ_FAILURES: Record<string, string> = {
  ENOENT: 'the file does not exist: it was deleted while linting, or it is a broken symbolic link',
  EACCES: 'the file cannot be read: permission denied',
  EPERM: 'the file cannot be read: permission denied',
  ELOOP: 'the file cannot be read: its symbolic links form a loop',
  EISDIR: 'the path is a folder, not a file',
};

/**
 * What decides how one file is linted, in a form that can be sent to a worker
 * thread or hashed into a cache key: plain data, no functions.
 */
export interface PlanFileSettings {
  /** Severity and options per rule id. */
  rules?: RuleSettings;
}

/** One file to lint. */
export interface PlanFileTask {
  filePath: string;
  settings: PlanFileSettings;
  /**
   * With a cache: the opaque fingerprint of everything besides the file's
   * bytes that decides its result (see `lint-cache.ts`).
   */
  fingerprint?: string;
  /** With a cache: the key of the cached result; a file whose key is unchanged is not linted again. */
  cachedKey?: string;
}

/** What linting one file gave. */
export interface PlanFileOutcome {
  /** The result; absent when `cachedKey` still matched and the cached result stands. */
  result?: LintResult;
  /** With a fingerprint: the file's cache key, when the result may be cached. */
  key?: string;
}

export interface PlanFileOptions {
  /** Files larger than this many bytes are reported, not read (default 10 MB). */
  maxFileSize?: number;
  /** Computes a cache key from the fingerprint and the bytes (given only when caching). */
  cacheKey?: (fingerprint: string, bytes: Uint8Array) => string;
}

/**
 * The whole pipeline for one file: read it, skip it if the cache says it is
 * unchanged, lint it. The same function runs on the main thread and in worker
 * threads; asynchronous so that checks needing more I/O can join it.
 */
export async function lintPlanFile(task: PlanFileTask, options: PlanFileOptions = {}): Promise<PlanFileOutcome> {
  const { filePath } = task;
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // Plans are small: synchronous reads are faster than the promise API's per-call overhead,
  // and linting is CPU-bound anyway.
  let bytes: Buffer;
  try {
    const info = statSync(filePath);
    if (info.isFile() && info.size > maxFileSize) {
      return {
        result: readFailure(
          filePath,
          `the file is ${formatSize(info.size)}, larger than the ${formatSize(maxFileSize)} limit (--max-file-size); it was not read`,
        ),
      };
    }
    bytes = readFileSync(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return { result: readFailure(filePath, READ_FAILURES[code] ?? `the file cannot be read: ${code || (err as Error).message}`) };
  }
  const key = task.fingerprint !== undefined && options.cacheKey ? options.cacheKey(task.fingerprint, bytes) : undefined;
  if (key !== undefined && key === task.cachedKey) return { key };
  const result = lintBytes(bytes, { filePath, activeRules: activeRulesFor(task.settings) });
  return key === undefined ? { result } : { result, key };
}

/** Resolved rules per distinct settings: most runs have one. */
const resolvedRules = new Map<string, ActiveRule[]>();

function activeRulesFor(settings: PlanFileSettings): ActiveRule[] {
  const id = JSON.stringify(settings.rules ?? {});
  let active = resolvedRules.get(id);
  if (!active) {
    active = resolveRules(builtinRules, settings.rules);
    resolvedRules.set(id, active);
  }
  return active;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KB`;
  return `${bytes} bytes`;
}

function readFailure(filePath: string, message: string): LintResult {
  return makeResult(filePath, [
    {
      ruleId: 'read-error',
      severity: 'error',
      fatal: true,
      message,
      hint: 'Check that the path is a readable plan file.',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    },
  ]);
}
