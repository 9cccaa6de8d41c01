import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanPlan, cliPath, repoRoot, runCli, tempTree } from './cli-helpers.js';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

beforeAll(() => {
  if (!existsSync(cliPath)) throw new Error('dist/cli.cjs is missing: run `npm run build` (npm test does).');
});

const noRegression = cleanPlan.replace(/evaluation:\n {2}regression:\n {4}description: .*\n/, '');
const noEval = cleanPlan.replace('  eval:\n    path: data/eval.jsonl\n', '');

describe('exit codes', () => {
  it('0 for a clean plan, with a one-line confirmation', () => {
    const dir = tempTree({ 'plan.yaml': cleanPlan });
    const r = runCli(['--data-checks', 'off', 'plan.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('✔ 1 plan checked, no problems: ready\n');
    expect(r.status).toBe(0);
  });

  it('1 for an error, with the stylish report', () => {
    const dir = tempTree({ 'plan.yaml': noEval });
    const r = runCli(['--data-checks', 'off', 'plan.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        '',
        'plan.yaml',
        '  16:1  error  no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed  no-eval-set',
        '               ↳ Add data.eval with the path (or a description) of examples held out from training, such as 200 real cases the model never trains on.',
        '  verdict: fix the plan first — no-eval-set',
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '1 plan: 0 ready, 1 fix the plan first, 0 do not fine-tune (yet)',
        '',
      ].join('\n'),
    );
  });

  it('0 for warnings only', () => {
    const dir = tempTree({ 'plan.yaml': noRegression });
    const r = runCli(['plan.yaml'], { cwd: dir });
    expect(r.stdout).toContain('warning  no regression set');
    expect(r.status).toBe(0);
  });

  it('2 for an unknown option, a bad format, or no pattern', () => {
    const unknown = runCli(['--frobnicate', 'examples']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--frobnicate'");
    const format = runCli(['--format', 'xml', 'examples']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('xml');
    const none = runCli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("missing required argument 'patterns'");
  });

  it('2 for a pattern that matches nothing, naming it; 0 with --no-error-on-unmatched-pattern', () => {
    const r = runCli(['plans/**/*.yaml'], { cwd: tempTree({ 'x.txt': '' }) });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('finetune-lint: No files matched the pattern "plans/**/*.yaml".\n');
    expect(r.stdout).toBe('');
    const ok = runCli(['--no-error-on-unmatched-pattern', 'plans/**/*.yaml'], { cwd: tempTree({ 'x.txt': '' }) });
    expect(ok.status).toBe(0);
  });
});

describe('options', () => {
  it('--max-warnings turns too many warnings into exit 1', () => {
    const dir = tempTree({ 'plan.yaml': noRegression });
    expect(runCli(['--data-checks', 'off', '--max-warnings', '1', 'plan.yaml'], { cwd: dir }).status).toBe(0);
    const r = runCli(['--data-checks', 'off', '--max-warnings', '0', 'plan.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('finetune-lint found too many warnings (maximum: 0).\n');
    expect(runCli(['--data-checks', 'off', '--max-warnings', 'lots', 'plan.yaml'], { cwd: dir }).status).toBe(2);
  });

  it('--quiet reports errors only', () => {
    const dir = tempTree({ 'plan.yaml': noRegression.replace('  eval:\n    path: data/eval.jsonl\n', '') });
    const loud = runCli(['plan.yaml'], { cwd: dir });
    expect(loud.stdout).toContain('no-regression-eval');
    const quiet = runCli(['--quiet', 'plan.yaml'], { cwd: dir });
    // The warning is not shown; the plan's verdict still counts it.
    expect(quiet.stdout).not.toMatch(/\d+:\d+ +warning/);
    expect(quiet.stdout).toContain('verdict: fix the plan first — no-eval-set, no-regression-eval');
    expect(quiet.stdout).toContain('no-eval-set');
    expect(quiet.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
    expect(quiet.status).toBe(1);
    const onlyWarnings = tempTree({ 'plan.yaml': noRegression });
    expect(runCli(['--quiet', '--max-warnings', '0', 'plan.yaml'], { cwd: onlyWarnings }).status).toBe(0);
  });

  it('--format json parses back into the ESLint result shape', () => {
    const dir = tempTree({ 'a.yaml': noEval, 'b.yaml': cleanPlan });
    const r = runCli(['--data-checks', 'off', '--format', 'json', '.'], { cwd: dir });
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(results.map((x) => x.filePath)).toEqual([path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml')]);
    expect(results[0]).toEqual({
      filePath: path.join(dir, 'a.yaml'),
      messages: [
        {
          ruleId: 'no-eval-set',
          severity: 2,
          message: 'no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed',
          line: 16,
          column: 1,
          endLine: 16,
          endColumn: 5,
          hint: 'Add data.eval with the path (or a description) of examples held out from training, such as 200 real cases the model never trains on.',
        },
      ],
      suppressedMessages: [],
      errorCount: 1,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
      verdict: 'fix-first',
      verdictReasons: ['no-eval-set: no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed'],
    });
    expect(results[1]).toMatchObject({ messages: [], errorCount: 0, warningCount: 0, verdict: 'ready', verdictReasons: [] });
  });

  it('--output-file writes the report, creating its folder', () => {
    const dir = tempTree({ 'plan.yaml': noEval });
    const r = runCli(['-f', 'json', '-o', 'reports/lint.json', 'plan.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const written = JSON.parse(readFileSync(path.join(dir, 'reports/lint.json'), 'utf8')) as unknown[];
    expect(written).toHaveLength(1);
  });

  it('--version and --help', () => {
    const v = runCli(['--version']);
    expect(v.stdout.trim()).toBe(pkg.version);
    expect(v.status).toBe(0);
    const h = runCli(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('Usage: finetune-lint [options] [patterns...]');
    expect(h.stdout).toContain('finetune-lint "plans/**/*.yaml"');
    expect(h.stdout).toContain('--max-warnings <n>');
  });
});

describe('inputs', () => {
  const tree = {
    'plans/b/finetune-plan.yaml': cleanPlan,
    'plans/a.yml': noEval,
    'plans/notes.txt': 'not a plan',
    'plans/node_modules/dep/plan.yaml': 'broken: [',
    'plans/.git/x.yaml': 'broken: [',
  };

  it('walks a directory for .yaml and .yml, skipping node_modules and .git, sorted', () => {
    const dir = tempTree(tree);
    const r = runCli(['-f', 'json', 'plans'], { cwd: dir });
    const files = (JSON.parse(r.stdout) as Array<{ filePath: string }>).map((x) => path.relative(dir, x.filePath));
    expect(files).toEqual(['plans/a.yml', 'plans/b/finetune-plan.yaml']);
  });

  it('expands quoted globs itself and never lints a file twice', () => {
    const dir = tempTree(tree);
    const r = runCli(['-f', 'json', 'plans/**/*.yaml', 'plans', 'plans/a.yml', './plans/a.yml'], { cwd: dir });
    const files = (JSON.parse(r.stdout) as Array<{ filePath: string }>).map((x) => path.relative(dir, x.filePath));
    expect(files).toEqual(['plans/a.yml', 'plans/b/finetune-plan.yaml']);
  });

  it('a file that does not parse is one fatal diagnostic; the others are still linted', () => {
    const dir = tempTree({ 'a.yaml': 'name: [unclosed\n', 'b.yaml': noEval });
    const r = runCli(['--data-checks', 'off', '-f', 'json', '.'], { cwd: dir });
    expect(r.status).toBe(1);
    const [a, b] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; fatal?: boolean }>; fatalErrorCount: number }>;
    expect(a!.messages.map((m) => [m.ruleId, m.fatal])).toEqual([['syntax-error', true]]);
    expect(a!.fatalErrorCount).toBe(1);
    expect(b!.messages.map((m) => m.ruleId)).toEqual(['no-eval-set']);
  });
});

describe('colour', () => {
  const dir = tempTree({ 'plan.yaml': noEval });
  it('is off when piped, on with FORCE_COLOR or --color, off with NO_COLOR', () => {
    expect(runCli(['plan.yaml'], { cwd: dir }).stdout).not.toContain('\u001b[');
    expect(runCli(['plan.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31merror');
    expect(runCli(['--color', 'plan.yaml'], { cwd: dir }).stdout).toContain('\u001b[31merror');
    expect(runCli(['plan.yaml'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(runCli(['--no-color', 'plan.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });
});
