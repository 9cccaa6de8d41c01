import path from 'node:path';
import type { Verdict } from '../../core/diagnostic.js';
import { plural, render, translate } from '../../core/i18n/index.js';
import { verdictLabel } from '../../core/verdict.js';
import { summarize } from './summary.js';
import type { Formatter } from './types.js';

const MARK: Record<Verdict, string> = { ready: '✅', 'fix-first': '⚠️', 'do-not-fine-tune': '⛔' };

/** Text safe inside a Markdown table cell: no line breaks, `|` escaped, HTML-ish `<` kept literal. */
function cell(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/** A path as inline code in a table: `|` still splits cells inside code, so it is escaped; backticks cannot close the span. */
function code(s: string, inTable = true): string {
  const text = inTable ? s.replace(/\|/g, '\\|') : s;
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/**
 * A Markdown report for GitHub's job summary (`$GITHUB_STEP_SUMMARY`) and
 * pull-request comments: a table of plans with their verdicts and counts,
 * then a table of findings for each plan that has any, then the totals.
 */
export const markdown: Formatter = (results, context) => {
  const locale = context.locale ?? 'en';
  const t = (key: Parameters<typeof translate>[1]): string => translate(locale, key);
  const shown = (file: string): string => {
    const rel = path.relative(context.cwd, file);
    return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
  };
  const out: string[] = [`## finetune-lint`, ''];
  if (results.length === 0) return `${out.join('\n')}${t('markdown.no-plans')}\n`;
  out.push(`| ${t('markdown.plan')} | ${t('markdown.verdict')} | ${t('markdown.errors')} | ${t('markdown.warnings')} |`, '|---|---|---:|---:|');
  for (const r of results) {
    out.push(`| ${code(shown(r.filePath))} | ${MARK[r.verdict]} ${verdictLabel(r.verdict, locale)} | ${r.errorCount} | ${r.warningCount} |`);
  }
  for (const r of results) {
    if (r.messages.length === 0) continue;
    out.push('', `### ${code(shown(r.filePath), false)}`, '');
    out.push(`| ${t('markdown.position')} | ${t('markdown.severity')} | ${t('markdown.rule')} | ${t('markdown.message')} |`, '|---|---|---|---|');
    for (const m of r.messages) {
      const severity = m.severity === 'error' ? t('stylish.error') : t('stylish.warning');
      const hint = m.hint ? `<br>↳ ${cell(m.hint)}` : '';
      out.push(`| ${m.line}:${m.column} | ${severity} | \`${m.ruleId}\` | ${cell(m.message)}${hint} |`);
    }
  }
  const { files, errors, warnings, verdicts } = summarize(results);
  const verdictLine = translate(locale, 'stylish.verdicts', {
    plans: render(locale, plural('count.plan', files)),
    ready: verdicts.ready,
    fixFirst: verdicts['fix-first'],
    doNotFineTune: verdicts['do-not-fine-tune'],
  });
  const problems =
    errors + warnings === 0
      ? ''
      : ` · ${translate(locale, 'stylish.summary', { problems: plural('count.problem', errors + warnings), errors: plural('count.error', errors), warnings: plural('count.warning', warnings) })}`;
  out.push('', `${verdictLine}${problems}`);
  return `${out.join('\n')}\n`;
};
