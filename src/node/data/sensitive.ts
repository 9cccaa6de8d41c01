import validator from 'validator';

// The package's main module: its per-function files are CommonJS modules whose default export differs between Node and bundlers.
const { isCreditCard, isEmail, isIBAN, isIdentityCard, isMobilePhone } = validator;

/**
 * Finds personal data and secrets in dataset text. Candidates are found by
 * our own expressions (the validators below check a whole string, they do
 * not search text); each candidate is then confirmed by the `validator`
 * package: e-mail syntax (`isEmail`), mainland China mobile numbers
 * (`isMobilePhone('zh-CN')`), E.164 numbers (`isMobilePhone('any', strict)`),
 * resident ID numbers with their region, birth date and check digit
 * (`isIdentityCard('zh-CN')`), payment cards by issuer prefix and Luhn
 * checksum (`isCreditCard`), IBANs by country format and mod-97 checksum
 * (`isIBAN`). Credentials have no such library: their formats are the
 * documented prefixes of each issuer, listed in {@link TOKENS}.
 *
 * A matched value never leaves this module unmasked: results carry counts,
 * line numbers and masked samples only.
 */

import { SENSITIVE_KINDS, type SensitiveKind } from '../../core/sensitive-kinds.js';

export { SENSITIVE_KINDS, type SensitiveKind };

export interface SensitiveOptions {
  /** Kinds looked for. */
  kinds: readonly SensitiveKind[];
  /** Values never reported (compared without case, spaces and dashes). */
  allow: readonly string[];
  /** Line numbers kept per kind. */
  maxListed: number;
}

export interface KindTally {
  /** Records holding at least one value of this kind. */
  records: number;
  /** Values of this kind, over all records. */
  values: number;
  /** The first lines (1-based) of records holding one. */
  lines: number[];
  /** The first value found, masked. */
  sample: string;
}

export interface SensitiveResult {
  /** Records holding at least one value of any kind. */
  records: number;
  kinds: Partial<Record<SensitiveKind, KindTally>>;
}

/**
 * Credential formats, each a documented, fixed prefix with a length, so that
 * ordinary words never match: AWS access key ids, GitHub tokens (classic
 * and fine-grained), Slack tokens, Google API keys, OpenAI and Anthropic
 * keys, Stripe live keys, GitLab personal tokens, JSON Web Tokens.
 */
const TOKENS = [
  String.raw`(?:AKIA|ASIA)[0-9A-Z]{16}`,
  String.raw`gh[pousr]_[A-Za-z0-9]{36,255}`,
  String.raw`github_pat_[A-Za-z0-9_]{50,255}`,
  String.raw`xox[abposr]-[A-Za-z0-9-]{10,250}`,
  String.raw`AIza[0-9A-Za-z_-]{35}`,
  String.raw`sk-(?:ant-|proj-)?[A-Za-z0-9_-]{32,250}`,
  String.raw`[rs]k_live_[0-9A-Za-z]{20,250}`,
  String.raw`glpat-[0-9A-Za-z_-]{20,250}`,
  String.raw`eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`,
];
const TOKEN = new RegExp(`(?<![A-Za-z0-9_-])(?:${TOKENS.join('|')})(?![A-Za-z0-9_-])`, 'g');
/** Cheap test before the token expression: one of the prefixes occurs at all. */
const TOKEN_HINT = /AKIA|ASIA|gh[pousr]_|github_pat_|xox[abposr]-|AIza|sk-|k_live_|glpat-|eyJ/;
const PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----/g;

/**
 * Numbers: a run of 8–19 digits (an ID may end in X), optionally after `+`
 * (E.164) or `+86`/`0086`; or digits in the groups people type (card numbers
 * in fours, Amex 4-6-5, mobile numbers 3-4-4). Never inside a longer run of
 * letters or digits.
 */
const NUMBER = new RegExp(
  [
    String.raw`(?:(?:\+|00)86[ -]?)?1[3-9]\d[ -]\d{4}[ -]\d{4}`,
    String.raw`\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?`,
    String.raw`\d{4}[ -]\d{6}[ -]\d{5}`,
    String.raw`\+?\d{8,19}[Xx]?`,
  ]
    .map((p) => `(?<![A-Za-z0-9+])${p}(?![A-Za-z0-9])`)
    .join('|'),
  'g',
);
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}/g;
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![A-Za-z0-9])/g;
const IBAN_HINT = /[A-Z]{2}\d{2}/;

/** The comparable form of a value: lower case, no spaces or dashes. */
export function comparable(value: string): string {
  return value.toLowerCase().replace(/[\s-]+/g, '');
}

/** A value shown in a message: enough to find it, never the value. */
export function mask(kind: SensitiveKind, value: string): string {
  if (kind === 'email') {
    const at = value.lastIndexOf('@');
    return `${value.slice(0, 1)}***${value.slice(at)}`;
  }
  if (kind === 'credential') {
    const label = /^-----BEGIN (.+)-----$/.exec(value);
    if (label) return label[1]!;
    const prefix = /^(?:AKIA|ASIA|gh[pousr]_|github_pat_|xox[abposr]-|AIza|sk-ant-|sk-proj-|sk-|[rs]k_live_|glpat-|eyJ)/.exec(value);
    return `${prefix ? prefix[0] : value.slice(0, 3)}****`;
  }
  const compact = value.replace(/[\s-]+/g, '');
  if (kind === 'payment-card') return `${compact.slice(0, 4)}****${compact.slice(-4)}`;
  if (kind === 'iban') return `${compact.slice(0, 4)}****${compact.slice(-4)}`;
  if (kind === 'cn-id') return `${compact.slice(0, 3)}****${compact.slice(-4)}`;
  // phone: the last 11 digits of a Chinese number or the whole E.164 number
  const digits = compact.replace(/^(?:\+86|0086)/, '');
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** What a run of digits is, if anything. */
function classifyNumber(raw: string): SensitiveKind | undefined {
  const compact = raw.replace(/[ -]/g, '');
  if (compact.length === 18 && isIdentityCard(compact.toUpperCase(), 'zh-CN')) return 'cn-id';
  if (/[Xx]$/.test(compact)) return undefined;
  const cn = compact.replace(/^(?:\+86|0086|86(?=1\d{10}$))/, '');
  if (cn.length === 11 && isMobilePhone(cn, 'zh-CN')) return 'phone';
  if (compact.startsWith('+')) {
    return compact.length >= 9 && compact.length <= 16 && isMobilePhone(compact, 'any', { strictMode: true }) ? 'phone' : undefined;
  }
  if (compact.length >= 13 && compact.length <= 19 && isCreditCard(compact)) return 'payment-card';
  return undefined;
}

/** Counts the sensitive values of records, one record at a time. */
export class SensitiveScanner {
  private readonly tallies = new Map<SensitiveKind, KindTally>();
  private readonly allowed: Set<string>;
  private readonly want: Set<SensitiveKind>;
  private records = 0;
  private found = new Set<SensitiveKind>();

  constructor(private readonly options: SensitiveOptions) {
    this.allowed = new Set(options.allow.map(comparable));
    this.want = new Set(options.kinds);
  }

  /**
   * Scans one record. `raw` is the record's source text when there is one (a
   * JSON Lines line): when it holds nothing that could start a match, the
   * parsed value is not walked.
   */
  visit(value: unknown, line: number, raw?: string): void {
    if (raw !== undefined && !mayHold(raw)) return;
    this.found.clear();
    this.walk(value, line, 0);
    if (this.found.size > 0) this.records++;
  }

  result(): SensitiveResult {
    const kinds: SensitiveResult['kinds'] = {};
    for (const kind of SENSITIVE_KINDS) {
      const t = this.tallies.get(kind);
      if (t) kinds[kind] = t;
    }
    return { records: this.records, kinds };
  }

  private walk(value: unknown, line: number, depth: number): void {
    if (typeof value === 'string') {
      if (mayHold(value)) this.scanText(value, line);
    } else if (Array.isArray(value)) {
      if (depth < 32) for (const v of value) this.walk(v, line, depth + 1);
    } else if (typeof value === 'object' && value !== null && depth < 32) {
      for (const key in value) this.walk((value as Record<string, unknown>)[key], line, depth + 1);
    }
  }

  private scanText(text: string, line: number): void {
    const want = this.want;
    if (want.has('credential')) {
      if (text.includes('-----BEGIN')) for (const m of text.matchAll(PRIVATE_KEY)) this.add('credential', m[0], line);
      if (TOKEN_HINT.test(text)) for (const m of text.matchAll(TOKEN)) this.add('credential', m[0], line);
    }
    if (want.has('email') && text.includes('@')) {
      for (const m of text.matchAll(EMAIL)) if (isEmail(m[0])) this.add('email', m[0], line);
    }
    if (!hasDigit(text)) return;
    if (want.has('phone') || want.has('cn-id') || want.has('payment-card')) {
      for (const m of text.matchAll(NUMBER)) {
        const kind = classifyNumber(m[0]);
        if (kind && want.has(kind)) this.add(kind, m[0], line);
      }
    }
    if (want.has('iban') && IBAN_HINT.test(text)) {
      for (const m of text.matchAll(IBAN)) if (isIBAN(m[0].replace(/ /g, ''))) this.add('iban', m[0], line);
    }
  }

  private add(kind: SensitiveKind, value: string, line: number): void {
    if (this.allowed.size > 0 && this.allowed.has(comparable(value))) return;
    let t = this.tallies.get(kind);
    if (!t) {
      t = { records: 0, values: 0, lines: [], sample: mask(kind, value) };
      this.tallies.set(kind, t);
    }
    t.values++;
    if (!this.found.has(kind)) {
      this.found.add(kind);
      t.records++;
      if (t.lines.length < this.options.maxListed) t.lines.push(line);
    }
  }
}

/**
 * Whether a text may hold a sensitive value: it has a digit, `@`, a key block
 * or a JSON Web Token. Every kind but credentials needs a digit or `@`; a
 * generated key of 20 or more characters nearly always has a digit (one of
 * 32 random letters and digits has none with probability (52/62)^32 ≈ 0.4 %),
 * and testing every token prefix on every text would cost more than the rest
 * of the scan together.
 */
function mayHold(text: string): boolean {
  return hasDigit(text) || text.includes('@') || text.includes('-----BEGIN') || text.includes('eyJ');
}

const DIGITS = '0123456789'.split('');

/** Whether `text` has an ASCII digit: ten native searches beat one interpreted `/\d/` (the CLI turns off regular-expression tier-up). */
function hasDigit(text: string): boolean {
  for (const d of DIGITS) if (text.includes(d)) return true;
  return false;
}
