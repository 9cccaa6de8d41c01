import type { Lexicon } from '../lexicon.js';
import type { VagueGroup } from './vague-goal.groups.js';

/**
 * English words for vague-goal, on normalised text. A goal is vague when
 * nothing is left of its behaviour once these words are taken out.
 */
const en: Lexicon<VagueGroup> = {
  // Improvement with no direction: better, higher quality, optimise, polished.
  improvement: [
    String.raw`\b(better|best|good|great|nice|nicer|fine|improve[sd]?|improving|improvements?|enhanced?|enhances|enhancing|enhancements?|optimi[sz](e|es|ed|ing|ation)|boost(s|ed|ing)?|upgraded?|upgrades|level(s|led)? up|step(s|ped)? up( (its|their) game)?|higher|high|polish(ed)?|professional|helpful|useful|usable|accurate|smart|smarter|intelligent|effective|efficient|powerful|stronger|strong|robust|natural|human-?like|satisfying|satisfaction|excellent|awesome|perfect|ideal|impressive|solid|reliable|quality|overall|general|generally|in general|across the board|as (a|a whole)|on the whole|up to par|up to scratch|not great|just not|works?|working|feels?|feeling|perform(s|ing|ance)?|standards?|levels?|engaging|appealing|pleasant|delightful|premium|classy|elegant|sophisticated|refined|slick|smooth|on[- ]point|spot[- ]on|happier|happy|satisfied|delight(ed)?|wow|amazing|fantastic|cool|right|correct|appropriate|suitable|fitting|more|conversion|conversions|churn|csat|nps|gmv|retention|revenue|sales|engagement|complaints?|production[- ]ready|ready|on[- ]brand|aligned|expect(s|ed|ations?)?|moderni[sz]\w*|fewer|less|reduce[sd]?|increase[sd]?|lower|comes? across|end to end|genuinely|truly|appropriately|properly|correctly|accurately|adequately|accordingly|world[- ]class|industry[- ]leading|competitive|competitors?|grow|growth|alignment|values|through|seller|sellers|dumb|stupid|chatgpt|gpt-?\d*|next to|compared to|versus|vs|\.\.\.)\b`,
  ],
  // What every goal talks about, so it names no behaviour by itself.
  generic: [
    String.raw`\b(model'?s?|llm|bot'?s?|chat ?bot|assistant|ai|system|agent|tool|product|players?|d\d+|dau|mau|ltv|arpu|kpis?|metrics|numbers|shop|store|live-?stream|channel|app|platform|site|website|org|organi[sz]ation|ops|sales|flow|quote flow|funnel|chat|company|brand|us|ours|answers?|responses?|replies|reply|respond(s|ed|ing)?|understand(s|ing)?|intents?|intentions?|needs|requests?|questions?|queries|handl(e|es|ed|ing)|outputs?|results?|generations?|performance|experience|ux|users?|customers?|people|clients?|service|support|use ?case|business|team|production|everything|things?|stuff|game)\b`,
  ],
  // Function words.
  filler: [
    String.raw`\b(the|a|an|to|of|for|and|or|in|on|with|by|at|as|from|it|its|it'?s|our|we|us|they|them|their|be|is|are|was|were|been|being|should|must|needs?|want|wants|would|will|can|could|make|makes|made|get|gets|so|that|this|these|more|much|very|really|even|lot|lots|much|some|bit|little|all|just|also|too|overall|way|ways|say|says|said|among|how|what|from|about|who|which|whom|he|she|fine-?tun\w*|train(ing|ed)?|run|tweak\w*|tun(e|ing)|let'?s|please|want|like|than|now|today|currently|so|it)\b`,
  ],
  // Placeholders that stand for a metric or target not yet chosen.
  placeholder: [String.raw`^(tbd|tbc|todo|to do|n/?a|none|unknown|\?+|-+|x+|later|to be (decided|defined|determined|confirmed))$`],
};

export default en;
