import { BUILTIN_DIAGNOSTICS } from './diagnostic.js';
import type { RuleDescription } from './formatters/types.js';
import { DEFAULT_LOCALE, hasMessage, translate, type Locale } from './i18n/index.js';
import { defaultHint, ruleDescription, ruleDocsUrl, type AnyRule } from './rule.js';
import { rules as builtinRules } from './rules/index.js';

/** Every rule and built-in diagnostic id, described for formatters (SARIF lists them), in `locale`. */
export function ruleDescriptions(rules: readonly AnyRule[] = builtinRules, locale: Locale = DEFAULT_LOCALE): RuleDescription[] {
  return [
    ...rules.map((r) => ({
      id: r.meta.id,
      description: ruleDescription(r.meta, locale),
      severity: r.meta.severity,
      hint: defaultHint(r.meta, locale),
      docsUrl: ruleDocsUrl(r.meta.id),
    })),
    ...Object.entries(BUILTIN_DIAGNOSTICS).map(([id, description]) => {
      const key = `${id}.description`;
      return { id, description: hasMessage(key) ? translate(locale, key) : description, severity: 'error' as const };
    }),
  ];
}
