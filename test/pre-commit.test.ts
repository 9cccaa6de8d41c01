import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { PLAN_FILES_REGEX, PLAN_GLOB } from '../src/core/plan-patterns.js';
import { cleanPlan, repoRoot, runCli, tempTree } from './cli-helpers.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  types: string[];
}

const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'finetune-lint')!;

describe('pre-commit hook', () => {
  it('runs the CLI with node and picks plan files by name', () => {
    expect(hook).toMatchObject({ entry: 'finetune-lint', language: 'node', types: ['yaml'] });
    const files = new RegExp(hook.files);
    const matched = [
      'finetune-plan.yaml',
      'ml/tone/finetune-plan.yml',
      'finetune-plan-v2.yaml',
      'plans/tone.yaml',
      'team/plans/2026/q4/refunds.yml',
      'support-tone.finetune-plan.yaml',
      'ml/support-tone.finetune-plan.yml',
    ];
    const ignored = ['.github/workflows/ci.yaml', 'docker-compose.yml', 'configs/tone-lora.yaml', 'plans/README.md', 'myplans/x.yaml'];
    expect(matched.filter((f) => files.test(f))).toEqual(matched);
    expect(ignored.filter((f) => files.test(f))).toEqual([]);
  });

  it('picks the same files as the default glob of the Action and init (one definition)', () => {
    expect(hook.files).toBe(PLAN_FILES_REGEX);
    const paths = [
      'finetune-plan.yaml',
      'finetune-plan.yml',
      'a/b/finetune-plan-v2.yaml',
      'support-tone.finetune-plan.yaml',
      'x/support-tone.finetune-plan.yml',
      'plans/tone.yaml',
      'plans/tone.yml',
      'team/plans/2026/q4/refunds.yml',
      'plans/README.md',
      'myplans/x.yaml',
      'configs/tone-lora.yaml',
      '.github/workflows/ci.yml',
      'finetune-plan.json',
    ];
    const byRegex = paths.filter((f) => new RegExp(hook.files).test(f));
    const byGlob = paths.filter((f) => minimatch(f, PLAN_GLOB));
    expect(byGlob).toEqual(byRegex);
    expect(byRegex).toEqual(paths.slice(0, 8));
  });

  it('lints many files passed as arguments, the way pre-commit calls the entry', () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 60; i++) tree[`plans/p${i}.yaml`] = i === 7 ? cleanPlan.replace('  eval:\n    path: data/eval.jsonl\n', '') : cleanPlan;
    const dir = tempTree(tree);
    const args = Object.keys(tree);
    const r = runCli(['--data-checks', 'off', '-f', 'json', ...args], { cwd: dir });
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; errorCount: number }>;
    expect(results).toHaveLength(60);
    expect(results.filter((x) => x.errorCount > 0).map((x) => path.relative(dir, x.filePath))).toEqual(['plans/p7.yaml']);
    const clean = runCli(['--data-checks', 'off', ...args].filter((a) => a !== 'plans/p7.yaml'), { cwd: dir });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('✔ 59 plans checked, no problems: all ready\n');
  });
});
