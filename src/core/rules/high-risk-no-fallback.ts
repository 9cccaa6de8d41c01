import { isScalar, isSeq, type Node } from 'yaml';
import { msg, type MessageRef } from '../i18n/index.js';
import { defineRule } from '../rule.js';
import { compileLexicons } from './lexicon.js';
import { RISK_DOMAINS, type RiskDomain } from './lexicons/high-risk-no-fallback.groups.js';
import en from './lexicons/high-risk-no-fallback.en.js';
import zh from './lexicons/high-risk-no-fallback.zh.js';
import { normalizeText, shorten } from './text.js';

const domains = compileLexicons<RiskDomain>(en, zh);

/** The high-risk setting a text names, if any. */
export function riskDomainOf(text: string): RiskDomain | undefined {
  const norm = normalizeText(text);
  return RISK_DOMAINS.find((d) => domains.has(d, norm));
}

/** How a message names a high-risk setting, in the active locale. */
function setting(domain: RiskDomain): MessageRef {
  return msg(`high-risk-no-fallback.setting.${domain}`);
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
    hintId: 'high-risk-no-fallback.hint',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  check({ plan, report }) {
    const fallback = plan.node(['risk', 'fallback']);
    if (isSeq(fallback) && fallback.items.some(isControl)) return;
    // A fallback of the wrong type is a schema error already.
    if (fallback && !isSeq(fallback) && !(isScalar(fallback) && fallback.value === null)) return;

    let reason: { node: Node; why: MessageRef } | undefined;
    const level = plan.scalar(['risk', 'level']);
    if (level?.value === 'high') reason = { node: level, why: msg('high-risk-no-fallback.reason.risk-level') };
    // The team's own rating of low outweighs a domain word ("banking app marketing copy" at
    // risk.level low). Not medium: init writes `level: medium` as a starting value, so it is no
    // deliberate statement that a banking or medical setting is harmless.
    if (level?.value === 'low') return;
    const domain = plan.node(['domain']);
    const domainEntries = isSeq(domain) ? domain.items : domain ? [domain] : [];
    for (const entry of domainEntries) {
      if (reason) break;
      if (!isScalar(entry) || typeof entry.value !== 'string') continue;
      const found = riskDomainOf(entry.value);
      if (found) reason = { node: entry, why: msg('high-risk-no-fallback.reason.domain', { domain: shorten(entry.value, 40), setting: setting(found) }) };
    }
    // Without a domain, the plan's own description of the problem tells where the model is used.
    if (!reason && !domain) {
      for (const path of [['problem'], ['description'], ['name']]) {
        const node = plan.scalar(path);
        if (!node || typeof node.value !== 'string') continue;
        const found = riskDomainOf(node.value);
        if (found) {
          reason = { node, why: msg('high-risk-no-fallback.reason.text', { key: path[0]!, setting: setting(found) }) };
          break;
        }
      }
    }
    if (!reason) return;
    const state = msg(plan.has(['risk', 'fallback']) ? 'high-risk-no-fallback.state.empty' : 'high-risk-no-fallback.state.missing');
    report({
      node: plan.has(['risk', 'fallback']) ? plan.anchor(['risk', 'fallback']) : reason.node,
      messageId: 'high-risk-no-fallback.found',
      data: { reason: reason.why, state },
    });
  },
});
