import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPlan, cliPath, repoRoot, runCli, tempTree } from './cli-helpers.js';

/**
 * The CLI over the whole bad-input corpus at once, plus inputs too large or
 * too odd to commit: every file gets a result, nothing crashes, and the run
 * finishes in bounded time.
 */
describe('bad input, end to end', () => {
  it('lints the whole bad-input corpus and the file-system oddities in one run', () => {
    const dir = tempTree({});
    const corpus = path.join(dir, 'corpus');
    cpSync(path.join(repoRoot, 'fixtures', 'bad-input'), corpus, { recursive: true });
    // Too large to commit: a 2 MB line, a 5 MB list, a file over the size limit.
    writeFileSync(path.join(corpus, 'long-line.yaml'), `version: 1\ngoals:\n  - behavior: "${'memorise the product manual so it knows every price '.repeat(40_000)}"\n`);
    writeFileSync(path.join(corpus, 'long-list.yaml'), `version: 1\ngoals:\n${'  - behavior: Replies are at most 80 words.\n'.repeat(120_000)}`);
    writeFileSync(path.join(corpus, 'too-large.yaml'), `# ${'x'.repeat(11 * 1024 * 1024)}\n`);
    // The file system: a folder named like a plan, links broken, looping and to a folder.
    mkdirSync(path.join(corpus, 'folder.yaml'));
    writeFileSync(path.join(corpus, 'folder.yaml', 'inside.yaml'), cleanPlan);
    symlinkSync(path.join(corpus, 'missing-target.yaml'), path.join(corpus, 'broken-link.yaml'));
    symlinkSync(path.join(corpus, 'loop-b.yaml'), path.join(corpus, 'loop-a.yaml'));
    symlinkSync(path.join(corpus, 'loop-a.yaml'), path.join(corpus, 'loop-b.yaml'));
    symlinkSync(path.join(corpus, 'folder.yaml'), path.join(corpus, 'link-to-folder.yaml'));
    mkdirSync(path.join(corpus, 'cycle'));
    symlinkSync(corpus, path.join(corpus, 'cycle', 'back-to-top'));

    const started = Date.now();
    const r = runCli(['-f', 'json', 'corpus'], { cwd: dir });
    const seconds = (Date.now() - started) / 1000;

    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
    expect(seconds).toBeLessThan(60);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; message: string }> }>;
    const byName = new Map(results.map((x) => [path.relative(corpus, x.filePath), x]));

    const plans = readdirSync(corpus).filter((f) => f.endsWith('.yaml') && !['folder.yaml', 'link-to-folder.yaml'].includes(f));
    for (const name of plans) expect(byName.has(name), name).toBe(true);
    expect(byName.has(path.join('folder.yaml', 'inside.yaml'))).toBe(true);
    expect(byName.has('link-to-folder.yaml')).toBe(false);
    expect(byName.size).toBe(plans.length + 1);

    const first = (name: string): string => `${byName.get(name)!.messages[0]!.ruleId}: ${byName.get(name)!.messages[0]!.message}`;
    expect(first('broken-link.yaml')).toMatch(/^read-error: the file does not exist/);
    expect(first('loop-a.yaml')).toMatch(/^read-error: the file cannot be read: its symbolic links form a loop/);
    expect(first('too-large.yaml')).toBe('read-error: the file is 11.0 MB, larger than the 10 MB limit (--max-file-size); it was not read');
    expect(first('binary.yaml')).toMatch(/^encoding-error: the file is binary/);
    expect(first('invalid-utf8.yaml')).toBe('encoding-error: the file is not valid UTF-8: byte 0xE9 at line 3, column 13');
    expect(byName.get('long-line.yaml')!.messages.map((m) => m.ruleId)).toContain('knowledge-injection');
    expect(byName.get('long-list.yaml')!.messages.length).toBeGreaterThan(0);
  }, 120_000);

  it('--max-file-size sets the limit', () => {
    const dir = tempTree({ 'plan.yaml': cleanPlan });
    const r = runCli(['-f', 'json', '--max-file-size', '100', 'plan.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Array<{ messages: Array<{ message: string }> }>)[0]!.messages[0]!.message).toMatch(
      /^the file is \d+ bytes, larger than the 100 bytes limit \(--max-file-size\); it was not read$/,
    );
    expect(runCli(['--max-file-size', 'huge', 'plan.yaml'], { cwd: dir }).status).toBe(2);
  });

  it('a reader that closes the pipe early does not make the run fail', () => {
    const dir = tempTree(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${i}.yaml`, 'version: 1\n'])));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" . | head -1; echo "status=\${PIPESTATUS[0]}"`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/status=1\n$/);
  });

  it('--output-file that cannot be written is exit 2 with a clear message', () => {
    const dir = tempTree({ 'plan.yaml': cleanPlan, 'blocker': 'a file, not a folder' });
    const r = runCli(['-o', 'blocker/report.json', 'plan.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^finetune-lint: cannot write blocker\/report\.json: /);
  });
});
