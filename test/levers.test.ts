import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigLoader } from '../src/node/config/loader.js';
import { rememberRealPaths, resolveReference } from '../src/node/data/references.js';
import { repoRoot, runCli } from './cli-helpers.js';

/**
 * Speed-ups that can be switched off must not change a single answer: each is
 * checked here with and without.
 */
describe('remembering real paths for the run', () => {
  const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ftl-levers-')));
  afterAll(() => {
    rememberRealPaths(false);
    rmSync(tmp, { recursive: true, force: true });
  });
  const root = path.join(tmp, 'repo');
  const outside = path.join(tmp, 'elsewhere');
  mkdirSync(path.join(root, 'plans', 'data'), { recursive: true });
  mkdirSync(path.join(root, 'folder'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(root, 'plans', 'data', 'train.jsonl'), '{"messages":[]}\n');
  writeFileSync(path.join(root, 'plans', 'data', 'big.jsonl.dvc'), 'outs:\n- md5: 0\n');
  writeFileSync(path.join(root, 'plans', 'data', 'lfs.jsonl'), 'version https://git-lfs.github.com/spec/v1\noid sha256:' + '0'.repeat(64) + '\nsize 12345\n');
  writeFileSync(path.join(outside, 'secret.jsonl'), '{}\n');
  symlinkSync(outside, path.join(root, 'plans', 'out'));
  symlinkSync(path.join(root, 'plans', 'nowhere'), path.join(root, 'plans', 'dangling.jsonl'));
  const written = [
    'data/train.jsonl',
    'data/missing.jsonl',
    'missing-folder/deeper/x.jsonl',
    'data/big.jsonl',
    'data/lfs.jsonl',
    'out/secret.jsonl',
    'out/none.jsonl',
    '../../elsewhere/secret.jsonl',
    'dangling.jsonl',
    '../folder',
    'data/train.jsonl/inside',
  ];
  const planDir = path.join(root, 'plans');
  const resolveAll = () => written.map((w) => [w, resolveReference(w, planDir, root, false), resolveReference(w, planDir, root, true)]);

  it('gives the same resolution for every kind of path, first and second time', () => {
    rememberRealPaths(false);
    const fresh = resolveAll();
    rememberRealPaths(true);
    const first = resolveAll();
    const again = resolveAll();
    rememberRealPaths(false);
    expect(first).toEqual(fresh);
    expect(again).toEqual(fresh);
    // The cases above are the ones they claim to be.
    expect(Object.fromEntries(fresh.map(([w, r]) => [w, (r as { status: string }).status]))).toEqual({
      'data/train.jsonl': 'readable',
      'data/missing.jsonl': 'missing',
      'missing-folder/deeper/x.jsonl': 'missing',
      'data/big.jsonl': 'pointer',
      'data/lfs.jsonl': 'pointer',
      'out/secret.jsonl': 'outside',
      'out/none.jsonl': 'outside',
      '../../elsewhere/secret.jsonl': 'outside',
      'dangling.jsonl': 'missing',
      '../folder': 'not-a-file',
      'data/train.jsonl/inside': 'missing',
    });
  });

  it('does not remember unless asked: a file created later is seen', () => {
    rememberRealPaths(false);
    expect(resolveReference('data/later.jsonl', planDir, root, false).status).toBe('missing');
    writeFileSync(path.join(planDir, 'data', 'later.jsonl'), '{}\n');
    expect(resolveReference('data/later.jsonl', planDir, root, false).status).toBe('readable');
  });
});

/**
 * The command starts its bundle from V8's code cache (scripts/cli-loader.cjs).
 * Its output must not depend on whether the cache is off, empty (the first
 * run, which writes it) or filled, on every fixture and example and with a
 * plugin (whose `import()` goes through the start-up script).
 */
describe('the compile cache', () => {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'ftl-compile-cache-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
  const plugin = mkdtempSync(path.join(os.tmpdir(), 'ftl-cache-plugin-'));
  afterAll(() => rmSync(plugin, { recursive: true, force: true }));
  mkdirSync(path.join(plugin, 'lint'));
  mkdirSync(path.join(plugin, 'plans'));
  writeFileSync(path.join(plugin, 'finetune-lint.config.yaml'), 'plugins: ["./lint/rules.mjs"]\n');
  writeFileSync(
    path.join(plugin, 'lint', 'rules.mjs'),
    "export const rules = [{ meta: { id: 'require-owner', severity: 'error', description: 'd', hint: 'h' }, check({ plan, report }) { if (!plan.has(['owner'])) report({ node: plan.anchor(['owner']), message: 'the plan names no owner' }); } }];\n",
  );
  writeFileSync(path.join(plugin, 'plans', 'a.yaml'), 'version: 1\nname: x\n');
  const runs = (env: Record<string, string | undefined>) => [
    runCli(['-f', 'json', 'fixtures', 'examples'], { cwd: repoRoot, env }),
    runCli(['plans'], { cwd: plugin, env }),
    runCli(['--version'], { env }),
  ];

  it('changes nothing: off, empty, then filled', () => {
    const off = runs({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(off[1]!.stdout).toContain('the plan names no owner');
    expect(off[0]!.stdout.length).toBeGreaterThan(1000);
    const empty = runs({ NODE_COMPILE_CACHE: cacheDir });
    expect(readdirSync(path.join(cacheDir, 'finetune-lint'))).toHaveLength(1);
    const filled = runs({ NODE_COMPILE_CACHE: cacheDir });
    expect(empty).toEqual(off);
    expect(filled).toEqual(off);
    // A damaged cache file is rejected by V8 and written again.
    const file = path.join(cacheDir, 'finetune-lint', readdirSync(path.join(cacheDir, 'finetune-lint'))[0]!);
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    expect(runs({ NODE_COMPILE_CACHE: cacheDir })).toEqual(off);
    expect(statSync(file).size).toBeGreaterThan(100_000);
  }, 180_000);
});

describe('configuration discovery', () => {
  it('skips a package.json without a "finetune-lint" key without parsing it as YAML, and reads one with it', async () => {
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ftl-pkg-')));
    try {
      mkdirSync(path.join(dir, 'a'));
      mkdirSync(path.join(dir, 'b'));
      // Tabs and a repeated key: valid JSON that YAML with unique keys would refuse.
      writeFileSync(path.join(dir, 'a', 'package.json'), '{\n\t"name": "a",\n\t"scripts": {"x": "1", "x": "2"}\n}\n');
      writeFileSync(path.join(dir, 'b', 'package.json'), JSON.stringify({ name: 'b', 'finetune-lint': { rules: { 'vague-goal': 'off' } } }));
      const loader = new ConfigLoader({ cwd: dir });
      expect((await loader.forFile(path.join(dir, 'a', 'plan.yaml'))).configFiles).toEqual([]);
      expect((await loader.forFile(path.join(dir, 'b', 'plan.yaml'))).configFiles).toEqual([path.join(dir, 'b', 'package.json')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
