/** The word classes the vague-goal lexicons are grouped by; every language file has each. */
export type VagueGroup = 'improvement' | 'generic' | 'filler' | 'placeholder';
