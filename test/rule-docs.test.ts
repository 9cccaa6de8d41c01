import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILTIN_DIAGNOSTICS, checkPlanData, dataRules, lintText, rules, translate, type MessageKey, type RuleSettings } from '../src/index.js';
import { VERDICT_LABELS } from '../src/core/verdict.js';
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

/** The Chinese docs' headings, one to one with {@link HEADINGS}. */
const ZH_HEADINGS = ['检查什么', '为什么重要', '示例', '改为', '选项'];

/** How the Chinese docs and README name each verdict. */
const ZH_VERDICT_LABELS = { 'fix-first': '先修改计划', 'do-not-fine-tune': '不要微调' } as const;

const HAN = /\p{Script=Han}/u;

/** The text fields of a plan a Chinese team writes in Chinese. */
function writtenFields(yaml: string): string[] {
  const plan = parse(yaml) as { name?: unknown; problem?: unknown; goals?: Array<{ behavior?: unknown }> };
  return [plan.name, plan.problem, ...(plan.goals ?? []).map((g) => g.behavior)].map((v) => String(v));
}

function lintDocBlock(doc: string, heading: string) {
  return lintText(yamlBlock(section(doc, heading)), { filePath: path.join(repoRoot, 'rules', 'example.yaml') });
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
        const bad = lintDocBlock(doc, 'Example');
        expect(bad.messages.filter((m) => m.ruleId === id).length).toBeGreaterThan(0);
        const good = lintDocBlock(doc, 'Instead');
        expect(good.messages.filter((m) => m.ruleId === id || m.ruleId in BUILTIN_DIAGNOSTICS)).toEqual([]);
      });
    });
  }
});

describe('Chinese rule docs (rules/<id>.zh-CN.md)', () => {
  const zhFiles = readdirSync(path.join(repoRoot, 'rules')).filter((f) => f.endsWith('.zh-CN.md'));

  it('every registered rule has one, and every one belongs to a registered rule', () => {
    expect(zhFiles.map((f) => f.replace(/\.zh-CN\.md$/, '')).sort()).toEqual([...rules, ...dataRules].map((r) => r.meta.id).sort());
  });

  for (const rule of [...rules, ...dataRules]) {
    const isDataRule = (dataRules as readonly unknown[]).includes(rule);
    const id = rule.meta.id;
    describe(id, () => {
      const file = path.join(repoRoot, 'rules', `${id}.zh-CN.md`);
      const doc = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const enFile = path.join(repoRoot, 'rules', `${id}.md`);
      const enDoc = existsSync(enFile) ? readFileSync(enFile, 'utf8') : '';

      it('has the title, a Chinese description, and the severity and verdict of the rule', () => {
        const lines = doc.split('\n');
        expect(lines[0]).toBe(`# ${id}`);
        expect(lines[1]).toBe('');
        // The same sentence `finetune-lint rules` and SARIF show in Chinese.
        expect(lines[2]).toBe(translate('zh-CN', `${id}.description` as MessageKey));
        expect(doc).toContain(`\n- 默认严重级别：**${rule.meta.severity}**\n`);
        expect(doc).toContain(`\n- 结论：**${ZH_VERDICT_LABELS[rule.meta.verdict]}**`);
      });

      it('has the fixed headings in order', () => {
        const headings = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
        expect(headings).toEqual(ZH_HEADINGS);
      });

      it('says it has no options exactly when the English doc does, and names every option', () => {
        const enNone = section(enDoc, 'Options').trim() === 'None.';
        expect(section(doc, '选项').trim() === '无。').toBe(enNone);
        expect(enDoc.includes('\n- Options: none\n')).toBe(enNone);
        expect(doc.includes('\n- 选项：无\n')).toBe(enNone);
        for (const option of Object.keys(rule.meta.defaultOptions as object)) expect(section(doc, '选项')).toContain(`\`${option}\``);
      });

      it('its Example and Instead are plans written in Chinese', () => {
        for (const heading of ['示例', '改为']) {
          const fields = writtenFields(yamlBlock(section(doc, heading)));
          expect(fields.length, heading).toBeGreaterThanOrEqual(3);
          for (const text of fields) expect(text, `${heading}: ${text}`).toMatch(HAN);
        }
      });

      it('its Example fires the rule and its Instead does not', async () => {
        const bad = isDataRule ? await lintDataSection(section(doc, '示例')) : lintDocBlock(doc, '示例').messages;
        expect(bad.filter((m) => m.ruleId === id).length).toBeGreaterThan(0);
        const good = isDataRule ? await lintDataSection(section(doc, '改为')) : lintDocBlock(doc, '改为').messages;
        expect(good.filter((m) => m.ruleId === id || m.ruleId in BUILTIN_DIAGNOSTICS)).toEqual([]);
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

describe('README.zh-CN', () => {
  const readme = readFileSync(path.join(repoRoot, 'README.zh-CN.md'), 'utf8');

  it('lists every rule with its severity, verdict, doc link and the description of its Chinese doc', () => {
    const rows = [...readme.matchAll(/^\| \[`([a-z-]+)`\]\(rules\/([a-z-]+)\.zh-CN\.md\) \| ([a-z]+) \| ([^|]+) \| (.+) \|$/gm)].map((m) => ({
      id: m[1],
      link: m[2],
      severity: m[3],
      verdict: m[4],
      description: m[5],
    }));
    expect(rows).toEqual(
      [...rules, ...dataRules].map((r) => ({
        id: r.meta.id,
        link: r.meta.id,
        severity: r.meta.severity,
        verdict: ZH_VERDICT_LABELS[r.meta.verdict as 'fix-first'],
        description: readFileSync(path.join(repoRoot, 'rules', `${r.meta.id}.zh-CN.md`), 'utf8').split('\n')[2],
      })),
    );
  });

  it('lists every built-in diagnostic id', () => {
    for (const id of Object.keys(BUILTIN_DIAGNOSTICS)) expect(readme).toMatch(new RegExp(`^\\| \`${id}\` \\| \\p{Script=Han}`, 'mu'));
  });

  it('shows the two set-up commands of the English README', () => {
    expect(readme).toContain('npm ci && npx finetune-lint "examples/**/*.yaml"');
    expect(readme).toContain('\nnpm test ');
  });

  it('has the sections of README.md, in the same order and at the same levels', () => {
    /** Markdown headings outside fenced code blocks: `##` and deeper. */
    const headings = (text: string): string[] =>
      text
        .replace(/^```[\s\S]*?^```/gm, '')
        .split('\n')
        .filter((l) => /^#{2,4} /.test(l));
    const zhFor: Record<string, string> = {
      '## Quick start': '## 快速上手',
      '### In your own project': '### 在自己的项目里',
      '## Usage': '## 用法',
      '### The cache': '### 缓存',
      '### Commands': '### 子命令',
      '### Exit codes': '### 退出码',
      '### Output formats': '### 输出格式',
      '### GitHub Actions': '### GitHub Actions',
      '### Editors': '### 编辑器',
      '### Language server': '### 语言服务器',
      '#### VS Code': '#### VS Code',
      '#### Neovim': '#### Neovim',
      '#### Any LSP editor': '#### 其他支持 LSP 的编辑器',
      '#### Schema only: the YAML language server': '#### 只用 schema：YAML 语言服务器',
      '### pre-commit': '### pre-commit',
      '## Playground': '## 在线试用',
      '## Configuration': '## 配置',
      '### Disable comments': '### 禁用注释',
      '### Writing a plugin': '### 编写插件',
      '## Rules': '## 规则',
      '### The verdict': '### 结论',
      '### How the detection rules read text': '### 检测规则如何读文本',
      '#### Measured on what real people write': '#### 在真实用户写的话上测量',
      '### Diagnostics that are not rules': '### 不属于规则的诊断',
      '## Data checks': '## 数据检查',
      '## Robustness': '## 健壮性',
      '## Performance': '## 性能',
      '### Where the time goes': '### 时间花在哪里',
      '### Levers, measured': '### 测过的优化手段',
      '## The plan format': '## 计划格式',
      '## Programmatic API': '## 编程接口',
      '## Development': '## 开发',
    };
    const english = headings(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'));
    // A new English section needs its Chinese counterpart (and an entry here).
    expect(english.filter((h) => !(h in zhFor))).toEqual([]);
    expect(headings(readme)).toEqual(english.map((h) => zhFor[h]));
  });

  it('promises no registry package and no release tag that do not exist', () => {
    for (const text of [readme, readFileSync(path.join(repoRoot, 'README.md'), 'utf8'), readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')]) {
      expect(text).not.toMatch(/rev: v\d|finetune-lint@v\d/);
      // The registry is named only as what will come once the package is published.
      for (const line of text.split('\n').filter((l) => l.includes('npm install --save-dev finetune-lint'))) expect(line).toMatch(/published|发布/);
    }
    expect(readme).toContain('npm install --save-dev "git+https://github.com/finetune-lint/finetune-lint.git#<commit-sha>"');
  });

  it('is linked from the top of README.md', () => {
    const top = readFileSync(path.join(repoRoot, 'README.md'), 'utf8').split('\n').slice(0, 5);
    expect(top).toContain('[中文说明](README.zh-CN.md)');
  });
});
