/** The high-risk settings, each a lexicon group; every language file has each. */
export type RiskDomain = 'medical' | 'finance' | 'legal' | 'customerService';

/** The settings in the order they are tried, with their English names (messages use the catalogue's `high-risk-no-fallback.setting.*`). */
export const DOMAIN_NAMES: Record<RiskDomain, string> = {
  medical: 'medical',
  finance: 'financial',
  legal: 'legal',
  customerService: 'customer service',
};
