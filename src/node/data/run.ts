import path from 'node:path';
import type { Diagnostic, LintResult } from '../../core/diagnostic.js';
import { DEFAULT_LOCALE, msg, render, type Locale } from '../../core/i18n/index.js';
import { checkPlanText, finishPlanCheck, wording, type LintTextOptions, type PlanCheck } from '../../core/linter.js';
import { parsePlan } from '../../core/parse.js';
import type { SourceText } from '../../core/source.js';
import { Plan } from '../../core/plan.js';
import { resolveRules, type ActiveRule, type RuleSettings } from '../../core/rule-settings.js';
import type { AnyDataRule } from './rule.js';
import { collectReferences, findRoot } from './references.js';
import { dataRules } from './rules/index.js';
import type { DataWorkspace, ScanSettings } from './workspace.js';
import type { SensitiveKind } from '../../core/sensitive-kinds.js';
import { goalChecks } from './goal-checks.js';

export interface DataCheckOptions {
  /** Severity and options per rule id (plan rules in the same object are ignored here). */
  rules?: RuleSettings;
  /**
   * The folder data may be read from. Defaults to the nearest folder above the
   * plan holding `.git`, else `cwd`.
   */
  rootDir?: string;
  /** Folder used as the root when no `.git` is found; defaults to `process.cwd()`. */
  cwd?: string;
  /** Read files outside the root too (`--allow-outside-root`). */
  allowOutsideRoot?: boolean;
  /** Language of messages and hints (default `en`). */
  locale?: Locale;
  /** Told of each data file that exists and may be read, so callers can tell the result depends on it. */
  onRead?: (file: string) => void;
}

/** Diagnostics that say the plan itself could not be read; data checks are pointless then. */
const BLOCKING = new Set(['syntax-error', 'invalid-document', 'read-error', 'encoding-error', 'unfilled-placeholder', 'internal-error']);

/** Whether a checked plan allows its data to be checked: it parsed, and nothing says it could not be read. */
export function dataCheckable(check: PlanCheck): boolean {
  return check.parsed !== undefined && !check.messages.some((m) => m.fatal || BLOCKING.has(m.ruleId));
}

/**
 * Lints a plan's text, then runs the data checks on the files it names, and
 * applies the plan's disable comments to both kinds of findings.
 */
export async function lintTextWithData(text: string, options: LintTextOptions & { filePath: string }, data: DataCheckOptions = {}): Promise<LintResult> {
  const check = checkPlanText(text, options);
  if (!dataCheckable(check)) return finishPlanCheck(check);
  const found = await runDataRules(check.parsed!.plan, check.parsed!.source, options.filePath, { ...data, ...(options.locale ? { locale: options.locale } : {}) });
  return finishPlanCheck(check, found, NONE);
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Runs the data checks for one plan's text: resolves the files it names
 * against the repository root, then runs every active data rule. Returns the
 * data findings only; `lintTextWithData` gives the whole result.
 */
export async function checkPlanData(text: string, planPath: string, options: DataCheckOptions = {}): Promise<Diagnostic[]> {
  const { plan: parsed, source } = parsePlan(text);
  if (!parsed || parsed.hasPlaceholders) return [];
  return runDataRules(new Plan(parsed.root, path.resolve(planPath)), source, planPath, options);
}

/**
 * The data rules over a parsed plan. The dataset and trainer-config readers
 * are loaded only when a referenced file can be read. Never throws for bad
 * data: a failing rule becomes an `internal-error`.
 */
async function runDataRules(plan: Plan, source: SourceText, planPath: string, options: DataCheckOptions): Promise<Diagnostic[]> {
  const active = activeDataRules(options.rules);
  if (active.length === 0) return [];
  const absolutePlan = path.resolve(planPath);
  const rootDir = options.rootDir ? path.resolve(options.rootDir) : findRoot(path.dirname(absolutePlan), options.cwd ?? process.cwd());
  const references = collectReferences(plan, absolutePlan, rootDir, options.allowOutsideRoot ?? false);
  for (const r of references) if (r.status === 'readable') options.onRead?.(r.absolute);
  let loaded: Promise<DataWorkspace> | undefined;
  const workspace = (): Promise<DataWorkspace> => {
    // The readers are a separate bundle in the CLI (dist/data.cjs), loaded here on first use.
    loaded ??= import('./workspace.js').then((m) => new m.DataWorkspace(references, scanSettings(active, plan, path.dirname(absolutePlan), rootDir, options.allowOutsideRoot ?? false)));
    return loaded;
  };
  const messages: Diagnostic[] = [];
  for (const { rule, severity, options: ruleOptions } of active) {
    try {
      await rule.check({
        plan,
        planPath: absolutePlan,
        rootDir,
        allowOutsideRoot: options.allowOutsideRoot ?? false,
        options: ruleOptions,
        severity,
        references,
        workspace,
        report(finding) {
          messages.push({
            ruleId: rule.meta.id,
            severity: finding.severity ?? severity,
            ...wording(finding, rule, options.locale ?? DEFAULT_LOCALE),
            verdict: finding.verdict ?? rule.meta.verdict,
            ...source.position(finding.node),
          });
        },
      });
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      const locale = options.locale ?? DEFAULT_LOCALE;
      messages.push({
        ruleId: 'internal-error',
        severity: 'error',
        message: render(locale, msg('internal-error.rule-failed', { rule: rule.meta.id, detail })),
        hint: render(locale, msg('internal-error.hint')),
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      });
    }
  }
  return messages;
}

/** Data rules resolved per settings object: a run has one or a few, shared by its plans. */
const resolvedData = new WeakMap<RuleSettings, Array<ActiveRule<AnyDataRule>>>();
let resolvedDefault: Array<ActiveRule<AnyDataRule>> | undefined;

function activeDataRules(settings: RuleSettings | undefined): Array<ActiveRule<AnyDataRule>> {
  if (!settings) return (resolvedDefault ??= resolveRules<AnyDataRule>(dataRules));
  let active = resolvedData.get(settings);
  if (!active) {
    active = resolveRules<AnyDataRule>(dataRules, settings);
    resolvedData.set(settings, active);
  }
  return active;
}

function scanSettings(active: ReadonlyArray<{ rule: AnyDataRule; options: Record<string, unknown> }>, plan: Plan, planDir: string, rootDir: string, allowOutsideRoot: boolean): ScanSettings {
  const options = (id: string): Record<string, unknown> | undefined => active.find((a) => a.rule.meta.id === id)?.options;
  const format = options('dataset-format');
  const overlap = options('eval-train-overlap');
  const duplicates = options('train-duplicates');
  const sensitive = options('data-sensitive-content');
  const contradicts = options('data-contradicts-goal');
  return {
    maxProblems: (format?.maxPerFile as number | undefined) ?? 10,
    ...(overlap ? { overlap: { threshold: overlap.threshold as number, shingleSize: overlap.shingleSize as number } } : {}),
    ...(duplicates
      ? { duplicates: { threshold: duplicates.threshold as number, shingleSize: duplicates.shingleSize as number, maxGroups: duplicates.maxGroups as number, maxLines: 5 } }
      : {}),
    ...(contradicts
      ? { goals: { checks: goalChecks(plan).checks, maxListed: contradicts.maxListed as number, planDir, rootDir, allowOutsideRoot } }
      : {}),
    ...(sensitive ? { sensitive: { kinds: sensitive.kinds as SensitiveKind[], allow: sensitive.allow as string[], maxListed: sensitive.maxListed as number } } : {}),
  };
}

