/**
 * The core of finetune-lint: everything that lints a plan's text and never
 * touches Node — no files, no `process`, no worker threads. The CLI and the
 * language server build on it through the Node side (`src/node/`); a web page
 * bundles it alone. A test bundles this module for the browser and fails if
 * anything in it needs a Node module.
 */
export { lintText, lintBytes, TEXT_INPUT_NAME, type LintTextOptions } from './linter.js';
export { lintOptionsFromConfig, type ResolvedConfig } from './resolved-config.js';
export { decodePlanBytes, type Decoded } from './decode.js';
export { BUILTIN_DIAGNOSTICS, type Diagnostic, type LintResult, type Position, type Severity, type Verdict, type ImpliedVerdict } from './diagnostic.js';
export { verdictOf, verdictLabel, VERDICT_LABELS, type VerdictOutcome } from './verdict.js';
export { rules, ruleMap } from './rules/index.js';
export { dataRuleMetas } from './data-rules.js';
export { ruleDocsUrl, ruleDescription, defaultHint, type RuleMeta, type AnyRule } from './rule.js';
export { ConfigError, type RuleSetting, type RuleSettings } from './rule-settings.js';
export {
  catalogues,
  translate,
  render,
  msg,
  plural,
  resolveLocale,
  normalizeLocale,
  LOCALES,
  DEFAULT_LOCALE,
  type Locale,
  type MessageKey,
} from './i18n/index.js';
export { planSchema, schemaAt, deref, type SchemaNode } from './schema/plan-schema.js';
export { schemaDescriptionsZhCN } from './i18n/schema-descriptions.zh-CN.js';
export { schemaDescription, schemaTitle, keyMarkdown } from './schema/schema-text.js';
export { lineShape, containerPath, keyAt, keysAllowedAt, valuesAllowedAt, siblingKeys, type LineShape } from './plan-outline.js';
export { STARTER_PLAN, STARTER_PLAN_ZH_CN, STARTER_PLANS } from './init-template.js';
export { isPlanPath, PLAN_GLOB } from './plan-patterns.js';
export { parseDirectives, type Directive } from './directives.js';
export { Plan, formatPath, type PlanPath } from './plan.js';
export { VERSION } from './version.js';
