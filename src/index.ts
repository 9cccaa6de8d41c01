/**
 * The programmatic API of finetune-lint. Everything here works without the
 * CLI; only `lintFiles`/`expandPatterns` touch the file system.
 */
export { lintText, lintBytes, checkPlanText, finishPlanCheck, TEXT_INPUT_NAME, type LintTextOptions, type PlanCheck } from './core/linter.js';
export { decodePlanBytes, type Decoded } from './core/decode.js';
export { lintOptionsFromConfig, type ResolvedConfig } from './core/resolved-config.js';
export { dataRuleMetas } from './core/data-rules.js';
export { lintFiles, lintFilesStream, expandPatterns, NoFilesError, type LintFilesOptions, type ExpandOptions} from './node/files.js';
export { lintRun, DEFAULT_WORKER_THRESHOLD, type LintRunOptions } from './node/lint-run.js';
export { lintPlanFile, type PlanFileSettings, type PlanFileTask, type PlanFileOutcome, type PlanFileOptions } from './node/plan-file.js';
export { resolveCacheLocation, CACHE_FILE_NAME } from './node/cache-location.js';
export {
  BUILTIN_DIAGNOSTICS,
  type BuiltinDiagnosticId,
  type Diagnostic,
  type LintResult,
  type Position,
  type Severity,
} from './core/diagnostic.js';
export {
  formatters,
  streamingFormatters,
  summarize,
  type ReportSummary,
  type Formatter,
  type FormatterContext,
  type RuleDescription,
  type StreamingFormatter,
} from './cli/formatters/index.js';
export { rules, ruleMap } from './core/rules/index.js';
export {
  defineRule,
  ruleDocsUrl,
  defaultHint,
  ruleDescription,
  type Rule,
  type RuleMeta,
  type RuleContext,
  type Finding,
  type CatalogueFinding,
  type LiteralFinding,
  type AnyRule,
} from './core/rule.js';
export {
  catalogues,
  translate,
  render,
  msg,
  plural,
  hasMessage,
  templateParams,
  resolveLocale,
  normalizeLocale,
  LOCALES,
  DEFAULT_LOCALE,
  type Locale,
  type MessageKey,
  type MessageRef,
  type MessageParam,
  type MessageData,
  type Catalogue,
} from './core/i18n/index.js';
export { ConfigError, checkRuleSetting, ruleSettingProblem, resolveRules, type RuleSetting, type RuleSettings, type ActiveRule } from './core/rule-settings.js';
export { Plan, formatPath, type PlanPath } from './core/plan.js';
export { VERSION } from './core/version.js';
export {
  readIntent,
  intentConfidence,
  intentFeatures,
  useIntentModel,
  INTENT_LABELS,
  DETECTED_INTENTS,
  type IntentModel,
  type IntentLabel,
  type IntentExample,
  type IntentReading,
  type DetectedIntent,
} from './core/rules/intent.js';
export { trainIntentModel, outOfFoldScores, foldOf, groupOf, plattScale, type GroupedExample, type TrainOptions } from './core/rules/intent-train.js';
export { ruleDescriptions } from './cli/rule-descriptions.js';
export { ConfigLoader, type ConfigLoaderOptions, type FileSettings } from './node/config/loader.js';
export { configSchema, CONFIG_FILE_NAMES, type ConfigData } from './core/config/schema.js';
export { definePlugin, type Plugin } from './node/config/plugins.js';
export { applyDirectives, parseDirectives, type Directive, type DirectiveOptions, type SuppressedDiagnostic } from './core/directives.js';
export { checkPlanData, lintTextWithData, dataCheckable, type DataCheckOptions } from './node/data/run.js';
export { dataRules, dataRuleMap } from './node/data/rules/index.js';
export { defineDataRule, type DataRule, type DataRuleContext, type AnyDataRule } from './node/data/rule.js';
export { findRoot, type DataReference, type ReferenceRole, type ReferenceStatus } from './node/data/references.js';
export { verdictOf, verdictLabel, VERDICT_LABELS, type VerdictOutcome } from './core/verdict.js';
export type { Verdict, ImpliedVerdict } from './core/diagnostic.js';
export { lexiconCues, type Cue } from './core/rules/cues.js';
export { riskDomainOf } from './core/rules/high-risk-no-fallback.js';
