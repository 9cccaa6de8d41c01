/**
 * Fingerprints for the overlap check: an exact key of the normalised text,
 * and a MinHash signature for near-duplicates, with an LSH index to find
 * candidates without comparing every pair.
 *
 * Normalisation: Unicode NFKC (full-width letters and digits become ASCII,
 * compatibility forms fold), lower case, every run of white space one space,
 * trimmed.
 *
 * MinHash uses one-permutation hashing (Li, Owen & Zhang 2012): each
 * character shingle is hashed once, the top bits of the hash pick one of
 * {@link BINS} bins and the rest is its value; each bin keeps its minimum.
 * Empty bins (short texts) are filled from the next non-empty bin to the
 * right with an offset (rotation densification, Shrivastava 2017), so two
 * texts agree in a bin with probability ≈ their Jaccard similarity. This
 * costs one hash per character instead of one per character per
 * permutation, which is what makes a million training records affordable.
 * Shingles are characters, not words, so Chinese and other unspaced scripts
 * work the same as English.
 */

/** Number of MinHash bins (signature length). */
export const BINS = 64;
const BIN_SHIFT = 26; // 32 - log2(BINS)
const VALUE_MASK = (1 << BIN_SHIFT) - 1;
/** LSH bands × rows = BINS. With 16 × 4, a pair at Jaccard 0.8 becomes a candidate with probability > 0.999. */
export const BANDS = 16;
export const ROWS = BINS / BANDS;
const EMPTY = 0xffffffff;
const ROLL_BASE = 0x01000193;

/** The text the overlap check compares: NFKC, lower case, white space collapsed. */
export function normalizeText(text: string): string {
  // NFKC leaves ASCII unchanged; skipping ICU for it saves a third of the time on English data.
  const folded = ASCII.test(text) ? text : text.normalize('NFKC');
  return folded.toLowerCase().replace(/\s+/g, ' ').trim();
}

const ASCII = /^[\x00-\x7f]*$/;

/** A 53-bit hash of a string (cyrb53), used as a Map key: collisions are negligible at a million records. */
export function exactKey(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Writes the MinHash signature of `text` (already normalised) into `out`
 * (length {@link BINS}) using shingles of `k` characters. A text shorter than
 * `k` is one shingle. Returns false for an empty text.
 */
export function minhash(text: string, k: number, out: Uint32Array): boolean {
  out.fill(EMPTY);
  const n = text.length;
  if (n === 0) return false;
  const width = n < k ? n : k;
  // A rolling polynomial hash (mod 2^32) of the current window, then a 32-bit finaliser.
  let pow = 1;
  for (let j = 1; j < width; j++) pow = Math.imul(pow, ROLL_BASE);
  let h = 0;
  for (let j = 0; j < width; j++) h = (Math.imul(h, ROLL_BASE) + text.charCodeAt(j)) | 0;
  for (let i = 0; ; i++) {
    const m = fmix32(h ^ 0x9747b28c);
    const bin = m >>> BIN_SHIFT;
    const value = m & VALUE_MASK;
    if (value < out[bin]!) out[bin] = value;
    if (i + width >= n) break;
    h = (Math.imul(h - Math.imul(text.charCodeAt(i), pow), ROLL_BASE) + text.charCodeAt(i + width)) | 0;
  }
  densify(out);
  return true;
}

/** Fills each empty bin from the next non-empty bin to its right (circularly), offset by the distance. */
function densify(sig: Uint32Array): void {
  let any = -1;
  for (let b = 0; b < BINS; b++) if (sig[b] !== EMPTY) {
    any = b;
    break;
  }
  if (any === -1) return;
  for (let b = 0; b < BINS; b++) {
    if (sig[b] !== EMPTY && sig[b]! <= VALUE_MASK) continue;
    let d = 1;
    let src = (b + 1) % BINS;
    while (sig[src] === EMPTY || sig[src]! > VALUE_MASK) {
      d++;
      src = (src + 1) % BINS;
    }
    sig[b] = (VALUE_MASK + 1) * d + sig[src]!;
  }
}

/**
 * Whether two signatures agree in at least `threshold` of their bins (an
 * estimate of the Jaccard similarity of the shingle sets). Stops as soon as
 * too many bins differ: most candidates are far below the threshold.
 */
export function similarAtLeast(a: Uint32Array, aOffset: number, b: Uint32Array, threshold: number): boolean {
  const allowed = Math.floor(BINS * (1 - threshold) + 1e-9);
  let differ = 0;
  for (let i = 0; i < BINS; i++) {
    if (a[aOffset + i] !== b[i] && ++differ > allowed) return false;
  }
  return true;
}

/**
 * The LSH key of one band of a signature (band index mixed in), 30 bits so
 * that V8 keeps it as a small integer, which makes Map lookups several times
 * faster than with a 53-bit key. A key collision only adds a candidate, and
 * candidates are verified.
 */
export function bandKey(sig: Uint32Array, offset: number, band: number): number {
  let h = 0x811c9dc5 ^ band;
  for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[offset + band * ROWS + r]!, 0x01000193);
  return fmix32(h) & 0x3fffffff;
}

/** Whether `c`, above 127, is white space as `\s` and `String.prototype.trim` define it. */
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The normalised characters of the last {@link fingerprint} call. */
let buffer = new Uint16Array(4096);

/**
 * `exactKey(normalizeText(text))`, with `minhash(normalizeText(text), k, out)`
 * written into `out`, without building the normalised string: characters are
 * lower-cased and white space collapsed into a reused buffer (texts with
 * non-ASCII characters are NFKC-normalised and lower-cased first, as
 * `normalizeText` does). Returns -1 for a text that normalises to nothing.
 * Tests check that it agrees with the two separate functions.
 */
export function fingerprint(text: string, k: number, out: Uint32Array): number {
  let src = text;
  let lower = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) {
      src = text.normalize('NFKC').toLowerCase();
      lower = false;
      break;
    }
  }
  if (buffer.length < src.length) buffer = new Uint16Array(src.length * 2);
  const buf = buffer;
  let n = 0;
  let pending = false;
  for (let i = 0; i < src.length; i++) {
    let c = src.charCodeAt(i);
    if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c > 127 && isWideSpace(c)) {
      if (n > 0) pending = true;
      continue;
    }
    if (pending) {
      buf[n++] = 32;
      pending = false;
    }
    if (lower && c >= 65 && c <= 90) c += 32;
    buf[n++] = c;
  }
  out.fill(EMPTY);
  if (n === 0) return -1;
  // The exact key: cyrb53 as in exactKey.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < n; i++) {
    const ch = buf[i]!;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // The signature: the same rolling hash and bins as minhash.
  const width = n < k ? n : k;
  let pow = 1;
  for (let j = 1; j < width; j++) pow = Math.imul(pow, ROLL_BASE);
  let h = 0;
  for (let j = 0; j < width; j++) h = (Math.imul(h, ROLL_BASE) + buf[j]!) | 0;
  for (let i = 0; ; i++) {
    let m = h ^ 0x9747b28c;
    m ^= m >>> 16;
    m = Math.imul(m, 0x85ebca6b);
    m ^= m >>> 13;
    m = Math.imul(m, 0xc2b2ae35);
    m ^= m >>> 16;
    const bin = m >>> BIN_SHIFT;
    const value = m & VALUE_MASK;
    if (value < out[bin]!) out[bin] = value;
    if (i + width >= n) break;
    h = (Math.imul(h - Math.imul(buf[i]!, pow), ROLL_BASE) + buf[i + width]!) | 0;
  }
  densify(out);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
