import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { msg, type MessageRef } from '../../core/i18n/message.js';
import { CsvParser, type CsvRow } from './csv.js';

/**
 * Reads dataset files record by record. JSON Lines and CSV are streamed, so
 * memory stays bounded by the longest record whatever the file size; a JSON
 * array has to be parsed whole and is limited to {@link MAX_JSON_ARRAY_BYTES}.
 */

export type DatasetFormat = 'jsonl' | 'json' | 'csv';

/** One record as read: its value, or why it could not be read. */
export interface RawRecord {
  /** 1-based line where the record starts in the data file. */
  line: number;
  value?: unknown;
  error?: MessageRef;
  /** The record's source text, for JSON Lines (lets a check skip records cheaply before walking the value). */
  text?: string;
}

/** A JSON array larger than this is not parsed (it would have to be held in memory whole). */
export const MAX_JSON_ARRAY_BYTES = 256 * 1024 * 1024;

/** The format of a dataset from its name, and for `.json` from its first character. */
export async function detectFormat(file: string): Promise<DatasetFormat | undefined> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  if (ext !== '.json') return undefined;
  // Many `.json` datasets are JSON Lines; an array starts with `[`.
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return head.startsWith('[') || head === '' ? 'json' : 'jsonl';
  } finally {
    await handle.close();
  }
}

/** Called for each record, in order; synchronous so that a chunk's records are handled without a promise each. */
export type RecordSink = (record: RawRecord) => void;

/** Reads the records of a dataset file, in order, into `sink`. */
export async function readRecords(file: string, format: DatasetFormat, sink: RecordSink): Promise<void> {
  if (format === 'jsonl') await readJsonLines(file, sink);
  else if (format === 'csv') await readCsv(file, sink);
  else await readJsonArray(file, sink);
}

/**
 * Streams a JSON Lines file: chunks are split on `\n` by hand (a trailing
 * `\r` is dropped) and every line of a chunk handled synchronously, several
 * times faster than `readline` with an async iterator per line.
 */
async function readJsonLines(file: string, sink: RecordSink): Promise<void> {
  let line = 0;
  const handle = (raw: string): void => {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      sink({ line, error: msg('record.bad-json', { detail: (err as Error).message }) });
      return;
    }
    sink({ line, value, text });
  };
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      handle(nl > from && text.charCodeAt(nl - 1) === 13 ? text.slice(from, nl - 1) : text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
  }
  if (rest !== '') handle(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
}

async function readCsv(file: string, sink: RecordSink): Promise<void> {
  const parser = new CsvParser();
  let header: string[] | undefined;
  const handle = (row: CsvRow): void => {
    if (!header) {
      header = row.fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim());
      if (row.error) sink({ line: row.line, error: msg('record.csv-header', { problem: row.error }) });
      return;
    }
    if (row.error) return sink({ line: row.line, error: msg('record.csv-malformed', { problem: row.error }) });
    if (row.fields.length !== header.length) {
      return sink({ line: row.line, error: msg('record.csv-fields', { count: row.fields.length, header: header.length }) });
    }
    const value: Record<string, string> = {};
    header.forEach((name, i) => {
      value[name] = row.fields[i]!;
    });
    sink({ line: row.line, value });
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    for (const row of parser.push(chunk as string)) handle(row);
  }
  for (const row of parser.end()) handle(row);
}

async function readJsonArray(file: string, sink: RecordSink): Promise<void> {
  const { size } = await stat(file);
  if (size > MAX_JSON_ARRAY_BYTES) {
    sink({ line: 1, error: msg('record.json-too-large', { size: Math.round(size / 2 ** 20), limit: MAX_JSON_ARRAY_BYTES / 2 ** 20 }) });
    return;
  }
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  if (text.trim() === '') return;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    sink({ line: 1, error: msg('record.bad-json', { detail: (err as Error).message }) });
    return;
  }
  if (!Array.isArray(data)) {
    sink({ line: 1, error: msg('record.json-not-array') });
    return;
  }
  const lines = elementLines(text);
  for (let i = 0; i < data.length; i++) sink({ line: lines[i] ?? 1, value: data[i] });
}

/** The line on which each element of a top-level JSON array starts (the text is valid JSON). */
export function elementLines(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (depth === 1 && expectValue && c !== 93) {
      out.push(line);
      expectValue = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) expectValue = true;
  }
  return out;
}
