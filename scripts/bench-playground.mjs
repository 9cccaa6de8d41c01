#!/usr/bin/env node
// Measures the playground (dist/playground/, `npm run build:playground` first)
// in headless Chromium: the size of what the page loads (raw and gzip -9), the
// time from opening the page to its first findings, and the time from a
// keystroke to updated findings while typing into a typical plan
// (examples/support-tone.finetune-plan.yaml, 64 lines): a keydown listener
// notes the time, the page's `playground:linted` event (sent once the editor's
// markers, the findings list and the verdict are updated) ends it, and the
// next animation frame gives the time to the first frame that can show it.
// Each key waits for the previous one's findings.
//
//   npm run bench:playground            # 200 keystrokes
//   npm run bench:playground -- 500     # another count
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, openPlayground, repoRoot } from './playground-browser.mjs';

const KEYS = Number(process.argv[2] ?? 200);
const dir = path.join(repoRoot, 'dist', 'playground');
const plan = readFileSync(path.join(repoRoot, 'examples', 'support-tone.finetune-plan.yaml'), 'utf8');
const typed = 'Agents rewrite most replies by hand because the tone is stiff and the answers run past 200 words; ';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('file             raw        gzip -9');
for (const file of ['index.html', 'playground.css', 'playground.js']) {
  const bytes = readFileSync(path.join(dir, file));
  console.log(`${file.padEnd(16)} ${kb(bytes.length).padStart(10)} ${kb(gzipSync(bytes, { level: 9 }).length).padStart(10)}`);
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const browser = await launchChromium();
try {
  const loads = [];
  for (let i = 0; i < 5; i++) {
    const page = await openPlayground(browser, { plan });
    loads.push(await page.evaluate(() => performance.getEntriesByName('playground:first-findings')[0]?.startTime ?? NaN));
    await page.close();
  }
  const page = await openPlayground(browser, { plan });
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.benchTimes = [];
    document.addEventListener('keydown', () => (w.benchStart = performance.now()), true);
    document.addEventListener('playground:linted', () => {
      const updated = performance.now() - w.benchStart;
      requestAnimationFrame(() => w.benchTimes.push([updated, performance.now() - w.benchStart]));
    });
  });
  // The cursor at the end of the problem's first line: every key changes text the detection rules read.
  const line = plan.split('\n').findIndex((l) => l.startsWith('problem:')) + 2;
  await page.click(`.cm-content .cm-line:nth-child(${line})`);
  await page.keyboard.press('End');
  for (let i = 0; i < KEYS; i++) {
    const ch = typed[i % typed.length];
    await page.keyboard.type(ch);
    await page.waitForFunction((n) => window.benchTimes.length >= n, { polling: 'raf' }, i + 1);
  }
  const times = await page.evaluate(() => window.benchTimes);
  const updated = times.map((t) => t[0]).sort((a, b) => a - b);
  const painted = times.map((t) => t[1]).sort((a, b) => a - b);
  const ms = (n) => n.toFixed(1);
  loads.sort((a, b) => a - b);
  console.log(`\nopen to first findings: median ${ms(quantile(loads, 0.5))} ms (5 loads)`);
  console.log(`keystroke to findings updated (${KEYS} keys): median ${ms(quantile(updated, 0.5))} ms, p90 ${ms(quantile(updated, 0.9))} ms, max ${ms(updated.at(-1))} ms`);
  console.log(`keystroke to the next frame:           median ${ms(quantile(painted, 0.5))} ms, p90 ${ms(quantile(painted, 0.9))} ms`);
  console.log(`\n${(await browser.version())}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await browser.close();
}
