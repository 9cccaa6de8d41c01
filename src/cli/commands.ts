import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dataRules } from '../node/data/rules/index.js';
import { BUILTIN_DIAGNOSTICS, type BuiltinDiagnosticId } from '../core/diagnostic.js';
import { displayWidth } from './display-width.js';
import { DEFAULT_LOCALE, translate, type Locale } from '../core/i18n/index.js';
import { STARTER_PLANS } from '../core/init-template.js';
import { isPlanPath } from '../core/plan-patterns.js';
import { ruleDescription, type AnyRule } from '../core/rule.js';
import { rules as planRules } from '../core/rules/index.js';
import { closest } from '../core/text-distance.js';
import { verdictLabel } from '../core/verdict.js';

/**
 * The CLI's subcommands: `rules`, `explain <rule-id>`, `init [path]`. Each
 * returns the text to print and the exit code; `cli.ts` does the printing.
 * Everything they say is in the given locale; rule ids and severities are not
 * translated.
 */
export interface CommandOutcome {
  stdout?: string;
  stderr?: string;
  code: number;
}

/** Plan rules, then data rules: everything `rules` lists and `explain` knows. */
const rules = [...planRules, ...dataRules];

/** Pads to a display width: Chinese characters take two columns. */
function padEnd(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - displayWidth(s)));
}

/**
 * `finetune-lint rules`: every rule with its default severity, verdict and
 * description; `plugins` are the rules the configuration adds.
 */
export function listRules(locale: Locale = DEFAULT_LOCALE, plugins: readonly AnyRule[] = []): CommandOutcome {
  const heading = [
    translate(locale, 'rules.heading.rule'),
    translate(locale, 'rules.heading.default'),
    translate(locale, 'rules.heading.verdict'),
    translate(locale, 'rules.heading.description'),
  ];
  const rows = [...rules, ...plugins].map((r) => [r.meta.id, r.meta.severity, verdictLabel(r.meta.verdict, locale), ruleDescription(r.meta, locale)]);
  const widths = [0, 1, 2].map((i) => Math.max(...[heading, ...rows].map((row) => displayWidth(row[i]!))));
  const line = (row: string[]): string => `${row.slice(0, 3).map((cell, i) => padEnd(cell, widths[i]!)).join('  ')}  ${row[3]}`;
  return { stdout: `${[heading, ...rows].map(line).join('\n')}\n`, code: 0 };
}

/**
 * `finetune-lint explain <rule-id>`: the rule's document from `docsDir`, in
 * the locale's own document (`rules/<id>.zh-CN.md`) when there is one, else
 * the English `rules/<id>.md`.
 */
export function explainRule(id: string, docsDir: string, locale: Locale = DEFAULT_LOCALE, plugins: readonly AnyRule[] = []): CommandOutcome {
  const rule = rules.find((r) => r.meta.id === id);
  const plugin = plugins.find((r) => r.meta.id === id);
  // A plugin rule has no document here: what its metadata says stands in for one.
  if (!rule && plugin) {
    const { meta } = plugin;
    const lines = [
      `# ${meta.id}`,
      '',
      meta.description,
      '',
      `- ${translate(locale, 'rules.heading.default')}: ${meta.severity}`,
      `- ${translate(locale, 'rules.heading.verdict')}: ${verdictLabel(meta.verdict, locale)}`,
      '',
      meta.hint ?? '',
    ];
    if (meta.docsUrl) lines.push('', meta.docsUrl);
    return { stdout: `${lines.join('\n')}\n`, code: 0 };
  }
  if (!rule && id in BUILTIN_DIAGNOSTICS) {
    // Not a rule, but printed like one: its id must explain too.
    const lines = [
      `# ${id}`,
      '',
      translate(locale, `${id as BuiltinDiagnosticId}.description`),
      '',
      `- ${translate(locale, 'rules.heading.default')}: ${id === 'unused-disable-directive' ? 'warning' : 'error'}`,
      '',
      translate(locale, 'explain.builtin'),
    ];
    return { stdout: `${lines.join('\n')}\n`, code: 0 };
  }
  if (!rule) {
    const near = nearestId(id, [...rules.map((r) => r.meta.id), ...Object.keys(BUILTIN_DIAGNOSTICS), ...plugins.map((r) => r.meta.id)]);
    const stderr = near ? translate(locale, 'explain.unknown-rule.near', { id, near }) : translate(locale, 'explain.unknown-rule', { id });
    return { stderr: `${stderr}\n`, code: 2 };
  }
  const english = path.join(docsDir, `${id}.md`);
  const own = locale === 'en' ? english : path.join(docsDir, `${id}.${locale}.md`);
  const file = existsSync(own) ? own : english;
  if (!existsSync(file)) return { stderr: `${translate(locale, 'explain.missing-doc', { id, file })}\n`, code: 2 };
  return { stdout: readFileSync(file, 'utf8'), code: 0 };
}

/**
 * The id someone most likely meant: a near spelling of the whole id, else of
 * one of its words (`knowlege` → `knowledge-injection`), else an id it starts.
 */
function nearestId(input: string, ids: readonly string[]): string | undefined {
  const whole = closest(input, ids);
  if (whole) return whole;
  const word = closest(input, ids.flatMap((x) => x.split('-')).filter((w) => w.length >= 4));
  if (word) return ids.find((x) => x.split('-').includes(word));
  const lower = input.toLowerCase();
  return lower.length >= 3 ? ids.find((x) => x.startsWith(lower)) : undefined;
}

/**
 * `finetune-lint init [path]`: writes the starter plan of the locale; never
 * overwrites. A path that ends in a slash or names a folder means a
 * `finetune-plan.yaml` inside it (the folder is created when missing). A plan
 * written under a name the hook and the Action would not pick by default gets
 * a note saying so.
 */
export async function initPlan(target = 'finetune-plan.yaml', locale: Locale = DEFAULT_LOCALE): Promise<CommandOutcome> {
  const asFolder = /[\\/]$/.test(target) || (existsSync(target) && statSync(target).isDirectory());
  const shown = asFolder ? `${target.replace(/[\\/]+$/, '')}/finetune-plan.yaml` : target;
  const file = path.resolve(shown);
  if (existsSync(file)) return { stderr: `${translate(locale, 'init.exists', { target: shown })}\n`, code: 2 };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, STARTER_PLANS[locale], { flag: 'wx' });
  // The absolute path: a plan written from inside a plans/ folder is under it too.
  const note = isPlanPath(file.split(path.sep).join('/')) ? '' : `${translate(locale, 'init.not-picked', { target: shown })}\n`;
  return { stdout: `${translate(locale, 'init.wrote', { target: shown })}\n`, ...(note ? { stderr: note } : {}), code: 0 };
}
