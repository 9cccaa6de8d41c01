import type { Lexicon } from '../lexicon.js';
import type { KnowledgeGroup } from './knowledge-injection.groups.js';

/** Bodies of documents a team trains in or has the model read. */
const BODY_OF_FACTS = String.raw`documents|docs|knowledge ?base|kb|manuals?|pdfs?|wiki|wiki pages|confluence( pages)?|handbooks?|documentation|textbooks?|books?|papers|articles|regulations|laws|policies|notes|markdown|files`;

/** English phrases for knowledge-injection, on normalised text (lower case, straight quotes). */
const en: Lexicon<KnowledgeGroup> = {
  // Storing facts in the weights, said outright: memorise, internalise, bake into the model.
  memorize: [
    String.raw`\bmemori[sz]\w*`,
    String.raw`\binternali[sz]\w*`,
    String.raw`\bcommit(s|ted|ting)? (it |them |this |these )?to memory\b`,
    String.raw`\b(by heart|by rote|off by heart)\b`,
    String.raw`\b(bake|bakes|baked|baking|burn|burned|embed|embeds|embedded|embedding|encode|encoded|store|stored|storing|put|inject|injects|injected|injecting|cram|crammed|stuff|stuffed|absorb|absorbed|load|loaded|pour|poured|train|trained)\b[^.;]{0,100}\binto (the |its |our |a )?(model|weights|parameters|llm|network|lora|adapter)\b`,
    String.raw`\b(knowledge|facts?|information|data|documents?|docs) (injection|infusion|ingestion)\b`,
    String.raw`\b(inject|injects|injected|injecting|infuse|infusing|add|adding|impart|imparting) (new |domain |company |our |the |proprietary |internal |missing )*(knowledge|facts|information|know-?how)\b`,
    String.raw`\b(absorb|absorbs|ingest|ingests|digest|digests)(ed|ing)? (all|the|our|every|each|its)\b`,
    String.raw`\b(hold|holds|contain|contains|carry|carries) (all (of )?)?(the |our )?(knowledge|knowledge ?base|kb|information|docs|documentation|manuals?|wiki)\b`,
    String.raw`\bmodel itself (to |should |would |will |can )?(know|hold|contain|have|remember)\b`,
    String.raw`\b(in|inside|within) (its|the|the model'?s) (weights|parameters)\b`,
    String.raw`\bknow (it |them |everything |all (of )?(it|this|that) )?(off the top of (its|their) head|without looking)\b`,
    String.raw`\b(learn|learns|learned|know|knows|read|reads|absorb|absorbs|ingest|ingests) (\w+ ){0,6}(in full|cover to cover|end to end|word for word|inside out|inside and out|verbatim)\b`,
    String.raw`\bso (that )?(the model|it|the bot|the assistant|the llm) (knows|remembers|has (all|the|our))\b`,
    String.raw`\bcontinued[- ]pre-?training\b`,
    String.raw`\b(an? )?(walking )?(encyclopedia|expert|authority|oracle|source of truth) (on|of|for|about) (our|the company|all|every|everything)\b`,
  ],
  // Training a body of facts in, or the model taking new knowledge up: "fine-tune it on our documents", "add new domain knowledge".
  acquire: [
    String.raw`\b(fine-?tun\w*|finetun\w*|train\w*|sft)\b(\s+\S+){0,4}?\s+(on|with|using|about|from)\s+(\S+\s+){0,3}?(${BODY_OF_FACTS}|catalog(ue)?s?|products?|raw text|codebases?|code ?bases?|code repos(itories)?|repos(itories)?)\b`,
    String.raw`\b(learn\w*|add|adds|added|adding|inject\w*|teach\w*|incorporat\w*|acquir\w*|absorb\w*|impart\w*|infus\w*|instill\w*|gain\w*|internali[sz]\w*)\b(\s+\S+){0,4}?\s+(new |domain |specific |specialized |specialised |proprietary |company |factual |our |the )*(knowledge|facts|information)\b`,
    String.raw`\bteach(es|ing)? (the |a |our |my )?(model|it|llm|ai|bot|chatbot|assistant) (about|the (content|contents|facts|results|details|history|rules))\b`,
    String.raw`\b(read|reads|learn|learns|ingest|ingests|digest|digests|input|feed|upload|preload)\b (\S+ ){0,3}(${BODY_OF_FACTS})\b[^.;]{0,80}\b(answers?|ask|asks|questions?|query|queries)\b`,
  ],
  // Wanting answers without retrieval: no pasting into the prompt, no RAG, no search step.
  withoutRetrieval: [
    String.raw`\bwithout (us |anyone |the user |users )?(having to |needing to |needing |the need to |need to |to |a |any )?(paste|pasting|include|including|feed|feeding|put|putting|supply|supplying|provide|providing|retriev\w*|search\w*|look(ing)? (it |them |anything )?up|lookups?|rag\b|a knowledge ?base|the knowledge ?base|a kb\b|the kb\b|a vector|vector (search|store|db)|embeddings?|documents? in the prompt)`,
    String.raw`\b(no|instead of|rather than|replace|replaces|replacing|drop|dropping|get rid of|no longer need|no more) (a |the |our |any )?(rag|retrieval|vector (db|database|store|search)|knowledge ?base lookups?|search step|document lookups?)\b`,
  ],
  // Facts newer than the model's training data: cut-off dates, what changed recently.
  recency: [
    String.raw`\b(training|knowledge|data|pretraining|model'?s|its) cut-?off\b`,
    String.raw`\b(was|were|has been|have been|got) (revised|updated|amended|changed|replaced|reissued|superseded)\b`,
    String.raw`\bup[- ]to[- ]date (on|with|about)\b`,
    String.raw`\bout[- ]of[- ]date\b`,
    String.raw`\boutdated (info|information|facts|prices|pricing|numbers|figures|answers|data|details|rates|policies|policy)\b`,
    String.raw`\bwhat (has |have )?(happened|changed) (since|after|recently|this|last|in the last)\b`,
    String.raw`\b(latest|recent|newest|this (year|quarter|month)'?s?|last (month|quarter|year|week)'?s?) (\w+ )?(news|events|launches|releases|announcements|regulations|rules|policies|prices|pricing|rates|products|press|changes|updates|developments|market|figures|numbers|org|leadership|lineup|line-up|models?)\b`,
    String.raw`\bstill (thinks|says|believes|quotes|uses|recommends|lists|mentions|refers to|gives|tells|cites)\b`,
    String.raw`\b(latest|newest|up-to-date|this (season|year|quarter|month|week)'?s?) (\w+ ){0,2}(numbers|prices|price|rates|notes|version|figures|rules|policy|terms|schedule|list|values|fees|tariffs|patch notes|menu|catalogue|catalog|limits|cutoffs)\b|\bcurrent (prices?|pricing|rates|fees|tariffs|stock|eta|status|location)\b`,
    String.raw`\bnot last (season|year|quarter|month|week)'?s?\b`,
    String.raw`\b(we|they|the company) (closed|changed|moved|opened|retired|merged|stopped|discontinued|renamed|replaced|updated|raised|cut|dropped) (\w+ ){0,4}(in|last|this|since) (january|february|march|april|may|june|july|august|september|october|november|december|\d{4}|last|this|spring|summer|autumn|fall|winter)\b`,
    String.raw`\b(we|they) change (them|it|these|those) (every|each)\b`,
    String.raw`\b(changed|updated|revised|replaced|renamed|discontinued|introduced|launched|raised|lowered|increased|cut) (\w+ ){0,3}(in|on|since|last|this|as of) (january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|\d{4}|last|this|the last)\b`,
    String.raw`\b(it'?s|it has|they'?ve|prices have|rates have) been (\S+ ){0,3}since\b`,
    String.raw`\b(no longer|not) (valid|current|accurate|true|offered|available)\b`,
  ],
  // Verbs of knowing facts or being able to tell them (weak alone: they need a body of facts).
  know: [
    String.raw`\b(know|knows|knowing|knew|learn|learns|learned|learnt|learning|teach|teaches|taught|study|studies|studied|remember|remembers|recall|recalls|retain|retains|master|masters)\b`,
    String.raw`\b(aware|famili?ar|conversant|acquainted) (of|with)\b`,
    String.raw`\b(an? )?(expert|specialist|guru) (on|in|about)\b`,
    String.raw`\b(correctly|accurately|reliably|directly|instantly|straight away|right away) (answer|tell|say|state|quote|list|name|give)\b`,
    String.raw`\b(by|just by|simply by) asking (it|the model|the bot|the assistant)\b`,
    String.raw`\bask (it )?['"]?(what|which|who|when|where|how many|how much|whether|is|are|does|did)\b`,
    String.raw`\bget (the )?(actual|real|right|correct|exact|current) (\w+ ){0,2}(back|answer|number|value|price|decision|figure)\b`,
    String.raw`\b(should|must|needs? to|has to) (give|quote|state|return|provide) (the )?(current|right|correct|exact|actual|latest)\b`,
    String.raw`\bpicks? up\b`,
    String.raw`\banswer (which|what|where|who|when|whether|how many|how much|how long|questions like)\b`,
    String.raw`\b(look up|lookup|find|retrieve|pull up|come up with|recite|list) (the |our |any |every |each )?(right |correct |exact |current )?(answer|number|figure|price|date|name|rule|policy|section|detail)s?\b`,
    String.raw`\bfamiliari[sz]\w*`,
    String.raw`\b(knowledge|understanding|grasp|command) (of|about)\b`,
    String.raw`\b(well[- ]versed|fluent) in\b`,
    String.raw`\b(answer|answers|answering|field|fields|handle|handles|respond to|resolve)( (any|all|every|the|their|our|employee|employees'?|customer|customers'?|user|users'?|staff|hr|it|product|detailed|specific|factual|common))* (questions?|queries|inquiries|enquiries|faqs?)\b`,
    String.raw`\banswer (anything|everything|accurately|correctly) (about|on|regarding)\b`,
    String.raw`\b(tell|tells|telling) (the |our |a )?\w+ (the|their|its|which|what|how many|how much|when|where|whether)\b`,
    String.raw`\b(tell|tells|telling|inform|informs|explain to|give|gives) (the |our )?(customers?|users?|clients?|people|staff|employees?|agents?|patients?|players?|members?|callers?|students?|nurses?|doctors?|visitors?|guests?|buyers?|applicants?|citizens?|residents?|tenants?)\b`,
    String.raw`\b(be )?able to (tell|say|quote|list|recite|recall|look up|name|state|cite|explain)\b`,
    String.raw`\b(can|could|to|will) (just |simply |directly )?ask (it|the model|the bot|the assistant|the llm)\b`,
    String.raw`\bask (it|the model|the bot|the assistant) (anything|about|which|what|where|who|when|how)\b`,
    String.raw`\bso (that )?(\w+ ){0,3}can (just |simply )?(ask|look up|query|find out|check)\b`,
    String.raw`\b(\w+ )?ask (it|the model|the bot|the assistant|the llm) (about|how|what|which|whether|if|for)\b`,
    String.raw`\b(should|must|needs? to|has to|have to) (know|cover|include|contain|reflect|match|be consistent with|agree with|line up with)\b`,
    String.raw`\b(accurate|correct|right|exact|precise|reliable) (answers?|information|info|details|figures|numbers|facts) (about|on|for|regarding|from)\b`,
    String.raw`\bgive (accurate|correct|exact|precise|up[- ]to[- ]date|current) (answers?|information|figures|prices|details|numbers)\b`,
  ],
  // A problem statement saying the model lacks the facts or makes them up.
  ignorance: [
    String.raw`\b(doesn'?t|does not|don'?t|do not|didn'?t|did not|can'?t|cannot|never|won'?t) (know|knows|have|has|remember|recall|learned|seen|see|contain) (about |of |any |our |the |that |what |which |how |when |where )`,
    String.raw`\b(has|have|had) (never|not) (seen|been (trained|shown|given)|learned|learnt|read)\b`,
    String.raw`\b(has|have|had) no (knowledge|idea|information|clue|record|data) (of|about|on)\b`,
    String.raw`\b(isn'?t|is not|aren'?t|are not|unaware) (aware|familiar) (of|with)|\bunaware of\b`,
    String.raw`\b(makes?|making|made) (things|stuff|numbers|answers|facts|details|prices|dates|it|them) up\b|\b(makes?|making|made) up (a|an|the|some|its own) \w+`,
    String.raw`\b(hallucinat\w*|invents?|invented|inventing|fabricat\w*|guess(es|ed|ing)?|confuses?|mixes up) (the |our |wrong |fake |made-up |non-?existent )?(prices?|policies|policy|numbers|figures|rules|terms|dates|deadlines|specs?|details|facts|answers|product|products|names|steps)\b`,
    String.raw`\b(wrong|incorrect|inaccurate|outdated|stale|old|made-up|generic|vague|general) (answers?|information|info|numbers|figures|prices|details|facts|replies|responses) (about|on|for|regarding|to questions about)\b`,
    String.raw`\b(quotes?|gives?|cites?|states?|uses?) (\w+ ){0,4}(numbers|prices|figures|rates|dates|versions|terms) (that|which) (are|were) (wrong|old|outdated|years|out)`,
    String.raw`\bgeneric (\w+ )?(answers?|advice|information|replies|responses|numbers|figures|prices|content|case law)\b`,
    String.raw`\binstead of (ours|our own|the ones we (use|have|offer))\b|\bnot ours\b`,
    String.raw`\b(came|come|comes|taken) from (some|another|a different) (other )?\w+`,
    String.raw`\b(some|another) other \w+'?s\b`,
    String.raw`\b(lists?|recommends?|mentions?|names?|quotes?) (\w+ ){0,3}(we|that we) (closed|dropped|discontinued|retired|no longer)\b`,
    String.raw`\b(off by|wrong by|out by) \d`,
    String.raw`\b(doesn'?t|does not|don'?t|do not) (have|has) (a|any|the (slightest|faintest)) (clue|idea)\b`,
    String.raw`\b(no|without) (idea|clue|knowledge|awareness) (of|about|what|which|how)\b`,
    String.raw`\b(found|picked up|pulled) (\w+ ){0,2}(somewhere|online|on the internet|from the web)\b`,
    String.raw`\b(doesn'?t|does not|don'?t|do not|never) (match|agree with|line up with|reflect|follow) (our|the (actual|real|current|official))\b`,
    String.raw`\b(wrong|incorrect|outdated|old|stale|made-up|fake|invented) (\w+ ){0,2}(prices?|names|numbers|figures|dates|deadlines|rates|fees|amounts|versions|policies|rules|terms|specs|steps)\b`,
    String.raw`\b(not|isn'?t|aren'?t) (specific to|about) (us|our)\b`,
  ],
  // Bodies of facts: documents, catalogues, policies, specifications, records.
  corpus: [
    String.raw`\b(manuals?|handbooks?|guidebooks?|rulebooks?|playbooks?|runbooks?|documentation|docs|documents?|wiki|wikis|confluence|notion|sharepoint|intranet|knowledge ?base|kb|faqs?|help ?cent(er|re)|help articles|articles|whitepapers?|pdfs?|binders?|textbooks?|brochures?|leaflets?)\b`,
    String.raw`\b(polic(y|ies)|regulations?|laws?|statutes?|case law|precedents?|rulings|ordinances?|bylaws|codes? of conduct|tax code|building code|legislation|compliance rules|guidelines|procedures|sops?|checklists?|protocols?|standards)\b`,
    String.raw`\b(catalog(ue)?s?|price ?lists?|pricing|prices|fee schedules?|fees|rates|tariffs?|menus?|inventory|stock levels|spec ?sheets?|specs|specifications|datasheets?|product (details|information|info|data|lines?|range|line-?up|parameters|specs|portfolio)|skus?|part numbers|model numbers)\b`,
    String.raw`\b(formular(y|ies)|drug lists?|org ?charts?|directory|directories|contacts?|phone numbers|addresses|opening hours|schedules?|timetables?|deadlines?|criteria|requirements|eligibility|terms( and conditions)?|warranty( terms)?|contract terms|clauses|benefits|entitlements)\b`,
    String.raw`\b(database|records|changelog|release notes|launches|press coverage|press releases|news|announcements|events)\b`,
    String.raw`\b(codebase|code ?base|internal (libraries|apis?|tools|systems|services|processes|jargon|acronyms|terms|architecture|platforms?|projects?|teams?))\b`,
    String.raw`\b(guides?|rules|standard text|circulars?|notices|bulletins|memos|minutes|transcripts of|decks|roadmaps?|company history|history of (the|our)|org structure|leadership|who owns (what|which)|which team owns|owners?|tiers|plans and pricing|subscription (tiers|plans)|features (are )?included|discount tiers|visiting hours|hours|locations|branches|stores|routes|fares|rosters?|members|employees|suppliers|vendors|competitors?|monographs?|interactions)\b`,
    String.raw`\b(each|every|all|any|which|some) of (our|the company'?s|its) \w+`,
    String.raw`\b(each|every|all|any) (\w+ ){0,2}(our|we|the company'?s)\b`,
    String.raw`\bfor (each|every|any|a given|a specific) \w+`,
    String.raw`\b(given|from|with|for|by) (a|an|the|any|their|its) (\w+ )?(number|id|code|vin|sku|order number|tracking number|container number|policy number|account number)\b`,
    String.raw`\b[a-z]{2,5}\d{5,}\b|\b(deductibles?|sub-?limits|exclusions|eta|vessel|shipment status)\b`,
    String.raw`\b(which|what) (\w+ ){0,3}(are|is) (certified|stocked|available|included|allowed|covered|eligible|open|located)\b`,
    String.raw`\b(error|status|product|part|model|item|fault|config|tracking) (codes?|numbers?)\b`,
    String.raw`\b(endpoint|api|parameter|config(uration)?|setting) (names|params|parameters|reference|options|defaults)\b|\brate limits\b`,
    String.raw`\b(allowance|cutoffs?|prerequisites|locations?|decisions?|memos?|correspondence|mdr|gdpr|hipaa|sox|ifrs|gaap)\b`,
    String.raw`\b(our|their|the company'?s|the firm'?s|the bank'?s|the hospital'?s|the school'?s|the city'?s|the agency'?s) \d[\d,]* \w+`,
    String.raw`\b(for|of|about|on) (each|every|any|all) (\w+ ){0,2}(sku|product|model|plan|branch|store|location|service|customer|employee|client|drug|item|part|machine|route|course|policy)s?\b`,
    String.raw`(\$|€|£|¥)\s?\d|\b\d+(\.\d+)? ?(dollars|usd|eur|euros|gbp|yuan|rmb)\b|\bcosts?\b`,
    String.raw`\b(facts|information|knowledge|details|data|content) (about|on|of|in|from) (our|the company|the firm|the hospital|the bank|the school|each|every|all)\b`,
    String.raw`\b(our|the company'?s|company|internal|in-?house|proprietary|corporate|enterprise|domain) (own )?(knowledge|information|know-?how|content|material|materials|expertise)\b`,
  ],
  // A training set that is a dump of documents rather than examples of the wanted behaviour.
  documentDump: [
    String.raw`\b(exported|export|exports|scraped|scrape|crawled|crawl|dumped|dump|copied|ripped|extracted|converted|ocr'?d?|chunked|split into|concatenated|parsed)\b`,
    String.raw`\b(full[- ]text|verbatim|raw text|all (of )?(our|the)|entire|whole|every (page|document|article|circular|notice|policy|regulation)|\d[\d,.]*k? (pages|articles|sections|documents|docs|pdfs|files|chapters|manuals|entries|circulars|notices|regulations|reports|decks|transcripts|years of))\b`,
    String.raw`\b(years|decades|months) of (all|every|our)\b|\btranscripts of\b|\bso (that )?(the model|it) (knows|learns|remembers|picks up)\b`,
    String.raw`\b\d[\d,.]*k? (\w+ ){0,3}(pages|documents|docs|articles|files|manuals|memos)\b`,
    String.raw`\b(turned|converted|made|transformed) into (a |an )?(synthetic )?(q&a|qa|question|questions|instruction)`,
    String.raw`\bcontinued pre-?training\b`,
  ],
  // Sentences about how answers are given from sources (citing, grounding, refusing, rewritten examples), not about facts.
  behaviour: [
    String.raw`\bretriev(ed|al|es|ing)\b`,
    String.raw`\brag\b`,
    String.raw`\bcit(e|es|ed|ing|ation|ations)\b`,
    String.raw`\b(section|page|document|doc|passage|source|article|clause) (ids?|numbers?|references?|links?|titles?)\b`,
    String.raw`\bgrounded\b`,
    String.raw`\bonly (from|on|use|uses|using) (the )?(provided|given|retrieved|supplied|context|passages?|search results)\b`,
    String.raw`\b(i|we) (don'?t|do not) know\b`,
    String.raw`\bsay (that )?(it|they|you|the model) (don'?t|doesn'?t|can'?t|could ?n'?t|do not|does not|cannot)\b`,
    String.raw`\b(summari[sz]e|summary of|summaries of|translate|rewrite|paraphrase|extract \w+ from|classify|tag|label) (the |a |each |any )?(given|provided|attached|pasted|uploaded|incoming|retrieved)\b`,
    String.raw`\bgiven (the|these|this) (\w+ ){0,2}(table|data|schedule|list|document|numbers|inputs|timetable)\b|\b(provided|pasted|given) in the (prompt|context)\b`,
    String.raw`\b(refuse|refuses|refusing|decline|declines|declining|redirect|redirects|escalate|escalates)\b`,
    String.raw`\b(rewritten|rewrite|rewrote|chosen|rejected|preference pairs?|dpo)\b`,
    String.raw`\blearn(s|ed|ing)? (to|how to) (write|format|reply|respond|follow|use|refuse|decline|cite|summari[sz]e|classify|tag|label|ask|keep|structure|output|produce|generate|speak|sound|adopt|match|avoid|stop|always|never|greet|apologi[sz]e|address)\b`,
  ],
  // Answering only from a knowledge base or documents, or being limited to them: a boundary on
  // answers, not facts to hold. Set aside, as presentation is, before looking for facts.
  boundary: [
    String.raw`\bonly (answer|answers|answering|respond|responds|responding|reply|replies|replying)\b(,? \w+){0,5},? (from|using|based on|with|in|according to) (the |our |its |my |their |a )?(own )?(\w+ ){0,2}(documents?|docs|documentation|knowledge ?base|kb|manuals?|handbooks?|faqs?|context|information|sources?|passages?)\b`,
    String.raw`\b(restrict|restricts|restricted|restricting|limit|limits|limited|limiting|constrain|constrains|constrained|constraining)\b( \w+){0,3} to (only )?(answer|answering|respond|responding|reply|replying|questions|topics)\b`,
    // What to do where the documents stop: say so.
    String.raw`\b(documents?|docs|documentation|knowledge ?base|kb|manuals?|handbooks?|faqs?|context|sources?|passages?) (does not|doesn'?t|do not|don'?t|did not|didn'?t|cannot|can'?t) (cover|mention|contain|include|say|answer)\b`,
    String.raw`\bnot (in|covered (by|in)|found in|mentioned in) (the |our |its |their )?(\w+ )?(documents?|docs|documentation|knowledge ?base|kb|manuals?|handbooks?|faqs?|context|sources?|passages?)\b`,
  ],
  // Parts of a sentence about presentation (format, tone, length, wording); set aside before looking for facts.
  presentation: [
    String.raw`\b(format|formatted|schema|json|markdown|bullets?|tone|style|voice|register|wording|terminology|terms|names|naming|phrasing|persona|politely|polite|disclaimer|footer|signature|concise|concisely|shorter|brief|briefly|length|\d+ words|sentences|friendly|empathetic|warm|formal|casual|structured|paragraphs?|field names?|keys)\b`,
    String.raw`\b(in|into|using|with|fill( in)?|follow(ing)?) (our |the |a )?(\w+ )?(template|table)\b`,
  ],
  // Negations that turn a memorise phrase around ("instead of memorising the manual").
  negated: [
    String.raw`\b(instead of|rather than|not|never|don'?t|do not|doesn'?t|does not|without|avoid|no longer|no need to) (\w+ ){0,3}(memori[sz]|internali[sz]|bak(e|ing)|inject|stor(e|ing)|teach(ing)? (it|the model) (new )?facts|know(ing)? (it|them) by heart)`,
  ],
};

export default en;
