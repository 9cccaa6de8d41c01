import { setFlagsFromString } from 'node:v8';
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { msg, type MessageRef } from '../../core/i18n/message.js';
import type { Plan } from '../../core/plan.js';

/**
 * Machine-checkable constraints of a goal (`goals[].checks`), written in the
 * plan or inferred from a goal's text when it states one unambiguously, and
 * how a reply is checked against each. Pure functions: `data-contradicts-goal`
 * reads the checks, the dataset scan applies them to every reply.
 *
 * Patterns (`must_match`, `must_not_match`) run on V8's linear-time regular
 * expression engine (the `l` flag, enabled here with
 * `--enable-experimental-regexp-engine`): matching takes time linear in the
 * text whatever the pattern, so no pattern can hang a run. Features that
 * need backtracking (backreferences, lookahead and lookbehind) and the `i`
 * and `u` flags are not available there; a pattern that needs them is
 * reported when the plan is read, and not used.
 */

export type GoalCheckKind = 'max_words' | 'max_chars' | 'max_sentences' | 'format' | 'json_schema' | 'language' | 'must_match' | 'must_not_match';

export const LANGUAGES = ['zh', 'ja', 'ko', 'en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'ar', 'he', 'el', 'th', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface GoalCheck {
  /** 0-based goal index. */
  goal: number;
  kind: GoalCheckKind;
  /** The limit, `json`, the schema path, the language code, or the pattern source. */
  value: number | string;
  /** The plan node a finding points at: the check's value, or the goal's behaviour when inferred. */
  node: Node | Pair;
  /** The phrase of the goal's text the check was inferred from. */
  inferredFrom?: string;
  pattern?: RegExp;
}

export interface GoalCheckProblem {
  node: Node | Pair;
  message: MessageRef;
}

let linearEngine: boolean | undefined;

/** Compiles a pattern for the linear-time engine; a message when it cannot be. */
export function compilePattern(source: string): RegExp | MessageRef {
  if (linearEngine === undefined) {
    try {
      setFlagsFromString('--enable-experimental-regexp-engine');
      linearEngine = new RegExp('a', 'l').flags.includes('l');
    } catch {
      linearEngine = false;
    }
  }
  if (!linearEngine) return msg('data-contradicts-goal.pattern.no-engine', { pattern: source });
  try {
    new RegExp(source);
  } catch (err) {
    return msg('data-contradicts-goal.pattern.invalid', { pattern: source, detail: (err as Error).message.replace(/^Invalid regular expression: /, '') });
  }
  try {
    return new RegExp(source, 'l');
  } catch {
    return msg('data-contradicts-goal.pattern.backtracking', { pattern: source });
  }
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, a: 1, single: 1 };
const ZH_NUMBERS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function count(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()] ?? ZH_NUMBERS[word];
}

const LANGUAGE_NAMES: Record<string, Language> = {
  english: 'en', chinese: 'zh', mandarin: 'zh', japanese: 'ja', korean: 'ko', french: 'fr', german: 'de', spanish: 'es', italian: 'it', portuguese: 'pt', dutch: 'nl', russian: 'ru', ukrainian: 'uk', arabic: 'ar', hebrew: 'he', greek: 'el', thai: 'th', hindi: 'hi',
  中文: 'zh', 汉语: 'zh', 简体中文: 'zh', 英文: 'en', 英语: 'en', 日语: 'ja', 日文: 'ja', 韩语: 'ko', 韩文: 'ko', 法语: 'fr', 德语: 'de', 西班牙语: 'es', 俄语: 'ru',
};

/**
 * Statements that fix a limit, each with the check it gives. Only explicit
 * numbers with an explicit bound ("at most", "no more than", "不超过", "以内")
 * count: "short", "concise", "简洁" say nothing checkable.
 */
const LIMITS: ReadonlyArray<{ re: RegExp; kind: 'max_words' | 'max_chars' | 'max_sentences'; strict?: boolean }> = [
  { re: /\b(?:at most|no more than|not more than|up to|a maximum of|maximum of|max(?:imum)?|within|≤|<=)\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+words?\b/i, kind: 'max_words' },
  { re: /\b(?:under|fewer than|less than|below|<)\s*(\d+)\s+words?\b/i, kind: 'max_words', strict: true },
  { re: /\b(\d+)\s+words?\s+(?:at most|or (?:fewer|less)|max(?:imum)?)\b/i, kind: 'max_words' },
  { re: /\b(?:at most|no more than|not more than|up to|a maximum of|maximum of|max(?:imum)?|within|≤|<=)\s*(\d+)\s+(?:characters?|chars?)\b/i, kind: 'max_chars' },
  { re: /\b(?:under|fewer than|less than|below|<)\s*(\d+)\s+(?:characters?|chars?)\b/i, kind: 'max_chars', strict: true },
  { re: /\b(\d+)\s+(?:characters?|chars?)\s+(?:at most|or (?:fewer|less)|max(?:imum)?)\b/i, kind: 'max_chars' },
  { re: /\b(?:at most|no more than|not more than|up to|a maximum of|maximum of|max(?:imum)?|within)\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+sentences?\b/i, kind: 'max_sentences' },
  { re: /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+sentences?\s+(?:at most|or (?:fewer|less)|max(?:imum)?)\b/i, kind: 'max_sentences' },
  { re: /\b(?:in|as|to) (a single|one) sentence\b/i, kind: 'max_sentences' },
  { re: /(?:不超过|不多于|最多|至多|控制在|限制在|限于)\s*(\d+|[一两二三四五六七八九十])\s*(?:个)?(?:汉)?字/, kind: 'max_chars' },
  { re: /(?:少于|低于|小于)\s*(\d+)\s*(?:个)?(?:汉)?字/, kind: 'max_chars', strict: true },
  { re: /(\d+)\s*(?:个)?(?:汉)?字(?:以内|之内|以下)/, kind: 'max_chars' },
  { re: /(?:不超过|不多于|最多|至多|控制在|限制在|限于)\s*(\d+|[一两二三四五六七八九十])\s*(?:个)?句/, kind: 'max_sentences' },
  { re: /(\d+|[一两二三四五六七八九十])\s*句话?(?:以内|之内)/, kind: 'max_sentences' },
];

const JSON_STATEMENTS = [
  /\b(?:repl(?:y|ies)|respon(?:d|ses?)|answers?|outputs?|returns?|results?)\b[^.;!?]*\b(?:is|are|in|as)\s+(?:valid\s+|strict\s+|well-formed\s+)?JSON\b/i,
  /\bvalid JSON\b/i,
  /\bJSON only\b/i,
  /(?:输出|回复|返回|回答)[^。；！？]*JSON|JSON\s*格式(?:输出|回复|返回)|合法的?\s*JSON/,
];

const LANGUAGE_STATEMENTS = [
  /\b(?:repl(?:y|ies)|respond|responses?|answers?|answer|write|writes|written|speak|speaks)\b[^.;!?]*?\bin (english|chinese|mandarin|japanese|korean|french|german|spanish|italian|portuguese|dutch|russian|ukrainian|arabic|hebrew|greek|thai|hindi)\b/i,
  /(?:用|使用|以)(简体中文|中文|汉语|英文|英语|日语|日文|韩语|韩文|法语|德语|西班牙语|俄语)(?:回答|回复|作答|输出|撰写|书写)/,
];

/** "never include ticket numbers like ABC-123": a forbidden shape with an example that has a digit. */
const FORBIDDEN_EXAMPLE = [
  /\b(?:never|do not|don't|must not|should not|without)\s+(?:include|includes|including|mention|mentions|contain|contains|reveal|reveals|show|shows|output|outputs|repeat|repeats|leak|leaks|expose|exposes)\b[^.;!?]*?\b(?:like|such as|e\.g\.,?)\s+["'“‘]?([A-Za-z0-9][A-Za-z0-9_/#.-]*[A-Za-z0-9])/i,
  /(?:不要|不得|不能|禁止|不可|切勿)[^。；！？]*?(?:出现|包含|提及|透露|泄露|输出|显示)[^。；！？]*?(?:如|例如|比如|像)\s*[「“"']?([A-Za-z0-9][A-Za-z0-9_/#.-]*[A-Za-z0-9])/,
];

/** The pattern an example stands for: letter runs by case and length, digit runs of any length, the rest as written. */
export function shapeOf(example: string): string {
  let out = '';
  for (const m of example.matchAll(/[A-Z]+|[a-z]+|\d+|./g)) {
    const run = m[0];
    if (/^[A-Z]+$/.test(run)) out += `[A-Z]{${run.length}}`;
    else if (/^[a-z]+$/.test(run)) out += run;
    else if (/^\d+$/.test(run)) out += '\\d+';
    else out += run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return `\\b${out}\\b`;
}

/** The checks a goal's text states unambiguously. */
export function inferChecks(text: string): Array<{ kind: GoalCheckKind; value: number | string; phrase: string }> {
  const found: Array<{ kind: GoalCheckKind; value: number | string; phrase: string }> = [];
  const t = text.normalize('NFKC');
  for (const { re, kind, strict } of LIMITS) {
    if (found.some((f) => f.kind === kind)) continue;
    const m = re.exec(t);
    const n = m ? count(m[1]!) : undefined;
    if (m && n !== undefined && n > (strict ? 1 : 0)) found.push({ kind, value: strict ? n - 1 : n, phrase: m[0].trim() });
  }
  for (const re of JSON_STATEMENTS) {
    const m = re.exec(t);
    if (m) {
      found.push({ kind: 'format', value: 'json', phrase: m[0].trim() });
      break;
    }
  }
  for (const re of LANGUAGE_STATEMENTS) {
    const m = re.exec(t);
    const lang = m ? LANGUAGE_NAMES[m[1]!.toLowerCase()] : undefined;
    if (m && lang) {
      found.push({ kind: 'language', value: lang, phrase: m[0].trim() });
      break;
    }
  }
  for (const re of FORBIDDEN_EXAMPLE) {
    const m = re.exec(t);
    if (m && /\d/.test(m[1]!)) {
      found.push({ kind: 'must_not_match', value: shapeOf(m[1]!), phrase: m[0].trim() });
      break;
    }
  }
  return found;
}

const cache = new WeakMap<Plan, { checks: GoalCheck[]; problems: GoalCheckProblem[] }>();

/**
 * Every goal's checks: those written under `goals[].checks`, else those its
 * behaviour states. With `infer` false, only the written ones (and their
 * problems): reading the text is left out when there is no data to check.
 */
export function goalChecks(plan: Plan, infer = true): { checks: GoalCheck[]; problems: GoalCheckProblem[] } {
  let result = infer ? cache.get(plan) : undefined;
  if (result) return result;
  result = { checks: [], problems: [] };
  const goals = plan.seq(['goals']);
  goals?.items.forEach((goal, g) => {
    if (!isMap(goal)) return;
    const written = plan.map(['goals', g, 'checks']);
    if (written) {
      for (const pair of written.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const node = (pair.value ?? pair) as Node | Pair;
        const value = isScalar(pair.value) ? pair.value.value : undefined;
        if (key === 'must_match' || key === 'must_not_match') {
          const items = isSeq(pair.value) ? pair.value.items : [pair.value];
          for (const item of items) {
            if (!isScalar(item) || typeof item.value !== 'string') continue;
            const pattern = compilePattern(item.value);
            if (pattern instanceof RegExp) result!.checks.push({ goal: g, kind: key, value: item.value, node: item, pattern });
            else result!.problems.push({ node: item, message: pattern });
          }
        } else if ((key === 'max_words' || key === 'max_chars' || key === 'max_sentences') && typeof value === 'number') {
          result!.checks.push({ goal: g, kind: key, value, node });
        } else if ((key === 'format' || key === 'json_schema' || key === 'language') && typeof value === 'string') {
          result!.checks.push({ goal: g, kind: key, value, node });
        }
      }
      return;
    }
    const behavior = plan.scalar(['goals', g, 'behavior']);
    if (!infer || !behavior || typeof behavior.value !== 'string') return;
    for (const c of inferChecks(behavior.value)) {
      const check: GoalCheck = { goal: g, kind: c.kind, value: c.value, node: behavior, inferredFrom: c.phrase };
      if (c.kind === 'must_not_match') {
        const pattern = compilePattern(String(c.value));
        if (!(pattern instanceof RegExp)) continue;
        check.pattern = pattern;
      }
      result!.checks.push(check);
    }
  });
  if (infer) cache.set(plan, result);
  return result;
}

/** The check as YAML, for "write this to make it explicit". */
export function checkYaml(check: Pick<GoalCheck, 'kind' | 'value'>): string {
  const v = typeof check.value === 'number' ? String(check.value) : JSON.stringify(check.value);
  return `checks: { ${check.kind}: ${v} }`;
}

// ---- Measuring a reply ----

function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdbff);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && !isSpace(c) && !isPunct(c));
}

function isPunct(c: number): boolean {
  return (c >= 0x2010 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || c === 0xb7;
}

/**
 * Words as a reader counts them: each Chinese, Japanese or Korean character
 * is one (as 字 are counted), and every other run of text between spaces
 * that holds a letter or digit is one ("don't", "well-known", "3.5" are one
 * word each).
 */
export function countWords(text: string): number {
  let words = 0;
  let inToken = false;
  let tokenHasWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      // ASCII, inline: most replies are mostly ASCII.
      if (c === 32 || (c >= 9 && c <= 13)) {
        if (inToken && tokenHasWord) words++;
        inToken = false;
      } else {
        if (!inToken) {
          inToken = true;
          tokenHasWord = false;
        }
        if (!tokenHasWord && ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) tokenHasWord = true;
      }
    } else if (isCjk(c)) {
      if (inToken && tokenHasWord) words++;
      inToken = false;
      words++;
      if (c >= 0xd800 && c <= 0xdbff) i++;
    } else if (isSpace(c)) {
      if (inToken && tokenHasWord) words++;
      inToken = false;
    } else {
      if (!inToken) {
        inToken = true;
        tokenHasWord = false;
      }
      if (!tokenHasWord && isWordChar(c)) tokenHasWord = true;
    }
  }
  if (inToken && tokenHasWord) words++;
  return words;
}

/** Characters as a reader counts them: every character (a Chinese character, a letter, a digit, a punctuation mark) is one; white space is not counted. */
export function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a surrogate pair
    if (!isSpace(c)) n++;
  }
  return n;
}

/**
 * Sentences: text up to `.`, `!`, `?` or `…` followed by white space or the
 * end, or up to `。`, `！`, `？`, `；` wherever they stand; a part with no letter or
 * digit is not a sentence. "e.g. this" counts two.
 */
export function countSentences(text: string): number {
  let sentences = 0;
  let hasWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cjkEnd = c === 0x3002 || c === 0xff01 || c === 0xff1f;
    const latinEnd = (c === 46 || c === 33 || c === 63 || c === 0x2026) && (i + 1 === text.length || isSpace(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 34);
    if (cjkEnd || latinEnd) {
      if (hasWord) sentences++;
      hasWord = false;
    } else if (isWordChar(c) || isCjk(c)) hasWord = true;
  }
  if (hasWord) sentences++;
  return sentences;
}

type Script = 'han' | 'kana' | 'hangul' | 'latin' | 'cyrillic' | 'arabic' | 'hebrew' | 'greek' | 'thai' | 'devanagari' | 'other';

function scriptOf(c: number): Script | undefined {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) return 'latin';
  if (c < 128) return undefined;
  if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f)) return 'han';
  if (c >= 0x3040 && c <= 0x30ff) return 'kana';
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) return 'hangul';
  if (c >= 0x400 && c <= 0x4ff) return 'cyrillic';
  if (c >= 0x600 && c <= 0x6ff) return 'arabic';
  if (c >= 0x590 && c <= 0x5ff) return 'hebrew';
  if (c >= 0x370 && c <= 0x3ff) return 'greek';
  if (c >= 0xe00 && c <= 0xe7f) return 'thai';
  if (c >= 0x900 && c <= 0x97f) return 'devanagari';
  if (isSpace(c) || isPunct(c) || (c >= 0xdc00 && c <= 0xdfff)) return undefined;
  return 'other';
}

const SCRIPTS: Record<Language, readonly Script[]> = {
  zh: ['han'], ja: ['kana', 'han'], ko: ['hangul'], en: ['latin'], fr: ['latin'], de: ['latin'], es: ['latin'], it: ['latin'], pt: ['latin'], nl: ['latin'],
  ru: ['cyrillic'], uk: ['cyrillic'], ar: ['arabic'], he: ['hebrew'], el: ['greek'], th: ['thai'], hi: ['devanagari'],
};

/**
 * Whether a reply is written in `language`, by script: at least half of its
 * letters are in the language's script (Japanese: kana and kanji, with some
 * kana). Languages that share a script (English, French, German…) are told
 * apart from other scripts only. A reply with no letters passes.
 */
export function inLanguage(text: string, language: Language): boolean {
  const wanted = SCRIPTS[language];
  let letters = 0;
  let inScript = 0;
  let kana = 0;
  for (let i = 0; i < text.length; i++) {
    const s = scriptOf(text.charCodeAt(i));
    if (!s) continue;
    letters++;
    if (wanted.includes(s)) inScript++;
    if (s === 'kana') kana++;
  }
  if (letters === 0) return true;
  if (language === 'ja' && kana === 0) return false;
  return inScript * 2 >= letters;
}

/** Whether a reply breaks a check (`json_schema` is applied by the caller, which holds the compiled schema). */
export function breaks(check: GoalCheck, reply: string, validate?: (value: unknown) => boolean): boolean {
  switch (check.kind) {
    case 'max_words':
      return countWords(reply) > (check.value as number);
    case 'max_chars':
      return countChars(reply) > (check.value as number);
    case 'max_sentences':
      return countSentences(reply) > (check.value as number);
    case 'language':
      return !inLanguage(reply, check.value as Language);
    case 'must_match':
      return !check.pattern!.test(reply);
    case 'must_not_match':
      return check.pattern!.test(reply);
    case 'format':
    case 'json_schema': {
      let value: unknown;
      try {
        value = JSON.parse(reply);
      } catch {
        return true;
      }
      if (typeof value !== 'object' || value === null) return true;
      return check.kind === 'json_schema' && validate !== undefined && !validate(value);
    }
  }
}
