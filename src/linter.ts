import { makeResult, type Diagnostic, type LintResult } from './diagnostic.js';
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
  const { plan: parsed, source, diagnostics } = parsePlan(text);
  const messages: Diagnostic[] = [...diagnostics];
  if (parsed) {
    const plan = new Plan(parsed.root, options.filePath);
    messages.push(...validatePlanSchema(parsed.data, plan, source));
    for (const { rule, severity, options: ruleOptions } of active) {
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
              ...source.position(finding.node),
            });
          },
        });
      } catch (err) {
        messages.push(internalError(rule, err));
      }
    }
  }
  return makeResult(filePath, messages);
}

function internalError(rule: AnyRule, err: unknown): Diagnostic {
  const reason = err instanceof Error ? err.message : String(err);
  return {
    ruleId: 'internal-error',
    severity: 'error',
    message: `rule "${rule.meta.id}" failed while checking this file: ${reason}`,
    hint: 'This is a bug in the rule, not in your plan; please report it with the plan attached.',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
}
