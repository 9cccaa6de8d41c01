import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PLAN_GLOB } from '../src/core/plan-patterns.js';
import { cleanPlan, repoRoot, tempTree } from './cli-helpers.js';
// @ts-expect-error -- a plain ESM script without type declarations
import { cliArguments, splitArgs, splitPatterns } from '../action/run.mjs';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  runs: { steps: Step[] };
};
const runner = path.join(repoRoot, 'action', 'run.mjs');
const noEval = cleanPlan.replace('  eval:\n    path: data/eval.jsonl\n', '');

/** Runs the Action's lint step as the runner would: inputs in env vars, a job summary file. */
function lintStep(cwd: string, inputs: Record<string, string>): { status: number | null; stdout: string; stderr: string; summary: string } {
  const summaryFile = path.join(cwd, '.step-summary.md');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile };
  for (const [k, v] of Object.entries(inputs)) env[`FINETUNE_LINT_${k.toUpperCase().replace(/-/g, '_')}`] = v;
  for (const [name, input] of Object.entries(action.inputs)) {
    const key = `FINETUNE_LINT_${name.toUpperCase().replace(/-/g, '_')}`;
    env[key] ??= input.default;
  }
  const r = spawnSync(process.execPath, [runner], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(summaryFile, 'utf8') };
}

describe('action.yml', () => {
  it('passes every input through an environment variable, never into a script', () => {
    for (const step of action.runs.steps) if (step.run) expect(step.run, step.name).not.toMatch(/\$\{\{\s*inputs\./);
    const lint = action.runs.steps.find((s) => s.id === 'lint')!;
    expect(Object.keys(lint.env!).sort()).toEqual(Object.keys(action.inputs).map((n) => `FINETUNE_LINT_${n.toUpperCase().replace(/-/g, '_')}`).sort());
  });

  it('defaults to the plan files the pre-commit hook picks, and fails on unmatched patterns', () => {
    expect(action.inputs.patterns!.default).toBe(PLAN_GLOB);
    expect(action.inputs['error-on-unmatched-pattern']!.default).toBe('true');
  });

  it('installs dev dependencies only when the built CLI is not cached, and sets up Node only when the runner has none new enough', () => {
    const install = action.runs.steps.filter((s) => s.run?.includes('npm '));
    expect(install).toHaveLength(1);
    expect(install[0]!.if).toBe("steps.cache.outputs.cache-hit != 'true'");
    expect(action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node'))!.if).toBe("steps.node.outputs.setup == 'true'");
    expect(action.runs.steps.find((s) => s.id === 'cache')!.with!.path).toBe('${{ github.action_path }}/dist');
  });
});

describe('the lint step', () => {
  it('splits args like shell words but expands nothing', () => {
    expect(splitArgs(`--max-warnings 0 --rule 'vague-goal:off' "--config=ci/a b.yaml" $(touch pwned) *.yaml a\\ b`)).toEqual([
      '--max-warnings',
      '0',
      '--rule',
      'vague-goal:off',
      '--config=ci/a b.yaml',
      '$(touch',
      'pwned)',
      '*.yaml',
      'a b',
    ]);
    expect(splitArgs('')).toEqual([]);
    expect(() => splitArgs('--rule "x')).toThrow('unterminated " quote in args');
  });

  it('takes patterns one per line, and strips the quotes of the old form', () => {
    expect(splitPatterns('plans/**/*.yaml\n\n  "ml/**/finetune-plan.yml"  \r\n')).toEqual(['plans/**/*.yaml', 'ml/**/finetune-plan.yml']);
    expect(cliArguments({ FINETUNE_LINT_PATTERNS: 'a.yaml', FINETUNE_LINT_ERROR_ON_UNMATCHED_PATTERN: 'false', FINETUNE_LINT_SARIF: 'true' }, '/tmp/s.md')).toEqual([
      '-f',
      'github',
      '-f',
      'sarif:finetune-lint.sarif',
      '-f',
      'markdown:/tmp/s.md',
      '--no-error-on-unmatched-pattern',
      '--',
      'a.yaml',
    ]);
  });

  it('fails on a mistyped pattern by default, and passes it when told to', () => {
    const dir = tempTree({ 'plans/tone.yaml': cleanPlan });
    const typo = lintStep(dir, { patterns: 'plan/**/*.yaml' });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('No files matched the pattern "plan/**/*.yaml".');
    const allowed = lintStep(dir, { patterns: 'plan/**/*.yaml\nplans/**/*.yaml', 'error-on-unmatched-pattern': 'false' });
    expect(allowed.status).toBe(0);
  });

  it('lints the default plan files with annotations, and writes the job summary', () => {
    const dir = tempTree({
      'plans/tone.yaml': noEval,
      'ml/support-tone.finetune-plan.yml': cleanPlan,
      'configs/other.yaml': 'not: a plan\n',
    });
    const r = lintStep(dir, { args: '--data-checks off' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=plans\/tone\.yaml,line=16,col=1,.*title=no-eval-set::/m);
    expect(r.summary).toContain('| `ml/support-tone.finetune-plan.yml` | ✅ ready | 0 | 0 |');
    expect(r.summary).toContain('| `plans/tone.yaml` | ⚠️ fix the plan first | 1 | 0 |');
    expect(r.summary).not.toContain('configs/other.yaml');
  });

  it('hands a shell-looking input to the CLI as text', () => {
    const dir = tempTree({ 'plans/tone.yaml': cleanPlan });
    const r = lintStep(dir, { args: '--data-checks off $(touch pwned)', patterns: 'plans/*.yaml' });
    expect(r.status).toBe(2);
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout).not.toContain('pwned');
  });
});

describe('the cache of the built CLI', () => {
  const step = action.runs.steps.find((s) => s.id === 'key')!;

  /** The cache key the Action's key step computes in `dir` (a copy of the repository). */
  function keyIn(dir: string): string {
    const output = path.join(dir, '.github-output');
    writeFileSync(output, '');
    // As GitHub's runner starts a bash step.
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, GITHUB_OUTPUT: output },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const key = /^key=(.+)$/m.exec(readFileSync(output, 'utf8'))?.[1];
    expect(key).toMatch(/^finetune-lint-dist-v\d+\.\d+\.\d+-[0-9a-f]{16}$/);
    return key!;
  }

  it('changes with every file the build reads, so that a cached dist/ is never stale', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ftl-action-key-'));
    try {
      for (const part of ['package.json', 'package-lock.json', 'scripts', 'src', 'schemas']) cpSync(path.join(repoRoot, part), path.join(dir, part), { recursive: true });
      const before = keyIn(dir);
      expect(keyIn(dir)).toBe(before);
      // The build script, an esbuild plugin, the start-up scripts, a source, the committed model, a schema, the version.
      const inputs = ['scripts/build.mjs', 'scripts/build-plugins.mjs', 'scripts/cli-loader.cjs', 'scripts/code-cache.cjs', 'scripts/worker-loader.cjs', 'src/cli/cli.ts', 'src/core/rules/intent-model.json', 'schemas/finetune-plan.schema.json', 'package.json'];
      for (const file of inputs) {
        const original = readFileSync(path.join(dir, file));
        appendFileSync(path.join(dir, file), '\n');
        expect(keyIn(dir), file).not.toBe(before);
        writeFileSync(path.join(dir, file), original);
      }
      expect(keyIn(dir)).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
