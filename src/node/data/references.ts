import { closeSync, existsSync, openSync, readSync, realpathSync as jsRealpathSync, statSync } from 'node:fs';

// The system call: one per path, where the JavaScript version checks each component.
const realpathSync = jsRealpathSync.native;
import path from 'node:path';
import type { Scalar } from 'yaml';
import type { Plan, PlanPath } from '../../core/plan.js';
import { formatPath } from '../../core/plan.js';

/**
 * The file-system side of data checks that every plan pays for: which files
 * the plan names, where they resolve to, and whether they may be read. This
 * module reads no dataset contents (only `stat`/`realpath`, and the first
 * bytes of a file small enough to be a Git LFS pointer), so a plan whose files
 * are all missing never loads the dataset code.
 */

/** What a referenced file is for. */
export type ReferenceRole = 'train' | 'eval' | 'regression' | 'trainer';

/** The plan keys that name files, in report order. */
export const REFERENCE_KEYS: ReadonlyArray<{ role: ReferenceRole; path: PlanPath }> = [
  { role: 'train', path: ['data', 'train', 'path'] },
  { role: 'eval', path: ['data', 'eval', 'path'] },
  { role: 'regression', path: ['evaluation', 'regression', 'path'] },
  { role: 'trainer', path: ['training', 'config'] },
];

export type ReferenceStatus =
  /** A regular file inside the root: it may be read. */
  | 'readable'
  /** Nothing at that path (or a broken symbolic link). */
  | 'missing'
  /** The path, or a symbolic link on it, leads outside the root. */
  | 'outside'
  /** Something that is not a regular file (a folder, a device). */
  | 'not-a-file'
  /** A Git LFS or DVC pointer stands where the data would be: the data is not checked out. */
  | 'pointer';

export interface DataReference {
  role: ReferenceRole;
  /** The plan key, e.g. `data.eval.path`. */
  key: string;
  /** The path as the plan writes it. */
  written: string;
  /** The scalar holding the path, for reports. */
  node: Scalar;
  /** The path resolved against the plan's folder (`..` resolved, links not followed). */
  absolute: string;
  status: ReferenceStatus;
  /** Where the path really leads (symbolic links followed), when it exists. */
  realPath?: string;
  /** With status `pointer`: which tool's pointer, and the pointer file (the path itself, or `<path>.dvc` beside it). */
  pointer?: { kind: 'git-lfs' | 'dvc'; file: string };
}

/**
 * A Git LFS pointer file's first line (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md);
 * pointers are under 1024 bytes, so larger files are never read for it.
 */
const LFS_POINTER = /^version https:\/\/(git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\r?\n/;
const LFS_POINTER_MAX_BYTES = 1024;

function isLfsPointer(file: string, size: number): boolean {
  if (size > LFS_POINTER_MAX_BYTES) return false;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(Math.min(size, 100));
    const n = readSync(fd, head, 0, head.length, 0);
    return LFS_POINTER.test(head.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The repository root: the nearest folder at or above `startDir` (the plan's
 * folder) holding `.git` (a folder, or a file in a worktree), else `cwd` —
 * unless the plan is not inside `cwd` either, in which case its own folder.
 * Returned as a real path so that containment checks compare like with like.
 */
export function findRoot(startDir: string, cwd: string): string {
  const key = `${startDir}\u0000${cwd}`;
  let root = roots.get(key);
  if (root === undefined) {
    root = searchRoot(startDir, cwd);
    roots.set(key, root);
  }
  return root;
}

/** Roots found, per plan folder and working folder: the plans of a run share a few folders. */
const roots = new Map<string, string>();

function searchRoot(startDir: string, cwd: string): string {
  let dir = path.resolve(startDir);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return realOrSelf(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const realCwd = realOrSelf(path.resolve(cwd));
  const realStart = realOrSelf(path.resolve(startDir));
  return isInside(realStart, realCwd) ? realCwd : realStart;
}

function realOrSelf(p: string): string {
  return realOrNull(p) ?? p;
}

/**
 * Real paths already resolved, when remembered for the run (`null`: nothing
 * there). A run over many plans asks for the same folders again and again, and
 * most plans name files that do not exist.
 */
let remembered: Map<string, string | null> | undefined;

/**
 * Remembers every real path resolved from now on, for a process that is one
 * run (the CLI and its worker threads): files created during the run are not
 * seen. A library host that lints again later (an editor) leaves it off.
 * `false` forgets and stops remembering.
 */
export function rememberRealPaths(on: boolean): void {
  remembered = on ? new Map() : undefined;
}

/**
 * The real path of `p`, or `null` when nothing is there. An existence check
 * comes first: a failing `realpath` builds an Error, which costs more than the
 * check, and most paths plans name are missing.
 */
function realOrNull(p: string): string | null {
  let real = remembered?.get(p);
  if (real !== undefined) return real;
  real = null;
  if (existsSync(p)) {
    try {
      real = realpathSync(p);
    } catch {
      // gone since the check, or a loop of links
    }
  }
  remembered?.set(p, real);
  return real;
}

/** True when `p` is `root` or lies beneath it. Both must be absolute and normalised. */
export function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Resolves one path from the plan. A path that leaves the root, as written
 * or through a symbolic link, is `outside` and is never opened unless
 * `allowOutsideRoot` is set; the check runs before any file is read.
 */
export function resolveReference(written: string, planDir: string, rootDir: string, allowOutsideRoot: boolean): Pick<DataReference, 'absolute' | 'status' | 'realPath' | 'pointer'> {
  const absolute = path.resolve(planDir, written);
  // The plan's folder may itself be reached through a link; compare real paths.
  const realPlanDir = realOrSelf(planDir);
  const lexical = path.resolve(realPlanDir, written);
  if (!allowOutsideRoot && !isInside(lexical, rootDir)) return { absolute, status: 'outside' };
  const realPath = realOrNull(absolute);
  if (realPath === null) {
    // Nothing there; but if a link on the way already leads out, say so rather than "missing",
    // so that a report never tells whether a file outside the root exists.
    const leadsTo = realParent(absolute);
    if (!allowOutsideRoot && !isInside(leadsTo, rootDir)) return { absolute, status: 'outside', realPath: leadsTo };
    // DVC keeps `<file>.dvc` in git beside a data file that `dvc pull` fetches.
    if (existsSync(`${absolute}.dvc`)) return { absolute, status: 'pointer', pointer: { kind: 'dvc', file: `${written}.dvc` } };
    return { absolute, status: 'missing' };
  }
  if (!allowOutsideRoot && !isInside(realPath, rootDir)) return { absolute, status: 'outside', realPath };
  let isFile = false;
  let size = 0;
  try {
    const info = statSync(realPath);
    isFile = info.isFile();
    size = info.size;
  } catch {
    return { absolute, status: 'missing', realPath };
  }
  if (isFile && /\.dvc$/i.test(written)) return { absolute, status: 'pointer', realPath, pointer: { kind: 'dvc', file: written } };
  if (isFile && isLfsPointer(realPath, size)) return { absolute, status: 'pointer', realPath, pointer: { kind: 'git-lfs', file: written } };
  return { absolute, status: isFile ? 'readable' : 'not-a-file', realPath };
}

/** Where a path that does not exist would be: the real path of its nearest existing ancestor, plus the rest. */
function realParent(p: string): string {
  const rest: string[] = [];
  let dir = p;
  for (;;) {
    const parent = path.dirname(dir);
    rest.unshift(path.basename(dir));
    if (parent === dir) return p;
    dir = parent;
    const real = realOrNull(dir);
    if (real !== null) return path.join(real, ...rest);
  }
}

/** Every file the plan names, resolved. Keys whose value is not a non-empty string are skipped (the schema reports them). */
export function collectReferences(plan: Plan, planPath: string, rootDir: string, allowOutsideRoot: boolean): DataReference[] {
  const planDir = path.dirname(planPath);
  const out: DataReference[] = [];
  for (const { role, path: keyPath } of REFERENCE_KEYS) {
    const node = plan.scalar(keyPath);
    if (!node || typeof node.value !== 'string' || node.value.trim() === '') continue;
    const written = node.value.trim();
    out.push({ role, key: formatPath(keyPath), written, node, ...resolveReference(written, planDir, rootDir, allowOutsideRoot) });
  }
  return out;
}
