import path from 'node:path';
import { translate } from '../../core/i18n/index.js';
import { verdictLabel } from '../../core/verdict.js';
import { summarize } from './summary.js';
import type { Formatter, StreamingFormatter } from './types.js';

/** Escaping for a workflow command's message (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a workflow command's property value: as for data, and `:` and `,` too. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation
 * per diagnostic (shown on the pull request's diff), and a `::notice` with
 * the verdict of each plan that is not ready. Chosen by default when
 * `GITHUB_ACTIONS=true` and no `--format` is given.
 */
export const githubStream: StreamingFormatter = {
  file(r, _index, context) {
    const locale = context.locale ?? 'en';
    const lines: string[] = [];
    const rel = path.relative(context.cwd, r.filePath);
    const file = (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : r.filePath).split(path.sep).join('/');
    for (const m of r.messages) {
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',');
      lines.push(`::${m.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(`${m.message}\n${m.hint}`)}`);
    }
    if (r.verdict !== 'ready') {
      const why = r.verdictReasons.map((x) => x.slice(0, x.indexOf(':'))).join(', ');
      lines.push(
        `::notice file=${escapeProperty(file)},title=${escapeProperty(translate(locale, 'github.verdict-title'))}::${escapeData(`${verdictLabel(r.verdict, locale)} — ${why}`)}`,
      );
    }
    return lines.map((line) => `${line}\n`).join('');
  },
  end: () => '',
};

export const github: Formatter = (results, context) =>
  results.map((r, i) => githubStream.file(r, i, context)).join('') + githubStream.end(summarize(results), context);
