import type { Diagnostic, ImpliedVerdict, Verdict } from './diagnostic.js';
import { translate, type Locale } from './i18n/index.js';

/**
 * The answer to the question a team brings: should we run this fine-tune?
 *
 * - `do-not-fine-tune` — a finding says fine-tuning is the wrong tool:
 *   knowledge injection (use retrieval), a capability gap (a stronger base
 *   model or a decomposed task), a prompt baseline that already meets the
 *   target (ship the prompt), goals that pull against each other (split the
 *   plan). Whatever the finding's severity.
 * - `fix-first` — the fine-tune may be right, but the plan cannot show it
 *   yet: no eval set, no prompt baseline, no regression set, a vague goal,
 *   retraining without analysis, a missing fallback, a broken plan file —
 *   whatever the finding's severity.
 * - `ready` — nothing of the above: the plan says which behaviour changes,
 *   how it is measured, and what guards the risk.
 *
 * Which verdict a rule's finding implies is the rule's `meta.verdict` (a
 * finding may override it); non-rule diagnostics imply `fix-first`, except
 * those about disable comments, which say nothing about the plan itself.
 */
export interface VerdictOutcome {
  verdict: Verdict;
  /** One line per rule behind the verdict (`rule-id: first message`), errors first. */
  reasons: string[];
}

/** How people read a verdict in `locale`; JSON and SARIF keep the enum value. */
export function verdictLabel(verdict: Verdict, locale: Locale = 'en'): string {
  return translate(locale, `verdict.${verdict}`);
}

/** Display names in English, as stylish output and docs write them. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  ready: verdictLabel('ready'),
  'fix-first': verdictLabel('fix-first'),
  'do-not-fine-tune': verdictLabel('do-not-fine-tune'),
};

function implied(d: Diagnostic): ImpliedVerdict {
  return d.verdict ?? 'fix-first';
}

/** One reason per rule, errors before warnings, each in the order of the plan. */
function reasonsFrom(messages: readonly Diagnostic[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const ordered = [...messages.filter((m) => m.severity === 'error'), ...messages.filter((m) => m.severity !== 'error')];
  for (const m of ordered) {
    if (seen.has(m.ruleId)) continue;
    seen.add(m.ruleId);
    out.push(`${m.ruleId}: ${m.message}`);
  }
  return out;
}

/**
 * Diagnostics about `# finetune-lint-disable` comments: lint hygiene, not plan
 * quality — as warnings. As errors (a comment without a reason under
 * `--require-reason`, an unknown rule id, unused comments set to `error`) they
 * fail the run, so the plan is not called ready either.
 */
const ABOUT_COMMENTS = new Set(['unused-disable-directive', 'invalid-disable-directive']);

/** The verdict for one plan from its diagnostics. */
export function verdictOf(all: readonly Diagnostic[]): VerdictOutcome {
  const messages = all.filter((m) => !ABOUT_COMMENTS.has(m.ruleId) || m.severity === 'error');
  const wrongTool = messages.filter((m) => implied(m) === 'do-not-fine-tune');
  if (wrongTool.length > 0) return { verdict: 'do-not-fine-tune', reasons: reasonsFrom(wrongTool) };
  if (messages.length > 0) return { verdict: 'fix-first', reasons: reasonsFrom(messages) };
  return { verdict: 'ready', reasons: [] };
}
