import { isScalar, isSeq, type Node } from 'yaml';
import { defineRule } from '../rule.js';
import { compileLexicons } from './lexicon.js';
import { DOMAIN_NAMES, type RiskDomain } from './lexicons/high-risk-no-fallback.groups.js';
import en from './lexicons/high-risk-no-fallback.en.js';
import zh from './lexicons/high-risk-no-fallback.zh.js';
import { normalizeText, quote } from './text.js';

const domains = compileLexicons<RiskDomain>(en, zh);
const DOMAIN_ORDER = Object.keys(DOMAIN_NAMES) as RiskDomain[];

/** The high-risk setting a text names, if any. */
export function riskDomainOf(text: string): RiskDomain | undefined {
  const norm = normalizeText(text);
  return DOMAIN_ORDER.find((d) => domains.has(d, norm));
}

/** Whether a fallback entry says something (a non-empty string, or a mapping with a type). */
function isControl(node: unknown): boolean {
  if (isScalar(node)) return typeof node.value === 'string' ? node.value.trim() !== '' : node.value !== null;
  return node !== null && node !== undefined;
}

/**
 * A fine-tune shifts behaviour in ways no eval set fully predicts. Where a
 * wrong answer hurts — health, money, law, customers — something other than
 * the model must catch it.
 */
export default defineRule({
  meta: {
    id: 'high-risk-no-fallback',
    severity: 'error',
    description: 'The plan is for a high-risk setting (medical, financial, legal, customer service, or risk.level high) and lists no fallback.',
    hint: 'List the controls that stay in place under risk.fallback: rules for the critical cases, a tiered process, human review or escalation, retrieval with an explicit refusal policy.',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  check({ plan, report }) {
    const fallback = plan.node(['risk', 'fallback']);
    if (isSeq(fallback) && fallback.items.some(isControl)) return;
    // A fallback of the wrong type is a schema error already.
    if (fallback && !isSeq(fallback) && !(isScalar(fallback) && fallback.value === null)) return;

    let reason: { node: Node; why: string } | undefined;
    const level = plan.scalar(['risk', 'level']);
    if (level?.value === 'high') reason = { node: level, why: 'risk.level is high' };
    const domain = plan.node(['domain']);
    const domainEntries = isSeq(domain) ? domain.items : domain ? [domain] : [];
    for (const entry of domainEntries) {
      if (reason) break;
      if (!isScalar(entry) || typeof entry.value !== 'string') continue;
      const found = riskDomainOf(entry.value);
      if (found) reason = { node: entry, why: `the domain ${quote(entry.value, 40)} is ${DOMAIN_NAMES[found]}` };
    }
    // Without a domain, the plan's own description of the problem tells where the model is used.
    if (!reason && !domain) {
      for (const path of [['problem'], ['description'], ['name']]) {
        const node = plan.scalar(path);
        if (!node || typeof node.value !== 'string') continue;
        const found = riskDomainOf(node.value);
        if (found) {
          reason = { node, why: `the ${path[0]} describes a ${DOMAIN_NAMES[found]} setting` };
          break;
        }
      }
    }
    if (!reason) return;
    const where = plan.has(['risk', 'fallback']) ? 'risk.fallback is empty' : 'risk.fallback is missing';
    report({
      node: plan.has(['risk', 'fallback']) ? plan.anchor(['risk', 'fallback']) : reason.node,
      message: `high-risk plan with no fallback: ${reason.why}, and ${where}`,
    });
  },
});
