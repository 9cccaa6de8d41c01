/**
 * The programmatic API of finetune-lint. Everything here works without the
 * CLI; only `lintFiles`/`expandPatterns` touch the file system.
 */
export { lintText, lintBytes, checkPlanText, finishPlanCheck, TEXT_INPUT_NAME, type LintTextOptions, type PlanCheck } from './linter.js';
export { decodePlanBytes, type Decoded } from './decode.js';
export { lintFiles, lintFilesStream, expandPatterns, NoFilesError, type LintFilesOptions, type ExpandOptions} from './files.js';
export { lintRun, DEFAULT_WORKER_THRESHOLD, type LintRunOptions } from './lint-run.js';
export { lintPlanFile, type PlanFileSettings, type PlanFileTask, type PlanFileOutcome, type PlanFileOptions } from './plan-file.js';
export { resolveCacheLocation, CACHE_FILE_NAME } from './cache-location.js';
export {
  BUILTIN_DIAGNOSTICS,
  type BuiltinDiagnosticId,
  type Diagnostic,
  type LintResult,
  type Position,
  type Severity,
} from './diagnostic.js';
export {
  formatters,
  streamingFormatters,
  summarize,
  type ReportSummary,
  type Formatter,
  type FormatterContext,
  type RuleDescription,
  type StreamingFormatter,
} from './formatters/index.js';
export { rules, ruleMap } from './rules/index.js';
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
} from './rule.js';
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
} from './i18n/index.js';
export { ConfigError, checkRuleSetting, ruleSettingProblem, resolveRules, type RuleSetting, type RuleSettings, type ActiveRule } from './rule-settings.js';
export { Plan, formatPath, type PlanPath } from './plan.js';
export { VERSION } from './version.js';
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
} from './rules/intent.js';
export { trainIntentModel, outOfFoldScores, foldOf, groupOf, plattScale, type GroupedExample, type TrainOptions } from './rules/intent-train.js';
export { ruleDescriptions } from './rule-descriptions.js';
export { ConfigLoader, type ConfigLoaderOptions, type FileSettings } from './config/loader.js';
export { configSchema, CONFIG_FILE_NAMES, type ConfigData } from './config/schema.js';
export { definePlugin, type Plugin } from './config/plugins.js';
export { applyDirectives, parseDirectives, type Directive, type DirectiveOptions, type SuppressedDiagnostic } from './directives.js';
export { checkPlanData, lintTextWithData, dataCheckable, type DataCheckOptions } from './data/run.js';
export { dataRules, dataRuleMap } from './data/rules/index.js';
export { defineDataRule, type DataRule, type DataRuleContext, type AnyDataRule } from './data/rule.js';
export { findRoot, type DataReference, type ReferenceRole, type ReferenceStatus } from './data/references.js';
export { verdictOf, verdictLabel, VERDICT_LABELS, type VerdictOutcome } from './verdict.js';
export type { Verdict, ImpliedVerdict } from './diagnostic.js';
export { lexiconCues, type Cue } from './rules/cues.js';
