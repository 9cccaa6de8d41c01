import { decodePlanBytes } from './decode.js';
import { makeResult, type Diagnostic, type LintResult } from './diagnostic.js';
import { applyDirectives, parseDirectives, type SuppressedDiagnostic } from './directives.js';
import { parsePlan } from './parse.js';
import { Plan } from './plan.js';
import { resolveRules, type ActiveRule, type RuleSettings } from './rule-settings.js';
import type { AnyRule } from './rule.js';
import { rules as builtinRules } from './rules/index.js';
import { validatePlanSchema } from './schema/validate.js';

export interface LintTextOptions {
  /** Path of the file the text came from; relative paths in the plan resolve against its folder. */
  filePath?: string;
  /** Severity and options per rule id; rules not named run with their defaults. */
  rules?: RuleSettings;
  /** Already resolved rules (takes precedence over `rules`); lets a caller resolve once for many files. */
  activeRules?: ActiveRule[];
  /**
   * Every rule id a `# finetune-lint-disable` comment may name, including
   * rules turned off; defaults to the ids of the rules given.
   */
  knownRuleIds?: ReadonlySet<string>;
  /** Severity of a disable comment that suppressed nothing (default `warning`). */
  reportUnusedDisableDirectives?: 'off' | 'warning' | 'error';
  /** Make a disable comment without `-- reason` an error. */
  requireReason?: boolean;
}

/** The name used for text that did not come from a file. */
export const TEXT_INPUT_NAME = '<text>';

/**
 * Lints the text of one plan. Pure: reads no files and never throws for bad
 * input; every problem with the text is a diagnostic in the result.
 */
export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  const filePath = options.filePath ?? TEXT_INPUT_NAME;
  const active = options.activeRules ?? resolveRules(builtinRules, options.rules);
  try {
    return lintParsed(text, filePath, active, options);
  } catch (err) {
    // Parsing and validation contain their own failures; this is the last line of defence.
    return makeResult(filePath, [failure('internal-error', `the file could not be checked: ${(err as Error).message}`)]);
  }
}

/**
 * Lints the raw bytes of a plan file: decodes them (see `decodePlanBytes`),
 * then lints the text. Pure, like `lintText`.
 */
export function lintBytes(bytes: Uint8Array, options: LintTextOptions = {}): LintResult {
  const decoded = decodePlanBytes(bytes);
  if ('diagnostic' in decoded) return makeResult(options.filePath ?? TEXT_INPUT_NAME, [decoded.diagnostic]);
  return lintText(decoded.text, options);
}

function lintParsed(text: string, filePath: string, active: ActiveRule[], options: LintTextOptions): LintResult {
  const { plan: parsed, source, diagnostics } = parsePlan(text);
  let messages: Diagnostic[] = [...diagnostics];
  let suppressed: SuppressedDiagnostic[] = [];
  if (parsed) {
    const plan = new Plan(parsed.root, options.filePath);
    // A plan still full of placeholders is not checked further: the findings would be about them.
    if (parsed.hasPlaceholders) return makeResult(filePath, messages);
    messages.push(...validatePlanSchema(parsed.data, plan, source));
    for (const { rule, severity, options: ruleOptions, origin } of active) {
      try {
        rule.check({
          plan,
          options: ruleOptions,
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
        messages.push(internalError(rule, err, origin));
      }
    }
    if (parsed.directiveComments.length) {
      const { directives, problems } = parseDirectives(parsed.directiveComments, source);
      ({ messages, suppressed } = applyDirectives([...messages, ...problems], directives, {
        knownRuleIds: options.knownRuleIds ?? builtinRuleIds(active),
        reportUnused: options.reportUnusedDisableDirectives ?? 'warning',
        requireReason: options.requireReason ?? false,
      }));
    }
  }
  return makeResult(filePath, messages, suppressed);
}

function builtinRuleIds(active: readonly ActiveRule[]): Set<string> {
  return new Set([...builtinRules.map((r) => r.meta.id), ...active.map((a) => a.rule.meta.id)]);
}

function internalError(rule: AnyRule, err: unknown, plugin?: string): Diagnostic {
  const reason = err instanceof Error ? err.message : String(err);
  const message = `rule "${rule.meta.id}"${plugin ? ` (plugin ${plugin})` : ''} failed while checking this file: ${reason}`;
  const d = failure('internal-error', message);
  return plugin ? { ...d, hint: 'This is a bug in the plugin rule, not in your plan; fix the rule or turn it off.' } : d;
}

function failure(ruleId: string, message: string): Diagnostic {
  return {
    ruleId,
    severity: 'error',
    message,
    hint: 'This is a bug in finetune-lint, not in your plan; please report it with the plan attached.',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
}
