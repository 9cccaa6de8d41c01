import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const cliPath = path.join(repoRoot, 'dist', 'cli.cjs');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a user would, without colour and in English unless
 * the env asks otherwise (the machine's own locale variables are cleared);
 * with the Node that runs the tests, or the `node` binary given.
 */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; node?: string } = {}): RunResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    FORCE_COLOR: undefined,
    NO_COLOR: undefined,
    GITHUB_ACTIONS: undefined,
    FINETUNE_LINT_LOCALE: undefined,
    LC_ALL: undefined,
    LC_MESSAGES: undefined,
    LANG: undefined,
    ...options.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(options.node ?? process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One message of the CLI's `--format json` output. */
export interface CliMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  hint?: string;
}

/**
 * The messages the CLI prints with `--format json` for the one plan `args`
 * name (or the one it reads with `--stdin`); a run that writes to stderr fails.
 */
export function cliMessages(args: string[], options: Parameters<typeof runCli>[1] = {}): CliMessage[] {
  const run = runCli(['--format', 'json', ...args], options);
  if (run.stderr !== '') throw new Error(`finetune-lint ${args.join(' ')} wrote to stderr:\n${run.stderr}`);
  return (JSON.parse(run.stdout) as Array<{ messages: CliMessage[] }>)[0]!.messages;
}

/** Writes files into a fresh temporary folder and returns its path. */
export function tempTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ftl-'));
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** A plan that passes every rule; tests change one thing at a time. */
export const cleanPlan = `version: 1
name: tone
base_model: Qwen/Qwen2.5-7B-Instruct
method: lora
problem: Replies are stiff; 38% of sampled replies break the tone guide.
goals:
  - behavior: Replies follow the tone guide (greeting, one empathy line, at most 120 words).
    metric: tone_guide_pass_rate
    target: ">= 0.9"
domain: internal writing assistant
baselines:
  prompt:
    description: System prompt with the tone guide and five examples.
    results:
      tone_guide_pass_rate: 0.71
data:
  train:
    path: data/train.jsonl
  eval:
    path: data/eval.jsonl
evaluation:
  regression:
    description: 200 cases the current model handles well.
`;
