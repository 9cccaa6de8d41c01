import type { Node, Pair } from 'yaml';
import type { ImpliedVerdict, Severity } from './diagnostic.js';
import { hasMessage, translate, type Locale, type MessageData, type MessageKey } from './i18n/index.js';
import type { Plan } from './plan.js';
import type { Span } from './source.js';

/** Base URL of the rule documents; each rule's doc is `rules/<id>.md`. */
export const RULE_DOCS_BASE = 'https://github.com/finetune-lint/finetune-lint/blob/main/rules/';

/** A JSON Schema for a rule's options (object schema, validated with ajv). */
export type OptionsSchema = Record<string, unknown>;

/** What a rule says about itself. Docs, listings and SARIF are derived from this. */
export interface RuleMeta<Options extends object = Record<string, never>> {
  /** Kebab-case id naming the problem, e.g. `no-eval-set`. */
  id: string;
  /** Severity when the configuration does not say otherwise. */
  severity: Severity;
  /** One line: what the rule reports. Must match the first line of its doc. */
  description: string;
  /**
   * The default fix hint, as a catalogue key (built-in rules: rendered in the
   * active locale). A finding may give a more specific one.
   */
  hintId?: MessageKey;
  /** The default fix hint as literal text, for rules with no catalogue entries (plugins). */
  hint?: string;
  /**
   * What a finding of this rule says about running the fine-tune: the plan
   * must be fixed first, or fine-tuning is the wrong tool. See `verdict.ts`.
   */
  verdict: ImpliedVerdict;
  /** JSON Schema of the options object. */
  optionsSchema?: OptionsSchema;
  /** Values of the options when the configuration gives none. */
  defaultOptions: Options;
  /** Where the rule is documented; built-in rules are documented in `rules/<id>.md`. */
  docsUrl?: string;
}

/** Anything a finding can point at: a node, a pair (its key) or a raw span. */
export type ReportTarget = Node | Pair | Span;

interface FindingBase {
  /** The most specific node at fault; for a missing key, `plan.anchor(path)`. */
  node: ReportTarget;
  /** Overrides the rule's `meta.verdict` for this finding. */
  verdict?: ImpliedVerdict;
  /** How sure the rule is, 0–1, for a finding read from free text (the detection rules). */
  confidence?: number;
  /** The phrases of the plan that decided the finding, as written. */
  evidence?: string[];
}

/**
 * A finding worded through the message catalogues (ESLint's `messageId`):
 * the linter renders it in the active locale. Built-in rules report this way.
 */
export interface CatalogueFinding extends FindingBase {
  /** What is wrong: a catalogue key, its parameters in `data` (quoted plan text, counts, key names). */
  messageId: MessageKey;
  data?: MessageData;
  /** What to do instead, as a catalogue key; defaults to the rule's hint. */
  hintId?: MessageKey;
  hintData?: MessageData;
  message?: never;
  hint?: never;
}

/** A finding worded as literal text, for rules with no catalogue entries (plugins); shown as is in every locale. */
export interface LiteralFinding extends FindingBase {
  /** What is wrong, quoting the plan where useful. */
  message: string;
  /** What to do instead; defaults to the rule's hint. */
  hint?: string;
  messageId?: never;
  hintId?: never;
}

export type Finding = CatalogueFinding | LiteralFinding;

export interface RuleContext<Options extends object> {
  plan: Plan;
  options: Options;
  report(finding: Finding): void;
}

/** A rule: metadata and a check over a parsed plan. */
export interface Rule<Options extends object = Record<string, never>> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
}

/** A rule of any options type, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

/** Link to a rule's document. */
export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

/** Helper that keeps a rule's options type checked against its defaults. */
export function defineRule<Options extends object>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** A rule's default fix hint in `locale`: its catalogue hint, else its literal hint. */
export function defaultHint(meta: Pick<RuleMeta<object>, 'hint' | 'hintId'>, locale: Locale): string {
  return meta.hintId ? translate(locale, meta.hintId) : (meta.hint ?? '');
}

/** A rule's one-line description in `locale`; rules without a catalogue entry keep their own. */
export function ruleDescription(meta: Pick<RuleMeta<object>, 'id' | 'description'>, locale: Locale): string {
  const key = `${meta.id}.description`;
  return hasMessage(key) ? translate(locale, key) : meta.description;
}
