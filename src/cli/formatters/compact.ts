import path from 'node:path';
import { summarize } from './summary.js';
import type { Formatter, StreamingFormatter } from './types.js';

/** One line per diagnostic, `path:line:column: severity message [rule-id]`, for grep and editors' error lists. */
export const compactStream: StreamingFormatter = {
  file(r, _index, context) {
    const rel = path.relative(context.cwd, r.filePath);
    const file = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : r.filePath;
    let out = '';
    for (const m of r.messages) out += `${file}:${m.line}:${m.column}: ${m.severity} ${m.message.replace(/\s+/g, ' ')} [${m.ruleId}]\n`;
    return out;
  },
  end: () => '',
};

export const compact: Formatter = (results, context) =>
  results.map((r, i) => compactStream.file(r, i, context)).join('') + compactStream.end(summarize(results), context);
