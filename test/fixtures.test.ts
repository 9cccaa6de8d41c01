import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIAGNOSTICS, decodePlanBytes, lintBytes, type RuleSettings } from '../src/index.js';
import { byLine, readExpectations } from './expectations.js';

const root = path.resolve(import.meta.dirname, '..');
const files = globSync(['fixtures/**/*.{yaml,yml}', 'examples/**/*.{yaml,yml}'], {
  cwd: root,
  // Plans under fixtures/data name data files and trainer configs; test/data-fixtures.test.ts runs them with data checks.
  ignore: ['fixtures/corpus/**', 'fixtures/data/**'],
}).sort();

/**
 * Every fixture and example states its expected diagnostics in comments; the
 * lint result must match exactly — missing and extra diagnostics both fail.
 */
describe('fixtures', () => {
  it('finds the fixture corpus', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    it(file, () => {
      // Files are linted from their bytes, so encodings and byte-order marks are tested too.
      // A file that cannot hold comments (binary, empty, not UTF-8) has its expectations in
      // a sibling `<name>.expect`, one `line:rule-id` per line.
      const bytes = readFileSync(path.join(root, file));
      const sibling = path.join(root, `${file}.expect`);
      const decoded = decodePlanBytes(bytes);
      const exp = existsSync(sibling)
        ? { expected: readFileSync(sibling, 'utf8').split('\n').filter(Boolean).sort(byLine), check: undefined, rules: undefined, filePath: undefined, verdict: undefined }
        : readExpectations('text' in decoded ? decoded.text : '');
      const result = lintBytes(bytes, {
        filePath: exp.filePath ?? path.join(root, file),
        rules: exp.rules as RuleSettings | undefined,
      });
      const actual = result.messages
        .filter((m) => !exp.check || exp.check.has(m.ruleId) || m.ruleId in BUILTIN_DIAGNOSTICS)
        .map((m) => `${m.line}:${m.ruleId}`)
        .sort(byLine);
      expect(actual, result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join('\n')).toEqual(
        exp.expected,
      );
      if (exp.verdict) expect(result.verdict, result.verdictReasons.join('\n')).toBe(exp.verdict);
      // Examples are the documentation of the verdict: each must state it.
      if (file.startsWith('examples/')) expect(exp.verdict, 'an example must state its # verdict:').toBeDefined();
    });
  }
});
