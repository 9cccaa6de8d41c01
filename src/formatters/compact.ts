import path from 'node:path';
import type { Formatter } from './types.js';

/** One line per diagnostic, `path:line:column: severity message [rule-id]`, for grep and editors' error lists. */
export const compact: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const r of results) {
    const rel = path.relative(context.cwd, r.filePath);
    const file = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : r.filePath;
    for (const m of r.messages) lines.push(`${file}:${m.line}:${m.column}: ${m.severity} ${m.message.replace(/\s+/g, ' ')} [${m.ruleId}]`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
