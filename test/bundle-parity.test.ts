import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { ConfigLoader, decodePlanBytes, formatters, lintBytes, lintTextWithData } from '../src/index.js';
import { repoRoot, runCli } from './cli-helpers.js';

/**
 * The CLI bundle swaps in build-time work (a precompiled schema validator, the
 * classifier model parsed from a string, the data readers as a second bundle).
 * Its output must be the library's, diagnostic for diagnostic, on every
 * fixture and example, data checks included.
 */
describe('the built CLI and the library agree', () => {
  it('on every fixture and example', async () => {
    const r = runCli(['-f', 'json', 'fixtures', 'examples'], { cwd: repoRoot });
    const fromCli = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<Record<string, unknown>>; verdict: string }>;
    const files = globSync(['fixtures/**/*.{yaml,yml}', 'examples/**/*.{yaml,yml}'], {
      cwd: repoRoot,
      absolute: true,
      ignore: ['**/finetune-lint.config.yaml'],
    }).sort();
    const config = new ConfigLoader({ cwd: repoRoot });
    expect(fromCli.map((x) => x.filePath)).toEqual(files);
    for (const res of fromCli) {
      const bytes = readFileSync(res.filePath);
      const decoded = decodePlanBytes(bytes);
      const { dataRules, ...lint } = (await config.forFile(res.filePath)).lint;
      const lib =
        'text' in decoded
          ? await lintTextWithData(decoded.text, { ...lint, filePath: res.filePath }, { cwd: repoRoot, rules: dataRules })
          : lintBytes(bytes, { ...lint, filePath: res.filePath });
      const [expected] = JSON.parse(formatters.json!([lib], { cwd: repoRoot, color: false })) as Array<{ messages: unknown[] }>;
      expect(res.messages, path.relative(repoRoot, res.filePath)).toEqual(expected!.messages);
      expect(res.verdict).toBe(lib!.verdict);
    }
  }, 60_000);
});
