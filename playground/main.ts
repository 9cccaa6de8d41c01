import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { Compartment, EditorState, type Extension, type Text } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import LZString from 'lz-string';
import examples from 'virtual:examples';
import {
  BUILTIN_DIAGNOSTICS,
  LOCALES,
  STARTER_PLANS,
  lintOptionsFromConfig,
  lintText,
  normalizeLocale,
  plural,
  ruleDocsUrl,
  translate,
  verdictLabel,
  type Diagnostic,
  type LintResult,
  type Locale,
  VERSION,
} from '../src/core/index.js';
import { schemaCompletions, schemaHover } from './schema-help.js';
import { EDITOR_PHRASES, pageText, type PageTextKey } from './text.js';

/**
 * The playground: the linter's core, bundled for the browser, run on the
 * editor's text at every change. Findings, verdict and their wording are the
 * core's, exactly as the CLI prints them for the same text with no
 * configuration file and the data checks off.
 */

const REPO = 'https://github.com/finetune-lint/finetune-lint';
const PLAN_FILE = 'finetune-plan.yaml';
/** The settings of a plan with no configuration file; the data checks are known but cannot run here. */
const LINT_OPTIONS = lintOptionsFromConfig({});

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The language the browser asks for, if the linter speaks it. */
function browserLocale(): Locale {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const locale = normalizeLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}

let locale: Locale = browserLocale();
let lastResult: LintResult | undefined;
let announceTimer: ReturnType<typeof setTimeout> | undefined;
let firstShown = false;

// ---- the plan in the address: `#plan=<lz-string>` ----

function planFromHash(): string | undefined {
  const m = /^#plan=(.*)$/.exec(location.hash);
  if (!m) return undefined;
  const text = LZString.decompressFromEncodedURIComponent(m[1]!);
  return typeof text === 'string' ? text : undefined;
}

let hashTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Puts the plan in the address once typing pauses: browsers ignore a page
 * that rewrites its address hundreds of times in a few seconds.
 */
function writeHash(text: string): void {
  clearTimeout(hashTimer);
  hashTimer = setTimeout(() => {
    const hash = `#plan=${LZString.compressToEncodedURIComponent(text)}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }, 250);
}

// ---- the editor ----

const editorLabel = new Compartment();
/** The editor's accessible name and its own words, in the page's language. */
const editorLabelling = (): Extension => [
  EditorView.contentAttributes.of({ 'aria-label': pageText(locale, 'page.editor'), 'aria-describedby': 'editor-keys' }),
  EditorState.phrases.of(EDITOR_PHRASES[locale]),
];

const view = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: planFromHash() ?? STARTER_PLANS[locale],
    extensions: [
      minimalSetup,
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      indentOnInput(),
      bracketMatching(),
      yaml(),
      lintGutter(),
      autocompletion({ override: [schemaCompletions(() => locale)] }),
      schemaHover(() => locale),
      keymap.of([...completionKeymap, ...lintKeymap]),
      EditorView.lineWrapping,
      editorLabel.of(editorLabelling()),
      EditorView.updateListener.of((update) => {
        // An update may not dispatch another: lint once it is over.
        if (update.docChanged) queueMicrotask(lintAndShow);
      }),
    ],
  }),
});

/** The offset of a 1-based line and column (UTF-16 code units, as the linter counts). */
function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(column, 1) - 1, l.to);
}

function moveTo(d: Diagnostic): void {
  const anchor = offsetOf(view.state.doc, d.line, d.column);
  view.dispatch({ selection: { anchor }, effects: EditorView.scrollIntoView(anchor, { y: 'center' }) });
  view.focus();
}

// ---- linting and showing the result ----

function docsUrl(ruleId: string): string {
  if (Object.hasOwn(BUILTIN_DIAGNOSTICS, ruleId)) {
    return locale === 'zh-CN' ? `${REPO}/blob/main/README.zh-CN.md#不属于规则的诊断` : `${REPO}#diagnostics-that-are-not-rules`;
  }
  const url = ruleDocsUrl(ruleId);
  return locale === 'zh-CN' ? url.replace(/\.md$/, '.zh-CN.md') : url;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

const SEVERITY_ICON = { error: '✖', warning: '⚠' } as const;
const VERDICT_ICON = { ready: '✔', 'fix-first': '!', 'do-not-fine-tune': '✖' } as const;

/** The CLI's summary line (`✖ 3 problems (3 errors, 0 warnings)`), or the page's words for none. */
function summaryLine(result: LintResult): string {
  const total = result.errorCount + result.warningCount;
  if (total === 0) return pageText(locale, 'page.findings.none');
  return translate(locale, 'stylish.summary', {
    problems: plural('count.problem', total),
    errors: plural('count.error', result.errorCount),
    warnings: plural('count.warning', result.warningCount),
  });
}

/** The verdict as the CLI's stylish output prints it under a plan. */
function verdictLine(result: LintResult): string {
  const why = result.verdictReasons.map((r) => r.slice(0, r.indexOf(':')));
  return translate(locale, 'stylish.verdict-line', {
    label: translate(locale, 'stylish.verdict'),
    verdict: verdictLabel(result.verdict, locale),
    reasons: why.length ? ` — ${why.join(', ')}` : '',
  });
}

function showVerdict(result: LintResult): void {
  const box = $('verdict');
  box.dataset.verdict = result.verdict;
  $('verdict-icon').textContent = VERDICT_ICON[result.verdict];
  $('verdict-label').textContent = verdictLabel(result.verdict, locale);
  $('verdict-line').textContent = verdictLine(result);
  const reasons = $('verdict-reasons');
  reasons.replaceChildren(
    ...result.verdictReasons.map((reason) => {
      const colon = reason.indexOf(':');
      return el('li', '', el('code', '', reason.slice(0, colon)), reason.slice(colon));
    }),
  );
  $('verdict-why').hidden = result.verdictReasons.length === 0;
}

function showFindings(result: LintResult): void {
  $('summary').textContent = summaryLine(result);
  $('findings').replaceChildren(
    ...result.messages.map((d) => {
      const severity = el('span', 'severity', el('span', 'severity-icon', SEVERITY_ICON[d.severity]), ' ', translate(locale, d.severity === 'error' ? 'stylish.error' : 'stylish.warning'));
      severity.querySelector('.severity-icon')!.setAttribute('aria-hidden', 'true');
      const go = el('button', 'finding-go', severity, ' ', el('span', 'position', `${d.line}:${d.column}`), ' ', el('span', 'message', d.message));
      go.type = 'button';
      go.title = pageText(locale, 'page.finding.goto', { line: d.line, column: d.column });
      go.addEventListener('click', () => moveTo(d));
      const rule = el('a', 'rule', d.ruleId);
      rule.href = docsUrl(d.ruleId);
      rule.target = '_blank';
      rule.rel = 'noopener noreferrer';
      rule.title = pageText(locale, 'page.rule-doc', { rule: d.ruleId });
      const item = el('li', 'finding', go, ' ', rule);
      if (d.hint) item.append(el('p', 'hint', el('span', '', '↳ '), el('span', 'hint-text', d.hint)));
      Object.assign(item.dataset, { ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn });
      return item;
    }),
  );
}

function editorDiagnostics(result: LintResult): EditorDiagnostic[] {
  const doc = view.state.doc;
  return result.messages.map((d) => {
    const from = offsetOf(doc, d.line, d.column);
    return {
      from,
      to: Math.max(from, offsetOf(doc, d.endLine, d.endColumn)),
      severity: d.severity,
      source: d.ruleId,
      message: d.hint ? `${d.message}\n↳ ${d.hint}` : d.message,
    };
  });
}

/** Tells a screen reader what changed, once the author pauses. */
function announce(result: LintResult, delay: number): void {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    $('announcer').textContent = `${summaryLine(result)} ${verdictLine(result)}`;
  }, delay);
}

function lintAndShow(): void {
  const text = view.state.doc.toString();
  const result = lintText(text, { ...LINT_OPTIONS, locale });
  lastResult = result;
  view.dispatch(setDiagnostics(view.state, editorDiagnostics(result)));
  showVerdict(result);
  showFindings(result);
  writeHash(text);
  announce(result, 700);
  if (!firstShown) {
    firstShown = true;
    performance.mark('playground:first-findings');
  }
  // Lets a benchmark (scripts/bench-playground.mjs) time a keystroke to its findings.
  document.dispatchEvent(new CustomEvent('playground:linted'));
}

// ---- the page's own controls ----

function setLocale(next: Locale): void {
  locale = next;
  document.documentElement.lang = next;
  document.title = pageText(next, 'page.title');
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) node.textContent = pageText(next, node.dataset.text as PageTextKey);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) button.setAttribute('aria-pressed', String(button.dataset.locale === next));
  $<HTMLAnchorElement>('project-link').href = next === 'zh-CN' ? `${REPO}/blob/main/README.zh-CN.md` : `${REPO}#readme`;
  fillExamples();
  view.dispatch({ effects: editorLabel.reconfigure(editorLabelling()) });
  lintAndShow();
  announce(lastResult!, 0);
}

function fillExamples(): void {
  const select = $<HTMLSelectElement>('examples');
  const option = (value: string, label: string): HTMLOptionElement => {
    const o = el('option', '', label);
    o.value = value;
    return o;
  };
  const group = (label: string, options: HTMLOptionElement[]): HTMLOptGroupElement => {
    const g = el('optgroup', '', ...options);
    g.label = label;
    return g;
  };
  const chosen = select.value;
  select.replaceChildren(
    option('', pageText(locale, 'page.examples.choose')),
    group(
      pageText(locale, 'page.examples.starter'),
      LOCALES.map((l) => option(`starter:${l}`, pageText(locale, `page.examples.starter.${l}`))),
    ),
    ...LOCALES.map((l) =>
      group(
        pageText(locale, `page.examples.${l}`),
        examples.filter((e) => e.locale === l).map((e) => option(`example:${e.file}`, e.file)),
      ),
    ),
  );
  select.value = chosen;
}

function planFor(choice: string): string | undefined {
  const [kind, name] = [choice.slice(0, choice.indexOf(':')), choice.slice(choice.indexOf(':') + 1)];
  if (kind === 'starter') return STARTER_PLANS[name as Locale];
  return examples.find((e) => e.file === name)?.text;
}

/** Replaces the editor's text in one step, which undo reverts. */
function loadPlan(text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true });
}

$('open-example').addEventListener('click', () => {
  const text = planFor($<HTMLSelectElement>('examples').value);
  if (text !== undefined) loadPlan(text);
});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
  button.addEventListener('click', () => setLocale(button.dataset.locale as Locale));
}

$('copy').addEventListener('click', () => {
  const status = $('copy-status');
  navigator.clipboard.writeText(view.state.doc.toString()).then(
    () => (status.textContent = pageText(locale, 'page.copied')),
    () => (status.textContent = pageText(locale, 'page.copy-failed')),
  );
});

$('download').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([view.state.doc.toString()], { type: 'application/yaml' }));
  const a = el('a', '');
  a.href = url;
  a.download = PLAN_FILE;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
});

// A link with another plan opened in this tab.
window.addEventListener('hashchange', () => {
  const text = planFromHash();
  if (text !== undefined && text !== view.state.doc.toString()) loadPlan(text);
});

$('version').textContent = VERSION;
setLocale(locale);
