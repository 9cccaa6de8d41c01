import type { Lexicon } from '../lexicon.js';
import type { Side } from './conflicting-goals.groups.js';

/** English phrases for the directions a goal pulls in, on normalised text. */
const en: Lexicon<Side> = {
  // Shorter output.
  shorter: [
    String.raw`\b(short|shorter|shorten\w*|concise|conciseness|brief|briefer|briefly|terse|succinct|compact|crisp|to the point|fewer words|less verbose|less wordy|cut (the )?(length|fluff)|trim\w*)\b`,
    String.raw`\b(under|at most|no more than|max(imum)?|within|fewer than|less than|not exceed\w*) \d+ (words|sentences|lines|characters|tokens|paragraphs|bullets)\b`,
  ],
  // Longer, more detailed output.
  longer: [
    String.raw`\b(long|longer|lengthen\w*|detailed|more detail|in detail|in depth|in-depth|thorough|thoroughly|comprehensive|exhaustive|elaborate|expand\w*|extensive|verbose|richer|more context|step[- ]by[- ]step explanations?|cover (every|all) (aspect|angle|case)s?)\b`,
    String.raw`\b(at least|more than|over|minimum( of)?) \d+ (words|sentences|lines|paragraphs)\b`,
  ],
  // More creative, varied, imaginative output.
  creative: [String.raw`\b(creative|creativity|imaginative|inventive|original|novel|surprising|playful|varied|diverse|diversity|unexpected|bold|free-?form|brainstorm\w*|storytelling|think outside)\b`],
  // More factual, grounded, strict output: fewer hallucinations.
  factual: [
    String.raw`\b(factual|factuality|accurate|accuracy|grounded|faithful|faithfulness|strict|strictly|precise|conservative|verifiable|evidence|only (from|what|state)|no (hallucination|made-up|invented)s?|(fewer|less|reduce\w*|zero|no|avoid\w*|stop\w*|cut\w*) (hallucinat\w*|fabricat\w*|made-up|invented facts)|hallucinat\w* less|stick to (the )?(facts|source|sources|documents))\b`,
    String.raw`\b(never|not|don'?t|do not|must not) (state|claim|add|invent|make up|mention|include) (a |any )?(facts?|claims?|numbers?|figures?|details?|features?|specs?)\b[^.;]{0,30}\bnot (in|from|on) (the|our)\b`,
  ],
  // More cautious: refuse or decline more, add safety caveats.
  cautious: [
    String.raw`\b(cautious|careful|safer|safe|refuse|refuses|refusal|decline|declines|decline more|more refusals|reject risky|conservative with|warn\w*|caveats?|disclaimers?|escalate|defer to (a )?human|say no)\b`,
  ],
  // More permissive: never refuse, answer everything.
  permissive: [
    String.raw`\b(never refus\w*|no refusals?|refuse less|fewer refusals|stop refusing|always answer|answer (every|any|all)( question| request)?s?|answer anything|over-?refus\w*|less cautious|less restrictive|more permissive|unfiltered|no matter what|don'?t decline|without (caveats|disclaimers|warnings))\b`,
  ],
  // More formal register.
  formal: [String.raw`\b(formal|formally|professional tone|business tone|official|polite form|honorifics?|sie-form|respectful register)\b`],
  // More casual register.
  casual: [String.raw`\b(casual|casually|informal|friendly and relaxed|chatty|conversational|colloquial|slang|playful tone|emojis?|jokes?|humou?r|laid-?back|fun)\b`],
  // More assertive, decisive answers.
  assertive: [String.raw`\b(confident|confidently|assertive|decisive|definitive|direct answers?|no hedging|stop hedging|less hedging|commit to an answer)\b`],
  // More hedging: express uncertainty.
  hedging: [String.raw`\b(hedge|hedging|express (its )?uncertainty|acknowledge uncertainty|say when (it is|it'?s) (unsure|not sure)|admit (it doesn'?t know|uncertainty)|more humble|qualif(y|ied) (its )?answers)\b`],
  // Faster, quicker answers.
  fast: [String.raw`\b(faster|quicker|quick|fast|lower latency|less latency|respond (immediately|instantly)|skip (the )?reasoning|no reasoning)\b`],
  // More thorough deliberation.
  thorough: [String.raw`\b(think (longer|harder|more|carefully)|reason (longer|more|step by step)|show (its |all )?reasoning|double-?check|deliberate|chain[- ]of[- ]thought)\b`],
};

export default en;
