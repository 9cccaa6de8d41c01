import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './cli-helpers.js';

interface Pkg {
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  files: string[];
  engines: { node: string };
}

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Pkg;

describe('the npm package', () => {
  it('ships what users need and nothing else', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path).sort();
    const docs = readdirSync(path.join(repoRoot, 'rules')).filter((f) => f.endsWith('.md')).map((f) => `rules/${f}`);
    for (const needed of ['package.json', 'README.md', 'README.zh-CN.md', 'LICENSE', 'dist/cli.cjs', 'dist/cli-bundle.cjs', 'dist/data.cjs', 'dist/lint-worker.cjs', 'dist/lint-worker-start.cjs', 'dist/index.js', 'dist/types/index.d.ts', 'schemas/finetune-plan.schema.json', 'schemas/finetune-lint.config.schema.json', ...docs]) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((f) => /^(src|test|fixtures|scripts|examples|playground|\.ci|node_modules)\//.test(f))).toEqual([]);
    // The playground is a web page, built beside the package's files but not part of it.
    expect(files.filter((f) => f.startsWith('dist/playground/'))).toEqual([]);
  });

  it('points bin and exports at files that exist, and declares its Node version', () => {
    expect(pkg.engines.node).toBe('>=20');
    const bin = path.join(repoRoot, pkg.bin['finetune-lint']!);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const targets = Object.values(pkg.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
    for (const t of targets) expect(existsSync(path.join(repoRoot, t)), t).toBe(true);
  });

  it('has a GitHub Action that runs the built CLI and can upload SARIF', () => {
    const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { using: string; steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> };
    };
    expect(Object.keys(action.inputs)).toEqual(['patterns', 'error-on-unmatched-pattern', 'args', 'summary', 'sarif']);
    expect(action.runs.using).toBe('composite');
    // The lint step runs action/run.mjs, which runs the built CLI with the github format.
    expect(action.runs.steps.some((s) => s.run?.includes('action/run.mjs'))).toBe(true);
    const runner = readFileSync(path.join(repoRoot, 'action', 'run.mjs'), 'utf8');
    expect(runner).toContain("'dist', 'cli.cjs'");
    expect(runner).toContain("const args = ['-f', 'github'];");
    expect(action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))?.with?.sarif_file).toBe('finetune-lint.sarif');
  });
});
