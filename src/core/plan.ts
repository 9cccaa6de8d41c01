import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq, type Scalar } from 'yaml';

/** A path into the plan: mapping keys and list indexes. */
export type PlanPath = ReadonlyArray<string | number>;

/** The pair in `map` whose key is `key` (keys compared as strings). */
export function findPair(map: YAMLMap, key: string): Pair | undefined {
  for (const item of map.items) {
    const k = isScalar(item.key) ? item.key.value : item.key;
    if (k !== null && k !== undefined && String(k) === key) return item as Pair;
  }
  return undefined;
}

/** Renders a path the way the docs write it: `goals[0].behavior`. */
export function formatPath(path: PlanPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number' || /^\d+$/.test(seg)) out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

/**
 * A read-only view of a parsed plan for rules. Every accessor returns
 * `undefined` when the value is missing *or of the wrong type*: the schema
 * check reports wrong types, so rules treat them as absent only where that
 * cannot produce a second report for the same mistake.
 */
export class Plan {
  constructor(
    /** The root mapping of the plan. */
    readonly root: YAMLMap,
    /** Path of the plan file, when it came from a file. */
    readonly filePath?: string,
  ) {}

  /** The value node at `path`, whatever its type. */
  node(path: PlanPath): Node | undefined {
    let current: unknown = this.root;
    for (const seg of path) {
      if (isMap(current)) {
        const pair = findPair(current, String(seg));
        current = pair?.value ?? undefined;
      } else if (isSeq(current)) {
        const index = typeof seg === 'number' ? seg : Number(seg);
        current = Number.isInteger(index) ? current.items[index] : undefined;
      } else {
        return undefined;
      }
      if (current === undefined || current === null) return undefined;
    }
    return current as Node;
  }

  /** The key/value pair at `path` (the last segment must be a key). */
  pair(path: PlanPath): Pair | undefined {
    if (path.length === 0) return undefined;
    const parent = this.node(path.slice(0, -1));
    return isMap(parent) ? findPair(parent, String(path[path.length - 1])) : undefined;
  }

  /** True when the key at `path` is written, even with an empty value. */
  has(path: PlanPath): boolean {
    return this.pair(path) !== undefined;
  }

  map(path: PlanPath): YAMLMap | undefined {
    const n = path.length === 0 ? this.root : this.node(path);
    return isMap(n) ? n : undefined;
  }

  seq(path: PlanPath): YAMLSeq | undefined {
    const n = this.node(path);
    return isSeq(n) ? n : undefined;
  }

  scalar(path: PlanPath): Scalar | undefined {
    const n = this.node(path);
    return isScalar(n) ? n : undefined;
  }

  /** The string at `path`; numbers are given as text, other types as undefined. */
  text(path: PlanPath): string | undefined {
    const s = this.scalar(path);
    if (!s) return undefined;
    if (typeof s.value === 'string') return s.value;
    if (typeof s.value === 'number') return String(s.value);
    return undefined;
  }

  /**
   * Where to report that something at `path` is missing: the nearest
   * ancestor that exists. A section that is the value of a key is pointed at
   * by its key (`data:`); a list item or the root by its first line.
   */
  anchor(path: PlanPath): Node | Pair {
    for (let i = path.length; i > 0; i--) {
      const prefix = path.slice(0, i);
      const value = this.node(prefix);
      if (value === undefined) continue;
      const last = prefix[prefix.length - 1];
      const parent = prefix.length === 1 ? this.root : this.node(prefix.slice(0, -1));
      if (typeof last === 'string' && isMap(parent)) {
        const pair = findPair(parent, last);
        if (pair) return pair;
      }
      return value;
    }
    return this.root;
  }
}
