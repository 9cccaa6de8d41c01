/** The intents the capability-gap lexicons are grouped by; every language file has each. */
export type CapabilityGroup = 'smarter' | 'ability' | 'topic' | 'struggle' | 'rareLanguage' | 'languageUse' | 'newLanguage' | 'presentation';
