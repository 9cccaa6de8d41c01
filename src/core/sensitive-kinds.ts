/**
 * The kinds of personal data and secrets `data-sensitive-content` looks for.
 * Apart from `sensitive.ts` so that the rule's options schema does not bring
 * the validators into the main bundle.
 */
export const SENSITIVE_KINDS = ['email', 'phone', 'cn-id', 'payment-card', 'iban', 'credential'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];
