import type { Diagnostic, LintResult } from '../core/diagnostic.js';
import { msg, render, type Locale } from '../core/i18n/index.js';
import { checkPlanText, finishPlanCheck, type LintTextOptions } from '../core/linter.js';
import { ConfigError } from '../core/rule-settings.js';
import type { AnyRule } from '../core/rule.js';
import { ConfigLoader, type FileSettings } from '../node/config/loader.js';
import { checkPlanData, dataCheckable } from '../node/data/run.js';

/**
 * Lints the text of open plans with the configuration that applies to each
 * file, as `finetune-lint --stdin --stdin-filename <file>` does. The data
 * checks (which read datasets) run only when asked — on open and save — and
 * their findings are carried over the edits in between while the lines they
 * point at are untouched.
 */

/** Findings of the data checks, and the text they were computed on. */
export interface DataFindings {
  text: string;
  /** False when the plan could not be checked (it did not parse, or holds placeholders). */
  ran: boolean;
  findings: Diagnostic[];
}

export interface PlanLintRequest {
  text: string;
  /** The plan's path, for file documents; untitled documents have none. */
  filePath?: string;
  /** Run the data checks now (open, save, configuration change). */
  withData: boolean;
  /** The data findings of an earlier run, carried over when `withData` is false. */
  previousData?: DataFindings;
}

export interface PlanLintOutcome {
  result: LintResult;
  /** The plugin files the plan's configuration loads. */
  plugins?: readonly string[];
  /** The rules known for this plan (built-in, plugins, data rules), by id. */
  rules: ReadonlyMap<string, AnyRule>;
  locale: Locale;
  /** The data findings of this run, when it ran the data checks. */
  data?: DataFindings;
}

export interface PlanLinterOptions {
  /** Folder configuration and data paths are resolved from when a plan has no repository root. */
  cwd: string;
  dataChecks: boolean;
  allowOutsideRoot: boolean;
  /** The language of messages for a plan, given the configuration that applies to it. */
  localeFor: (configured: Locale | undefined) => Locale;
}

const RAN_NOW: ReadonlySet<string> = new Set();

export class PlanLinter {
  private config: ConfigLoader;

  constructor(private readonly options: PlanLinterOptions) {
    this.config = new ConfigLoader({ cwd: options.cwd, freshPlugins: true });
  }

  /** Changes whether (and how) the data checks run, for the lints that follow. */
  setDataChecks(on: boolean, allowOutsideRoot: boolean): void {
    this.options.dataChecks = on;
    this.options.allowOutsideRoot = allowOutsideRoot;
  }

  /** Forgets every configuration file read so far (one of them, or a plugin, changed); a changed plugin is loaded again. */
  reloadConfiguration(): void {
    this.config = new ConfigLoader({ cwd: this.options.cwd, freshPlugins: true });
  }

  /** The configuration that applies to a plan; an untitled plan gets that of the workspace folder. */
  settingsFor(filePath: string | undefined): Promise<FileSettings> {
    return this.config.forFile(filePath ?? `${this.options.cwd}/finetune-plan.yaml`);
  }

  async lint(request: PlanLintRequest): Promise<PlanLintOutcome> {
    const { text, filePath } = request;
    let settings: FileSettings;
    try {
      settings = await this.settingsFor(filePath);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      const locale = this.options.localeFor(undefined);
      return { result: configProblem(filePath, err, locale), rules: new Map(), locale };
    }
    const locale = this.options.localeFor(settings.locale);
    const rules = new Map(settings.allRules.map((r) => [r.meta.id, r]));
    const plugins = settings.plugins;
    const lintOptions: LintTextOptions = {
      ...(filePath ? { filePath } : {}),
      activeRules: settings.lint.activeRules,
      knownRuleIds: settings.lint.knownRuleIds,
      reportUnusedDisableDirectives: settings.lint.reportUnusedDisableDirectives,
      requireReason: settings.lint.requireReason,
      locale,
    };
    const check = checkPlanText(text, lintOptions);
    const checkable = dataCheckable(check);
    if (request.withData && this.options.dataChecks && filePath) {
      const findings = checkable
        ? await checkPlanData(text, filePath, {
            rules: settings.lint.dataRules,
            cwd: this.options.cwd,
            allowOutsideRoot: this.options.allowOutsideRoot,
            locale,
          })
        : [];
      const data: DataFindings = { text, ran: checkable, findings };
      // As the CLI: when the data checks ran, a disable comment naming a data rule that suppressed nothing is reported.
      return { result: checkable ? finishPlanCheck(check, findings, RAN_NOW) : finishPlanCheck(check), rules, locale, data, plugins };
    }
    const previous = request.previousData;
    if (previous?.ran && checkable && this.options.dataChecks) {
      const carried = carryOver(previous.findings, previous.text, text);
      // Only for the very text they were computed on is it known that the data rules found nothing else.
      return { result: finishPlanCheck(check, carried, previous.text === text ? RAN_NOW : undefined), rules, locale, plugins };
    }
    return { result: finishPlanCheck(check), rules, locale, plugins };
  }
}

/**
 * Findings computed on `before`, moved to where their lines are in `after`:
 * the lines before the first changed line and after the last one keep their
 * findings (shifted by the number of lines added or removed); findings on the
 * changed lines are dropped until the data checks run again.
 */
export function carryOver(findings: readonly Diagnostic[], before: string, after: string): Diagnostic[] {
  if (before === after) return [...findings];
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const shift = b.length - a.length;
  const firstTailLine = a.length - tail + 1; // 1-based, in `before`
  const kept: Diagnostic[] = [];
  for (const f of findings) {
    if (f.endLine <= head) kept.push(f);
    else if (f.line >= firstTailLine) kept.push({ ...f, line: f.line + shift, endLine: f.endLine + shift });
  }
  return kept;
}

/** A configuration that cannot be used, shown on the plan's first line (the CLI prints it and stops). */
function configProblem(filePath: string | undefined, err: ConfigError, locale: Locale): LintResult {
  const diagnostic: Diagnostic = {
    ruleId: 'config-error',
    severity: 'error',
    message: render(locale, msg('lsp.config-error', { detail: err.ref ?? err.message })),
    hint: render(locale, msg('lsp.config-error.hint')),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
  return {
    filePath: filePath ?? '<text>',
    messages: [diagnostic],
    suppressedMessages: [],
    errorCount: 1,
    warningCount: 0,
    fatalErrorCount: 0,
    verdict: 'fix-first',
    verdictReasons: [],
  };
}
