import { BUILTIN_DIAGNOSTICS } from '../core/diagnostic.js';
import type { RuleDescription } from './formatters/types.js';
import { dataRules } from '../node/data/rules/index.js';
import { DEFAULT_LOCALE, hasMessage, translate, type Locale } from '../core/i18n/index.js';
import { defaultHint, ruleDescription, ruleDocsUrl } from '../core/rule.js';
import type { RuleLike } from '../core/rule-settings.js';
import { rules as builtinRules } from '../core/rules/index.js';

/** The rules documented in `rules/<id>.md`: plan rules and data rules. */
const BUILTIN_RULES: ReadonlySet<RuleLike> = new Set<RuleLike>([...builtinRules, ...dataRules]);

/** Every rule and built-in diagnostic id, described for formatters (SARIF lists them), in `locale`. */
export function ruleDescriptions(rules: readonly RuleLike[] = [...builtinRules, ...dataRules], locale: Locale = DEFAULT_LOCALE): RuleDescription[] {
  return [
    ...rules.map((r) => ({
      id: r.meta.id,
      description: ruleDescription(r.meta, locale),
      severity: r.meta.severity,
      hint: defaultHint(r.meta, locale),
      ...(r.meta.docsUrl ? { docsUrl: r.meta.docsUrl } : BUILTIN_RULES.has(r) ? { docsUrl: ruleDocsUrl(r.meta.id) } : {}),
    })),
    ...Object.entries(BUILTIN_DIAGNOSTICS).map(([id, description]) => {
      const key = `${id}.description`;
      return {
        id,
        description: hasMessage(key) ? translate(locale, key) : description,
        severity: id === 'unused-disable-directive' ? ('warning' as const) : ('error' as const),
      };
    }),
  ];
}
