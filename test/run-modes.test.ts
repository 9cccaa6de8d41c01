import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, VERSION } from '../src/index.js';
import { cleanPlan, runCli, tempTree } from './cli-helpers.js';

/**
 * Worker threads and the result cache change how a run is carried out, never
 * what it reports: the same files give the same output, byte for byte.
 */

const WORKERS_OFF = { FINETUNE_LINT_WORKER_THRESHOLD: '1000000000' };
const WORKERS_ON = { FINETUNE_LINT_WORKER_THRESHOLD: '0' };
const noRegression = cleanPlan.replace(/evaluation:\n {2}regression:\n {4}description: .*\n/, '');

/** The cache file: each message's text is stored once, in `strings`, and pointed at by index. */
interface CacheFile {
  format: string;
  version: string;
  strings: string[];
  entries: Record<string, { key: string; result: { messages: Array<{ message: number; hint: number }> } }>;
}

function readCache(file: string): CacheFile {
  return JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
}

describe('the fixture corpus through the built CLI', () => {
  it('gives identical JSON output with workers on and off, and with the cache cold and warm', () => {
    const args = ['-f', 'json', 'fixtures', 'examples'];
    const plain = runCli(args, { env: WORKERS_OFF });
    const results = JSON.parse(plain.stdout) as Array<{ filePath: string; messages: unknown[] }>;
    // The corpus spans several worker batches and exercises every kind of diagnostic.
    expect(results.length).toBeGreaterThan(200);
    expect(results.filter((r) => r.messages.length > 0).length).toBeGreaterThan(100);
    expect(plain.status).toBe(1);

    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'ftl-cache-'));
    const cacheFile = path.join(cacheDir, 'lint-cache.json');
    const runs = {
      workers: runCli(args, { env: WORKERS_ON }),
      cacheCold: runCli([...args, '--cache-location', cacheFile], { env: WORKERS_OFF }),
      cacheWarm: runCli([...args, '--cache-location', cacheFile], { env: WORKERS_OFF }),
      cacheWarmWorkers: runCli([...args, '--cache-location', cacheFile], { env: WORKERS_ON }),
      cacheColdWorkers: runCli([...args, '--cache-location', path.join(cacheDir, 'other.json')], { env: WORKERS_ON }),
    };
    for (const [mode, r] of Object.entries(runs)) {
      expect(r.stderr, mode).toBe(plain.stderr);
      expect(r.status, mode).toBe(plain.status);
      expect(r.stdout === plain.stdout, `${mode}: output differs from the plain run`).toBe(true);
    }
    // Every result is cached except those of plans whose data files exist: their results depend on
    // files the cache key does not cover, so they are checked again on every run.
    const cached = new Set(Object.keys(readCache(cacheFile).entries));
    const uncached = results.map((r) => r.filePath).filter((f) => !cached.has(f));
    expect(uncached.length).toBeGreaterThan(0);
    for (const f of uncached) expect(f).toContain(`${path.sep}fixtures${path.sep}data${path.sep}`);
    expect(cached.size + uncached.length).toBe(results.length);
  }, 120_000);
});

describe('--cache', () => {
  it('reuses the stored result of an unchanged file and lints a changed one again', () => {
    const dir = tempTree({ 'a.yaml': noRegression, 'b.yaml': cleanPlan });
    const first = runCli(['--data-checks', 'off', '--cache', '-f', 'json', '.'], { cwd: dir });
    expect(first.status).toBe(0);
    const cacheFile = path.join(dir, '.finetunelintcache');
    expect(existsSync(cacheFile)).toBe(true);

    // Proof that the second run reads the cache: an altered stored message comes back.
    const cache = readCache(cacheFile);
    const entry = cache.entries[path.join(dir, 'a.yaml')]!;
    expect(cache.strings[entry.result.messages[0]!.message]).toMatch(/^no regression set/);
    cache.strings[entry.result.messages[0]!.message] = 'stored message';
    writeFileSync(cacheFile, JSON.stringify(cache));
    const second = JSON.parse(runCli(['--data-checks', 'off', '--cache', '-f', 'json', '.'], { cwd: dir }).stdout) as Array<{ messages: Array<{ message: string }> }>;
    expect(second[0]!.messages[0]!.message).toBe('stored message');

    // A changed file is linted again; the other keeps its stored result.
    writeFileSync(path.join(dir, 'a.yaml'), `${noRegression}# edited\n`);
    const third = JSON.parse(runCli(['--data-checks', 'off', '--cache', '-f', 'json', '.'], { cwd: dir }).stdout) as Array<{ messages: Array<{ message: string }> }>;
    expect(third[0]!.messages[0]!.message).toMatch(/^no regression set/);
    expect(third[1]!.messages).toEqual([]);
  });

  it('leaves the cache file as it is when every result came from it, and writes it when one did not', () => {
    const dir = tempTree({ 'a.yaml': noRegression, 'b.yaml': cleanPlan });
    const cacheFile = path.join(dir, '.finetunelintcache');
    const first = runCli(['--data-checks', 'off', '--cache', '-f', 'json', '.'], { cwd: dir });
    expect(first.status).toBe(0);
    // Stored with a marker the linter never writes: a rewrite would drop it.
    const cache = readCache(cacheFile);
    const text = JSON.stringify({ ...cache, marker: 'left as it was' });
    writeFileSync(cacheFile, text);
    const second = runCli(['--data-checks', 'off', '--cache', '-f', 'json', '.'], { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(cacheFile, 'utf8')).toBe(text);
    writeFileSync(path.join(dir, 'b.yaml'), `${cleanPlan}# edited\n`);
    runCli(['--data-checks', 'off', '--cache', '-f', 'json', '.'], { cwd: dir });
    const third = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, unknown>;
    expect(third.marker).toBeUndefined();
    expect(Object.keys(third.entries as object).sort()).toEqual([path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml')]);
  });

  it('ignores and rewrites a corrupt or foreign cache file', () => {
    // The last two: a cache of the earlier format (texts inline), and one whose index points past its string table.
    const earlier = JSON.stringify({ format: 'finetune-lint-cache/1', version: VERSION, entries: { x: { key: 'k', result: { messages: [] } } } });
    const pastTable = JSON.stringify({ format: 'finetune-lint-cache/2', version: VERSION, strings: [], entries: { x: { key: 'k', result: { messages: [{ message: 3, hint: 0 }], suppressedMessages: [], verdictReasons: [] } } } });
    for (const content of ['{"format": "finetune-lint-cache/2", "entr', '[1, 2, 3]', '{"entries": {"x": 1}}', '\u0000\u0001binary', earlier, pastTable]) {
      const dir = tempTree({ 'a.yaml': noRegression, '.finetunelintcache': content });
      const r = runCli(['--data-checks', 'off', '--cache', '-f', 'json', 'a.yaml'], { cwd: dir });
      expect(r.stderr, content).toBe('');
      expect(r.status, content).toBe(0);
      expect((JSON.parse(r.stdout) as Array<{ warningCount: number }>)[0]!.warningCount).toBe(1);
      const rewritten = readCache(path.join(dir, '.finetunelintcache'));
      expect(rewritten.format).toBe('finetune-lint-cache/2');
      expect(Object.keys(rewritten.entries)).toEqual([path.join(dir, 'a.yaml')]);
    }
  });

  it('--cache-location names the file, or a folder that holds .finetunelintcache', () => {
    const dir = tempTree({ 'a.yaml': cleanPlan, 'cache/keep.txt': '' });
    expect(runCli(['--data-checks', 'off', '--cache-location', 'my-cache.json', 'a.yaml'], { cwd: dir }).status).toBe(0);
    expect(existsSync(path.join(dir, 'my-cache.json'))).toBe(true);
    expect(runCli(['--data-checks', 'off', '--cache-location', 'cache', 'a.yaml'], { cwd: dir }).status).toBe(0);
    expect(existsSync(path.join(dir, 'cache', '.finetunelintcache'))).toBe(true);
    expect(runCli(['--data-checks', 'off', '--cache-location', 'new-folder/', 'a.yaml'], { cwd: dir }).status).toBe(0);
    expect(existsSync(path.join(dir, 'new-folder', '.finetunelintcache'))).toBe(true);
    expect(existsSync(path.join(dir, '.finetunelintcache'))).toBe(false);
  });

  it('a cache that cannot be written is exit 2 with a clear message, after the report', () => {
    const dir = tempTree({ 'a.yaml': cleanPlan, blocker: 'a file, not a folder' });
    const r = runCli(['--data-checks', 'off', '--cache-location', 'blocker/', '-f', 'compact', 'a.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `finetune-lint: cannot write the cache ${path.join(dir, 'blocker', '.finetunelintcache')}: EEXIST: file already exists, mkdir '${path.join(dir, 'blocker')}'\n`,
    );
  });

  it('does not reuse a result when the settings or the fingerprint change', async () => {
    const dir = tempTree({ 'a.yaml': noRegression });
    const location = path.join(dir, 'cache.json');
    const warnings = async (options: Parameters<typeof lintFiles>[1]): Promise<number> =>
      (await lintFiles(['a.yaml'], { cwd: dir, ...options }))[0]!.warningCount;
    expect(await warnings({ cache: { location } })).toBe(1);
    expect(await warnings({ cache: { location }, rules: { 'no-regression-eval': 'off' } })).toBe(0);
    expect(await warnings({ cache: { location } })).toBe(1);

    // The caller's fingerprint is part of the key: a new one means linting again.
    const tampered = readCache(location);
    tampered.strings[tampered.entries[path.join(dir, 'a.yaml')]!.result.messages[0]!.message] = 'stored message';
    writeFileSync(location, JSON.stringify(tampered));
    const run = (fingerprint: string) =>
      lintFiles(['a.yaml'], { cwd: dir, cache: { location, fingerprint: (_file, settings) => `${JSON.stringify(settings)}|${fingerprint}` } });
    expect((await run('locale=en'))[0]!.messages[0]!.message).toMatch(/^no regression set/);
    expect((await run('locale=en'))[0]!.messages[0]!.message).toMatch(/^no regression set/);
    const stored = readCache(location);
    stored.strings[stored.entries[path.join(dir, 'a.yaml')]!.result.messages[0]!.message] = 'stored message';
    writeFileSync(location, JSON.stringify(stored));
    expect((await run('locale=en'))[0]!.messages[0]!.message).toBe('stored message');
    expect((await run('locale=zh'))[0]!.messages[0]!.message).toMatch(/^no regression set/);
  });
});

describe('worker threads', () => {
  it('keep path order and exit codes on a generated tree', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`p${String(i).padStart(3, '0')}/plan.yaml`] = i % 3 === 0 ? noRegression : cleanPlan;
    const dir = tempTree(files);
    const off = runCli(['--data-checks', 'off', '-f', 'json', '.'], { cwd: dir, env: WORKERS_OFF });
    const on = runCli(['--data-checks', 'off', '-f', 'json', '.'], { cwd: dir, env: WORKERS_ON });
    expect(on.status).toBe(0);
    expect(on.stdout).toBe(off.stdout);
    const paths = (JSON.parse(on.stdout) as Array<{ filePath: string; warningCount: number }>).map((r) => [path.relative(dir, r.filePath), r.warningCount]);
    expect(paths).toEqual(Object.keys(files).map((f, i) => [f, i % 3 === 0 ? 1 : 0]));
  });
});



describe('streamed reports', () => {
  it('write json, compact and github one file at a time, to stdout and to files, as the whole report would be', () => {
    const dir = tempTree({ 'a.yaml': noRegression, 'b.yaml': cleanPlan, 'c.yaml': 'version: [' });
    const json = runCli(['--data-checks', 'off', '-f', 'json', '.'], { cwd: dir });
    const compact = runCli(['--data-checks', 'off', '-f', 'compact', '.'], { cwd: dir });
    expect(compact.stdout).toBe(
      [
        'a.yaml:1:1: warning no regression set: evaluation.regression is missing, so nothing checks which existing abilities got worse [no-regression-eval]',
        'c.yaml:1:11: error YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] [syntax-error]',
        '',
      ].join('\n'),
    );
    const both = runCli(['--data-checks', 'off', '-f', 'json:out/report.json', '-f', 'compact', '-f', 'github:gh.txt', '.'], { cwd: dir });
    expect(both.status).toBe(1);
    expect(both.stdout).toBe(compact.stdout);
    expect(readFileSync(path.join(dir, 'out/report.json'), 'utf8')).toBe(json.stdout);
    expect(readFileSync(path.join(dir, 'gh.txt'), 'utf8')).toBe(runCli(['--data-checks', 'off', '-f', 'github', '.'], { cwd: dir }).stdout);
    const quiet = runCli(['--data-checks', 'off', '--quiet', '-f', 'json', '.'], { cwd: dir });
    expect((JSON.parse(quiet.stdout) as Array<{ messages: unknown[]; warningCount: number }>).map((r) => [r.messages.length, r.warningCount])).toEqual([
      [0, 0],
      [0, 0],
      [1, 0],
    ]);
    expect(quiet.status).toBe(1);
    const none = runCli(['--data-checks', 'off', '--no-error-on-unmatched-pattern', '-f', 'json', 'nothing/*.yaml'], { cwd: dir });
    expect(none.stdout).toBe('[]');
    expect(none.status).toBe(0);
  });
});

describe('--cache with configuration', () => {
  it('lints again when a plugin or a configuration file changes', () => {
    const plugin = (message: string): string =>
      `export const rules = [{ meta: { id: 'team-rule', severity: 'warning', description: 'd', hint: 'h' }, check({ plan, report }) { report({ node: plan.anchor(['name']), message: '${message}' }); } }];\n`;
    const dir = tempTree({ 'finetune-lint.config.yaml': 'plugins: ["./rules.mjs"]\n', 'rules.mjs': plugin('first wording'), 'a.yaml': cleanPlan });
    const messages = (): string[] => {
      const r = runCli(['--data-checks', 'off', '--cache', '-f', 'json', 'a.yaml'], { cwd: dir });
      return (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>)[0]!.messages.map((m) => `${m.ruleId}: ${m.message}`);
    };
    expect(messages()).toEqual(['team-rule: first wording']);
    // A different size, so the change shows whatever the file system's timestamp resolution.
    writeFileSync(path.join(dir, 'rules.mjs'), plugin('second, longer wording'));
    expect(messages()).toEqual(['team-rule: second, longer wording']);
    writeFileSync(path.join(dir, 'finetune-lint.config.yaml'), 'plugins: ["./rules.mjs"]\nrules:\n  team-rule: off\n  no-regression-eval: off\n');
    expect(messages()).toEqual([]);
  });
});
