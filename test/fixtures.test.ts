import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIAGNOSTICS, lintText, type RuleSettings } from '../src/index.js';
import { byLine, readExpectations } from './expectations.js';

const root = path.resolve(import.meta.dirname, '..');
const files = globSync(['fixtures/**/*.{yaml,yml}', 'examples/**/*.{yaml,yml}'], {
  cwd: root,
  ignore: ['fixtures/corpus/**'],
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
      const text = readFileSync(path.join(root, file), 'utf8');
      const exp = readExpectations(text);
      const result = lintText(text, {
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
    });
  }
});
