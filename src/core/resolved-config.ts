import type { LintTextOptions } from './linter.js';
import { resolveRules, type RuleSettings } from './rule-settings.js';
import type { AnyRule } from './rule.js';
import { dataRuleMetas } from './data-rules.js';
import { rules as planRules } from './rules/index.js';

const PLAN_RULE_IDS: ReadonlySet<string> = new Set(planRules.map((r) => r.meta.id));
const DATA_RULE_IDS: ReadonlySet<string> = new Set(dataRuleMetas.map((meta) => meta.id));

/**
 * The settings that apply to one plan, as `finetune-lint --print-config
 * <file>` prints them: the configuration files' cascade, overrides and
 * presets already resolved to one object of plain data. An editor or a web
 * page that cannot look for configuration files itself is given this and
 * lints with the settings of the plan's repository.
 */
export interface ResolvedConfig {
  /** Severity and options per rule id: plan rules, data checks and plugin rules. */
  rules?: RuleSettings;
  /** Severity of a disable comment that suppressed nothing (default `warn`). */
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
  /** Make a disable comment without `-- reason` an error. */
  requireReason?: boolean;
  /** Plugin modules; only a host that can load modules (the CLI, the language server) runs their rules. */
  plugins?: string[];
}

/**
 * The `lintText` options a resolved configuration stands for. `pluginRules`
 * are the rules of the configuration's plugins, for a host that has loaded
 * them (the language server does; a web page cannot). Settings of rules that
 * do not run here (data checks, plugin rules not given) are accepted and left
 * to the hosts that can run them; disable comments naming them are not
 * reported as unused.
 *
 * Throws a `ConfigError` for a bad setting of a rule that runs, as the CLI
 * does at start.
 */
export function lintOptionsFromConfig(
  config: ResolvedConfig,
  pluginRules: readonly AnyRule[] = [],
): Pick<LintTextOptions, 'activeRules' | 'reportUnusedDisableDirectives' | 'requireReason' | 'knownRuleIds' | 'notRunRuleIds'> {
  const runs = new Set([...PLAN_RULE_IDS, ...DATA_RULE_IDS, ...pluginRules.map((r) => r.meta.id)]);
  const rules: RuleSettings = {};
  const notRun = new Set<string>(DATA_RULE_IDS);
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (runs.has(id)) rules[id] = setting;
    else notRun.add(id);
  }
  const unused = config.reportUnusedDisableDirectives;
  return {
    activeRules: resolveRules([...planRules, ...pluginRules], rules),
    ...(unused ? { reportUnusedDisableDirectives: unused === 'warn' ? 'warning' : unused } : {}),
    ...(config.requireReason !== undefined ? { requireReason: config.requireReason } : {}),
    knownRuleIds: new Set([...runs, ...notRun]),
    notRunRuleIds: notRun,
  };
}
