import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPlan, repoRoot } from './cli-helpers.js';

/**
 * Installs the hook for real, the way a user's repository gets it: pre-commit
 * clones this repository at a commit, builds it with npm and runs it on
 * `git commit`. Needs the `pre-commit` program and the npm registry; `.ci/run`
 * installs pre-commit and sets FINETUNE_LINT_TEST_PRE_COMMIT=require, so that
 * in CI a missing pre-commit fails instead of skipping.
 */
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const required = process.env.FINETUNE_LINT_TEST_PRE_COMMIT === 'require';

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' });
}

/** This working tree (tracked and new files, minus ignored ones) as a commit of a fresh repository. */
function snapshotOfWorkingTree(): { repo: string; rev: string } {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'ftl-hook-src-'));
  const files = git(repoRoot, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const f of files) {
    const from = path.join(repoRoot, f);
    try {
      mkdirSync(path.dirname(path.join(repo, f)), { recursive: true });
      cpSync(from, path.join(repo, f));
    } catch (e) {
      // A file deleted in the working tree but not yet staged.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'snapshot');
  return { repo, rev: git(repo, 'rev-parse', 'HEAD').trim() };
}

const badPlan = cleanPlan.replace('  eval:\n    path: data/eval.jsonl\n', '');

describe.skipIf(!hasPreCommit && !required)('pre-commit hook, installed by pre-commit', () => {
  it('blocks a commit with a bad plan and lets a good one through', { timeout: 600_000 }, () => {
    expect(hasPreCommit, 'pre-commit is not installed').toBe(true);
    const started = Date.now();
    const source = snapshotOfWorkingTree();
    const user = mkdtempSync(path.join(os.tmpdir(), 'ftl-hook-user-'));
    const env = { ...gitEnv, PRE_COMMIT_HOME: path.join(user, '.pre-commit-home') };
    git(user, 'init', '-q');
    writeFileSync(
      path.join(user, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${source.repo}\n    rev: ${source.rev}\n    hooks:\n      - id: finetune-lint\n`,
    );
    writeFileSync(path.join(user, '.gitignore'), '.pre-commit-home/\n');
    // The plans' data lives elsewhere (a warning, not an error).
    mkdirSync(path.join(user, 'plans'), { recursive: true });
    execFileSync('pre-commit', ['install'], { cwd: user, env, encoding: 'utf8' });

    // The first commit installs the hook's environment (npm install, npm pack, npm install -g).
    writeFileSync(path.join(user, 'plans', 'tone.yaml'), badPlan);
    git(user, 'add', '-A');
    const blocked = spawnSync('git', ['commit', '-m', 'bad plan'], { cwd: user, env, encoding: 'utf8' });
    const out = blocked.stdout + blocked.stderr;
    expect(out).not.toContain('CalledProcessError');
    expect(blocked.status, out).toBe(1);
    expect(out).toMatch(/finetune-lint\.+Failed/);
    expect(out).toContain('no-eval-set');
    expect(git(user, 'rev-list', '--all')).toBe('');

    writeFileSync(path.join(user, 'plans', 'tone.yaml'), cleanPlan);
    git(user, 'add', '-A');
    const passed = spawnSync('git', ['commit', '-m', 'good plan'], { cwd: user, env, encoding: 'utf8' });
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
    expect(passed.stdout + passed.stderr).toMatch(/finetune-lint\.+Passed/);
    expect(git(user, 'log', '--format=%s')).toBe('good plan\n');
    console.log(`pre-commit hook installed and run in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
