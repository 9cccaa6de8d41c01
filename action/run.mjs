// The GitHub Action's lint step (see action.yml). Inputs arrive in environment
// variables, never pasted into a shell script (GitHub's hardening advice:
// https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-an-intermediate-environment-variable),
// and are handed to the built CLI as an argument list, so no shell expands a
// glob or runs a `$(…)` inside them. Node built-ins only: it runs before
// anything is installed.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.cjs');

/** Patterns, one per line; blank lines and surrounding quotes (from the old space-separated form) are dropped. */
export function splitPatterns(text) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (/^(["']).*\1$/.test(line) ? line.slice(1, -1) : line));
}

/**
 * Splits options the way a shell splits words — whitespace separates, single
 * and double quotes group, a backslash escapes the next character outside
 * single quotes — but expands nothing: no globs, variables or commands.
 */
export function splitArgs(text) {
  const words = [];
  let word = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === "'") {
      if (ch === "'") quote = '';
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = '';
      else if (ch === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += ch;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '\\' && i + 1 < text.length) word += text[++i];
      else word += ch;
    }
  }
  if (quote) throw new Error(`unterminated ${quote} quote in args`);
  if (inWord) words.push(word);
  return words;
}

const truthy = (value, fallback) => {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new Error(`expected "true" or "false", got "${value}"`);
};

/** The CLI's arguments for the Action's inputs, and where the Markdown report goes (when a summary is wanted). */
export function cliArguments(env, summaryFile) {
  const patterns = splitPatterns(env.FINETUNE_LINT_PATTERNS ?? '');
  if (patterns.length === 0) throw new Error('the patterns input names no plan files');
  const args = ['-f', 'github'];
  if (truthy(env.FINETUNE_LINT_SARIF, false)) args.push('-f', 'sarif:finetune-lint.sarif');
  if (summaryFile) args.push('-f', `markdown:${summaryFile}`);
  if (!truthy(env.FINETUNE_LINT_ERROR_ON_UNMATCHED_PATTERN, true)) args.push('--no-error-on-unmatched-pattern');
  args.push(...splitArgs(env.FINETUNE_LINT_ARGS ?? ''));
  // `--` ends the options: a pattern that starts with "-" is still a pattern.
  args.push('--', ...patterns);
  return args;
}

function main() {
  const env = process.env;
  let summary;
  let args;
  try {
    const wantSummary = truthy(env.FINETUNE_LINT_SUMMARY, true) && Boolean(env.GITHUB_STEP_SUMMARY);
    if (wantSummary) summary = path.join(mkdtempSync(path.join(os.tmpdir(), 'finetune-lint-')), 'summary.md');
    args = cliArguments(env, summary);
  } catch (err) {
    process.stderr.write(`::error title=finetune-lint action::${err.message}\n`);
    return 2;
  }
  const run = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  if (summary) {
    try {
      appendFileSync(env.GITHUB_STEP_SUMMARY, readFileSync(summary, 'utf8'));
    } catch {
      // No report was written: the run failed before linting (its message is on stderr).
    }
    rmSync(path.dirname(summary), { recursive: true, force: true });
  }
  return run.status ?? 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
