import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIAGNOSTICS, checkPlanData, dataRules, lintText, rules, type RuleSettings } from '../src/index.js';
import { VERDICT_LABELS } from '../src/verdict.js';
import { repoRoot } from './cli-helpers.js';
import { readExpectations } from './expectations.js';

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

/** The files a data rule's doc shows beside its plan: fenced blocks whose info string names a path (```jsonl data/eval.jsonl). */
function dataFiles(text: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of text.matchAll(/```\w+ (\S+)\n([\s\S]*?)```/g)) files[m[1]!] = m[2]!;
  return files;
}

/**
 * Lints a data rule's doc section: the plan is written as `repo/finetune-plan.yaml`
 * in a fresh folder with `.git` (the repository root), each file block beside it
 * (`../` paths land outside the root), then the data checks run.
 */
async function lintDataSection(text: string): Promise<Array<{ ruleId: string }>> {
  const outer = mkdtempSync(path.join(os.tmpdir(), 'ftl-doc-'));
  const repo = path.join(outer, 'a', 'b', 'repo');
  mkdirSync(path.join(repo, '.git'), { recursive: true });
  const plan = yamlBlock(text);
  for (const [name, body] of Object.entries(dataFiles(text))) {
    const file = path.resolve(repo, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  const planPath = path.join(repo, 'finetune-plan.yaml');
  writeFileSync(planPath, plan);
  const lint = lintText(plan, { filePath: planPath });
  const data = await checkPlanData(plan, planPath, { rules: readExpectations(plan).rules as RuleSettings | undefined });
  return [...lint.messages, ...data];
}

describe('rule docs', () => {
  const docFiles = readdirSync(path.join(repoRoot, 'rules')).filter((f) => /^[a-z-]+\.md$/.test(f));

  it('every doc belongs to a registered rule', () => {
    expect(docFiles.map((f) => f.replace(/\.md$/, '')).sort()).toEqual([...rules, ...dataRules].map((r) => r.meta.id).sort());
  });

  for (const rule of [...rules, ...dataRules]) {
    const isDataRule = (dataRules as readonly unknown[]).includes(rule);
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

      if (isDataRule) {
        it('its Example, with its data files, fires the rule and its Instead does not', async () => {
        const bad = await lintDataSection(section(doc, 'Example'));
        expect(bad.filter((m) => m.ruleId === id).length).toBeGreaterThan(0);
        const good = await lintDataSection(section(doc, 'Instead'));
        expect(good.filter((m) => m.ruleId === id || m.ruleId in BUILTIN_DIAGNOSTICS)).toEqual([]);
        });
        return;
      }

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
      [...rules, ...dataRules].map((r) => ({
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
