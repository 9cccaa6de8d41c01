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
  const isFolder = /[\\/]$/.test(location) || statSync(absolute, { throwIfNoEntry: false })?.isDirectory() === true;
  return isFolder ? path.join(absolute, CACHE_FILE_NAME) : absolute;
}
