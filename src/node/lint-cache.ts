import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, LintResult } from '../core/diagnostic.js';
import type { SuppressedDiagnostic } from '../core/directives.js';
import { CacheWriteError } from './cache-location.js';
import { VERSION } from '../core/version.js';

/**
 * The result cache behind `--cache`: one JSON file mapping each linted file's
 * absolute path to a key and the result it gave. The key hashes the file's
 * bytes, the finetune-lint version and the caller's fingerprint of everything
 * else that decides the result (rule settings, and whatever else the caller
 * folds in), so a file is linted again whenever any of them changes.
 *
 * Messages, hints and verdict reasons repeat across files (a rule's hint is
 * the same in every plan): the file stores each such text once, in `strings`,
 * and the results point at it by index. Over 10,000 plans that halves the
 * file, and the results read back share one copy of each text.
 */

/** Marks a finetune-lint cache file, so that a foreign JSON file is never taken for one. */
const CACHE_FORMAT = 'finetune-lint-cache/2';

interface CacheEntry {
  key: string;
  result: LintResult;
}

/** A result as stored: the texts of its messages and verdict reasons are indexes into `strings`. */
type Stored<T> = Omit<T, 'message' | 'hint'> & { message: number; hint: number };
interface StoredResult extends Omit<LintResult, 'messages' | 'suppressedMessages' | 'verdictReasons'> {
  messages: Array<Stored<Diagnostic>>;
  suppressedMessages: Array<Stored<SuppressedDiagnostic>>;
  verdictReasons: number[];
}

interface CacheFile {
  format: typeof CACHE_FORMAT;
  version: string;
  strings: string[];
  entries: Record<string, { key: string; result: StoredResult }>;
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
    /** Whether the file on disk no longer says what `entries` hold: only then is it written. */
    private changed: boolean,
  ) {}

  /**
   * Reads the cache file. A missing, unreadable, corrupt or foreign file, or
   * one from another finetune-lint version, gives an empty cache (and is
   * replaced on save); it never fails the run.
   */
  static load(location: string): LintCache {
    const entries = new Map<string, CacheEntry>();
    let usable = false;
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as Partial<CacheFile> | null;
      if (data?.format === CACHE_FORMAT && data.version === VERSION && isRecord(data.entries) && Array.isArray(data.strings)) {
        usable = true;
        const strings = data.strings;
        for (const [filePath, entry] of Object.entries(data.entries)) {
          const result = isRecord(entry) && typeof entry.key === 'string' ? unpack(entry.result, strings) : undefined;
          if (result) entries.set(filePath, { key: entry.key, result });
          else usable = false;
        }
      }
    } catch {
      // No cache yet, or not one we can use: start empty.
    }
    return new LintCache(location, entries, !usable);
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
    this.changed = true;
  }

  /** Forgets a file (one whose result must not be reused, e.g. it could not be read). */
  delete(filePath: string): void {
    if (this.entries.delete(filePath)) this.changed = true;
  }

  /**
   * Writes the cache atomically: to a temporary file beside it, then renamed
   * over it, so that an interrupted run never leaves half a cache. Entries for
   * files this run did not lint are kept, as they may be linted by another
   * command line sharing the cache. A run that changed nothing (every file's
   * result came from the cache) leaves the file as it is: serialising a cache
   * of 10,000 results costs more than the rest of such a run.
   */
  save(): void {
    if (!this.changed) return;
    const strings: string[] = [];
    const index = new Map<string, number>();
    const ref = (text: string): number => {
      let i = index.get(text);
      if (i === undefined) {
        i = strings.push(text) - 1;
        index.set(text, i);
      }
      return i;
    };
    const stored: CacheFile['entries'] = {};
    for (const [filePath, { key, result }] of this.entries) stored[filePath] = { key, result: pack(result, ref) };
    const data: CacheFile = { format: CACHE_FORMAT, version: VERSION, strings, entries: stored };
    const temporary = `${this.location}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(path.dirname(this.location), { recursive: true });
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.location);
      this.changed = false;
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

/** A result as stored, its texts replaced by their index in the string table. */
function pack(result: LintResult, ref: (text: string) => number): StoredResult {
  const message = <T extends Diagnostic>(m: T): Stored<T> => ({ ...m, message: ref(m.message), hint: ref(m.hint) });
  return { ...result, messages: result.messages.map(message), suppressedMessages: result.suppressedMessages.map(message), verdictReasons: result.verdictReasons.map(ref) };
}

/** A stored result with its texts back, or undefined when it does not have the shape `pack` gives. */
function unpack(value: unknown, strings: readonly unknown[]): LintResult | undefined {
  if (!isRecord(value) || !Array.isArray(value.messages) || !Array.isArray(value.suppressedMessages) || !Array.isArray(value.verdictReasons)) return undefined;
  const text = (i: unknown): string | undefined => (typeof i === 'number' && typeof strings[i] === 'string' ? (strings[i] as string) : undefined);
  let valid = true;
  const message = (m: unknown): Diagnostic => {
    const msg = isRecord(m) ? text(m.message) : undefined;
    const hint = isRecord(m) ? text(m.hint) : undefined;
    if (msg === undefined || hint === undefined) valid = false;
    return { ...(m as object), message: msg, hint } as Diagnostic;
  };
  const messages = value.messages.map(message);
  const suppressedMessages = value.suppressedMessages.map(message) as SuppressedDiagnostic[];
  const verdictReasons = value.verdictReasons.map((i) => {
    const t = text(i);
    if (t === undefined) valid = false;
    return t!;
  });
  return valid ? ({ ...value, messages, suppressedMessages, verdictReasons } as unknown as LintResult) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
