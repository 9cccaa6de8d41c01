import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPlan, cliPath, runCli, tempTree } from './cli-helpers.js';

const chat = (user: string): string => JSON.stringify({ messages: [{ role: 'user', content: user }, { role: 'assistant', content: 'OK.' }] });
// 80 examples: enough to tell the clean plan's target (0.9) from its prompt baseline (0.71); eval-underpowered asks for 67.
const evalFile = `${Array.from({ length: 80 }, (_, i) => chat(`Held-out question ${i} about invoice ${i * 97}`)).join('\n')}\n`;

function repo(files: Record<string, string>, plan = cleanPlan): string {
  const dir = tempTree({ 'finetune-plan.yaml': plan, ...files });
  mkdirSync(path.join(dir, '.git'));
  return dir;
}

describe('data checks from the CLI', () => {
  it('are on by default: a missing file is a warning (exit 0), --data-checks off skips them', () => {
    const dir = repo({});
    const on = runCli(['-f', 'compact', 'finetune-plan.yaml'], { cwd: dir });
    expect(on.stdout).toBe(
      [
        `finetune-plan.yaml:18:11: warning data.train.path "data/train.jsonl" does not exist (looked for ${path.join(dir, 'data/train.jsonl')}) [data-file-missing]`,
        `finetune-plan.yaml:20:11: warning data.eval.path "data/eval.jsonl" does not exist (looked for ${path.join(dir, 'data/eval.jsonl')}) [data-file-missing]`,
        '',
      ].join('\n'),
    );
    expect(on.status).toBe(0);
    const off = runCli(['--data-checks', 'off', 'finetune-plan.yaml'], { cwd: dir });
    expect(off.stdout).toBe('✔ 1 plan checked, no problems: ready\n');
    expect(off.status).toBe(0);
  });

  it('a clean plan with clean data passes', () => {
    const dir = repo({ 'data/train.jsonl': `${chat('Training question')}\n`, 'data/eval.jsonl': evalFile });
    const r = runCli(['finetune-plan.yaml'], { cwd: dir });
    expect(r.stdout).toBe('✔ 1 plan checked, no problems: ready\n');
    expect(r.status).toBe(0);
  });

  it('an overlap is an error (exit 1) with eval and train line numbers; json carries it', () => {
    const dir = repo({ 'data/train.jsonl': `${chat('Unrelated')}\n${chat('held-out QUESTION 7 about invoice 679')}\n`, 'data/eval.jsonl': evalFile });
    const r = runCli(['-f', 'json', 'finetune-plan.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<Record<string, unknown>>; errorCount: number; verdict: string }>;
    expect(result!.messages).toEqual([
      {
        ruleId: 'eval-train-overlap',
        severity: 2,
        message: '1 of 80 eval examples (1.3%) also occurs in data/train.jsonl (exact): eval line 8 ~ train line 2',
        line: 20,
        column: 11,
        endLine: 20,
        endColumn: 26,
        hint: 'Remove the overlapping examples from the training file (or the eval file) so the eval set is truly held out.',
      },
    ]);
    expect(result!.verdict).toBe('fix-first');
  });

  it('refuses paths outside the repository (exit 1) unless --allow-outside-root', () => {
    const outer = tempTree({ 'shared/train.jsonl': `${chat('x')}\n{broken\n` });
    const dir = path.join(outer, 'repo');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'finetune-plan.yaml'), cleanPlan.replace('path: data/train.jsonl', 'path: data/linked.jsonl'));
    writeFileSync(path.join(dir, 'data', 'eval.jsonl'), evalFile);
    symlinkSync(path.join(outer, 'shared', 'train.jsonl'), path.join(dir, 'data', 'linked.jsonl'));
    const refused = runCli(['-f', 'compact', 'finetune-plan.yaml'], { cwd: dir });
    expect(refused.stdout).toBe(
      `finetune-plan.yaml:18:11: error data.train.path "data/linked.jsonl", a symbolic link to ${path.join(outer, 'shared', 'train.jsonl')}, is outside the repository root ${dir}; it was not read [data-path-outside-root]\n`,
    );
    expect(refused.status).toBe(1);
    const allowed = runCli(['-f', 'compact', '--allow-outside-root', 'finetune-plan.yaml'], { cwd: dir });
    // The JSON parser's own wording differs between Node versions.
    expect(allowed.stdout).toMatch(/^finetune-plan\.yaml:18:11: error data\/linked\.jsonl line 2: not valid JSON \(.+\) \[dataset-format\]\n$/);
    expect(allowed.status).toBe(1);
  });

  it('checks the trainer config: an LLaMA-Factory config with its eval block commented out', () => {
    const plan = `${cleanPlan}training:\n  framework: llama-factory\n  config: configs/sft.yaml\n`;
    const dir = repo(
      {
        'data/train.jsonl': `${chat('Training question')}\n`,
        'data/eval.jsonl': evalFile,
        'configs/sft.yaml': 'model_name_or_path: Qwen/Qwen2.5-7B-Instruct\nstage: sft\ndo_train: true\nfinetuning_type: lora\ndataset: tone\n### eval\n# val_size: 0.1\n# eval_strategy: steps\n',
      },
      plan,
    );
    const r = runCli(['-f', 'compact', 'finetune-plan.yaml'], { cwd: dir });
    expect(r.stdout).toBe(
      'finetune-plan.yaml:26:11: error the plan has an eval set, but llama-factory config configs/sft.yaml evaluates nothing: neither eval_dataset nor val_size > 0 is set (val_size, eval_strategy commented out from line 7) [trainer-no-eval]\n',
    );
    expect(r.status).toBe(1);
  });

  it('reads an Axolotl config declared as torchtune as Axolotl, and says so (the hint names only the training.framework fix)', () => {
    const plan = `${cleanPlan}training:\n  framework: torchtune\n  config: configs/sft.yaml\n`;
    const dir = repo(
      {
        'data/train.jsonl': `${chat('Training question')}\n`,
        'data/eval.jsonl': evalFile,
        'configs/sft.yaml': 'base_model: Qwen/Qwen2.5-7B-Instruct\ndatasets:\n  - path: data/train.jsonl\n    type: chat_template\nadapter: lora\nval_set_size: 0.1\nevals_per_epoch: 4\nnum_epochs: 2\n',
      },
      plan,
    );
    const r = runCli(['-f', 'json', 'finetune-plan.yaml'], { cwd: dir });
    const [file] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number; message: string; hint: string }> }>;
    expect(file!.messages.map((m) => [m.ruleId, m.line, m.column, m.message, m.hint])).toEqual([
      [
        'trainer-mismatch',
        25,
        14,
        'training.framework is "torchtune", but configs/sft.yaml is written for Axolotl (base_model, datasets, adapter); it was read as such',
        'Set training.framework to the framework this config is for, or point training.config at the config the run uses.',
      ],
    ]);
    expect(r.status).toBe(0);
  });

  it('names only the detected framework in the no-eval hint, and the commented-out keys in the message', () => {
    const plan = `${cleanPlan}training:\n  config: configs/sft.yaml\n`;
    const dir = repo(
      {
        'data/train.jsonl': `${chat('Training question')}\n`,
        'data/eval.jsonl': evalFile,
        'configs/sft.yaml': 'base_model: Qwen/Qwen2.5-7B-Instruct\ndatasets:\n  - path: data/train.jsonl\n    type: chat_template\nadapter: lora\n# val_set_size: 0.05\n# evals_per_epoch: 4\n',
      },
      plan,
    );
    const r = runCli(['-f', 'json', 'finetune-plan.yaml'], { cwd: dir });
    const [file] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; message: string; hint: string }> }>;
    expect(file!.messages.map((m) => [m.ruleId, m.message, m.hint])).toEqual([
      [
        'trainer-no-eval',
        'the plan has an eval set, but axolotl config configs/sft.yaml evaluates nothing: val_set_size is not set (default 0) and there are no test_datasets (val_set_size, evals_per_epoch commented out from line 6)',
        'Set val_set_size > 0 or test_datasets (other files than datasets), with evals_per_epoch or eval_steps.',
      ],
    ]);
    expect(r.status).toBe(1);
  });

  it('rejects a bad --data-checks value with exit 2', () => {
    const r = runCli(['--data-checks', 'maybe', 'finetune-plan.yaml'], { cwd: repo({}) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("argument 'maybe' is invalid. Allowed choices are on, off.");
  });

  it('runs for --stdin with --stdin-filename, relative to that path', () => {
    const dir = repo({ 'plans/data/train.jsonl': `${chat('Training question')}\n` });
    const r = spawnSync(process.execPath, [cliPath, '--stdin', '--stdin-filename', 'plans/finetune-plan.yaml', '-f', 'compact'], { cwd: dir, input: cleanPlan, encoding: 'utf8' });
    expect(r.stdout).toBe(`plans/finetune-plan.yaml:20:11: warning data.eval.path "data/eval.jsonl" does not exist (looked for ${path.join(dir, 'plans/data/eval.jsonl')}) [data-file-missing]\n`);
    expect(r.status).toBe(0);
  });

  it('loads the dataset readers (dist/data.cjs) only when a plan names a file that exists', () => {
    // A preload script reports every module loaded from dist/.
    const hook = tempTree({
      'hook.cjs': "const M = require('module'); const load = M._load; M._load = function (req, parent, ...rest) { if (/data\\.cjs$/.test(req)) process.stderr.write('loaded data.cjs\\n'); return load.call(this, req, parent, ...rest); };\n",
    });
    const run = (cwd: string) => spawnSync(process.execPath, ['-r', path.join(hook, 'hook.cjs'), cliPath, 'finetune-plan.yaml'], { cwd, encoding: 'utf8' });
    const none = run(repo({}));
    expect(none.stdout).toContain('data-file-missing');
    expect(none.stderr).toBe('');
    const some = run(repo({ 'data/train.jsonl': `${chat('q')}\n`, 'data/eval.jsonl': evalFile }));
    expect(some.stderr).toBe('loaded data.cjs\n');
  });
});
