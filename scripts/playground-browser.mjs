// Drives the built playground (dist/playground/) in headless Chromium through
// puppeteer-core, which uses the browser installed on the machine (Debian's
// `chromium`) and downloads nothing. Shared by the browser tests
// (test/playground.test.ts), the README screenshot (scripts/playground-screenshot.mjs)
// and the keystroke benchmark (scripts/bench-playground.mjs).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import LZString from 'lz-string';
import puppeteer from 'puppeteer-core';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const PLAYGROUND_HTML = path.join(repoRoot, 'dist', 'playground', 'index.html');

/** A plan that fails several ways (knowledge injection, no baseline, eval set = training set, vague goal, …). */
export const FAILING_PLAN = `version: 1
name: Support assistant v2
base_model: Qwen/Qwen2.5-7B-Instruct
method: lora
problem: Customers ask about warranty terms and the assistant makes up the answers.
goals:
  - behavior: Memorise the 200-page warranty handbook so it can answer any question
    metric: exact-match on 300 held-out questions
    target: 0.9
  - behavior: Make the answers better
domain: customer service
data:
  train:
    path: data/handbook-qa.jsonl
  eval:
    path: data/handbook-qa.jsonl
`;

/** The Chromium to drive: FINETUNE_LINT_CHROMIUM, else Debian's, else undefined. */
export function findChromium() {
  return [process.env.FINETUNE_LINT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}

export async function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium is not installed (apt-get install chromium, or set FINETUNE_LINT_CHROMIUM)');
  return puppeteer.launch({
    executablePath,
    headless: true,
    // Root in a container has no user namespace for Chromium's sandbox.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--font-render-hinting=none'],
  });
}

/** The playground's address, with `plan` in it as a shared link holds it. */
export function playgroundUrl(plan) {
  const url = pathToFileURL(PLAYGROUND_HTML).href;
  return plan === undefined ? url : `${url}#plan=${LZString.compressToEncodedURIComponent(plan)}`;
}

/**
 * A new tab on the playground, in a browser whose language is `language`
 * (navigator.languages), at a window of `width` × `height`; resolves once the
 * page has linted its plan.
 */
export async function openPlayground(browser, { plan, language = 'en-US,en', width = 1280, height = 900, beforeLoad } = {}) {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setUserAgentOverride', { userAgent: await browser.userAgent(), acceptLanguage: language });
  await page.setViewport({ width, height });
  if (beforeLoad) await beforeLoad(page);
  await page.goto(playgroundUrl(plan));
  await page.waitForFunction(() => document.getElementById('verdict-label')?.textContent !== '');
  return page;
}

/** The README's picture: the playground on {@link FAILING_PLAN}, in English, written to `file`. */
export async function screenshotFailingPlan(browser, file, { width = 1280, height = 860 } = {}) {
  const page = await openPlayground(browser, { plan: FAILING_PLAN, width, height });
  try {
    await page.screenshot({ path: file });
  } finally {
    await page.close();
  }
}
