import { decodePlanBytes } from './decode.js';
import { makeResult, type Diagnostic, type LintResult } from './diagnostic.js';
import { DEFAULT_LOCALE, msg, render, type Locale, type MessageRef } from './i18n/index.js';
import { parsePlan } from './parse.js';
import { Plan } from './plan.js';
import { resolveRules, type ActiveRule, type RuleSettings } from './rule-settings.js';
import { defaultHint, type AnyRule, type Finding } from './rule.js';
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
   * Language of messages and hints (default `en`). Positions, rule ids,
   * severities and verdicts never depend on it.
   */
  locale?: Locale;
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
  const locale = options.locale ?? DEFAULT_LOCALE;
  try {
    return lintParsed(text, filePath, options.filePath, active, locale);
  } catch (err) {
    // Parsing and validation contain their own failures; this is the last line of defence.
    return makeResult(filePath, [failure(locale, msg('internal-error.unchecked', { detail: (err as Error).message }))]);
  }
}

/**
 * Lints the raw bytes of a plan file: decodes them (see `decodePlanBytes`),
 * then lints the text. Pure, like `lintText`.
 */
export function lintBytes(bytes: Uint8Array, options: LintTextOptions = {}): LintResult {
  const decoded = decodePlanBytes(bytes, options.locale);
  if ('diagnostic' in decoded) return makeResult(options.filePath ?? TEXT_INPUT_NAME, [decoded.diagnostic]);
  return lintText(decoded.text, options);
}

function lintParsed(text: string, filePath: string, planPath: string | undefined, active: ActiveRule[], locale: Locale): LintResult {
  const { plan: parsed, source, diagnostics } = parsePlan(text, locale);
  const messages: Diagnostic[] = [...diagnostics];
  if (parsed) {
    const plan = new Plan(parsed.root, planPath);
    // A plan still full of placeholders is not checked further: the findings would be about them.
    if (parsed.hasPlaceholders) return makeResult(filePath, messages);
    messages.push(...validatePlanSchema(parsed.data, plan, source, locale));
    for (const { rule, severity, options: ruleOptions } of active) {
      try {
        rule.check({
          plan,
          options: ruleOptions,
          report(finding) {
            messages.push({
              ruleId: rule.meta.id,
              severity,
              ...wording(finding, rule, locale),
              verdict: finding.verdict ?? rule.meta.verdict,
              ...source.position(finding.node),
            });
          },
        });
      } catch (err) {
        messages.push(internalError(rule, err, locale));
      }
    }
  }
  return makeResult(filePath, messages);
}

/** A finding's message and hint in `locale`: rendered from the catalogue, or literal text as the rule gave it. */
function wording(finding: Finding, rule: AnyRule, locale: Locale): { message: string; hint: string } {
  if (finding.messageId !== undefined) {
    return {
      message: render(locale, msg(finding.messageId, finding.data)),
      hint: finding.hintId ? render(locale, msg(finding.hintId, finding.hintData)) : defaultHint(rule.meta, locale),
    };
  }
  return { message: finding.message, hint: finding.hint ?? defaultHint(rule.meta, locale) };
}

function internalError(rule: AnyRule, err: unknown, locale: Locale): Diagnostic {
  const detail = err instanceof Error ? err.message : String(err);
  return failure(locale, msg('internal-error.rule-failed', { rule: rule.meta.id, detail }));
}

function failure(locale: Locale, message: MessageRef): Diagnostic {
  return {
    ruleId: 'internal-error',
    severity: 'error',
    message: render(locale, message),
    hint: render(locale, msg('internal-error.hint')),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
}
