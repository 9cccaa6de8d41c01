import { availableParallelism } from 'node:os';
import type { LintResult } from '../core/diagnostic.js';
import { lintPlanFile, type PlanFileOutcome, type PlanFileSettings, type PlanFileTask } from './plan-file.js';
import type { LintCache } from './lint-cache.js';
import type { WorkerRequest, WorkerResponse } from './lint-worker.js';

/**
 * A lint run over many files: the result cache, worker threads for large
 * runs, and results yielded one file at a time, always in the order of the
 * file list, whichever thread linted them.
 */

export interface LintRunOptions {
  /** Files larger than this many bytes are reported, not read (default 10 MB). */
  maxFileSize?: number;
  /** The settings for each file (default: every rule with its defaults). Plain data: they may go to a worker. */
  settingsFor?: (filePath: string) => PlanFileSettings;
  /** Reuse the results of unchanged files, as `--cache` does. */
  cache?: {
    /** The cache file (see `resolveCacheLocation`). */
    location: string;
    /**
     * Everything besides a file's bytes and the finetune-lint version that
     * decides its result, as one opaque string (default: the file's settings
     * as JSON). Callers that add inputs, such as a message language, join
     * them into it.
     */
    fingerprint?: (filePath: string, settings: PlanFileSettings) => string;
  };
  /** Spread large runs over worker threads. */
  workers?: {
    /** The worker entry point: `dist/lint-worker-start.cjs` (or the bundle itself, `dist/lint-worker.cjs`). */
    script: string;
    /** Arguments the worker sees in its `process.argv` (the command's own: its start-up script names its code cache by them). */
    argv?: string[];
    /** Use workers from this many files on (default {@link DEFAULT_WORKER_THRESHOLD}); 0 always, even on one core. */
    threshold?: number;
    /** How many threads lint at most, this one included (default: the available parallelism). */
    max?: number;
  };
}

/**
 * Below this many files, worker threads cost more than they save: each one
 * loads the linter again and warms up its own JIT. Measured with
 * `npm run bench` on 2 cores (see README, Performance).
 */
export const DEFAULT_WORKER_THRESHOLD = 2000;

/**
 * A smaller young generation than V8's default for each worker: at 10,000
 * files, peak RSS 185 → 171 MB with no measurable cost in CPU time.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/** Files per message to a worker: large enough to amortise messaging, small enough to balance the load. */
const BATCH_SIZE = 50;

/** Lints `files` (absolute paths), yielding each result in list order. */
export async function* lintRun(files: readonly string[], options: LintRunOptions = {}): AsyncGenerator<LintResult> {
  const settingsFor = options.settingsFor ?? (() => ({}));
  let cache: LintCache | undefined;
  let cacheKey: ((fingerprint: string, bytes: Uint8Array) => string) | undefined;
  if (options.cache) {
    const cacheModule = await import('./lint-cache.js');
    cache = cacheModule.LintCache.load(options.cache.location);
    cacheKey = cacheModule.cacheKey;
  }
  const fingerprint = options.cache?.fingerprint ?? ((_: string, settings: PlanFileSettings) => JSON.stringify(settings));
  const tasks = files.map((filePath): PlanFileTask => {
    const settings = settingsFor(filePath);
    if (!cache) return { filePath, settings };
    const cachedKey = cache.keyOf(filePath);
    const task: PlanFileTask = { filePath, settings, fingerprint: fingerprint(filePath, settings) };
    return cachedKey === undefined ? task : { ...task, cachedKey };
  });

  const workers = options.workers;
  const threads = Math.max(1, workers?.max ?? availableParallelism());
  const threshold = workers?.threshold ?? DEFAULT_WORKER_THRESHOLD;
  const useWorkers = workers !== undefined && tasks.length >= threshold && (threads > 1 || threshold === 0);
  const fileOptions = { maxFileSize: options.maxFileSize, cacheKey };
  const outcomes = useWorkers
    ? inWorkers(tasks, workers.script, workers.argv, Math.max(1, threads - 1), fileOptions)
    : inThisThread(tasks, fileOptions);

  let index = 0;
  for await (const outcome of outcomes) {
    const { filePath } = tasks[index++]!;
    if (!cache) {
      yield outcome.result!;
      continue;
    }
    const result = outcome.result ?? cache.resultOf(filePath)!;
    if (outcome.key === undefined) cache.delete(filePath);
    else if (outcome.result) cache.set(filePath, outcome.key, outcome.result);
    yield result;
  }
  cache?.save();
}

async function* inThisThread(
  tasks: readonly PlanFileTask[],
  options: Parameters<typeof lintPlanFile>[1],
): AsyncGenerator<PlanFileOutcome> {
  for (const task of tasks) yield await lintPlanFile(task, options);
}

/**
 * Lints in `count` worker threads and this thread. Batches are handed out as
 * threads become free (two in flight per worker, so none waits for its next
 * batch) and yielded back in order. This thread lints too, between worker
 * messages: on two cores, one extra thread (one more start-up and JIT
 * warm-up) instead of two.
 */
async function* inWorkers(
  tasks: readonly PlanFileTask[],
  script: string,
  argv: string[] | undefined,
  count: number,
  fileOptions: Parameters<typeof lintPlanFile>[1],
): AsyncGenerator<PlanFileOutcome> {
  const { Worker } = await import('node:worker_threads');
  const batches: PlanFileTask[][] = [];
  for (let i = 0; i < tasks.length; i += BATCH_SIZE) batches.push(tasks.slice(i, i + BATCH_SIZE));
  const finished = new Map<number, PlanFileOutcome[]>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let nextBatch = 0;
  let stopping = false;

  const pool = Array.from({ length: Math.min(count, batches.length) }, () => new Worker(script, { resourceLimits: WORKER_LIMITS, ...(argv ? { argv } : {}) }));
  const sendNext = (worker: InstanceType<typeof Worker>): void => {
    if (nextBatch >= batches.length) return;
    const request = packBatch(nextBatch, batches[nextBatch]!, fileOptions?.maxFileSize);
    nextBatch++;
    worker.postMessage(request);
  };
  const fail = (err: Error): void => {
    failure ??= err;
    wake?.();
  };
  for (const worker of pool) {
    worker.on('message', (response: WorkerResponse) => {
      if ('error' in response) return fail(new Error(`a lint worker failed: ${response.error}`));
      finished.set(response.batch, response.outcomes);
      sendNext(worker);
      wake?.();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!stopping) fail(new Error(`a lint worker stopped unexpectedly (exit code ${code})`));
    });
    sendNext(worker);
    sendNext(worker);
  }
  const lintHere = async (): Promise<void> => {
    // Workers get their first batches first: they start while this thread lints.
    while (nextBatch < batches.length && !failure && !stopping) {
      const batch = nextBatch++;
      const outcomes: PlanFileOutcome[] = [];
      for (const task of batches[batch]!) outcomes.push(await lintPlanFile(task, fileOptions));
      finished.set(batch, outcomes);
      wake?.();
      // Let the workers' messages in, so that they get their next batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  const here = lintHere().catch(fail);

  try {
    for (let batch = 0; batch < batches.length; batch++) {
      let outcomes = finished.get(batch);
      while (!outcomes) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        outcomes = finished.get(batch);
      }
      finished.delete(batch);
      yield* outcomes;
    }
  } finally {
    stopping = true;
    await here;
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

/**
 * A batch as sent to a worker: each distinct settings object once, the tasks
 * pointing at it by index. Files in a batch nearly always share their
 * settings, and cloning them for every file would cost more than linting.
 */
function packBatch(batch: number, tasks: readonly PlanFileTask[], maxFileSize: number | undefined): WorkerRequest {
  const settings: PlanFileSettings[] = [];
  const index = new Map<PlanFileSettings, number>();
  const packed = tasks.map(({ settings: s, ...rest }) => {
    let i = index.get(s);
    if (i === undefined) {
      i = settings.push(s) - 1;
      index.set(s, i);
    }
    return { ...rest, settings: i };
  });
  return { batch, tasks: packed, settings, maxFileSize };
}
