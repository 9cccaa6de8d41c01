import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIAGNOSTICS, lintText, rules } from '../src/index.js';
import { VERDICT_LABELS } from '../src/verdict.js';
import { repoRoot } from './cli-helpers.js';

const HEADINGS = ['What it checks', 'Why it matters', 'Example', 'Instead', 'Options'];

function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start === -1) return '';
  const rest = doc.slice(start + heading.length + 5);
  const end = rest.indexOf('\n## ');
  return end === -1 ? rest : rest.slice(0, end);
}

function yamlBlock(text: string): string {
  const m = /```yaml\n([\s\S]*?)```/.exec(text);
  return m ? m[1]! : '';
}

describe('rule docs', () => {
  const docFiles = readdirSync(path.join(repoRoot, 'rules')).filter((f) => /^[a-z-]+\.md$/.test(f));

  it('every doc belongs to a registered rule', () => {
    expect(docFiles.map((f) => f.replace(/\.md$/, '')).sort()).toEqual(rules.map((r) => r.meta.id).sort());
  });

  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      const file = path.join(repoRoot, 'rules', `${id}.md`);
      const doc = existsSync(file) ? readFileSync(file, 'utf8') : '';

      it('has a doc whose title, description and severity match the rule', () => {
        const lines = doc.split('\n');
        expect(lines[0]).toBe(`# ${id}`);
        expect(lines[2]).toBe(rule.meta.description);
        expect(doc).toContain(`- Default severity: **${rule.meta.severity}**`);
        expect(doc).toContain(`- Verdict: **${VERDICT_LABELS[rule.meta.verdict as 'fix-first']}**`);
      });

      it('has the fixed headings in order', () => {
        const headings = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
        expect(headings).toEqual(HEADINGS);
      });

      it('its Example fires the rule and its Instead does not', () => {
        const bad = lintText(yamlBlock(section(doc, 'Example')), { filePath: path.join(repoRoot, 'rules', 'example.yaml') });
        expect(bad.messages.filter((m) => m.ruleId === id).length).toBeGreaterThan(0);
        const good = lintText(yamlBlock(section(doc, 'Instead')), { filePath: path.join(repoRoot, 'rules', 'example.yaml') });
        expect(good.messages.filter((m) => m.ruleId === id || m.ruleId in BUILTIN_DIAGNOSTICS)).toEqual([]);
      });
    });
  }
});

describe('README', () => {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

  it('lists every rule with its severity, verdict, description and doc link', () => {
    const rows = [...readme.matchAll(/^\| \[`([a-z-]+)`\]\(rules\/([a-z-]+)\.md\) \| (error|warning) \| (fix first|do not fine-tune) \| (.+) \|$/gm)].map((m) => ({
      id: m[1],
      link: m[2],
      severity: m[3],
      verdict: m[4],
      description: m[5],
    }));
    const verdictWords = { 'fix-first': 'fix first', 'do-not-fine-tune': 'do not fine-tune' } as const;
    expect(rows).toEqual(
      rules.map((r) => ({
        id: r.meta.id,
        link: r.meta.id,
        severity: r.meta.severity,
        verdict: verdictWords[r.meta.verdict as 'fix-first'],
        description: r.meta.description,
      })),
    );
  });

  it('lists every built-in diagnostic id', () => {
    for (const [id, text] of Object.entries(BUILTIN_DIAGNOSTICS)) expect(readme).toContain(`| \`${id}\` | ${text} |`);
  });

  it('shows the two set-up commands', () => {
    expect(readme).toContain('npm ci && npx finetune-lint "examples/**/*.yaml"');
    expect(readme).toContain('npm test');
  });
});
