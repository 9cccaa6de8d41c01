// Runs against the DOM too (the callbacks given to page.evaluate run in the page): typechecked by test/tsconfig.browser.json.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import LZString from 'lz-string';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_PLANS, keysAllowedAt, schemaAt, schemaDescriptionsZhCN, type LintResult, type Locale } from '../src/core/index.js';
import { FAILING_PLAN, findChromium, launchChromium, openPlayground, playgroundUrl } from '../scripts/playground-browser.mjs';
import { cliPath, repoRoot } from './cli-helpers.js';

/**
 * The playground page, built as `npm run build:playground` builds it and
 * opened from its files (file://) in headless Chromium from Debian's packages.
 * What the page shows (findings, positions, messages, hints, the verdict) must
 * be what the CLI prints for the same text with no configuration file and the
 * data checks off, in both languages. `.ci/run` installs Chromium and sets
 * FINETUNE_LINT_TEST_CHROMIUM=require, so that in CI a missing browser fails
 * instead of skipping.
 */
const chromium = findChromium();
const required = process.env.FINETUNE_LINT_TEST_CHROMIUM === 'require';
/** Where the tests leave their screenshots, for a person to look at. */
const OUTPUT = path.join(repoRoot, 'test-output', 'playground');

interface Shown {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  hint: string;
}

/** The CLI's JSON and stylish reports on `text`, given on standard input. */
function cli(text: string, locale: Locale = 'en'): { result: LintResult & { messages: Array<{ severity: unknown }> }; stylish: string } {
  const run = (format: string): string => {
    const r = spawnSync(process.execPath, [cliPath, '--stdin', '--no-config', '--data-checks', 'off', '--locale', locale, '--no-color', '--format', format], {
      cwd: repoRoot,
      input: text,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    return r.stdout;
  };
  return { result: (JSON.parse(run('json')) as LintResult[])[0]!, stylish: run('stylish') };
}

/** The CLI's findings, as the page should list them. */
function expectedFindings(result: LintResult): Shown[] {
  return result.messages.map((m) => ({
    ruleId: m.ruleId,
    severity: (m.severity as unknown) === 2 ? 'error' : 'warning',
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    message: m.message,
    hint: m.hint,
  }));
}

/** The findings the page lists, read from what it shows. */
function shownFindings(page: Page): Promise<Shown[]> {
  return page.$$eval('#findings .finding', (items) =>
    items.map((li) => {
      const d = (li as HTMLElement).dataset;
      return {
        ruleId: d.ruleId!,
        severity: d.severity!,
        line: Number(d.line),
        column: Number(d.column),
        endLine: Number(d.endLine),
        endColumn: Number(d.endColumn),
        message: li.querySelector('.message')!.textContent!,
        hint: li.querySelector('.hint-text')?.textContent ?? '',
      };
    }),
  );
}

/** The verdict block as shown: its value, big label, the CLI-style line and the reasons. */
function shownVerdict(page: Page): Promise<{ verdict: string; label: string; line: string; reasons: string[]; summary: string }> {
  return page.evaluate(() => ({
    verdict: document.getElementById('verdict')!.dataset.verdict!,
    label: document.getElementById('verdict-label')!.textContent!,
    line: document.getElementById('verdict-line')!.textContent!,
    reasons: [...document.querySelectorAll('#verdict-reasons li')].map((li) => li.textContent!),
    summary: document.getElementById('summary')!.textContent!,
  }));
}

/** The editor's text, from its rendered lines. */
function editorText(page: Page): Promise<string> {
  return page.$$eval('.cm-content .cm-line', (lines) => lines.map((l) => l.textContent).join('\n'));
}

/** The lines (1-based) the editor underlines, each with the gravest severity underlined there. */
function underlinedLines(page: Page): Promise<Record<number, string>> {
  return page.$$eval('.cm-content .cm-lintRange', (ranges) => {
    const lines = [...document.querySelectorAll('.cm-content .cm-line')];
    const out: Record<number, string> = {};
    for (const r of ranges) {
      const line = lines.indexOf(r.closest('.cm-line')!) + 1;
      out[line] = r.className.includes('cm-lintRange-error') || out[line] === 'error' ? 'error' : 'warning';
    }
    return out;
  });
}

/** The same, from the CLI's findings: overlapping ranges are drawn once, in the gravest severity. */
function gravestByLine(result: LintResult): Record<number, string> {
  const out: Record<number, string> = {};
  for (const m of result.messages) out[m.line] = (m.severity as unknown) === 2 || out[m.line] === 'error' ? 'error' : 'warning';
  return out;
}

/** Line, column (1-based) and focus of the editor's cursor, from the DOM selection. */
function cursor(page: Page): Promise<{ focused: boolean; line: number; column: number }> {
  return page.evaluate(() => {
    const sel = window.getSelection()!;
    const lines = [...document.querySelectorAll('.cm-content .cm-line')];
    const line = (sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode!.parentElement)!.closest('.cm-line')!;
    const range = document.createRange();
    range.setStart(line, 0);
    range.setEnd(sel.anchorNode!, sel.anchorOffset);
    return { focused: document.activeElement?.classList.contains('cm-content') ?? false, line: lines.indexOf(line) + 1, column: range.toString().length + 1 };
  });
}

/** Records every request the page makes, and stops any that would leave the machine. */
async function watchRequests(page: Page): Promise<string[]> {
  const leaving: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    // file: the page's own files; data: the editor's inline SVG markers; blob: the download.
    if (/^(file|data|blob):/.test(request.url())) void request.continue();
    else {
      leaving.push(request.url());
      void request.abort();
    }
  });
  return leaving;
}

/**
 * Types `text` at the end of the editor, one key at a time. The editor indents
 * a new line as the one before; that indentation is selected and replaced by
 * the line's own, so the editor ends up holding `text` exactly.
 */
async function typePlan(page: Page, text: string): Promise<void> {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (i > 0) {
      await page.keyboard.press('Escape'); // close the completion list, so Enter is a new line
      await page.keyboard.press('Enter');
      await page.keyboard.down('Shift');
      await page.keyboard.press('Home');
      await page.keyboard.up('Shift');
      await page.keyboard.press('Delete');
    }
    await page.keyboard.type(line);
  }
}

describe.skipIf(!chromium && !required)('the playground in Chromium', () => {
  let browser: Browser;
  const pages: Page[] = [];
  const open = async (...args: Parameters<typeof openPlayground>): Promise<Page> => {
    const page = await openPlayground(...args);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    expect(chromium, 'Chromium is not installed (apt-get install chromium)').toBeDefined();
    execFileSync('npm', ['run', '--silent', 'build:playground'], { cwd: repoRoot, stdio: 'pipe' });
    rmSync(OUTPUT, { recursive: true, force: true });
    mkdirSync(OUTPUT, { recursive: true });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('builds to dist/playground/: one page, its script and style sheet, and nothing else', () => {
    const dir = path.join(repoRoot, 'dist', 'playground');
    expect(execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter(Boolean)).toEqual(['index.html', 'playground.css', 'playground.js']);
    const script = readFileSync(path.join(dir, 'playground.js'), 'utf8');
    // The schemas are compiled at build time: no ajv compiler, no code made from strings.
    expect(script).not.toContain('new Function(');
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain(`script-src 'self'`);
  });

  it('served by `npm run playground`, asks for nothing the server does not have (no /favicon.ico)', { timeout: 60_000 }, async () => {
    const port = 20_000 + (process.pid % 20_000);
    const server = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'serve-playground.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout!.on('data', (chunk: Buffer) => (chunk.toString().includes(`:${port}/`) ? resolve() : undefined));
        server.once('exit', (code) => reject(new Error(`the playground server stopped (exit code ${code})`)));
      });
      const page = await browser.newPage();
      pages.push(page);
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
      await page.goto(`http://localhost:${port}/`, { waitUntil: 'networkidle0' });
      await page.waitForSelector('.cm-content');
      expect(failed).toEqual([]);
    } finally {
      server.kill();
    }
  });

  it('lints a plan typed key by key as the CLI does: findings, positions, messages, hints, verdict; no request leaves the page', { timeout: 120_000 }, async () => {
    let leaving: string[] = [];
    const errors: string[] = [];
    const page = await open(browser, {
      beforeLoad: async (p) => {
        leaving = await watchRequests(p);
        p.on('pageerror', (e) => errors.push(String(e)));
        p.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
      },
    });
    // Clear the starter plan with the keyboard, then type.
    await page.click('.cm-content');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await typePlan(page, FAILING_PLAN);

    const text = await editorText(page);
    expect(text).toBe(FAILING_PLAN);
    const { result, stylish } = cli(text);
    expect(result.messages.length).toBeGreaterThanOrEqual(6);
    expect(await shownFindings(page)).toEqual(expectedFindings(result));

    const verdict = await shownVerdict(page);
    expect(verdict.verdict).toBe(result.verdict);
    expect(verdict.verdict).toBe('do-not-fine-tune');
    // The verdict line and the summary, word for word as the CLI's stylish output prints them.
    const cliVerdictLine = stylish.split('\n').find((l) => l.trimStart().startsWith('verdict:'))!.trim();
    expect(verdict.line).toBe(cliVerdictLine);
    expect(stylish).toContain(`\n${verdict.summary}\n`);
    expect(verdict.reasons).toEqual(result.verdictReasons);
    expect(cliVerdictLine).toContain(verdict.label);

    // The editor underlines the same lines, with the same severities.
    expect(await underlinedLines(page)).toEqual(gravestByLine(result));

    // The plan is in the address, once typing pauses.
    await page.waitForFunction((hash) => location.hash === hash, {}, `#plan=${LZString.compressToEncodedURIComponent(FAILING_PLAN)}`);
    expect(LZString.decompressFromEncodedURIComponent(new URL(page.url()).hash.replace(/^#plan=/, ''))).toBe(FAILING_PLAN);

    // Clicking a finding moves the cursor to it; so does Enter on it.
    const findings = await page.$$('#findings .finding-go');
    const shown = await shownFindings(page);
    const knowledge = shown.findIndex((f) => f.ruleId === 'knowledge-injection');
    await findings[knowledge]!.click();
    expect(await cursor(page)).toEqual({ focused: true, line: shown[knowledge]!.line, column: shown[knowledge]!.column });
    const last = shown.length - 1;
    await findings[last]!.focus();
    await page.keyboard.press('Enter');
    expect(await cursor(page)).toEqual({ focused: true, line: shown[last]!.line, column: shown[last]!.column });

    // The screen reader hears the summary and the verdict once typing pauses. On a loaded
    // machine typing can pause midway too, and the region then first announces the plan
    // typed so far: wait for the announcement of the whole plan (or time out and compare).
    const announced = `${verdict.summary} ${cliVerdictLine}`;
    await page
      .waitForFunction((text) => document.getElementById('announcer')!.textContent === text, { timeout: 10_000 }, announced)
      .catch(() => undefined);
    expect(await page.$eval('#announcer', (e) => e.textContent)).toBe(announced);

    await page.screenshot({ path: path.join(OUTPUT, 'failing-plan.png') });
    expect(errors).toEqual([]);
    expect(leaving).toEqual([]);
  });

  it('opens a shared link with the same plan and the same findings', async () => {
    const first = await open(browser, { plan: FAILING_PLAN });
    const link = first.url();
    let leaving: string[] = [];
    const second = await browser.newPage();
    pages.push(second);
    leaving = await watchRequests(second);
    await second.goto(link);
    await second.waitForFunction(() => document.querySelectorAll('#findings .finding').length > 0);
    expect(await editorText(second)).toBe(FAILING_PLAN);
    expect(await shownFindings(second)).toEqual(expectedFindings(cli(FAILING_PLAN).result));
    // Another link opened in the same tab: only the part after # changes, and the plan follows it.
    const other = readFileSync(path.join(repoRoot, 'examples', 'capability-gap.yaml'), 'utf8');
    await second.goto(playgroundUrl(other));
    await second.waitForFunction((n) => document.querySelectorAll('.cm-content .cm-line').length === n, {}, other.split('\n').length);
    expect(await editorText(second)).toBe(other);
    expect(await shownFindings(second)).toEqual(expectedFindings(cli(other).result));
    expect(leaving).toEqual([]);
  });

  it('speaks Chinese after the switch, messages and hints as the CLI prints them in zh-CN', async () => {
    const page = await open(browser, { plan: FAILING_PLAN });
    expect(await page.$eval('html', (e) => e.lang)).toBe('en');
    const english = await page.$eval('h1', (e) => e.textContent);
    await page.click('button[data-locale="zh-CN"]');
    expect(await page.$eval('html', (e) => e.lang)).toBe('zh-CN');
    expect(await page.$eval('button[data-locale="zh-CN"]', (e) => e.getAttribute('aria-pressed'))).toBe('true');
    const heading = await page.$eval('h1', (e) => e.textContent!);
    expect(heading).not.toBe(english);
    expect(heading).toMatch(/[\u4e00-\u9fff]/);

    const { result, stylish } = cli(FAILING_PLAN, 'zh-CN');
    const shown = await shownFindings(page);
    expect(shown).toEqual(expectedFindings(result));
    expect(shown.find((f) => f.ruleId === 'knowledge-injection')!.message).toMatch(/[\u4e00-\u9fff]/);
    const verdict = await shownVerdict(page);
    expect(verdict.line).toBe(stylish.split('\n').find((l) => l.trimStart().startsWith('结论'))!.trim());
    expect(verdict.reasons).toEqual(result.verdictReasons);
    expect(stylish).toContain(`\n${verdict.summary}\n`);
    await page.waitForFunction((line) => document.getElementById('announcer')!.textContent!.endsWith(line), {}, verdict.line);

    // A browser that asks for Chinese gets the page in Chinese, and the Chinese starter plan.
    const zh = await open(browser, { language: 'zh-CN,zh' });
    expect(await zh.$eval('html', (e) => e.lang)).toBe('zh-CN');
    expect(await zh.$eval('h1', (e) => e.textContent)).toBe(heading);
    expect(await editorText(zh)).toBe(STARTER_PLANS['zh-CN']);
    expect(await shownFindings(zh)).toEqual(expectedFindings(cli(STARTER_PLANS['zh-CN'], 'zh-CN').result));
  });

  it('opens the starter plans and the bundled examples, in both languages', async () => {
    const page = await open(browser, { plan: '' });
    const values = await page.$$eval('#examples option', (options) => options.map((o) => (o as HTMLOptionElement).value));
    const files = execFileSync('ls', [path.join(repoRoot, 'examples')], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('finetune-lint.config'));
    expect(values).toEqual(['', 'starter:en', 'starter:zh-CN', ...files.filter((f) => !f.startsWith('zh-')).map((f) => `example:${f}`), ...files.filter((f) => f.startsWith('zh-')).map((f) => `example:${f}`)]);
    for (const [choice, text] of [
      ['example:zh-high-risk-no-fallback.yaml', readFileSync(path.join(repoRoot, 'examples', 'zh-high-risk-no-fallback.yaml'), 'utf8')],
      ['starter:en', STARTER_PLANS.en],
    ] as const) {
      await page.select('#examples', choice);
      await page.click('#open-example');
      expect(await editorText(page)).toBe(text);
      expect(await shownFindings(page)).toEqual(expectedFindings(cli(text).result));
    }
  });

  it('completes keys and enum values from the plan schema, and describes a key under the pointer, in the page language', async () => {
    const page = await open(browser, { plan: 'version: 1\nevaluation:\n  metrics: [accuracy]\n' });
    await page.click('.cm-content');
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.keyboard.type('  reg');
    await page.waitForSelector('.cm-tooltip-autocomplete');
    const labels = await page.$$eval('.cm-tooltip-autocomplete li', (lis) => lis.map((li) => li.querySelector('.cm-completionLabel')!.textContent));
    expect(labels).toEqual(['regression']);
    // The editor ignores Enter for a moment after the list opens (its interaction delay, 75 ms).
    await new Promise((r) => setTimeout(r, 200));
    await page.keyboard.press('Enter');
    await typePlan(page, '\nmethod: q');
    await page.waitForFunction(() => document.querySelectorAll('.cm-tooltip-autocomplete li').length > 0);
    expect(await page.$$eval('.cm-tooltip-autocomplete li .cm-completionLabel', (l) => l.map((e) => e.textContent))).toEqual(['qlora']);
    await new Promise((r) => setTimeout(r, 200));
    await page.keyboard.press('Enter');
    expect(await editorText(page)).toBe('version: 1\nevaluation:\n  metrics: [accuracy]\n  regression:\nmethod: qlora');

    const keyBox = async (key: string): Promise<string> => {
      const box = await page.evaluate((k) => {
        const span = [...document.querySelectorAll('.cm-content .cm-line *')].find((e) => e.textContent === k && e.children.length === 0)!;
        const r = span.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }, key);
      await page.mouse.move(0, 0);
      await page.mouse.move(box.x, box.y);
      await page.waitForSelector('.schema-hover');
      return page.$eval('.schema-hover', (e) => e.textContent!);
    };
    const description = schemaAt(['evaluation', 'metrics'])!.description!;
    expect(await keyBox('metrics')).toBe(`evaluation.metrics array${description}`);
    await page.click('button[data-locale="zh-CN"]');
    expect(await keyBox('metrics')).toBe(`evaluation.metrics array${schemaDescriptionsZhCN[description]}`);
    // Completion speaks Chinese too: its list's name and the key's description.
    await page.click('.cm-content');
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await typePlan(page, '\nbase_mo');
    await page.waitForSelector('.cm-tooltip-autocomplete .cm-completionInfo');
    expect(await page.$eval('.cm-tooltip-autocomplete ul', (ul) => ul.getAttribute('aria-label'))).toBe('补全');
    expect(await page.$eval('.cm-completionInfo', (e) => e.textContent)).toBe(schemaDescriptionsZhCN[schemaAt(['base_model'])!.description!]);
  });

  it('does not offer a key the mapping already holds', async () => {
    const page = await open(browser, { plan: 'version: 1\nevaluation:\n  metrics: [accuracy]\n  repeats: 3\n' });
    await page.click('.cm-content');
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.keyboard.type('  ');
    // Asked for explicitly (Ctrl+Space), with nothing typed: every key the mapping may still take.
    await page.keyboard.down('Control');
    await page.keyboard.press('Space');
    await page.keyboard.up('Control');
    await page.waitForSelector('.cm-tooltip-autocomplete');
    const labels = await page.$$eval('.cm-tooltip-autocomplete li .cm-completionLabel', (l) => l.map((e) => e.textContent));
    const expected = [...keysAllowedAt(['evaluation']).keys()].filter((k) => k !== 'metrics' && k !== 'repeats');
    expect([...labels].sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(2);
  });

  it('downloads the plan as finetune-plan.yaml and copies it to the clipboard', async () => {
    const downloads = mkdtempSync(path.join(os.tmpdir(), 'ftl-playground-'));
    let leaving: string[] = [];
    const page = await open(browser, { plan: FAILING_PLAN, beforeLoad: async (p) => void (leaving = await watchRequests(p)) });
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
    // The file can exist before its bytes are written: wait for Chromium to say the download is complete.
    const downloaded = new Promise<void>((resolve, reject) => {
      cdp.on('Browser.downloadProgress', (e) => {
        if (e.state === 'completed') resolve();
        else if (e.state === 'canceled') reject(new Error('the download was canceled'));
      });
    });
    await page.click('#download');
    await downloaded;
    expect(readFileSync(path.join(downloads, 'finetune-plan.yaml'), 'utf8')).toBe(FAILING_PLAN);

    // A page from file:// has no origin to grant permissions to: grant them everywhere.
    await cdp.send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
    await page.click('#copy');
    await page.waitForFunction(() => document.getElementById('copy-status')!.textContent !== '');
    expect(await page.$eval('#copy-status', (e) => e.textContent)).toBe('Copied the plan to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FAILING_PLAN);
    expect(leaving).toEqual([]);
    rmSync(downloads, { recursive: true, force: true });
  });

  it('works at phone width and with the keyboard alone', async () => {
    const page = await open(browser, { plan: FAILING_PLAN, width: 390, height: 844 });
    // Nothing wider than the screen; the findings come below the editor.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const [editorBottom, resultsTop] = await page.evaluate(() => [document.getElementById('editor')!.getBoundingClientRect().bottom, document.querySelector('.results')!.getBoundingClientRect().top]);
    expect(resultsTop).toBeGreaterThan(editorBottom!);
    await page.screenshot({ path: path.join(OUTPUT, 'phone.png'), fullPage: true });

    // Tab from the top of the page reaches the language switch; Enter switches.
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const here = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.locale ?? document.activeElement!.id ?? '');
      reached.push(here);
      if (here === 'zh-CN') break;
    }
    expect(reached.at(-1)).toBe('zh-CN');
    await page.keyboard.press('Enter');
    expect(await page.$eval('html', (e) => e.lang)).toBe('zh-CN');

    // Into the editor and out again: Tab reaches it, Escape then Tab leaves it for the first finding.
    for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement!.classList.contains('cm-content'))); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.classList.contains('cm-content'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.className)).toBe('finding-go');
  });

  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
  });
});
