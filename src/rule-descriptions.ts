import { BUILTIN_DIAGNOSTICS } from './diagnostic.js';
import type { RuleDescription } from './formatters/types.js';
import { dataRules } from './data/rules/index.js';
import { ruleDocsUrl } from './rule.js';
import type { RuleLike } from './rule-settings.js';
import { rules as builtinRules } from './rules/index.js';

/** Every rule and built-in diagnostic id, described for formatters (SARIF lists them). */
export function ruleDescriptions(rules: readonly RuleLike[] = [...builtinRules, ...dataRules]): RuleDescription[] {
  return [
    ...rules.map((r) => ({
      id: r.meta.id,
      description: r.meta.description,
      severity: r.meta.severity,
      hint: r.meta.hint,
      docsUrl: ruleDocsUrl(r.meta.id),
    })),
    ...Object.entries(BUILTIN_DIAGNOSTICS).map(([id, description]) => ({ id, description, severity: 'error' as const })),
  ];
}
