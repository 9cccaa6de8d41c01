import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MessageRef } from '../i18n/message.js';
import { resolveReference, type DataReference } from './references.js';
import { BANDS, BINS, bandKey, exactKey, minhash, normalizeText, similarAtLeast } from './fingerprint.js';
import { detectFormat, readRecords, type DatasetFormat } from './records.js';
import { shapeRecord } from './shapes.js';
import { readTrainerConfig, type TrainerConfig, type TrainerRead } from './trainer.js';

/**
 * The dataset and trainer-config readers behind the data rules, with one
 * cache per plan so that several rules share one pass over each file. The
 * CLI builds this module as its own bundle (`dist/data.cjs`), loaded only
 * when a plan names a file that exists.
 */

export interface RecordProblem {
  /** 1-based line in the data file. */
  line: number;
  /** What is wrong with the record. */
  problem: MessageRef;
}

export interface DatasetScan {
  format: DatasetFormat;
  /** Records in the file (blank lines not counted), well-formed or not. */
  records: number;
  /** The first problems found, at most `maxProblems`. */
  problems: RecordProblem[];
  /** All problems found. */
  problemCount: number;
}

export interface OverlapOptions {
  /** Jaccard similarity of character shingles at or above which two prompts are near-duplicates; 1 = exact only. */
  threshold: number;
  shingleSize: number;
}

export interface OverlapMatch {
  evalLine: number;
  trainLine: number;
  kind: 'exact' | 'near';
}

export interface OverlapResult {
  /** Eval records that have a prompt to compare. */
  evalRecords: number;
  /** One match per overlapping eval record (the first training record found), in eval order. */
  matches: OverlapMatch[];
}

export interface ScanSettings {
  maxProblems: number;
  /** When set, the eval file is fingerprinted and the train scan looks each record up. */
  overlap?: OverlapOptions;
}

/** Fingerprints of the eval set: exact keys and MinHash signatures with an LSH index. */
interface EvalIndex {
  lines: number[];
  exact: Map<number, number[]>;
  signatures: Uint32Array;
  bands: Map<number, number[]>;
  hasPrompt: number;
}

export class DataWorkspace {
  private readonly scans = new Map<string, Promise<DatasetScan | undefined>>();
  private evalIndex: EvalIndex | undefined;
  private overlapResult: OverlapResult | undefined;
  private trainer: Promise<TrainerRead> | undefined;

  constructor(
    private readonly references: readonly DataReference[],
    private readonly settings: ScanSettings,
  ) {}

  private ref(role: DataReference['role']): DataReference | undefined {
    const r = this.references.find((x) => x.role === role);
    return r?.status === 'readable' ? r : undefined;
  }

  /**
   * Scans a referenced dataset once. Returns undefined for a format that is
   * not read (Parquet, plain text…). With overlap enabled the eval file is
   * read before the train file, since the train pass looks records up in it.
   */
  scan(ref: DataReference): Promise<DatasetScan | undefined> {
    const key = ref.realPath ?? ref.absolute;
    let s = this.scans.get(key);
    if (!s) {
      s = this.doScan(ref);
      this.scans.set(key, s);
    }
    return s;
  }

  /** Eval records whose prompt also occurs in training data; undefined when either file cannot be read as a dataset. */
  async overlap(): Promise<OverlapResult | undefined> {
    const train = this.ref('train');
    const evalRef = this.ref('eval');
    if (!train || !evalRef || !this.settings.overlap) return undefined;
    if ((train.realPath ?? train.absolute) === (evalRef.realPath ?? evalRef.absolute)) return undefined;
    const [e, t] = [await this.scan(evalRef), await this.scan(train)];
    if (!e || !t) return undefined;
    return this.overlapResult;
  }

  /**
   * The local files a trainer config trains on, as real paths; undefined when
   * it names none that can be found (hub datasets, remote files). Paths are
   * tried against the config's folder, then the plan's, then the root, and
   * only inside the root unless `allowOutsideRoot`; LLaMA-Factory names are
   * looked up in `<dataset_dir>/dataset_info.json` (`file_name`). `which`
   * picks the training data (the default) or the config's own eval data.
   */
  async trainerFiles(config: TrainerConfig, configRef: DataReference, planDir: string, rootDir: string, allowOutsideRoot: boolean, which: 'train' | 'eval' = 'train'): Promise<string[] | undefined> {
    const data = which === 'train' ? config.trainData : config.evalData;
    if (!data) return undefined;
    const bases = [path.dirname(configRef.realPath ?? configRef.absolute), planDir, rootDir];
    const find = (p: string, from: readonly string[]): string | undefined => {
      for (const base of from) {
        const r = resolveReference(p, base, rootDir, allowOutsideRoot);
        if (r.status === 'readable' || r.status === 'not-a-file') return r.realPath;
      }
      return undefined;
    };
    if (data.kind === 'paths') {
      const found = data.paths.map((p) => find(p, bases)).filter((x): x is string => x !== undefined);
      return found.length ? found : undefined;
    }
    const info = find(path.join(data.dataDir, 'dataset_info.json'), bases);
    if (!info) return undefined;
    let entries: Record<string, { file_name?: unknown }>;
    try {
      entries = JSON.parse(await readFile(info, 'utf8')) as typeof entries;
    } catch {
      return undefined;
    }
    const found = data.names
      .map((n) => entries[n]?.file_name)
      .filter((f): f is string => typeof f === 'string')
      .map((f) => find(f, [path.dirname(info)]))
      .filter((x): x is string => x !== undefined);
    return found.length ? found : undefined;
  }

  trainerConfig(ref: DataReference, declared: string | undefined): Promise<TrainerRead> {
    this.trainer ??= readTrainerConfig(ref.realPath ?? ref.absolute, declared);
    return this.trainer;
  }

  private async doScan(ref: DataReference): Promise<DatasetScan | undefined> {
    const file = ref.realPath ?? ref.absolute;
    const format = await detectFormat(file);
    if (!format) return undefined;
    const overlap = this.settings.overlap;
    const train = this.ref('train');
    const evalRef = this.ref('eval');
    const sameFile = train && evalRef && (train.realPath ?? train.absolute) === (evalRef.realPath ?? evalRef.absolute);
    if (overlap && !sameFile && ref === evalRef) return this.scanFile(file, format, this.indexer(overlap));
    if (overlap && !sameFile && ref === train && evalRef) {
      const evalScan = await this.scan(evalRef);
      if (evalScan && this.evalIndex) return this.scanFile(file, format, this.prober(overlap, this.evalIndex));
    }
    return this.scanFile(file, format);
  }

  private async scanFile(file: string, format: DatasetFormat, onPrompt?: (prompt: string, line: number) => void): Promise<DatasetScan> {
    const scan: DatasetScan = { format, records: 0, problems: [], problemCount: 0 };
    const problem = (line: number, what: MessageRef): void => {
      scan.problemCount++;
      if (scan.problems.length < this.settings.maxProblems) scan.problems.push({ line, problem: what });
    };
    await readRecords(file, format, (record) => {
      scan.records++;
      if (record.error !== undefined) {
        problem(record.line, record.error);
        return;
      }
      const shaped = shapeRecord(record.value);
      if (shaped.problem) problem(record.line, shaped.problem);
      if (onPrompt && shaped.prompt) onPrompt(shaped.prompt, record.line);
    });
    onPrompt?.('', -1);
    return scan;
  }

  /** Builds the eval index; the final call (line -1) seals it. */
  private indexer(options: OverlapOptions): (prompt: string, line: number) => void {
    const lines: number[] = [];
    const exact = new Map<number, number[]>();
    const sigs: number[] = [];
    const sig = new Uint32Array(BINS);
    const near = options.threshold < 1;
    return (prompt, line) => {
      if (line === -1) {
        const signatures = Uint32Array.from(sigs);
        const bands = new Map<number, number[]>();
        if (near) {
          for (let i = 0; i < lines.length; i++) {
            for (let b = 0; b < BANDS; b++) push(bands, bandKey(signatures, i * BINS, b), i);
          }
          // A band shared by many eval examples comes from boilerplate they all contain; as a
          // candidate key it would make every training record compare with all of them.
          for (const [key, list] of bands) if (list.length > MAX_BUCKET) bands.delete(key);
        }
        this.evalIndex = { lines, exact, signatures, bands, hasPrompt: lines.length };
        this.overlapResult = { evalRecords: lines.length, matches: [] };
        return;
      }
      const text = normalizeText(prompt);
      if (!text) return;
      const i = lines.length;
      lines.push(line);
      push(exact, exactKey(text), i);
      if (near) {
        minhash(text, options.shingleSize, sig);
        for (let b = 0; b < BINS; b++) sigs.push(sig[b]!);
      }
    };
  }

  /** Looks each training prompt up in the eval index; the final call records the matches. */
  private prober(options: OverlapOptions, index: EvalIndex): (prompt: string, line: number) => void {
    const found = new Int32Array(index.lines.length).fill(-1);
    const kind = new Uint8Array(index.lines.length);
    const sig = new Uint32Array(BINS);
    const near = options.threshold < 1;
    let remaining = index.lines.length;
    // The training line last compared with each eval example: one comparison per pair, however many bands match.
    const compared = new Int32Array(index.lines.length).fill(-1);
    return (prompt, line) => {
      if (line === -1) {
        const matches: OverlapMatch[] = [];
        for (let i = 0; i < found.length; i++) {
          if (found[i]! >= 0) matches.push({ evalLine: index.lines[i]!, trainLine: found[i]!, kind: kind[i] === 1 ? 'exact' : 'near' });
        }
        this.overlapResult = { evalRecords: index.lines.length, matches };
        return;
      }
      if (remaining === 0) return;
      const text = normalizeText(prompt);
      if (!text) return;
      const hits = index.exact.get(exactKey(text));
      if (hits) {
        for (const i of hits) {
          if (found[i] === -1 || kind[i] === 2) {
            if (found[i] === -1) remaining--;
            found[i] = line;
            kind[i] = 1;
          }
        }
        return;
      }
      if (!near) return;
      minhash(text, options.shingleSize, sig);
      for (let b = 0; b < BANDS; b++) {
        const candidates = index.bands.get(bandKey(sig, 0, b));
        if (!candidates) continue;
        for (const i of candidates) {
          if (found[i] !== -1 || compared[i] === line) continue;
          compared[i] = line;
          if (similarAtLeast(index.signatures, i * BINS, sig, options.threshold)) {
            found[i] = line;
            kind[i] = 2;
            remaining--;
          }
        }
      }
    };
  }
}

/** Eval examples sharing one LSH band beyond this count are not used as candidates for that band. */
const MAX_BUCKET = 64;

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}
