/** The intents the knowledge-injection lexicons are grouped by; every language file has each. */
export type KnowledgeGroup =
  | 'memorize'
  | 'acquire'
  | 'withoutRetrieval'
  | 'recency'
  | 'know'
  | 'ignorance'
  | 'corpus'
  | 'documentDump'
  | 'behaviour'
  | 'boundary'
  | 'presentation'
  | 'negated';
