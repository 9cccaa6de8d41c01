import { compact, compactStream } from './compact.js';
import { github, githubStream } from './github.js';
import { json, jsonStream } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish, stylishStream } from './stylish.js';
import type { Formatter, StreamingFormatter } from './types.js';

export type { Formatter, FormatterContext, RuleDescription, StreamingFormatter } from './types.js';
export { summarize, type ReportSummary } from './summary.js';

/** Output formats by the name given to `--format`. */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json, sarif, github, junit, compact, markdown };

/** The formats that can also be written one file at a time (see {@link StreamingFormatter}). */
export const streamingFormatters: Readonly<Record<string, StreamingFormatter>> = { stylish: stylishStream, json: jsonStream, compact: compactStream, github: githubStream };
