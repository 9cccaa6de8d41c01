import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { msg, type MessageRef } from '../../core/i18n/message.js';
import { resolveReference, type DataReference } from './references.js';
import { stat } from 'node:fs/promises';
import { DuplicateFinder, type DuplicateOptions, type DuplicateResult } from './duplicates.js';
import { BANDS, BINS, bandKey, fingerprint, similarAtLeast } from './fingerprint.js';
import { detectFormat, readRecords, type DatasetFormat } from './records.js';
import { breaks, type GoalCheck } from './goal-checks.js';
import { loadSchema } from './json-schema.js';
import { replyTexts } from './replies.js';
import { SensitiveScanner, type SensitiveOptions, type SensitiveResult } from './sensitive.js';
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
  /** Personal data and secrets found, when that check is on. */
  sensitive?: SensitiveResult;
  /** Duplicates inside the training file, when that check is on. */
  duplicates?: DuplicateResult;
  /** How the replies fare against the goals' checks, when that check is on (one tally per check, in order). */
  goals?: GoalTally;
}

export interface GoalTally {
  /** Records with at least one reply. */
  replies: number;
  /** Per check: records with a reply that breaks it, and the first lines of those records. */
  broken: Array<{ count: number; lines: number[] }>;
}

export interface GoalCheckSettings {
  checks: readonly GoalCheck[];
  /** Line numbers kept per check. */
  maxListed: number;
  /** Where `json_schema` paths are resolved from, and the root they must stay inside. */
  planDir: string;
  rootDir: string;
  allowOutsideRoot: boolean;
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
  /** When set, the training file's prompts are compared with each other. */
  duplicates?: Omit<DuplicateOptions, 'maxGroups' | 'maxLines'> & Partial<Pick<DuplicateOptions, 'maxGroups' | 'maxLines'>>;
  /** When set, training and eval records are searched for personal data and secrets. */
  sensitive?: SensitiveOptions;
  /** When set, the replies of training and eval records are checked against the goals' checks. */
  goals?: GoalCheckSettings;
}

/** Receives the fingerprint of each record's prompt side (key -1: no prompt) in file order; line -1 ends the file. */
type PromptSink = (key: number, sig: Uint32Array, line: number) => void;

/** What one pass over a file computes besides the format check. */
interface ScanHooks {
  /** Shingle size of the fingerprints given to `prompts`. */
  shingleSize: number;
  prompts: PromptSink[];
  sensitive?: SensitiveScanner;
  duplicates?: DuplicateFinder;
  goals?: { checks: readonly GoalCheck[]; validators: Array<((value: unknown) => boolean) | undefined>; tally: GoalTally; maxListed: number };
}

/** Fingerprints of the eval set: exact keys and MinHash signatures with an LSH index. */
interface EvalIndex {
  lines: number[];
  exact: Map<number, number[]>;
  signatures: Uint32Array;
  bands: BandIndex;
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
    const { overlap, duplicates, sensitive } = this.settings;
    const train = this.ref('train');
    const evalRef = this.ref('eval');
    const sameFile = train && evalRef && (train.realPath ?? train.absolute) === (evalRef.realPath ?? evalRef.absolute);
    const hooks: ScanHooks = { shingleSize: overlap?.shingleSize ?? duplicates?.shingleSize ?? 5, prompts: [] };
    if (overlap && !sameFile && ref === evalRef) hooks.prompts.push(this.indexer(overlap));
    if (overlap && !sameFile && ref === train && evalRef) {
      const evalScan = await this.scan(evalRef);
      if (evalScan && this.evalIndex) hooks.prompts.push(this.prober(overlap, this.evalIndex));
    }
    if (duplicates && ref === train) {
      if (hooks.prompts.length === 0) hooks.shingleSize = duplicates.shingleSize;
      // A rough count from the file size sizes the LSH table: chat records are rarely under 200 bytes.
      const expected = Math.ceil((await stat(file)).size / 200);
      const finder = new DuplicateFinder({ maxGroups: 3, maxLines: 5, ...duplicates }, expected);
      hooks.duplicates = finder;
      if (duplicates.shingleSize === hooks.shingleSize) hooks.prompts.push((key, sig, line) => finder.add(key, sig, line));
    }
    if (sensitive && (ref === train || ref === evalRef)) hooks.sensitive = new SensitiveScanner(sensitive);
    const goals = this.settings.goals;
    if (goals && goals.checks.length > 0 && (ref === train || ref === evalRef)) {
      const validators = await Promise.all(goals.checks.map(async (c) => (c.kind === 'json_schema' ? await this.schemaValidator(String(c.value)) : undefined)));
      hooks.goals = {
        checks: goals.checks,
        validators: validators.map((v) => (typeof v === 'function' ? v : undefined)),
        tally: { replies: 0, broken: goals.checks.map(() => ({ count: 0, lines: [] })) },
        maxListed: goals.maxListed,
      };
    }
    return this.scanFile(file, format, hooks);
  }

  private async scanFile(file: string, format: DatasetFormat, hooks: ScanHooks): Promise<DatasetScan> {
    const scan: DatasetScan = { format, records: 0, problems: [], problemCount: 0 };
    const problem = (line: number, what: MessageRef): void => {
      scan.problemCount++;
      if (scan.problems.length < this.settings.maxProblems) scan.problems.push({ line, problem: what });
    };
    const { prompts, sensitive, duplicates, goals } = hooks;
    const sig = new Uint32Array(BINS);
    // The duplicate check's own fingerprints, when its shingle size differs from the overlap check's.
    const ownSig = duplicates && prompts.length === 0 || (duplicates && this.settings.duplicates!.shingleSize !== hooks.shingleSize) ? new Uint32Array(BINS) : undefined;
    await readRecords(file, format, (record) => {
      scan.records++;
      if (record.error !== undefined) {
        problem(record.line, record.error);
        return;
      }
      sensitive?.visit(record.value, record.line, record.text);
      if (goals) tallyGoals(goals, record.value, record.line);
      const shaped = shapeRecord(record.value);
      if (shaped.problem) problem(record.line, shaped.problem);
      if (!shaped.prompt) return;
      if (prompts.length > 0) {
        const key = fingerprint(shaped.prompt, hooks.shingleSize, sig);
        for (const sink of prompts) sink(key, sig, record.line);
      }
      if (ownSig) duplicates!.add(fingerprint(shaped.prompt, this.settings.duplicates!.shingleSize, ownSig), ownSig, record.line);
    });
    for (const sink of prompts) sink(-1, sig, -1);
    if (sensitive) scan.sensitive = sensitive.result();
    if (duplicates) scan.duplicates = duplicates.result();
    if (goals) scan.goals = goals.tally;
    return scan;
  }

  private readonly schemas = new Map<string, Promise<((value: unknown) => boolean) | MessageRef>>();

  /** The compiled `json_schema` of a check, once per path; a message when it cannot be used. */
  schemaValidator(written: string): Promise<((value: unknown) => boolean) | MessageRef> {
    let v = this.schemas.get(written);
    if (!v) {
      const g = this.settings.goals;
      v = g ? loadSchema(written, g.planDir, g.rootDir, g.allowOutsideRoot) : Promise.resolve(msg('data-contradicts-goal.schema.missing', { file: written }));
      this.schemas.set(written, v);
    }
    return v;
  }

  /** Builds the eval index; the final call (line -1) seals it. */
  private indexer(options: OverlapOptions): PromptSink {
    const lines: number[] = [];
    const exact = new Map<number, number[]>();
    const sigs: number[] = [];
    const near = options.threshold < 1;
    return (key, sig, line) => {
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
        this.evalIndex = { lines, exact, signatures, bands: new BandIndex(bands), hasPrompt: lines.length };
        this.overlapResult = { evalRecords: lines.length, matches: [] };
        return;
      }
      if (key === -1) return;
      const i = lines.length;
      lines.push(line);
      push(exact, key, i);
      if (near) for (let b = 0; b < BINS; b++) sigs.push(sig[b]!);
    };
  }

  /** Looks each training prompt up in the eval index; the final call records the matches. */
  private prober(options: OverlapOptions, index: EvalIndex): PromptSink {
    const found = new Int32Array(index.lines.length).fill(-1);
    const kind = new Uint8Array(index.lines.length);
    const near = options.threshold < 1;
    let remaining = index.lines.length;
    // The training line last compared with each eval example: one comparison per pair, however many bands match.
    const compared = new Int32Array(index.lines.length).fill(-1);
    return (key, sig, line) => {
      if (line === -1) {
        const matches: OverlapMatch[] = [];
        for (let i = 0; i < found.length; i++) {
          if (found[i]! >= 0) matches.push({ evalLine: index.lines[i]!, trainLine: found[i]!, kind: kind[i] === 1 ? 'exact' : 'near' });
        }
        this.overlapResult = { evalRecords: index.lines.length, matches };
        return;
      }
      if (remaining === 0 || key === -1) return;
      const hits = index.exact.get(key);
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
      for (let b = 0; b < BANDS; b++) {
        const at = index.bands.find(bandKey(sig, 0, b));
        if (at === -1) continue;
        const { members } = index.bands;
        for (let j = at + 1, end = at + 1 + members[at]!; j < end; j++) {
          const i = members[j]!;
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

/** Adds one record's replies to the goal tallies. */
function tallyGoals(goals: NonNullable<ScanHooks['goals']>, value: unknown, line: number): void {
  const replies = replyTexts(value);
  if (replies.length === 0) return;
  goals.tally.replies++;
  for (let c = 0; c < goals.checks.length; c++) {
    const check = goals.checks[c]!;
    if (check.kind === 'json_schema' && !goals.validators[c]) continue;
    if (replies.some((r) => breaks(check, r, goals.validators[c]))) {
      const b = goals.tally.broken[c]!;
      b.count++;
      if (b.lines.length < goals.maxListed) b.lines.push(line);
    }
  }
}

/**
 * The eval set's LSH bands as flat typed arrays (an open-addressing table of
 * band keys pointing into one list of eval indices): a training record looks
 * up 16 bands, and a Map of arrays costs a pointer chase and a cache miss per
 * look-up where this costs about one.
 */
class BandIndex {
  private readonly keys: Int32Array;
  private readonly starts: Int32Array;
  private readonly mask: number;
  /** At each start: the count, then the eval indices. */
  readonly members: Int32Array;

  constructor(bands: Map<number, number[]>) {
    let size = 16;
    while (size < bands.size * 2) size <<= 1;
    this.mask = size - 1;
    // Band keys are 30-bit, so -1 marks an empty slot.
    this.keys = new Int32Array(size).fill(-1);
    this.starts = new Int32Array(size);
    let total = 0;
    for (const list of bands.values()) total += list.length + 1;
    this.members = new Int32Array(total);
    let at = 0;
    for (const [key, list] of bands) {
      let slot = key & this.mask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.starts[slot] = at;
      this.members[at] = list.length;
      this.members.set(list, at + 1);
      at += list.length + 1;
    }
  }

  /** Where the list of `key` starts in `members`, or -1. */
  find(key: number): number {
    let slot = key & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.starts[slot]!;
      if (k === -1) return -1;
      slot = (slot + 1) & this.mask;
    }
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
