import { statSync } from 'node:fs';
import path from 'node:path';

/** The cache file's name when `--cache-location` is not given, or names a folder. */
export const CACHE_FILE_NAME = '.finetunelintcache';

/**
 * Where the cache lives: `location` resolved against `cwd`; a folder (an
 * existing one, or a path ending in a separator) holds `.finetunelintcache`.
 */
export function resolveCacheLocation(location: string | undefined, cwd: string): string {
  if (location === undefined || location === '') return path.join(cwd, CACHE_FILE_NAME);
  const absolute = path.resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || isDirectory(absolute);
  return isFolder ? path.join(absolute, CACHE_FILE_NAME) : absolute;
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false; // e.g. a path through a file; writing the cache there fails later, with a message
  }
}

/** The cache file cannot be written; the CLI exits with 2 (the report is out by then). */
export class CacheWriteError extends Error {
  override name = 'CacheWriteError';
  constructor(
    readonly location: string,
    readonly reason: Error,
  ) {
    super(`cannot write the cache ${location}: ${reason.message}`);
  }
}
