import { BUILTIN_DIAGNOSTICS, type Diagnostic, type Position, type Severity } from './diagnostic.js';
import type { SourceText, Span } from './source.js';
import { closest } from './text-distance.js';
import { DEFAULT_LOCALE, msg, render, type Locale, type MessageRef } from './i18n/index.js';

/**
 * In-plan suppression comments, ESLint style:
 *
 *     # finetune-lint-disable-next-line vague-goal -- the metric is agreed with legal
 *     # finetune-lint-disable-line <id>          (on the line at fault)
 *     # finetune-lint-disable <id>  …  # finetune-lint-enable <id>
 *     # finetune-lint-disable-file <id>
 *
 * Without ids a directive covers every rule. They apply after the rules have
 * run, to rule findings only: parse errors, schema errors and the other
 * built-in diagnostics cannot be suppressed.
 */

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';

const KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'];
const PREFIX = 'finetune-lint-';

export interface Directive extends Position {
  kind: DirectiveKind;
  /**
   * For `disable-next-line` above a key whose value is a block mapping or
   * list: the last line of that value. The directive covers the key's whole
   * entry, so one placed above `risk:` covers a finding on `level: high`.
   */
  coversThrough?: number;
  /** The rule ids named, or `null` for every rule. */
  ruleIds: string[] | null;
  /** The text after ` -- `, if any. */
  reason?: string;
}

/** How directives are checked. */
export interface DirectiveOptions {
  /** Severity of a directive that suppressed nothing (default `warning`). */
  reportUnused?: Severity | 'off';
  /** Make a directive without `-- reason` an error. */
  requireReason?: boolean;
  /** Every rule id a directive may name, including rules that are turned off. */
  knownRuleIds: ReadonlySet<string>;
  /** Rules that did not run at all: a directive naming them is not reported as unused. */
  notRun?: ReadonlySet<string>;
  /** Language of the problems reported about directives (default `en`). */
  locale?: Locale;
}

/** A rule finding that a directive suppressed, with the directive's reason. */
export interface SuppressedDiagnostic extends Diagnostic {
  suppressions: Array<{ kind: 'directive'; justification: string }>;
}

/** Comment spans whose text (after `#`) starts with `finetune-lint-`, parsed into directives. */
export function parseDirectives(
  comments: readonly Span[],
  source: SourceText,
  locale: Locale = DEFAULT_LOCALE,
): { directives: Directive[]; problems: Diagnostic[] } {
  const directives: Directive[] = [];
  const problems: Diagnostic[] = [];
  for (const span of comments) {
    const body = source.text.slice(span.start, span.end).replace(/^#\s*/, '');
    if (!body.startsWith(PREFIX)) continue;
    const position = source.position(span);
    const m = /^finetune-lint-([a-z-]+)(.*)$/s.exec(body)!;
    const kind = m[1] as DirectiveKind;
    if (!KINDS.includes(kind)) {
      const near = closest(m[1]!, KINDS);
      const directive = `${PREFIX}${m[1]}`;
      problems.push(
        invalid(position, locale, near ? msg('directive.unknown.near', { directive, near: `${PREFIX}${near}` }) : msg('directive.unknown', { directive })),
      );
      continue;
    }
    // `-- reason` ends the list of ids, as in ESLint.
    const rest = m[2]!;
    if (rest !== '' && !/^\s/.test(rest)) {
      problems.push(invalid(position, locale, msg('directive.unknown', { directive: `${PREFIX}${kind}${rest.split(/\s/)[0]}` })));
      continue;
    }
    const sep = /(?:^|\s)--(?:\s|$)/.exec(rest);
    const idText = sep ? rest.slice(0, sep.index) : rest;
    const reason = sep ? rest.slice(sep.index + sep[0].length).trim() : undefined;
    const ids = idText
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    directives.push({ kind, ruleIds: ids.length ? ids : null, ...(reason ? { reason } : {}), ...position });
  }
  return { directives, problems };
}

/**
 * Extends each `disable-next-line` directive whose next line holds a key with
 * a block value to the end of that value; `blockEnds` maps a key's line to
 * the last line of its value.
 */
export function extendToBlocks(directives: readonly Directive[], blockEnds: ReadonlyMap<number, number>): Directive[] {
  return directives.map((d) => {
    const end = d.kind === 'disable-next-line' ? blockEnds.get(d.line + 1) : undefined;
    return end !== undefined && end > d.line + 1 ? { ...d, coversThrough: end } : d;
  });
}

function invalid(position: Position, locale: Locale, message: MessageRef, hint: MessageRef = msg('directive.hint')): Diagnostic {
  return { ruleId: 'invalid-disable-directive', severity: 'error', message: render(locale, message), hint: render(locale, hint), ...position };
}

function isSuppressible(d: Diagnostic): boolean {
  return !(d.ruleId in BUILTIN_DIAGNOSTICS);
}

function before(d: Position, m: Position): boolean {
  return d.line < m.line || (d.line === m.line && d.column <= m.column);
}

/**
 * Applies directives to a file's diagnostics: returns the diagnostics kept
 * (with problems about the directives themselves added) and those suppressed.
 */
export function applyDirectives(
  messages: readonly Diagnostic[],
  directives: readonly Directive[],
  options: DirectiveOptions,
): { messages: Diagnostic[]; suppressed: SuppressedDiagnostic[] } {
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  // `${index}:${id}` (or `${index}:*`) for every directive id that suppressed something.
  const used = new Set<string>();
  const names = (d: Directive, id: string): boolean => d.ruleIds === null || d.ruleIds.includes(id);
  const use = (i: number, id: string): number => {
    used.add(`${i}:${directives[i]!.ruleIds === null ? '*' : id}`);
    return i;
  };

  const suppressor = (m: Diagnostic): number | undefined => {
    for (let i = 0; i < directives.length; i++) {
      const d = directives[i]!;
      if (!names(d, m.ruleId)) continue;
      if (d.kind === 'disable-file') return use(i, m.ruleId);
      if (d.kind === 'disable-next-line' && m.line >= d.line + 1 && m.line <= (d.coversThrough ?? d.line + 1)) return use(i, m.ruleId);
      if (d.kind === 'disable-line' && m.line === d.line) return use(i, m.ruleId);
    }
    // Block directives: the state at the finding's position.
    let all: number | undefined;
    const excepted = new Set<string>();
    const byId = new Map<string, number>();
    for (let i = 0; i < directives.length; i++) {
      const d = directives[i]!;
      if ((d.kind !== 'disable' && d.kind !== 'enable') || !before(d, m)) continue;
      if (d.kind === 'disable') {
        if (d.ruleIds === null) {
          all = i;
          excepted.clear();
        } else for (const id of d.ruleIds) byId.set(id, i);
      } else if (d.ruleIds === null) {
        all = undefined;
        byId.clear();
      } else {
        for (const id of d.ruleIds) {
          byId.delete(id);
          if (all !== undefined) excepted.add(id);
        }
      }
    }
    const by = byId.get(m.ruleId) ?? (all !== undefined && !excepted.has(m.ruleId) ? all : undefined);
    return by === undefined ? undefined : use(by, m.ruleId);
  };

  for (const m of messages) {
    const by = isSuppressible(m) ? suppressor(m) : undefined;
    if (by === undefined) kept.push(m);
    else suppressed.push({ ...m, suppressions: [{ kind: 'directive', justification: directives[by]!.reason ?? '' }] });
  }

  const locale = options.locale ?? DEFAULT_LOCALE;
  directives.forEach((d, i) => {
    const where: Position = { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
    const directive = `${PREFIX}${d.kind}`;
    for (const id of d.ruleIds ?? []) {
      if (id in BUILTIN_DIAGNOSTICS) {
        kept.push(invalid(where, locale, msg('directive.builtin', { id })));
      } else if (!options.knownRuleIds.has(id)) {
        const near = closest(id, options.knownRuleIds);
        kept.push(invalid(where, locale, near ? msg('directive.unknown-rule.near', { directive, rule: id, near }) : msg('directive.unknown-rule', { directive, rule: id })));
      }
    }
    if (options.requireReason && d.kind !== 'enable' && !d.reason) {
      kept.push(invalid(where, locale, msg('directive.no-reason', { directive }), msg('directive.no-reason.hint')));
    }
    const severity = options.reportUnused ?? 'warning';
    if (severity === 'off' || d.kind === 'enable') return;
    const unused =
      d.ruleIds === null
        ? used.has(`${i}:*`)
          ? []
          : [null]
        : d.ruleIds.filter((id) => !used.has(`${i}:${id}`) && options.knownRuleIds.has(id) && !options.notRun?.has(id));
    for (const id of unused) {
      kept.push({
        ruleId: 'unused-disable-directive',
        severity,
        message: render(locale, id === null ? msg('directive.unused', { directive }) : msg('directive.unused-rule', { directive, rule: id })),
        hint: render(locale, msg('directive.unused.hint')),
        ...where,
      });
    }
  });
  return { messages: kept, suppressed };
}
