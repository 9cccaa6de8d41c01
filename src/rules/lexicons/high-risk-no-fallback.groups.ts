/** The high-risk settings, each a lexicon group; every language file has each. */
export type RiskDomain = 'medical' | 'finance' | 'legal' | 'customerService';

/** How each setting is named in messages. */
export const DOMAIN_NAMES: Record<RiskDomain, string> = {
  medical: 'medical',
  finance: 'financial',
  legal: 'legal',
  customerService: 'customer service',
};
