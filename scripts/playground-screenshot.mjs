// Writes docs/playground.png, the README's picture of the playground on a
// failing plan, as the browser test takes its own (test/playground.test.ts).
// Run `npm run build:playground` first.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, repoRoot, screenshotFailingPlan } from './playground-browser.mjs';

const file = path.join(repoRoot, 'docs', 'playground.png');
mkdirSync(path.dirname(file), { recursive: true });
const browser = await launchChromium();
try {
  await screenshotFailingPlan(browser, file);
} finally {
  await browser.close();
}
console.log(`wrote ${path.relative(process.cwd(), file)}`);
