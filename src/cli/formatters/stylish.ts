import path from 'node:path';
import { Chalk } from 'chalk';
import type { Verdict } from '../../core/diagnostic.js';
import { displayWidth } from '../display-width.js';
import { plural, render, translate } from '../../core/i18n/index.js';
import { verdictLabel } from '../../core/verdict.js';
import { summarize } from './summary.js';
import type { Formatter, StreamingFormatter } from './types.js';

/** Columns a string takes in a terminal: CJK characters take two, ANSI colour codes none. */
function width(s: string): number {
  return displayWidth(s);
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
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
    const locale = context.locale ?? 'en';
    const paint: Record<Verdict, (s: string) => string> = { ready: c.green, 'fix-first': c.yellow, 'do-not-fine-tune': c.red };
    const rel = path.relative(context.cwd, result.filePath);
    const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : result.filePath;
    let out = `\n${c.underline(shown)}\n`;
    const rows = result.messages.map((m) => ({
      pos: `${m.line}:${m.column}`,
      sev: m.severity === 'error' ? c.red(translate(locale, 'stylish.error')) : c.yellow(translate(locale, 'stylish.warning')),
      message: m.message,
      rule: c.dim(m.ruleId),
      hint: m.hint,
    }));
    const posW = Math.max(...rows.map((r) => width(r.pos)));
    const sevW = Math.max(...rows.map((r) => width(r.sev)));
    const leadW = 2 + posW + 2 + sevW + 2;
    // In a terminal, rule ids line up only among the lines that fit its width; a longer message
    // is followed by its rule id directly, rather than padding every other line past the edge.
    const fits = (r: (typeof rows)[number]): boolean => context.columns === undefined || leadW + width(r.message) + 2 + width(r.rule) <= context.columns;
    const msgW = Math.max(0, ...rows.filter(fits).map((r) => width(r.message)));
    for (const r of rows) {
      const lead = `  ${' '.repeat(posW - width(r.pos))}${c.dim(r.pos)}  ${pad(r.sev, sevW)}  `;
      out += `${lead}${fits(r) ? pad(r.message, msgW) : r.message}  ${r.rule}\n`;
      if (r.hint) out += `${' '.repeat(width(lead))}${c.dim(`↳ ${r.hint}`)}\n`;
    }
    const why = result.verdictReasons.map((r) => r.slice(0, r.indexOf(':')));
    const planVerdict = translate(locale, 'stylish.verdict-line', {
      label: c.bold(translate(locale, 'stylish.verdict')),
      verdict: paint[result.verdict](verdictLabel(result.verdict, locale)),
      reasons: why.length ? c.dim(` — ${why.join(', ')}`) : '',
    });
    return `${out}  ${planVerdict}\n`;
  },
  end({ files, errors, warnings, verdicts }, context) {
    if (files === 0) return '';
    const c = new Chalk({ level: context.color ? 1 : 0 });
    const locale = context.locale ?? 'en';
    const total = errors + warnings;
    const verdictLine = translate(locale, 'stylish.verdicts', {
      plans: render(locale, plural('count.plan', files)),
      ready: verdicts.ready,
      fixFirst: verdicts['fix-first'],
      doNotFineTune: verdicts['do-not-fine-tune'],
    });
    if (total === 0) {
      if (verdicts.ready === files) return `${c.green('✔')} ${render(locale, plural('stylish.clean', files))}\n`;
      // Nothing shown (--quiet hid the warnings), yet not every plan is ready: never say "all ready".
      return `${c.green('✔')} ${render(locale, plural('stylish.no-errors', files))}\n${verdictLine}\n`;
    }
    const summary = translate(locale, 'stylish.summary', {
      problems: plural('count.problem', total),
      errors: plural('count.error', errors),
      warnings: plural('count.warning', warnings),
    });
    return `\n${errors ? c.red.bold(summary) : c.yellow.bold(summary)}\n${verdictLine}\n`;
  },
};

export const stylish: Formatter = (results, context) => {
  // A run with no files prints nothing at all, not even the files' blocks.
  if (results.length === 0) return '';
  return results.map((r, i) => stylishStream.file(r, i, context)).join('') + stylishStream.end(summarize(results), context);
};
