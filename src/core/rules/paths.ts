/**
 * Normalises a path written in a plan so two spellings of the same file
 * compare equal: `./data/../data/x.jsonl` and `data/x.jsonl`. Relative paths
 * are resolved against `baseDir` (the plan's folder) when it is known. Pure
 * string work: rules never touch the file system.
 */
export function normalizePlanPath(p: string, baseDir?: string): string {
  let path = p.trim().replace(/\\/g, '/');
  const absolute = (s: string): boolean => s.startsWith('/') || /^[A-Za-z]:\//.test(s);
  if (!absolute(path) && baseDir) path = `${baseDir.replace(/\\/g, '/').replace(/\/+$/, '')}/${path}`;
  const drive = /^([A-Za-z]):\//.exec(path);
  const prefix = drive ? `${drive[1]!.toLowerCase()}:/` : path.startsWith('/') ? '/' : '';
  const rest = drive ? path.slice(3) : path;
  const out: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!prefix) out.push('..');
    } else out.push(seg);
  }
  return prefix + out.join('/');
}

/** The folder part of a file path (`a/b/plan.yaml` → `a/b`). */
export function dirnameOf(filePath: string): string {
  const p = filePath.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}
