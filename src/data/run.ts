import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodePlanBytes } from '../decode.js';
import { makeResult, type Diagnostic, type LintResult } from '../diagnostic.js';
import { parsePlan } from '../parse.js';
import { Plan } from '../plan.js';
import { resolveRules, type RuleSettings } from '../rule-settings.js';
import type { AnyDataRule } from './rule.js';
import { collectReferences, findRoot } from './references.js';
import { dataRules } from './rules/index.js';
import type { DataWorkspace, ScanSettings } from './workspace.js';

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
}

/** Diagnostics that say the plan itself could not be read; data checks are pointless then. */
const BLOCKING = new Set(['syntax-error', 'invalid-document', 'read-error', 'encoding-error', 'unfilled-placeholder', 'internal-error']);

/** Whether a plan's lint result allows its data to be checked. */
export function dataCheckable(result: LintResult): boolean {
  return result.fatalErrorCount === 0 && !result.messages.some((m) => BLOCKING.has(m.ruleId));
}

/**
 * Runs the data checks for one plan: resolves the files it names against the
 * repository root, then runs every active data rule. The dataset and
 * trainer-config readers are loaded only when a referenced file can be read.
 * Never throws for bad data: a failing rule becomes an `internal-error`.
 */
export async function checkPlanData(text: string, planPath: string, options: DataCheckOptions = {}): Promise<Diagnostic[]> {
  const active = resolveRules<AnyDataRule>(dataRules, options.rules);
  if (active.length === 0) return [];
  const { plan: parsed, source } = parsePlan(text);
  if (!parsed || parsed.hasPlaceholders) return [];
  const absolutePlan = path.resolve(planPath);
  const plan = new Plan(parsed.root, absolutePlan);
  const rootDir = options.rootDir ? path.resolve(options.rootDir) : findRoot(path.dirname(absolutePlan), options.cwd ?? process.cwd());
  const references = collectReferences(plan, absolutePlan, rootDir, options.allowOutsideRoot ?? false);
  let loaded: Promise<DataWorkspace> | undefined;
  const workspace = (): Promise<DataWorkspace> => {
    // The readers are a separate bundle in the CLI (dist/data.cjs), loaded here on first use.
    loaded ??= import('./workspace.js').then((m) => new m.DataWorkspace(references, scanSettings(active)));
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
        references,
        workspace,
        report(finding) {
          messages.push({
            ruleId: rule.meta.id,
            severity,
            message: finding.message,
            hint: finding.hint ?? rule.meta.hint,
            verdict: finding.verdict ?? rule.meta.verdict,
            ...source.position(finding.node),
          });
        },
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      messages.push({
        ruleId: 'internal-error',
        severity: 'error',
        message: `rule "${rule.meta.id}" failed while checking this file: ${reason}`,
        hint: 'This is a bug in finetune-lint, not in your plan; please report it with the plan attached.',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      });
    }
  }
  return messages;
}

function scanSettings(active: ReadonlyArray<{ rule: AnyDataRule; options: Record<string, unknown> }>): ScanSettings {
  const format = active.find((a) => a.rule.meta.id === 'dataset-format');
  const overlap = active.find((a) => a.rule.meta.id === 'eval-train-overlap');
  return {
    maxProblems: (format?.options.maxPerFile as number | undefined) ?? 10,
    ...(overlap ? { overlap: { threshold: overlap.options.threshold as number, shingleSize: overlap.options.shingleSize as number } } : {}),
  };
}

/** Adds the data checks' findings to a plan's lint result (counts and verdict recomputed). */
export async function withDataChecks(result: LintResult, text: string, options: DataCheckOptions = {}): Promise<LintResult> {
  if (!dataCheckable(result)) return result;
  const found = await checkPlanData(text, result.filePath, options);
  return found.length ? makeResult(result.filePath, [...result.messages, ...found]) : result;
}

/**
 * Runs the data checks for plan files already linted: each plan whose lint
 * result allows it is read again (plans are small) and its findings merged.
 */
export async function addDataChecks(results: LintResult[], options: DataCheckOptions = {}): Promise<LintResult[]> {
  const out: LintResult[] = [];
  for (const result of results) {
    if (!dataCheckable(result)) {
      out.push(result);
      continue;
    }
    let text: string;
    try {
      const decoded = decodePlanBytes(readFileSync(result.filePath));
      if (!('text' in decoded)) {
        out.push(result);
        continue;
      }
      text = decoded.text;
    } catch {
      out.push(result);
      continue;
    }
    out.push(await withDataChecks(result, text, options));
  }
  return out;
}
