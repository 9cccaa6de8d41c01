import { BINS, bandKey } from './fingerprint.js';

/**
 * LSH bands looked up per record: the first 8 of the signature's 16 bands of
 * 4 bins. Each look-up is a likely cache miss in a table of megabytes; with 8
 * a pair at Jaccard 0.8 still becomes a candidate with probability
 * 1 − (1 − 0.8⁴)⁸ ≈ 0.985 (0.9998 at 0.9).
 */
const BANDS = 8;

/**
 * Duplicates inside one dataset, from the fingerprints `eval-train-overlap`
 * computes (an exact key of the normalised prompt and its MinHash
 * signature): every record is looked up among the records before it, and
 * duplicates are joined into groups (union–find).
 *
 * Memory is a few dozen bytes per record, never the records themselves:
 * - exact keys in an open-addressing table (a Float64Array of keys and an
 *   Int32Array of record numbers, 12 bytes a slot, at most half full);
 * - each signature kept as 4-bit values (b-bit minwise hashing, Li & König
 *   2010): 32 bytes a record; two texts agree in a 4-bit value by chance
 *   with probability 1/16, which the similarity estimate corrects for;
 * - an LSH index of 8 bands of 4 bins, as one direct-mapped table of band
 *   keys and record numbers (8 bytes a slot, sized from the file: at most
 *   2²² slots, 32 MB): a newer record takes the slot of an older one, so a near
 *   duplicate far apart from its original in a file of millions of records
 *   can be missed, while exact duplicates never are;
 * - the group of each record and its line (8 bytes a record).
 */

export interface DuplicateOptions {
  /** Estimated Jaccard similarity at or above which two prompts are near-duplicates; 1 = exact only. */
  threshold: number;
  shingleSize: number;
  /** Groups described in the result, largest first. */
  maxGroups: number;
  /** Lines listed per group. */
  maxLines: number;
}

export interface DuplicateGroup {
  /** Records in the group. */
  size: number;
  /** The first lines of the group, in file order. */
  lines: number[];
}

export interface DuplicateResult {
  /** Records that had a prompt to compare. */
  records: number;
  /** Records that repeat an earlier one exactly (after normalisation). */
  exact: number;
  /** Further records that are near-duplicates of an earlier one. */
  near: number;
  /** The largest groups, largest first (ties: earliest first). */
  groups: DuplicateGroup[];
}

/** A growable Int32Array. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

const SIG_BYTES = BINS / 2;
const BLOCK_RECORDS = 1 << 16;

export class DuplicateFinder {
  private readonly lines = new IntList();
  private readonly parent = new IntList();
  private exact = 0;
  // Exact keys: open addressing, linear probing.
  private keys = new Float64Array(1 << 12);
  private owners = new Int32Array(1 << 12);
  private used = 0;
  // 4-bit signatures in blocks, so that growing never copies them.
  private readonly blocks: Uint8Array[] = [];
  private readonly bands: Int32Array;
  private readonly bandMask: number;
  private readonly minAgree: number;

  /** `expectedRecords` sizes the LSH table (an over-estimate costs memory, an under-estimate recall). */
  constructor(
    private readonly options: DuplicateOptions,
    expectedRecords: number,
  ) {
    let slots = 1 << 12;
    while (slots < expectedRecords * BANDS * 2 && slots < 1 << 22) slots <<= 1;
    // Pairs of (band key, record number + 1), side by side so that one look-up touches one cache line.
    this.bands = new Int32Array(options.threshold < 1 ? 2 * slots : 0);
    this.bandMask = slots - 1;
    // Agreement of 4-bit values: p = J + (1 - J) / 16.
    this.minAgree = Math.ceil(BINS * (options.threshold + (1 - options.threshold) / 16) - 1e-9);
  }

  /** Adds one record: `key` and `sig` from `fingerprint` (key -1: nothing to compare). */
  add(key: number, sig: Uint32Array, line: number): void {
    if (key === -1) return;
    const id = this.lines.length;
    this.lines.push(line);
    this.parent.push(id);
    const earlier = this.findOrInsert(key, id);
    if (earlier !== -1) {
      this.exact++;
      this.union(earlier, id);
      return;
    }
    if (this.bands.length === 0) return;
    const block = id >>> 16;
    if (block === this.blocks.length) this.blocks.push(new Uint8Array(BLOCK_RECORDS * SIG_BYTES));
    const packed = this.blocks[block]!;
    const base = (id & (BLOCK_RECORDS - 1)) * SIG_BYTES;
    for (let i = 0; i < SIG_BYTES; i++) packed[base + i] = (sig[2 * i]! & 15) | ((sig[2 * i + 1]! & 15) << 4);
    let matched = -1;
    const bands = this.bands;
    for (let b = 0; b < BANDS; b++) {
      // Band keys are 30-bit; the band number goes into the top bits so that equal values in different bands differ.
      const key = bandKey(sig, 0, b) | (b << 30);
      const slot = 2 * ((key ^ (key >>> 15)) & this.bandMask);
      const same = bands[slot] === key;
      const other = bands[slot + 1]! - 1;
      bands[slot] = key;
      bands[slot + 1] = id + 1;
      // Only a record with the same band key is a candidate; a slot taken by another key is simply replaced.
      if (!same || other < 0 || matched !== -1) continue;
      if (this.similar(other, packed, base)) matched = other;
    }
    if (matched !== -1) this.union(matched, id);
  }

  result(): DuplicateResult {
    const n = this.lines.length;
    const size = new Int32Array(n);
    const root = new Int32Array(n);
    let groups = 0;
    for (let i = 0; i < n; i++) {
      const r = this.find(i);
      root[i] = r;
      if (size[r] === 0) groups++;
      size[r]!++;
    }
    const duplicates = n - groups;
    // The largest groups, by size then first record.
    const top: number[] = [];
    for (let i = 0; i < n; i++) {
      if (root[i] !== i || size[i]! < 2) continue;
      top.push(i);
      top.sort((a, b) => size[b]! - size[a]! || a - b);
      if (top.length > this.options.maxGroups) top.pop();
    }
    const listed = new Map(top.map((r) => [r, [] as number[]]));
    for (let i = 0; i < n; i++) {
      const lines = listed.get(root[i]!);
      if (lines && lines.length < this.options.maxLines) lines.push(this.lines.data[i]!);
    }
    return {
      records: n,
      exact: this.exact,
      near: duplicates - this.exact,
      groups: top.map((r) => ({ size: size[r]!, lines: listed.get(r)! })),
    };
  }

  /** Whether the stored signatures of `other` and this record agree in at least `minAgree` of the 4-bit values; stops once too many differ. */
  private similar(other: number, packed: Uint8Array, base: number): boolean {
    const theirs = this.blocks[other >>> 16]!;
    const at = (other & (BLOCK_RECORDS - 1)) * SIG_BYTES;
    let differ = 0;
    const allowed = BINS - this.minAgree;
    for (let i = 0; i < SIG_BYTES; i++) {
      const x = theirs[at + i]! ^ packed[base + i]!;
      if ((x & 15) !== 0) differ++;
      if (x >>> 4 !== 0) differ++;
      if (differ > allowed) return false;
    }
    return true;
  }

  /** The record already holding `key`, or -1 after recording `id` as its holder. */
  private findOrInsert(key: number, id: number): number {
    if (this.used * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = (key % 4294967296 >>> 0) & mask;
    for (;;) {
      const owner = this.owners[slot]! - 1;
      if (owner < 0) {
        this.keys[slot] = key;
        this.owners[slot] = id + 1;
        this.used++;
        return -1;
      }
      if (this.keys[slot] === key) return owner;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const owners = this.owners;
    this.keys = new Float64Array(keys.length * 2);
    this.owners = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (owners[i] === 0) continue;
      let slot = (keys[i]! % 4294967296 >>> 0) & mask;
      while (this.owners[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = keys[i]!;
      this.owners[slot] = owners[i]!;
    }
  }

  private find(i: number): number {
    const p = this.parent.data;
    let r = i;
    while (p[r] !== r) r = p[r]!;
    while (p[i] !== r) {
      const next = p[i]!;
      p[i] = r;
      i = next;
    }
    return r;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The earlier record stays the root, so a group is named by its first line.
    if (ra < rb) this.parent.data[rb] = ra;
    else if (rb < ra) this.parent.data[ra] = rb;
  }
}
