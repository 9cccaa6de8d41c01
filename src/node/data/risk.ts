import { isScalar, isSeq } from 'yaml';
import type { Plan } from '../../core/plan.js';
import { compileLexicons } from '../../core/rules/lexicon.js';
import { RISK_DOMAINS, type RiskDomain } from '../../core/rules/lexicons/high-risk-no-fallback.groups.js';
import en from '../../core/rules/lexicons/high-risk-no-fallback.en.js';
import zh from '../../core/rules/lexicons/high-risk-no-fallback.zh.js';
import { normalizeText } from '../../core/rules/text.js';

const domains = compileLexicons<RiskDomain>(en, zh);

/**
 * Whether a plan is for a high-risk setting, read as `high-risk-no-fallback`
 * reads it (the same lexicon of medical, financial, legal and customer
 * service settings, in English and Chinese): `risk.level: high` says yes, an
 * explicit `low` or `medium` says no, and otherwise the `domain` decides —
 * or, without a domain, the problem, description and name.
 */
export function isHighRisk(plan: Plan): boolean {
  const level = plan.scalar(['risk', 'level'])?.value;
  if (level === 'high') return true;
  if (level === 'low' || level === 'medium') return false;
  const named = (text: unknown): boolean => typeof text === 'string' && RISK_DOMAINS.some((d) => domains.has(d, normalizeText(text)));
  const domain = plan.node(['domain']);
  if (domain) return (isSeq(domain) ? domain.items : [domain]).some((d) => isScalar(d) && named(d.value));
  return [['problem'], ['description'], ['name']].some((p) => named(plan.scalar(p)?.value));
}
