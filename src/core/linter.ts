import { decodePlanBytes } from './decode.js';
import { makeResult, type Diagnostic, type LintResult } from './diagnostic.js';
import { isCollection, isScalar, visit, type YAMLMap } from 'yaml';
import { applyDirectives, extendToBlocks, parseDirectives } from './directives.js';
import { dataRuleMetas } from './data-rules.js';
import { DEFAULT_LOCALE, msg, render, type Locale, type MessageRef } from './i18n/index.js';
import { parsePlan } from './parse.js';
import { Plan } from './plan.js';
import { ConfigError, resolveRules, type ActiveRule, type RuleSettings } from './rule-settings.js';
import type { SourceText, Span } from './source.js';
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
   * Every rule id a `# finetune-lint-disable` comment may name, including
   * rules turned off; defaults to the ids of the rules given.
   */
  knownRuleIds?: ReadonlySet<string>;
  /** Severity of a disable comment that suppressed nothing (default `warning`). */
  reportUnusedDisableDirectives?: 'off' | 'warning' | 'error';
  /** Make a disable comment without `-- reason` an error. */
  requireReason?: boolean;
  /**
   * Rules that did not run on this plan because their kind of check was off
   * (the data checks, by default): disable comments naming them are not
   * reported as unused, since nobody can tell.
   */
  notRunRuleIds?: ReadonlySet<string>;
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
  return finishPlanCheck(checkPlanText(text, options));
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

/**
 * A plan the rules have checked, before its disable comments are applied, so
 * that findings of later checks (the data checks, which read files) are
 * suppressed and counted the same way. `finishPlanCheck` makes the result.
 */
export interface PlanCheck {
  filePath: string;
  messages: Diagnostic[];
  /** The parsed plan, when the rules could run on it (it parsed, and holds no placeholders). */
  parsed?: { plan: Plan; source: SourceText; directiveComments: Span[] };
  options: LintTextOptions;
}

/** Parses the plan and runs the schema check and the rules; see {@link PlanCheck}. */
export function checkPlanText(text: string, options: LintTextOptions = {}): PlanCheck {
  const filePath = options.filePath ?? TEXT_INPUT_NAME;
  const locale = options.locale ?? DEFAULT_LOCALE;
  try {
    const active = options.activeRules ?? resolveRules(builtinRules, options.rules);
    const { plan: parsed, source, diagnostics } = parsePlan(text, locale);
    const messages: Diagnostic[] = [...diagnostics];
    // A plan still full of placeholders is not checked further: the findings would be about them.
    if (!parsed || parsed.hasPlaceholders) return { filePath, messages, options };
    const plan = new Plan(parsed.root, options.filePath);
    messages.push(...validatePlanSchema(parsed.data, plan, source, locale));
    for (const { rule, severity, options: ruleOptions, origin } of active) {
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
              ...(finding.confidence !== undefined ? { confidence: finding.confidence } : {}),
              ...(finding.evidence !== undefined ? { evidence: finding.evidence } : {}),
              ...source.position(finding.node),
            });
          },
        });
      } catch (err) {
        messages.push(internalError(rule, err, locale, origin));
      }
    }
    return { filePath, messages, parsed: { plan, source, directiveComments: parsed.directiveComments }, options };
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    // Parsing and validation contain their own failures; this is the last line of defence.
    return { filePath, messages: [failure(locale, msg('internal-error.unchecked', { detail: (err as Error).message }))], options };
  }
}

/**
 * Adds the findings of further checks to a checked plan, applies its disable
 * comments to all of them, and makes the result with its counts and verdict.
 */
export function finishPlanCheck(
  check: PlanCheck,
  more: readonly Diagnostic[] = [],
  notRun: ReadonlySet<string> = check.options.notRunRuleIds ?? DATA_RULE_IDS,
): LintResult {
  const all = more.length ? [...check.messages, ...more] : check.messages;
  const comments = check.parsed?.directiveComments;
  if (!comments?.length) return makeResult(check.filePath, all);
  const { options } = check;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const { directives, problems } = parseDirectives(comments, check.parsed!.source, locale);
  const covering = extendToBlocks(directives, blockEnds(check.parsed!.plan.root, check.parsed!.source));
  const { messages, suppressed } = applyDirectives([...all, ...problems], covering, {
    knownRuleIds: options.knownRuleIds ?? defaultKnownRuleIds(options.activeRules),
    notRun,
    reportUnused: options.reportUnusedDisableDirectives ?? 'warning',
    requireReason: options.requireReason ?? false,
    locale,
  });
  return makeResult(check.filePath, messages, suppressed);
}

/** For every key whose value is a block mapping or list: the key's line, and the last line of the value. */
function blockEnds(root: YAMLMap, source: SourceText): Map<number, number> {
  const ends = new Map<number, number>();
  visit(root, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !isCollection(pair.value) || pair.value.flow || !pair.key.range || !pair.value.range) return;
      const keyLine = source.position({ start: pair.key.range[0], end: pair.key.range[1] }).line;
      ends.set(keyLine, source.position({ start: pair.value.range[0], end: pair.value.range[1] }).endLine);
    },
  });
  return ends;
}

const DATA_RULE_IDS: ReadonlySet<string> = new Set(dataRuleMetas.map((meta) => meta.id));

function defaultKnownRuleIds(active: readonly ActiveRule[] | undefined): Set<string> {
  return new Set([...builtinRules.map((r) => r.meta.id), ...DATA_RULE_IDS, ...(active ?? []).map((a) => a.rule.meta.id)]);
}

/** A finding's message and hint in `locale`: rendered from the catalogue, or literal text as the rule gave it. */
export function wording(finding: Finding, rule: { meta: Pick<AnyRule['meta'], 'hint' | 'hintId'> }, locale: Locale): { message: string; hint: string } {
  if (finding.messageId !== undefined) {
    return {
      message: render(locale, msg(finding.messageId, finding.data)),
      hint: finding.hintId ? render(locale, msg(finding.hintId, finding.hintData)) : defaultHint(rule.meta, locale),
    };
  }
  return { message: finding.message, hint: finding.hint ?? defaultHint(rule.meta, locale) };
}

function internalError(rule: AnyRule, err: unknown, locale: Locale, plugin?: string): Diagnostic {
  const detail = err instanceof Error ? err.message : String(err);
  if (!plugin) return failure(locale, msg('internal-error.rule-failed', { rule: rule.meta.id, detail }));
  return {
    ...failure(locale, msg('internal-error.plugin-rule-failed', { rule: rule.meta.id, plugin, detail })),
    hint: render(locale, msg('internal-error.plugin-hint')),
  };
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
