import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatters, lintText, type LintResult } from '../src/index.js';
import { escapeData, escapeProperty } from '../src/cli/formatters/github.js';
import { cleanPlan, cliPath, repoRoot, runCli, tempTree } from './cli-helpers.js';

const noEval = cleanPlan.replace('  eval:\n    path: data/eval.jsonl\n', '');
const ctx = { cwd: '/repo', color: false };
const result = (text: string, file = '/repo/plans/a.yaml'): LintResult => lintText(text, { filePath: file });

describe('--format github', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('plans/a:b,c%.yaml')).toBe('plans/a%3Ab%2Cc%25.yaml');
  });

  it('prints one annotation per diagnostic and a notice with the verdict', () => {
    expect(formatters.github!([result(noEval, '/repo/plans/team: tone, v2/100%.yaml')], ctx)).toBe(
      [
        '::error file=plans/team%3A tone%2C v2/100%25.yaml,line=16,col=1,endLine=16,endColumn=5,title=no-eval-set::no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed%0AAdd data.eval with the path (or a description) of examples held out from training, such as 200 real cases the model never trains on.',
        '::notice file=plans/team%3A tone%2C v2/100%25.yaml,title=finetune-lint verdict::fix the plan first — no-eval-set',
        '',
      ].join('\n'),
    );
  });

  it('is chosen automatically under GitHub Actions when no --format is given', () => {
    const dir = tempTree({ 'plan.yaml': noEval });
    const auto = runCli(['plan.yaml'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(auto.stdout).toMatch(/^::error file=plan\.yaml,line=16,/);
    const chosen = runCli(['-f', 'compact', 'plan.yaml'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(chosen.stdout).toMatch(/^plan\.yaml:16:1: error /);
  });
});

describe('--format compact and junit', () => {
  it('compact: one grep-friendly line per diagnostic', () => {
    expect(formatters.compact!([result(noEval)], ctx)).toBe(
      'plans/a.yaml:16:1: error no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed [no-eval-set]\n',
    );
  });

  it('junit: one test case per plan, a failure per diagnostic, XML escaped', () => {
    const xmlOut = formatters.junit!([result(noEval), result(cleanPlan, '/repo/plans/<clean> & "ok".yaml')], ctx);
    expect(xmlOut).toContain('<testsuites name="finetune-lint" tests="2" failures="1">');
    expect(xmlOut).toContain('<testcase classname="finetune-lint" name="plans/a.yaml">');
    expect(xmlOut).toContain('<failure type="no-eval-set" message="16:1 error no evaluation set: data.eval is missing');
    expect(xmlOut).toContain('<testcase classname="finetune-lint" name="plans/&lt;clean&gt; &amp; &quot;ok&quot;.yaml">');
    expect(xmlOut).toContain('<property name="verdict" value="fix-first"/>');
    expect(xmlOut.match(/<testcase /g)).toHaveLength(2);
  });

  it('junit: exact output for one finding', () => {
    expect(formatters.junit!([result(noEval)], ctx)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="finetune-lint" tests="1" failures="1">',
        '  <testsuite name="finetune-lint" tests="1" failures="1">',
        '    <testcase classname="finetune-lint" name="plans/a.yaml">',
        '      <properties><property name="verdict" value="fix-first"/></properties>',
        '      <failure type="no-eval-set" message="16:1 error no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed">plans/a.yaml:16:1 error no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed [no-eval-set]',
        'Add data.eval with the path (or a description) of examples held out from training, such as 200 real cases the model never trains on.</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('junit from the CLI', () => {
    const dir = tempTree({ 'plan.yaml': noEval });
    const r = runCli(['--data-checks', 'off', '-f', 'junit', 'plan.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="finetune-lint" tests="1" failures="1">')).toBe(true);
  });
});

describe('--format markdown', () => {
  it('a table of plans with verdicts and counts, then the findings of each plan, then the totals', () => {
    const withPipe = noEval.replace('name: tone', 'name: tone');
    expect(formatters.markdown!([result(withPipe), result(cleanPlan, '/repo/plans/b|c.yaml')], ctx)).toBe(
      [
        '## finetune-lint',
        '',
        '| plan | verdict | errors | warnings |',
        '|---|---|---:|---:|',
        '| `plans/a.yaml` | ⚠️ fix the plan first | 1 | 0 |',
        '| `plans/b\\|c.yaml` | ✅ ready | 0 | 0 |',
        '',
        '### `plans/a.yaml`',
        '',
        '| line:col | severity | rule | message |',
        '|---|---|---|---|',
        '| 16:1 | error | `no-eval-set` | no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed<br>↳ Add data.eval with the path (or a description) of examples held out from training, such as 200 real cases the model never trains on. |',
        '',
        '2 plans: 1 ready, 1 fix the plan first, 0 do not fine-tune (yet) · ✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('escapes what would break a table cell, and speaks the locale', () => {
    const quoted = noEval.replace('problem: Replies are stiff; 38% of sampled replies break the tone guide.', 'problem: "a | b <br> c"');
    const bad = lintText(`${quoted}x-note: 1\nevalution: x\n`, { filePath: '/repo/p.yaml' });
    const out = formatters.markdown!([bad], ctx);
    expect(out).toContain('unknown key "evalution" — did you mean "evaluation"?');
    expect(out.split('\n').filter((l) => l.startsWith('| ')).every((l) => l.endsWith(' |'))).toBe(true);
    const zh = formatters.markdown!([lintText(noEval, { filePath: '/repo/plans/a.yaml', locale: 'zh-CN' })], { ...ctx, locale: 'zh-CN' });
    expect(zh).toContain('| 计划 | 结论 | 错误 | 警告 |');
    expect(zh).toContain('| `plans/a.yaml` | ⚠️ 先修改计划 | 1 | 0 |');
  });

  it('cells keep pipes, line breaks and angle brackets from breaking the table', async () => {
    const { markdown } = await import('../src/cli/formatters/markdown.js');
    const fake: LintResult = {
      ...result(noEval),
      messages: [{ ruleId: 'x', severity: 'warning', message: 'a | b\nc <script>', hint: 'h|i', line: 1, column: 2, endLine: 1, endColumn: 3 }],
      errorCount: 0,
      warningCount: 1,
    };
    expect(markdown([fake], ctx)).toContain('| 1:2 | warning | `x` | a \\| b c &lt;script><br>↳ h\\|i |');
  });

  it('from the CLI, into a file for the job summary', () => {
    const dir = tempTree({ 'plans/a.yaml': noEval });
    const r = runCli(['--data-checks', 'off', '-f', 'stylish', '-f', 'markdown:summary.md', 'plans/a.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toMatch(/^## finetune-lint\n\n\| plan \| verdict \| errors \| warnings \|\n/);
  });
});

describe('several outputs, stdin and the schema', () => {
  it('--format X:path writes each report to its file and the rest to stdout', () => {
    const dir = tempTree({ 'plan.yaml': noEval });
    const r = runCli(['-f', 'stylish', '-f', 'sarif:out/report.sarif', '-f', 'json:out/report.json', 'plan.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('verdict: fix the plan first — no-eval-set');
    expect((JSON.parse(readFileSync(path.join(dir, 'out/report.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
    expect((JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8')) as unknown[]).length).toBe(1);
    const bad = runCli(['-f', 'xml', 'plan.yaml'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown format "xml"; choose from stylish, json, sarif, github, junit, compact, markdown.');
  });

  it('--stdin lints the text piped in, reported under --stdin-filename', () => {
    const dir = tempTree({});
    const r = spawnSync(process.execPath, [cliPath, '--data-checks', 'off', '--stdin', '--stdin-filename', 'plans/tone/finetune-plan.yaml', '-f', 'json'], {
      cwd: dir,
      input: noEval,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    const [res] = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(res!.filePath).toBe(path.join(dir, 'plans/tone/finetune-plan.yaml'));
    expect(res!.messages.map((m) => m.ruleId)).toEqual(['no-eval-set']);
    const both = spawnSync(process.execPath, [cliPath, '--stdin', 'plan.yaml'], { cwd: dir, input: '', encoding: 'utf8' });
    expect(both.status).toBe(2);
  });

  it('--print-schema prints the plan schema', () => {
    const r = runCli(['--print-schema']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'finetune-plan.schema.json'), 'utf8')));
  });
});

describe('confidence and evidence of the detection rules', () => {
  const noRetrieval = cleanPlan.replace(
    /  - behavior: .*\n/,
    '  - behavior: "The model answers part-number questions directly, without any retrieval step."\n',
  );

  it('--format json gives each detection finding its confidence and the phrases that decided it', () => {
    const dir = tempTree({ 'plan.yaml': noRetrieval });
    const out = runCli(['-f', 'json', 'plan.yaml'], { cwd: dir });
    const finding = JSON.parse(out.stdout)[0].messages.find((m: { ruleId: string }) => m.ruleId === 'knowledge-injection');
    expect(finding).toMatchObject({ confidence: 1, evidence: ['without any retrieval'] });
    expect(finding.message).toContain('because of "without any retrieval"');
  });

  it('--format sarif puts them in the result properties', () => {
    const sarif = JSON.parse(formatters.sarif!([result(noRetrieval)], ctx));
    const r = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'knowledge-injection');
    expect(r.properties).toEqual({ confidence: 1, evidence: ['without any retrieval'] });
  });

  it('findings of other rules carry neither', () => {
    const messages = JSON.parse(formatters.json!([result(noEval)], ctx))[0].messages;
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).not.toHaveProperty('confidence');
  });
});
