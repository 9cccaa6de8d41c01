import type { Lexicon } from '../lexicon.js';
import type { CapabilityGroup } from './capability-gap.groups.js';

/** English phrases for capability-gap, on normalised text (lower case, straight quotes). */
const en: Lexicon<CapabilityGroup> = {
  // Wanting a smarter model, a bigger model's level, an exam or a benchmark score.
  smarter: [
    String.raw`\b(smarter|more intelligent|more clever|cleverer|brainier|higher iq|intelligence|genius)\b`,
    String.raw`\b(as (good|capable|smart|strong|clever|accurate|competent) as|on par with|(at|to) the level of|match(es|ing)?|beat(s|ing)?|outperform(s|ing)?|rival(s|ing)?|surpass(es|ing)?|catch(es|ing)? up (with|to)|close the gap (with|to)|comparable to|reach(es|ing)?|perform like) (\w+ ){0,2}(gpt|claude|gemini|o1|o3|o4|deepseek|llama|qwen|mistral|\d+b\b|a (much )?(larger|bigger|frontier|stronger|bigger) model|frontier models?|the teacher|human experts?|experts?|specialists?|a (senior|human|professional|trained)|doctors?|lawyers?|radiologists?)`,
    String.raw`\bonly (gpt-?\S*|claude|o1|o3|gemini|frontier models?|larger models?|bigger models?|(the )?\d+b( models?)?|humans?|experts?) (can|could|manages?)\b`,
    String.raw`\b(reason|reasons|reasoning|think|thinks|thinking|write|writes|code|codes|analy[sz]e|work|works|perform|performs) like (a|an|the|gpt|claude|gemini|o1|o3|a senior|an expert|\d+b)\b`,
    String.raw`\b(at|to) the level of (a|an)\b|\b\d+b (quality|level|performance|parity)\b|\bup to \d+b\b`,
    String.raw`\b(extend|increase|expand|lengthen|double|stretch) (the |its )?(usable |effective )?context\b`,
    String.raw`\b(analysts|experts|humans|doctors|engineers|we|our \w+) (themselves )?(can'?t|cannot|couldn'?t|could not) (see|spot|find|do|catch)\b`,
    String.raw`\bpass(es|ing)? (the |a )?(bar|usmle|cpa|cfa|medical licensing|board|licensing|entrance|gaokao)( \w+)? (exams?|examination)\b`,
    String.raw`\b(humaneval|mbpp|mmlu|gsm-?8k|math-?500|aime|gpqa|arc-?(c|e|challenge)|hellaswag|bbh|big-?bench|livecodebench|swe-?bench|c-?eval|cmmlu|leaderboards?)\b`,
    String.raw`\bdistill(ed|ing|ation)?\b[^.;]{0,60}\b(teacher|larger|bigger|\d+b)\b`,
    String.raw`\b(new|more) (capabilit(y|ies)|skills?|abilit(y|ies))\b`,
    String.raw`\b(acquire|gain|develop|build|get|have|give it|give the model) (the |an |a new |new )?(ability|capability|skill|competence) (to|of|in|for)\b`,
    String.raw`\b(isn'?t|is not|aren'?t|are not|not) (smart|clever|capable|intelligent|strong|powerful|sharp|bright) enough\b`,
    String.raw`\btext-only (model|llm)\b|\bcan'?t see (images|photos|pictures)\b|\bno vision\b|\bonly have a text(-only)? model\b`,
    String.raw`\bwithout (calling|using|any) (any |an )?(external |outside )?(tools?|calculator|solver|search|code execution)\b`,
    String.raw`\b(reconstruct|infer|deduce|work out|pinpoint|identify|locate|determine|find) (\w+ ){0,3}(root cause|attack (chain|path)|patient zero|causal chain|failure mode|cause of)\b`,
    String.raw`\b(forecast|predict)s? (\w+ ){0,6}(from|using) (raw |the )?(\w+ )?(time series|data|sensor|telemetry|logs|history)\b`,
    String.raw`\b(junior|senior|second-year|first-year|experienced|seasoned|mid-level|staff) (\w+ )?(associate|engineer|underwriter|analyst|doctor|radiologist|developer|actuary|accountant|lawyer|programmer|planner)s? (would|could|can)\b`,
    String.raw`\b(graduate|phd|doctoral|expert|professional|olympiad|competition|college|university|undergraduate|grandmaster|master|club|human|senior|specialist|superhuman|state-of-the-art|sota)[- ]level\b`,
    String.raw`\bas well as (a|an|the|our) (senior|expert|human|professional|experienced|trained|specialist|doctor|lawyer|engineer|radiologist)`,
    String.raw`\b(stronger|better|more capable|smarter|world-class|top) (\w+ )?(programmer|coder|mathematician|reasoner|engineer|problem solver|player|analyst|diagnostician|planner|strategist|debugger)\b`,
    String.raw`\b(competitive programming|codeforces|leetcode hard|theorem proving|formal proofs?|lean 4|mathlib)\b`,
    String.raw`\bthink (\w+ ){0,2}steps ahead\b|\bplan (several|many|multiple) (steps|moves) ahead\b`,
  ],
  // Abilities named as abilities: reasoning, maths, coding, planning, understanding.
  ability: [
    String.raw`\b(reasoning|logical|logic|math(s|ematical)?|arithmetic|analytical|problem[- ]solving|coding|programming|planning|spatial|comprehension|cognitive|general|language) (ability|abilities|capabilit(y|ies)|skills?|power|performance)\b`,
    String.raw`\b(boost|improve|enhance|strengthen|increase|upgrade|level up|sharpen|raise|train up)(s|d|ed|ing)? (its |the model'?s |our model'?s |the |model |overall )?(general )?(reasoning|logic|intelligence|math|maths|mathematical|capabilit(y|ies)|understanding|iq|problem[- ]solving)\b`,
    String.raw`\b(stronger|better|deeper|more (robust|reliable|rigorous|advanced|sophisticated)) (logical |multi-step |mathematical |causal |general |abstract |common-?sense |spatial )?(reasoning|logic|math|maths|planning|understanding|problem[- ]solving)\b`,
    String.raw`\b(teach|train|make) (the |our |a )?(\w+ )?model (to )?(do |be good at |excel at )?(formal |competitive |mathematical |multi-step |logical )?(theorem proving|reasoning|reason|math|maths|coding|programming|planning|arithmetic)\b`,
  ],
  // Hard skills a base model has or lacks: reasoning, maths, code, perception, unseen languages, long inputs.
  topic: [
    String.raw`\b(reason(ing|s)?|logic(al)?|multi-?step|multi-?hop|hops? of reasoning|chains? of (logic|reasoning|thought)|word problems?|math(s|ematics|ematical)?|arithmetic|algebra|calculus|geometry|probability|combinatorics|statistics|equations?|proofs?|theorems?|olympiad|competition (math|problems)|puzzles?|riddles?|deduc\w+|inference)\b`,
    String.raw`\b(code|coding|program(s|ming)?|compiles?|compil(er|ation)|algorithms?|regex(es)?|regular expressions|sql|cobol|fortran|rust|haskell|verilog|vhdl|assembly|cuda kernels?|debug(ging)?|bugs?|concurrency|c\+\+|python|java|javascript|typescript|golang|terraform|ansible|kubernetes|helm|plc|ladder logic|pcb|netlist|layouts?|unit tests?)\b`,
    String.raw`\b(planning|schedul(e|ing)|itinerar(y|ies)|constraints?|optimi[sz]ation|chess|go|poker|strategy|state tracking|track of state|game state|\d+[- ]steps?|multi-turn|troubleshoot\w*|circuits?|wiring|unit conversions?|dimensional analysis|calcs?|calculations?|filings|rosters?|combin(e|es|ing) (two|three|four|several|multiple|\d+)|(multiple|several|all \w+|nine|\d+) (clauses|conditions|rules|constraints|facts|sources|steps|files|tool calls)|put (them|it|these) together|dependent (steps|calls|tool calls)|drawings|scanned|blueprints|schematics|dialect|slang|code-?mixing|fraud patterns|eligibility conditions|minimi[sz]\w*|maximi[sz]\w*|optimal|shortest|cheapest|feasible|n-1|contingency|which of (two|three|several|these|those|the two|the three) \w+|manipulat\w*|anomal\w*|the shape of|rotations?|totals|currenc(y|ies)|discounts|computes?|\.wav|recordings|crispr|off-target|inscriptions?|seal[- ]script|ancient scripts?|time series|scada|telemetry|stack ?traces?|tracebacks?)\b`,
    String.raw`\b(images?|photos?|photographs?|pictures?|x-?rays?|scans?|ct|mri|ecg|ekg|radiographs?|histology|slides|handwriting|charts|diagrams|videos?|audio|speech)\b`,
    String.raw`\b(chemistry|physics|biology|diagnos(is|e|ing)|legal analysis|quantitative analysis)\b`,
    String.raw`\b(language|dialect|script|alphabet|low-?resource)\b`,
    String.raw`\b\d+[- ]pages?\b|\bfull (\d+-page )?(reports?|documents?|contracts?|books?|filings?|transcripts?)\b|\b(long|longer|very long|lengthy) (documents?|context|inputs?|contracts?|texts?|reports?)\b|\b\d+k(-token)? (tokens|context)\b|\bcontext (window|length)\b`,
  ],
  // Saying the model cannot do it today, or should get it right from now on.
  struggle: [
    String.raw`\b(fails?|failing|failed) (at|on|to)\b`,
    String.raw`\b(gets?|got|getting) (\w+ ){0,6}(wrong|incorrect)\b`,
    String.raw`\b(comes?|came) out wrong\b`,
    String.raw`\b(can'?t|cannot|can not|unable to|not able to|couldn'?t|struggles? (with|to)|incapable of|no way to) (\w+ ){0,2}(solve|follow|do|handle|understand|read|write|make sense|reason|compute|calculate|balance|predict|track|keep track|translate|parse|interpret|diagnose|detect|recogni[sz]e)\b`,
    String.raw`\b(doesn'?t|does not|don'?t|do not) (really |even )?(understand|grasp|comprehend|get)\b`,
    String.raw`\bfalls? apart\b`,
    String.raw`\bloses? (track|the thread)\b`,
    String.raw`\bnot (good|strong|smart|capable|accurate) enough\b`,
    String.raw`\b(too weak|very weak|weak|poor|bad|terrible|hopeless) (at|in|with)\b`,
    String.raw`\bbetter at\b`,
    String.raw`\bget (\w+ ){0,8}(right|correct)\b`,
    String.raw`\b(actually|reliably) (compiles|synthesi[sz]es|runs|works|passes)\b|\b(synthesi[sz]es|compiles|runs|passes|works) (\w+ ){0,3}(without|first time|out of the box|as is)\b`,
    String.raw`\bfails? (plan|compilation|to compile|tests?|validation|synthesis|lint|ci)\b`,
    String.raw`\b(produce|produces|generate|generates|output|outputs|write|writes|build|builds) (a |an )?(valid|correct|feasible|working|optimal|routable|compilable|runnable)\b`,
    String.raw`\b(misreads?|misunderstands?|misinterprets?|misses (red flags|the)|picks the wrong|loses intermediate)\b`,
    String.raw`\b(logic|logical|reasoning|arithmetic|calculation|math|maths) (slips|errors|mistakes|bugs)\b`,
    String.raw`\b(should|must|needs? to|has to) (read|interpret|see|look at|understand|solve|prove|plan)\b`,
    String.raw`\b(get|gets|getting) (them|it|these|those|more|most|all) (right|correct)\b`,
    String.raw`\b(solve|solves|solving)\b`,
    String.raw`\b(learn|learns|learning|teach (it|the model)|pick up|support|speak|understand|handle|translate) (to )?(speak |read |write |understand |translate )?(a new language|an? (\w+ )?language it|the language)`,
    String.raw`\bmake sense of\b`,
    String.raw`\b(reliably|accurately|correctly|properly) (read|interpret|diagnose|detect|recogni[sz]e|translate|solve|compute|calculate|understand)\b`,
    String.raw`\btranslate\b[^.;]{0,60}\b(accurately|correctly|faithfully)\b`,
    String.raw`\bwrite (working|correct|compiling|bug-?free|valid|efficient) (\w+ )?(code|programs?|cobol|rust|sql|queries|proofs?|kernels?)\b`,
    String.raw`\b(nothing|none|little|most|half) (of )?(what )?(it|the model) (writes|produces|outputs|generates) (compiles|runs|works)\b`,
    String.raw`\b(tell|distinguish|differentiate|detect|spot|identify) (\w+ ){1,3}(from|between|in)\b`,
    String.raw`\beven though (the )?(base )?(context|model)\b`,
    String.raw`\b(understand|read|process|handle|reason over|work with) (\w+ ){0,2}(up to|over|more than|longer than) \d`,
    String.raw`\b(gibberish|garbage|nonsense|barely usable|unusable|broken|one-?off|hopeless|clueless)\b`,
    String.raw`\b(gets?|got|getting) (lost|confused|mixed up|tangled)\b`,
    String.raw`\b(can'?t|cannot|unable to|not able to|fails? to|struggles? to) (work out|figure out|keep up|cope|think|tell|link|connect|chain|put together|combine|see)\b`,
    String.raw`\b(never|doesn'?t|does not|rarely|won'?t|don'?t) (compiles?|runs?|builds?|synthesi[sz]es|passes)\b`,
    String.raw`\b(pick|choose|select|find|produce|compute|construct|design) (the |an? )?(one|option|solution|sequence|plan|schedule|assignment|route|configuration)s? (that|which)\b`,
    String.raw`\b(in (a single|one) pass|in one go|from scratch|decipher\w*|get nothing useful)\b`,
    String.raw`\b(spot|detect|identify|tell|predict|forecast|foresee)s? (which|whether|if|when)\b`,
    String.raw`\bsatisf(y|ies|ying) (every|all|each)\b|\baccepts? (invalid|wrong|incorrect) \w+ as (correct|valid)\b`,
    String.raw`\b(logically|mathematically) wrong\b|\b(returns|gives|produces) (\w+ ){0,2}wrong (numbers|results|totals|answers)\b|\b(totals|numbers|results|answers|sums|figures) it (computes|calculates|gives|produces) are wrong\b`,
    String.raw`\b(be )?able to (interpret|read|diagnose|solve|prove|reason|compute|calculate|understand|translate|speak|write|play|plan|analy[sz]e|produce|generate|design)\b`,
    String.raw`\b(botch|botches|botched|botching|fumbles?|mess(es)? up|trips? (up )?on|chokes? on|stumbles? on)\b`,
    String.raw`\b(forgets?|forgot|loses?) (the |what |its )?(constraints?|state|context|earlier|what the user|what was)`,
    String.raw`\b(well enough|fluent(ly)?|natively|without (mistakes|errors))\b`,
    String.raw`\b(handle|handles|answer|answers|do|does) (\w+ ){0,5}(correctly|accurately|right|without (mistakes|errors))\b`,
  ],
  // Languages a base model has seen little or nothing of.
  rareLanguage: [String.raw`\b(old norse|old english|latin|ancient greek|sanskrit|runic|runes|cuneiform|hieroglyph\w*|tibetan|uyghur|mongolian|kazakh|swahili|yoruba|igbo|hausa|zulu|xhosa|amharic|tigrinya|somali|oromo|wolof|lingala|shona|malagasy|lao|khmer|burmese|sinhala|nepali|dhivehi|pashto|sindhi|kurdish|balochi|tajik|kyrgyz|turkmen|uzbek|quechua|aymara|guarani|nahuatl|navajo|cherokee|inuktitut|maori|hawaiian|samoan|tongan|fijian|basque|welsh|irish|gaelic|breton|faroese|icelandic|maltese|luxembourgish|romansh|sorbian|romani|yiddish|hungarian|estonian|latvian|lithuanian|albanian|armenian|georgian|swiss german|hokkien|hakka|tagalog|cebuano|javanese|sundanese)\b`],
  // A language or dialect named as one the base model lacks: "low-resource languages", "unsupported languages", "a dialect"
  // (not a dialect of SQL or another formal language, which is an output format).
  newLanguage: [String.raw`\b(low[- ]resource|unsupported|under-?resourced|underrepresented) (\w+ )?languages?\b|\b(?<!\b(sql|t-sql|tsql|postgres|postgresql|mysql|sqlite|bigquery|snowflake|spark|hive|presto|trino|oracle|sql server|markdown|yaml|regex|query) )dialects?\b`],
  // Using a language: learning, speaking, reading, translating it.
  languageUse: [
    String.raw`\b(learn|learns|learning|speak|speaks|speaking|understand|understands|read|reads|write|writes|translate|translates|translating|support|supports|handle|handles|fluent|fluency|answer in|reply in|replies in|chat in|respond in|converse in|transcribe)\b`,
    String.raw`\bnever (seen|been trained on|encountered|learned)\b|\b(has|have|had) (never|not|barely|hardly) seen\b`,
  ],
  // Asking for steps or maths to be shown a certain way is behaviour, not capability.
  presentation: [
    String.raw`\b(show|shows|showing|list|lists|display|present|write out|lay out|put|render|format|typeset|number)\b[^.;]{0,40}\b(steps?|working|calculation|derivation|reasoning)\b`,
    String.raw`\b(numbered|bulleted|bullet) (list|points?|steps?)\b`,
    String.raw`\b(latex|boxed|markdown|json|template|format(ted)?|style|uppercase|lowercase|indentation|ctes?|naming convention|comments|docstrings?)\b|\b(in|as) a (markdown )?table\b`,
    String.raw`\bbefore (giving |stating )?the (final )?answer\b`,
    String.raw`\b(conclusion|verdict|answer) first\b`,
  ],
};

export default en;
