import './runtime-flags.js';
import { parentPort } from 'node:worker_threads';
import { lintPlanFile, type PlanFileOutcome, type PlanFileSettings, type PlanFileTask } from './plan-file.js';
import { cacheKey } from './lint-cache.js';
import { rememberRealPaths } from './data/references.js';

// One process is one run: the real paths plans name are resolved once.
rememberRealPaths(true);

/**
 * Entry point of a lint worker thread (built to `dist/lint-worker.cjs`). It
 * receives batches of files with their settings, all plain data, and sends
 * back one outcome per file in the same order; `lint-run.ts` puts the batches
 * back in order.
 */

/** A batch sent to a worker. */
export interface WorkerRequest {
  batch: number;
  /** The files, each with the index of its settings in `settings`. */
  tasks: Array<Omit<PlanFileTask, 'settings'> & { settings: number }>;
  settings: PlanFileSettings[];
  maxFileSize?: number;
}

/** A worker's answer to a batch. */
export type WorkerResponse = { batch: number; outcomes: PlanFileOutcome[] } | { batch: number; error: string };

/**
 * Writes this thread's code cache, when its start-up script found none it
 * could use (scripts/worker-loader.cjs); called once the first batch is done,
 * so that the cache holds the functions linting compiled (a no-op after the
 * first call, and undefined when the cache was used).
 */
const saveCodeCache = (globalThis as Record<symbol, unknown>)[Symbol.for('finetune-lint.saveCodeCache')] as (() => void) | undefined;

parentPort?.on('message', (request: WorkerRequest) => {
  void handle(request).then((response) => {
    // Before answering: once the last answer is in, the command ends its workers.
    saveCodeCache?.();
    parentPort!.postMessage(response);
  });
});

async function handle({ batch, tasks, settings, maxFileSize }: WorkerRequest): Promise<WorkerResponse> {
  try {
    const outcomes: PlanFileOutcome[] = [];
    for (const task of tasks) outcomes.push(await lintPlanFile({ ...task, settings: settings[task.settings]! }, { maxFileSize, cacheKey }));
    return { batch, outcomes };
  } catch (err) {
    return { batch, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}
