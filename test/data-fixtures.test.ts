import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIAGNOSTICS, dataRules, lintTextWithData, type LintResult, type RuleSettings } from '../src/index.js';
import { repoRoot } from './cli-helpers.js';
import { byLine, readExpectations } from './expectations.js';

/**
 * Plans under fixtures/data/<group>/ name real-shaped datasets and trainer
 * configs beside them (in data/ and configs/). Each is linted with the data
 * checks on, and its diagnostics must match the `# expect:` comments exactly,
 * in English and in Chinese alike.
 */
const plans = globSync('fixtures/data/*/*.yaml', { cwd: repoRoot }).sort();

describe('data fixtures', () => {
  it('cover every data rule', () => {
    const fired = new Set(plans.flatMap((f) => readExpectations(readFileSync(path.join(repoRoot, f), 'utf8')).expected.map((e) => e.split(':')[1])));
    for (const rule of dataRules) expect(fired, rule.meta.id).toContain(rule.meta.id);
  });

  for (const file of plans) {
    it(file, async () => {
      const full = path.join(repoRoot, file);
      const bytes = readFileSync(full);
      const exp = readExpectations(bytes.toString('utf8'));
      const rules = exp.rules as RuleSettings | undefined;
      const result = await lintTextWithData(bytes.toString('utf8'), { filePath: full, rules }, { rules, cwd: repoRoot });
      const actual = result.messages
        .filter((m) => !exp.check || exp.check.has(m.ruleId) || m.ruleId in BUILTIN_DIAGNOSTICS)
        .map((m) => `${m.line}:${m.ruleId}`)
        .sort(byLine);
      expect(actual, result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join('\n')).toEqual(exp.expected);

      // The same plan in Chinese: the same findings at the same places with the same severities;
      // only the wording changes, and all of it is rendered.
      const zh = await lintTextWithData(bytes.toString('utf8'), { filePath: full, rules, locale: 'zh-CN' }, { rules, cwd: repoRoot });
      const shape = (r: LintResult): string[] =>
        r.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.verdict ?? ''}`);
      expect(shape(zh)).toEqual(shape(result));
      expect(zh.verdict).toBe(result.verdict);
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
