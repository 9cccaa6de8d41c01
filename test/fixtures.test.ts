import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIAGNOSTICS, ConfigLoader, decodePlanBytes, lintBytes, type LintResult, type RuleSettings } from '../src/index.js';
import { byLine, readExpectations } from './expectations.js';

const root = path.resolve(import.meta.dirname, '..');
const files = globSync(['fixtures/**/*.{yaml,yml}', 'examples/**/*.{yaml,yml}'], {
  cwd: root,
  // Configuration files sit beside the fixtures they configure; they are not plans. Plans under
  // fixtures/data name data files and trainer configs; test/data-fixtures.test.ts runs them with data checks.
  // fixtures/trainer holds trainer configs, not plans; test/trainer-examples.test.ts runs plans against them.
  ignore: ['fixtures/corpus/**', 'fixtures/data/**', 'fixtures/trainer/**', '**/finetune-lint.config.yaml', '**/.finetunelintrc.yaml'],
}).sort();

/**
 * Every fixture and example states its expected diagnostics in comments; the
 * lint result must match exactly — missing and extra diagnostics both fail.
 * Configuration files beside a fixture apply to it, as they would in a run.
 * Each is linted in every locale: rule ids, positions, severities and the
 * verdict must not change with the language.
 */
describe('fixtures', () => {
  it('finds the fixture corpus', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    it(file, async () => {
      // Files are linted from their bytes, so encodings and byte-order marks are tested too.
      // A file that cannot hold comments (binary, empty, not UTF-8) has its expectations in
      // a sibling `<name>.expect`, one `line:rule-id` per line.
      const bytes = readFileSync(path.join(root, file));
      const sibling = path.join(root, `${file}.expect`);
      const decoded = decodePlanBytes(bytes);
      const exp = existsSync(sibling)
        ? { expected: readFileSync(sibling, 'utf8').split('\n').filter(Boolean).sort(byLine), check: undefined, rules: undefined, filePath: undefined, verdict: undefined }
        : readExpectations('text' in decoded ? decoded.text : '');
      const settings = await new ConfigLoader({ cwd: root, cliRules: exp.rules as RuleSettings | undefined }).forFile(path.join(root, file));
      const result = lintBytes(bytes, {
        ...settings.lint,
        ...('lintOptions' in exp ? exp.lintOptions : {}),
        filePath: exp.filePath ?? path.join(root, file),
      });
      const actual = result.messages
        .filter((m) => !exp.check || exp.check.has(m.ruleId) || m.ruleId in BUILTIN_DIAGNOSTICS)
        .map((m) => `${m.line}:${m.ruleId}`)
        .sort(byLine);
      expect(actual, result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join('\n')).toEqual(
        exp.expected,
      );
      // Findings that disable comments suppressed are stated too, so none is hidden by mistake.
      expect(result.suppressedMessages.map((m) => `${m.line}:${m.ruleId}`).sort(byLine)).toEqual(('suppressed' in exp && exp.suppressed) || []);
      if (exp.verdict) expect(result.verdict, result.verdictReasons.join('\n')).toBe(exp.verdict);
      // Examples are the documentation of the verdict: each must state it.
      if (file.startsWith('examples/')) expect(exp.verdict, 'an example must state its # verdict:').toBeDefined();

      // The same file in Chinese: the same diagnostics at the same places with the same
      // severities and verdict; only the wording changes, and all of it is rendered.
      const zh = lintBytes(bytes, {
        ...settings.lint,
        ...('lintOptions' in exp ? exp.lintOptions : {}),
        filePath: exp.filePath ?? path.join(root, file),
        locale: 'zh-CN',
      });
      // Plugin rules word their findings themselves, in one language.
      const literal = new Set(settings.lint.activeRules.filter((a) => a.origin).map((a) => a.rule.meta.id));
      const shape = (r: LintResult): string[] =>
        r.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId}${m.fatal ? ' fatal' : ''} ${m.verdict ?? ''}`);
      expect(shape(zh)).toEqual(shape(result));
      expect(zh.verdict).toBe(result.verdict);
      expect(zh.verdictReasons.map((r) => r.split(':')[0])).toEqual(result.verdictReasons.map((r) => r.split(':')[0]));
      for (const m of zh.messages.filter((x) => !literal.has(x.ruleId))) {
        for (const text of [m.message, m.hint]) {
          expect(text, `${m.ruleId}: ${text}`).toMatch(/\p{Script=Han}/u);
          expect(text, `${m.ruleId}: ${text}`).not.toMatch(/\{[A-Za-z]+\}/);
        }
      }
      for (const m of result.messages) expect(`${m.message} ${m.hint}`, m.ruleId).not.toMatch(/\{[A-Za-z]+\}/);
    });
  }
});
