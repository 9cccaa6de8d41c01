import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../core/diagnostic.js';
import { emptyTally, tally, type RunTally } from './exit-code.js';
import { addToSummary, emptySummary } from './formatters/summary.js';
import type { FormatterContext, StreamingFormatter } from './formatters/types.js';

/**
 * Writes a report while the run goes on: each result is formatted and handed
 * to its outputs as it arrives, then dropped, so a run of any size holds
 * neither all its results nor the whole report text.
 */

/** One output of a streamed report. */
export interface StreamedOutput {
  formatter: StreamingFormatter;
  context: FormatterContext;
  /** A file to write (its folder is created); absent: `write` receives the text. */
  file?: string;
}

/** Text is passed on in pieces of about this many characters: few writes, little held. */
const FLUSH_AT = 64 * 1024;

/** A file given with `--format name:path` that cannot be written; the CLI exits with 2. */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    readonly file: string,
    readonly reason: Error,
  ) {
    super(`cannot write ${file}: ${reason.message}`);
  }
}

/**
 * Streams `results` to `outputs`, with `transform` applied to each result
 * first (e.g. keeping errors only), and returns the tally of what was shown.
 * Output files are opened before the first result, so a bad path fails the
 * run before any work; `write` gets the text of the outputs without a file
 * and may return a promise to hold the run back (a full pipe).
 */
export async function streamReport(
  results: AsyncIterable<LintResult>,
  outputs: readonly StreamedOutput[],
  write: (text: string) => void | Promise<void>,
  transform: (result: LintResult) => LintResult = (r) => r,
): Promise<RunTally> {
  const sinks: Array<{ output: StreamedOutput; fd: number | undefined; pending: string }> = [];
  try {
    for (const output of outputs) sinks.push({ output, fd: output.file === undefined ? undefined : openOutput(output.file), pending: '' });
  } catch (err) {
    for (const sink of sinks) if (sink.fd !== undefined) closeSync(sink.fd);
    throw err;
  }
  const flush = async (sink: (typeof sinks)[number]): Promise<void> => {
    if (!sink.pending) return;
    const text = sink.pending;
    sink.pending = '';
    if (sink.fd === undefined) await write(text);
    else writeAll(sink.fd, text, sink.output.file!);
  };
  const totals = emptyTally();
  const summary = emptySummary();
  let index = 0;
  try {
    for await (const raw of results) {
      const result = transform(raw);
      tally(totals, result);
      addToSummary(summary, result);
      for (const sink of sinks) {
        sink.pending += sink.output.formatter.file(result, index, sink.output.context);
        if (sink.pending.length >= FLUSH_AT) await flush(sink);
      }
      index++;
    }
    for (const sink of sinks) {
      sink.pending += sink.output.formatter.end(summary, sink.output.context);
      await flush(sink);
    }
  } finally {
    for (const sink of sinks) if (sink.fd !== undefined) closeSync(sink.fd);
  }
  return totals;
}

function openOutput(file: string): number {
  const target = path.resolve(file);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    return openSync(target, 'w');
  } catch (err) {
    throw new OutputError(file, err as Error);
  }
}

function writeAll(fd: number, text: string, file: string): void {
  try {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
  } catch (err) {
    throw new OutputError(file, err as Error);
  }
}
