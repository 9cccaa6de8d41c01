/** The high-risk settings, each a lexicon group; every language file has each. */
export type RiskDomain = 'medical' | 'finance' | 'legal' | 'customerService';

/**
 * The settings in the order they are tried. Messages name them through the
 * catalogues (`high-risk-no-fallback.setting.<domain>`).
 */
export const RISK_DOMAINS: readonly RiskDomain[] = ['medical', 'finance', 'legal', 'customerService'];
