import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataRules, rules } from '../src/index.js';
import { STARTER_PLAN } from '../src/core/init-template.js';
import { repoRoot, runCli, tempTree } from './cli-helpers.js';

describe('finetune-lint rules', () => {
  it('lists every rule with its default severity, verdict and description', () => {
    const r = runCli(['rules']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^rule +default +verdict +what it reports$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual([...rules, ...dataRules].map((x) => x.meta.id));
    expect(lines.find((l) => l.startsWith('knowledge-injection'))).toMatch(/^knowledge-injection +error +do not fine-tune \(yet\) +The plan aims/);
  });
});

describe('finetune-lint explain', () => {
  it("prints the rule's document", () => {
    const r = runCli(['explain', 'no-eval-set']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(repoRoot, 'rules', 'no-eval-set.md'), 'utf8'));
  });

  it('explains the ids only the language server prints (config-error), in both languages', () => {
    const en = runCli(['explain', 'config-error']);
    expect(en.status).toBe(0);
    expect(en.stdout.split('\n').slice(0, 3)).toEqual([
      '# config-error',
      '',
      'In the language server: the configuration that applies to the plan cannot be used (the CLI stops with exit code 2 instead); the plan is not linted until it is fixed.',
    ]);
    const zh = runCli(['explain', 'config-error', '--locale', 'zh-CN']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('适用于本计划的配置无法使用');
  });

  it('suggests the nearest rule for an unknown id', () => {
    const r = runCli(['explain', 'no-eval-st']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('finetune-lint: unknown rule "no-eval-st" (did you mean "no-eval-set"?); `finetune-lint rules` lists them.\n');
  });
});

describe('finetune-lint init', () => {
  it('writes the starter plan and never overwrites a file', () => {
    const dir = tempTree({ 'existing.yaml': 'keep me\n' });
    const r = runCli(['init'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, 'finetune-plan.yaml'), 'utf8')).toBe(STARTER_PLAN);
    const again = runCli(['init', 'existing.yaml'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('finetune-lint: existing.yaml already exists; not overwriting it.\n');
    expect(readFileSync(path.join(dir, 'existing.yaml'), 'utf8')).toBe('keep me\n');
  });

  it('writes finetune-plan.yaml inside a folder named by a trailing slash (created) or an existing folder', () => {
    const dir = tempTree({ 'plans/existing/keep.txt': 'x\n' });
    const created = runCli(['init', 'plans/newdir/'], { cwd: dir });
    expect(created).toMatchObject({ status: 0, stderr: '' });
    expect(created.stdout).toBe('Wrote plans/newdir/finetune-plan.yaml. Replace every <FILL: …>, then run: finetune-lint plans/newdir/finetune-plan.yaml\n');
    expect(readFileSync(path.join(dir, 'plans/newdir/finetune-plan.yaml'), 'utf8')).toBe(STARTER_PLAN);
    const existing = runCli(['init', 'plans/existing'], { cwd: dir });
    expect(existing).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(path.join(dir, 'plans/existing/finetune-plan.yaml'), 'utf8')).toBe(STARTER_PLAN);
    const again = runCli(['init', 'plans/existing/'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('finetune-lint: plans/existing/finetune-plan.yaml already exists; not overwriting it.\n');
  });

  it('notes when the plan is named so that the hook and the Action would not pick it', () => {
    const dir = tempTree({});
    const r = runCli(['init', 'experiments/tone.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      'Note: experiments/tone.yaml is not named like a plan (finetune-plan*.yaml or .yml, or any .yaml / .yml under a plans/ folder), so the pre-commit hook and the GitHub Action do not lint it by default; rename it, or add it to their files: / patterns.\n',
    );
    for (const named of ['experiments/tone.finetune-plan.yaml', 'plans/tone.yml', 'finetune-plan-v2.yml']) {
      expect(runCli(['init', named], { cwd: dir }).stderr, named).toBe('');
    }
  });

  it('fails with one message per placeholder until they are filled, then lints clean', () => {
    const dir = tempTree({});
    runCli(['init', 'plans/tone/finetune-plan.yaml'], { cwd: dir });
    const file = path.join(dir, 'plans/tone/finetune-plan.yaml');
    const unfilled = runCli(['--data-checks', 'off', '-f', 'json', file], { cwd: dir });
    expect(unfilled.status).toBe(1);
    const [res] = JSON.parse(unfilled.stdout) as Array<{ messages: Array<{ ruleId: string; message: string; hint: string }>; verdict: string }>;
    const placeholders = STARTER_PLAN.split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n')
      .match(/<FILL:[^>]*>/g)!;
    expect(placeholders).toHaveLength(18);
    expect(res!.messages.map((m) => m.ruleId)).toEqual(placeholders.map(() => 'unfilled-placeholder'));
    expect(res!.messages[0]).toMatchObject({ message: 'unfilled placeholder <FILL: short name of the experiment>', hint: "Replace it with the plan's answer: short name of the experiment." });
    expect(res!.verdict).toBe('fix-first');

    const answers: Record<string, string> = {
      'short name of the experiment': 'support-reply-tone-v1',
      'team or person accountable': 'support-ml@example.com',
      'the model to fine-tune, e.g. Qwen/Qwen2.5-7B-Instruct': 'Qwen/Qwen2.5-7B-Instruct',
      'what the model does today that it should not, with a number': 'Replies are stiff: 38% of 400 sampled replies break the tone guide.',
      'the one observable behaviour that should change': 'Replies follow the tone guide: a greeting, one empathy line, at most 120 words.',
      'how it is measured on the eval set': 'tone_pass_rate, graded by two reviewers',
      'the value that counts as success, e.g. at least 0.9': '>= 0.9',
      'where the model will be used': 'internal writing assistant',
      "what catches the model's mistakes": 'Agents approve every reply before it is sent.',
      'the best prompt you tried': 'System prompt with the tone guide and five examples.',
      'metric name': 'tone_pass_rate',
      'measured value': '0.71',
      'path of the training data, relative to this file': 'data/train.jsonl',
      'what the examples are and where they come from': '3,000 replies rewritten by senior agents.',
      'path of the eval data, relative to this file': 'data/eval.jsonl',
      'how the eval examples were chosen': '300 November tickets, never trained on.',
      'the existing abilities to protect': '200 refund and shipping cases the model answers well today.',
      'the rule that decides ship or no ship': 'tone_pass_rate >= 0.9 and no regression case worse',
    };
    // Answers go inside the template's quotes, as a person filling it in would write them.
    const filled = readFileSync(file, 'utf8').replace(/<FILL:\s*([^>]*)>(?=")/g, (_, q: string) => {
      expect(answers[q], q).toBeDefined();
      return answers[q]!;
    });
    writeFileSync(file, filled);
    const clean = runCli(['--data-checks', 'off', file], { cwd: dir });
    expect(clean.stdout).toBe('✔ 1 plan checked, no problems: ready\n');
    expect(clean.status).toBe(0);
  });
});

describe('<subcommand> --help', () => {
  it.each([
    ['rules', 'finetune-lint rules [--locale <en|zh-CN>]'],
    ['explain', 'finetune-lint explain <rule-id> [--locale <en|zh-CN>]'],
    ['lsp', 'finetune-lint lsp --stdio [--locale <en|zh-CN>]'],
    ['init', 'finetune-lint init [path] [--locale <en|zh-CN>]'],
  ])('%s --help prints its usage on standard output and exits 0, writing nothing', (name, line) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ftl-help-'));
    for (const flag of ['--help', '-h']) {
      const r = runCli([name, flag], { cwd: dir });
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: `finetune-lint: usage: ${line}\n`, stderr: '' });
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
