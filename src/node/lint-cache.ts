import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../core/diagnostic.js';
import { CacheWriteError } from './cache-location.js';
import { VERSION } from '../core/version.js';

/**
 * The result cache behind `--cache`: one JSON file mapping each linted file's
 * absolute path to a key and the result it gave. The key hashes the file's
 * bytes, the finetune-lint version and the caller's fingerprint of everything
 * else that decides the result (rule settings, and whatever else the caller
 * folds in), so a file is linted again whenever any of them changes.
 */

/** Marks a finetune-lint cache file, so that a foreign JSON file is never taken for one. */
const CACHE_FORMAT = 'finetune-lint-cache/1';

interface CacheEntry {
  key: string;
  result: LintResult;
}

interface CacheFile {
  format: typeof CACHE_FORMAT;
  version: string;
  entries: Record<string, CacheEntry>;
}

/** The key of one file's result: its bytes, the version and the fingerprint, hashed. */
export function cacheKey(fingerprint: string, bytes: Uint8Array): string {
  return createHash('sha256').update(VERSION).update('\0').update(fingerprint).update('\0').update(bytes).digest('base64url');
}

/** The cache, read once at the start of a run and written once at its end. */
export class LintCache {
  private constructor(
    readonly location: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  /**
   * Reads the cache file. A missing, unreadable, corrupt or foreign file, or
   * one from another finetune-lint version, gives an empty cache (and is
   * replaced on save); it never fails the run.
   */
  static load(location: string): LintCache {
    const entries = new Map<string, CacheEntry>();
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as Partial<CacheFile> | null;
      if (data?.format === CACHE_FORMAT && data.version === VERSION && isRecord(data.entries)) {
        for (const [filePath, entry] of Object.entries(data.entries)) {
          if (isRecord(entry) && typeof entry.key === 'string' && isRecord(entry.result)) entries.set(filePath, entry);
        }
      }
    } catch {
      // No cache yet, or not one we can use: start empty.
    }
    return new LintCache(location, entries);
  }

  /** The key stored for a file, if any. */
  keyOf(filePath: string): string | undefined {
    return this.entries.get(filePath)?.key;
  }

  /** The result stored for a file, if any. */
  resultOf(filePath: string): LintResult | undefined {
    return this.entries.get(filePath)?.result;
  }

  set(filePath: string, key: string, result: LintResult): void {
    this.entries.set(filePath, { key, result });
  }

  /** Forgets a file (one whose result must not be reused, e.g. it could not be read). */
  delete(filePath: string): void {
    this.entries.delete(filePath);
  }

  /**
   * Writes the cache atomically: to a temporary file beside it, then renamed
   * over it, so that an interrupted run never leaves half a cache. Entries for
   * files this run did not lint are kept, as they may be linted by another
   * command line sharing the cache.
   */
  save(): void {
    const data: CacheFile = { format: CACHE_FORMAT, version: VERSION, entries: Object.fromEntries(this.entries) };
    const temporary = `${this.location}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(path.dirname(this.location), { recursive: true });
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.location);
    } catch (err) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written there.
      }
      throw new CacheWriteError(this.location, err as Error);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
