import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIAGNOSTICS, decodePlanBytes, lintBytes, type LintResult, type RuleSettings } from '../src/index.js';
import { byLine, readExpectations } from './expectations.js';

const root = path.resolve(import.meta.dirname, '..');
const files = globSync(['fixtures/**/*.{yaml,yml}', 'examples/**/*.{yaml,yml}'], {
  cwd: root,
  ignore: ['fixtures/corpus/**'],
}).sort();

/**
 * Every fixture and example states its expected diagnostics in comments; the
 * lint result must match exactly — missing and extra diagnostics both fail.
 * Each is linted in every locale: rule ids, positions, severities and the
 * verdict must not change with the language.
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

      // The same file in Chinese: the same diagnostics at the same places with the same
      // severities and verdict; only the wording changes, and all of it is rendered.
      const zh = lintBytes(bytes, {
        filePath: exp.filePath ?? path.join(root, file),
        rules: exp.rules as RuleSettings | undefined,
        locale: 'zh-CN',
      });
      const shape = (r: LintResult): string[] =>
        r.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId}${m.fatal ? ' fatal' : ''} ${m.verdict ?? ''}`);
      expect(shape(zh)).toEqual(shape(result));
      expect(zh.verdict).toBe(result.verdict);
      expect(zh.verdictReasons.map((r) => r.split(':')[0])).toEqual(result.verdictReasons.map((r) => r.split(':')[0]));
      for (const m of zh.messages) {
        for (const text of [m.message, m.hint]) {
          expect(text, `${m.ruleId}: ${text}`).toMatch(/\p{Script=Han}/u);
          expect(text, `${m.ruleId}: ${text}`).not.toMatch(/\{[A-Za-z]+\}/);
        }
      }
      for (const m of result.messages) expect(`${m.message} ${m.hint}`, m.ruleId).not.toMatch(/\{[A-Za-z]+\}/);
    });
  }
});
