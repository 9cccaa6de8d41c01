import path from 'node:path';
import { Chalk } from 'chalk';
import type { Verdict } from '../diagnostic.js';
import { VERDICT_LABELS } from '../verdict.js';
import { summarize } from './summary.js';
import type { Formatter, StreamingFormatter } from './types.js';

/** Display width ignoring ANSI colour codes. */
function width(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * ESLint's "stylish" layout: each file with problems, one aligned line per
 * diagnostic (`line:column  severity  message  rule-id`) with its fix hint
 * beneath and the plan's verdict after them; then a summary of problems and
 * of verdicts.
 */
export const stylishStream: StreamingFormatter = {
  file(result, _index, context) {
    if (result.messages.length === 0) return '';
    const c = new Chalk({ level: context.color ? 1 : 0 });
    const paint: Record<Verdict, (s: string) => string> = { ready: c.green, 'fix-first': c.yellow, 'do-not-fine-tune': c.red };
    const rel = path.relative(context.cwd, result.filePath);
    const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : result.filePath;
    let out = `\n${c.underline(shown)}\n`;
    const rows = result.messages.map((m) => ({
      pos: `${m.line}:${m.column}`,
      sev: m.severity === 'error' ? c.red('error') : c.yellow('warning'),
      message: m.message,
      rule: c.dim(m.ruleId),
      hint: m.hint,
    }));
    const posW = Math.max(...rows.map((r) => width(r.pos)));
    const sevW = Math.max(...rows.map((r) => width(r.sev)));
    const msgW = Math.max(...rows.map((r) => width(r.message)));
    for (const r of rows) {
      const lead = `  ${' '.repeat(posW - width(r.pos))}${c.dim(r.pos)}  ${pad(r.sev, sevW)}  `;
      out += `${lead}${pad(r.message, msgW)}  ${r.rule}\n`;
      if (r.hint) out += `${' '.repeat(width(lead))}${c.dim(`↳ ${r.hint}`)}\n`;
    }
    const why = result.verdictReasons.map((r) => r.slice(0, r.indexOf(':')));
    out += `  ${c.bold('verdict:')} ${paint[result.verdict](VERDICT_LABELS[result.verdict])}${why.length ? c.dim(` — ${why.join(', ')}`) : ''}\n`;
    return out;
  },
  end({ files, errors, warnings, verdicts }, context) {
    if (files === 0) return '';
    const c = new Chalk({ level: context.color ? 1 : 0 });
    const total = errors + warnings;
    if (total === 0) return `${c.green('✔')} ${plural(files, 'plan')} checked, no problems: ${files === 1 ? 'ready' : 'all ready'}\n`;
    const verdictLine = `${plural(files, 'plan')}: ${verdicts.ready} ready, ${verdicts['fix-first']} ${VERDICT_LABELS['fix-first']}, ${verdicts['do-not-fine-tune']} ${VERDICT_LABELS['do-not-fine-tune']}`;
    const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    return `\n${errors ? c.red.bold(summary) : c.yellow.bold(summary)}\n${verdictLine}\n`;
  },
};

export const stylish: Formatter = (results, context) => {
  // A run with no files prints nothing at all, not even the files' blocks.
  if (results.length === 0) return '';
  return results.map((r, i) => stylishStream.file(r, i, context)).join('') + stylishStream.end(summarize(results), context);
};
