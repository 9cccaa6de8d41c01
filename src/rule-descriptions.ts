import { BUILTIN_DIAGNOSTICS } from './diagnostic.js';
import type { RuleDescription } from './formatters/types.js';
import { ruleDocsUrl, type AnyRule } from './rule.js';
import { rules as builtinRules } from './rules/index.js';

/** Every rule and built-in diagnostic id, described for formatters (SARIF lists them). */
export function ruleDescriptions(rules: readonly AnyRule[] = builtinRules): RuleDescription[] {
  return [
    ...rules.map((r) => ({
      id: r.meta.id,
      description: r.meta.description,
      severity: r.meta.severity,
      hint: r.meta.hint,
      ...(r.meta.docsUrl ? { docsUrl: r.meta.docsUrl } : builtinRules.includes(r) ? { docsUrl: ruleDocsUrl(r.meta.id) } : {}),
    })),
    ...Object.entries(BUILTIN_DIAGNOSTICS).map(([id, description]) => ({
      id,
      description,
      severity: id === 'unused-disable-directive' ? ('warning' as const) : ('error' as const),
    })),
  ];
}
