import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, dataRules, rules } from '../src/index.js';
import { cleanPlan, repoRoot, runCli, tempTree } from './cli-helpers.js';

/** A plan with one finding of each of two warning rules: vague-goal (line 7) and no-regression-eval (line 1). */
const planWithWarnings = cleanPlan
  .replace('    metric: tone_guide_pass_rate\n    target: ">= 0.9"\n', '')
  .replace(/evaluation:\n  regression:\n    description: .*\n/, '');

/** A temporary repository (it has a `.git` folder, so the search for configuration stops there). */
function repo(files: Record<string, string>): string {
  const dir = tempTree(files);
  mkdirSync(path.join(dir, '.git'));
  return dir;
}

interface JsonMessage {
  ruleId: string;
  severity: number;
  line: number;
  column: number;
  message: string;
}

function lintJson(cwd: string, args: string[]): { status: number | null; stderr: string; files: Array<{ filePath: string; messages: JsonMessage[] }> } {
  // The plans name data files that these trees do not hold; the data checks are tested elsewhere.
  const r = runCli([...args, '-f', 'json', '--data-checks', 'off'], { cwd });
  return { status: r.status, stderr: r.stderr, files: r.stdout ? JSON.parse(r.stdout) : [] };
}

/** `rule-id:severity` for each message of one file, in order. */
function findings(cwd: string, args: string[]): string[] {
  const r = lintJson(cwd, args);
  expect(r.stderr).toBe('');
  expect(r.files).toHaveLength(1);
  return r.files[0]!.messages.map((m) => `${m.ruleId}:${m.severity === 2 ? 'error' : 'warn'}`);
}

describe('configuration discovery', () => {
  it('without configuration, rules run at their default severities', () => {
    const dir = repo({ 'plans/a.yaml': planWithWarnings });
    expect(findings(dir, ['plans'])).toEqual(['no-regression-eval:warn', 'vague-goal:warn']);
  });

  it('reads finetune-lint.config.yaml from the plan folder upward; nearer files win, settings cascade', () => {
    const dir = repo({
      'finetune-lint.config.yaml': 'rules:\n  no-regression-eval: off\n  vague-goal: error\n',
      'plans/team/.finetunelintrc.json': '{ "rules": { "vague-goal": "warn" } }',
      'plans/team/a.yaml': planWithWarnings,
    });
    expect(findings(dir, ['plans'])).toEqual(['vague-goal:warn']);
  });

  it('root: true stops the search', () => {
    const dir = repo({
      'finetune-lint.config.yaml': 'rules:\n  no-regression-eval: off\n',
      'plans/.finetunelintrc.yaml': 'root: true\nrules:\n  vague-goal: error\n',
      'plans/a.yaml': planWithWarnings,
    });
    expect(findings(dir, ['plans'])).toEqual(['no-regression-eval:warn', 'vague-goal:error']);
  });

  it('stops at the repository root: a configuration above the folder holding .git does not apply', () => {
    const outer = tempTree({ 'finetune-lint.config.yaml': 'rules:\n  vague-goal: off\n', 'inner/plans/a.yaml': planWithWarnings });
    mkdirSync(path.join(outer, 'inner', '.git'));
    expect(findings(path.join(outer, 'inner'), ['plans'])).toEqual(['no-regression-eval:warn', 'vague-goal:warn']);
  });

  it('reads the "finetune-lint" key of package.json, and skips a package.json without it', () => {
    const dir = repo({
      'package.json': JSON.stringify({ name: 'x', 'finetune-lint': { rules: { 'vague-goal': 'off' } } }),
      'plans/package.json': JSON.stringify({ name: 'no-config-here' }),
      'plans/a.yaml': planWithWarnings,
    });
    expect(findings(dir, ['plans'])).toEqual(['no-regression-eval:warn']);
  });

  it('finetune-lint.config.json is read too, and configuration files are never linted as plans', () => {
    const dir = repo({
      'finetune-lint.config.json': '{ "extends": "strict" }',
      '.finetunelintrc.yaml': 'rules: {}\n',
      'plans/a.yaml': planWithWarnings,
    });
    // The .json file comes first in the search order of a folder.
    expect(findings(dir, ['.'])).toEqual(['no-regression-eval:error', 'vague-goal:error']);
  });

  it('a folder that bears a configuration file name is passed over, and the search goes on in the same folder', () => {
    const dir = repo({
      'finetune-lint.config.yaml/readme.txt': 'a folder, not a configuration file\n',
      'package.json/readme.txt': 'a folder too\n',
      '.finetunelintrc.yaml': 'rules:\n  vague-goal: error\n',
      'plans/a.yaml': planWithWarnings,
    });
    expect(findings(dir, ['plans'])).toEqual(['no-regression-eval:warn', 'vague-goal:error']);
  });

  it('follows a configuration file that is a link, and reports one whose link leads nowhere', () => {
    const dir = repo({ 'shared/team.yaml': 'rules:\n  vague-goal: error\n', 'plans/a.yaml': planWithWarnings });
    symlinkSync(path.join(dir, 'shared', 'team.yaml'), path.join(dir, 'plans', '.finetunelintrc.yaml'));
    expect(findings(dir, ['plans'])).toEqual(['no-regression-eval:warn', 'vague-goal:error']);
    const broken = repo({ 'plans/a.yaml': planWithWarnings });
    symlinkSync(path.join(broken, 'gone.yaml'), path.join(broken, 'plans', 'finetune-lint.config.yaml'));
    const r = lintJson(broken, ['plans']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(path.join(broken, 'plans', 'finetune-lint.config.yaml'));
  });

  it('extends: strict makes every rule an error; recommended restores the defaults', () => {
    const dir = repo({
      'finetune-lint.config.yaml': 'extends: [strict]\n',
      'plans/.finetunelintrc.yaml': 'extends: recommended\n',
      'plans/a.yaml': planWithWarnings,
      'b.yaml': planWithWarnings,
    });
    expect(findings(dir, ['b.yaml'])).toEqual(['no-regression-eval:error', 'vague-goal:error']);
    expect(findings(dir, ['plans/a.yaml'])).toEqual(['no-regression-eval:warn', 'vague-goal:warn']);
  });

  it('overrides apply to the plans their globs match; later entries win over earlier ones', () => {
    const config = [
      'overrides:',
      '  - files: ["plans/**"]',
      '    rules: { vague-goal: error, no-regression-eval: error }',
      '  - files: "*.draft.yaml"',
      '    rules: { vague-goal: off }',
      '',
    ].join('\n');
    const dir = repo({ 'finetune-lint.config.yaml': config, 'plans/a.yaml': planWithWarnings, 'plans/deep/b.draft.yaml': planWithWarnings, 'c.yaml': planWithWarnings });
    expect(findings(dir, ['plans/a.yaml'])).toEqual(['no-regression-eval:error', 'vague-goal:error']);
    expect(findings(dir, ['plans/deep/b.draft.yaml'])).toEqual(['no-regression-eval:error']);
    expect(findings(dir, ['c.yaml'])).toEqual(['no-regression-eval:warn', 'vague-goal:warn']);
  });

  it('a severity alone keeps the options set by an earlier setting', () => {
    const dir = repo({
      'finetune-lint.config.yaml': 'rules:\n  conflicting-goals: [warn, { maxGoals: 3 }]\n',
      'plans/.finetunelintrc.yaml': 'rules:\n  conflicting-goals: error\n',
      'plans/a.yaml': 'x',
    });
    const r = runCli(['--print-config', 'plans/a.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).rules['conflicting-goals']).toEqual(['error', { maxGoals: 3 }]);
  });

  it('--config uses one file for every plan; --no-config uses the defaults', () => {
    const dir = repo({
      'finetune-lint.config.yaml': 'rules:\n  vague-goal: off\n',
      'ci/strict.yaml': 'extends: strict\n',
      'plans/a.yaml': planWithWarnings,
    });
    expect(findings(dir, ['plans', '--config', 'ci/strict.yaml'])).toEqual(['no-regression-eval:error', 'vague-goal:error']);
    expect(findings(dir, ['plans', '--no-config'])).toEqual(['no-regression-eval:warn', 'vague-goal:warn']);
    expect(findings(dir, ['plans'])).toEqual(['no-regression-eval:warn']);
  });

  it('--rule sets a rule over every configuration file', () => {
    const dir = repo({ 'finetune-lint.config.yaml': 'rules:\n  vague-goal: off\n', 'plans/a.yaml': planWithWarnings });
    expect(findings(dir, ['plans', '--rule', 'vague-goal:error', '--rule', 'no-regression-eval:off'])).toEqual(['vague-goal:error']);
    expect(findings(dir, ['plans', '--rule', 'conflicting-goals:["warn", {"maxGoals": 2}]'])).toEqual(['no-regression-eval:warn']);
  });

  it('--print-config prints the effective configuration of a plan', () => {
    const dir = repo({
      'finetune-lint.config.yaml': 'extends: [strict]\nignores: ["drafts/"]\nrequireReason: true\n',
      'plans/.finetunelintrc.yaml': 'rules:\n  conflicting-goals: [warn, { maxGoals: 2 }]\n',
    });
    const r = runCli(['--print-config', 'plans/x.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toEqual({
      filePath: path.join(dir, 'plans', 'x.yaml'),
      configFiles: [path.join(dir, 'finetune-lint.config.yaml'), path.join(dir, 'plans', '.finetunelintrc.yaml')],
      ignored: false,
      plugins: [],
      reportUnusedDisableDirectives: 'warn',
      requireReason: true,
      rules: Object.fromEntries(
        [...rules, ...dataRules].map((r) => {
          if (r.meta.id === 'conflicting-goals') return [r.meta.id, ['warn', { maxGoals: 2 }]];
          const defaults = r.meta.defaultOptions as object;
          return [r.meta.id, Object.keys(defaults).length ? ['error', defaults] : 'error'];
        }),
      ),
    });
    expect(JSON.parse(runCli(['--print-config', 'drafts/y.yaml'], { cwd: dir }).stdout).ignored).toBe(true);
  });
});

describe('configuration errors (exit 2, naming the file, the key and the line)', () => {
  const cases: Array<[string, string, string]> = [
    ['unknown rule', 'rules:\n  vague-gaol: warn\n', 'finetune-lint.config.yaml:2:3: rules.vague-gaol: unknown rule "vague-gaol" — did you mean "vague-goal"?'],
    ['bad severity', 'rules:\n  vague-goal: warning\n', 'finetune-lint.config.yaml:2:15: rules.vague-goal: a rule is set to off, warn or error (or 0, 1, 2), or to [severity, {options}]; got "warning"'],
    ['bad option name', 'rules:\n  conflicting-goals: [warn, { maxGoal: 2 }]\n', 'finetune-lint.config.yaml:2:22: rules.conflicting-goals: invalid options: unknown option "maxGoal" — did you mean "maxGoals"?'],
    ['bad option value', 'rules:\n  conflicting-goals: [warn, { maxGoals: many }]\n', 'finetune-lint.config.yaml:2:22: rules.conflicting-goals: invalid options: maxGoals must be integer'],
    ['options for a rule without options', 'overrides:\n  - files: ["*.yaml"]\n    rules: { no-eval-set: [error, { strict: true }] }\n', 'finetune-lint.config.yaml:3:27: overrides[0].rules.no-eval-set: takes no options'],
    ['unknown key', 'rule:\n  vague-goal: warn\n', 'finetune-lint.config.yaml:1:1: rule: unknown key "rule" — did you mean "rules"?'],
    ['unknown preset', 'extends: [strictest]\n', 'finetune-lint.config.yaml:1:11: extends[0]: extends is "recommended", "strict", or a list of them; got "strictest"'],
    ['overrides without files', 'overrides:\n  - rules: { vague-goal: off }\n', 'finetune-lint.config.yaml:2:5: overrides[0]: each overrides entry needs "files": a glob or a list of globs'],
    ['malformed YAML', 'rules:\n  vague-goal: [warn\n', 'finetune-lint.config.yaml:3:1:'],
    ['not a mapping', '- strict\n', 'finetune-lint.config.yaml:1:1: the configuration must be a mapping of keys'],
    ['empty file', '', 'finetune-lint.config.yaml: the configuration file is empty'],
  ];
  for (const [name, config, expected] of cases) {
    it(name, () => {
      const dir = repo({ 'finetune-lint.config.yaml': config, 'plans/a.yaml': cleanPlan });
      const r = runCli(['plans'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`finetune-lint: ${path.join(dir, expected)}`);
    });
  }

  it('malformed JSON names the file', () => {
    const dir = repo({ '.finetunelintrc.json': '{ "rules": { "vague-goal": "off", } }', 'plans/a.yaml': cleanPlan });
    const r = runCli(['plans'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^finetune-lint: ${path.join(dir, '.finetunelintrc.json').replace(/\./g, '\\.')}: not valid JSON: `));
  });

  it('a --config file that does not exist, and a bad --rule', () => {
    const dir = repo({ 'plans/a.yaml': cleanPlan });
    const missing = runCli(['plans', '--config', 'nope.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`finetune-lint: ${path.join(dir, 'nope.yaml')}: cannot read the configuration file: it does not exist\n`);
    const unknown = runCli(['plans', '--rule', 'vague-gol:off'], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('finetune-lint: --rule: unknown rule "vague-gol" — did you mean "vague-goal"?\n');
    const badSeverity = runCli(['plans', '--rule', 'vague-goal:fatal'], { cwd: dir });
    expect(badSeverity.status).toBe(2);
    expect(badSeverity.stderr).toContain('severity must be off, warn or error');
    expect(runCli(['plans', '--rule', 'vague-goal'], { cwd: dir }).status).toBe(2);
  });
});

describe('ignored files', () => {
  const tree = {
    '.gitignore': 'generated/\n*.tmp.yaml\n',
    'finetune-lint.config.yaml': 'ignores: ["plans/archive/**", "old-*.yaml"]\n',
    'plans/a.yaml': cleanPlan,
    'plans/archive/b.yaml': cleanPlan,
    'plans/old-c.yaml': cleanPlan,
    'plans/d.tmp.yaml': cleanPlan,
    'plans/generated/e.yaml': cleanPlan,
    'plans/sub/.gitignore': '!keep.tmp.yaml\n',
    'plans/sub/keep.tmp.yaml': cleanPlan,
  };
  const linted = (dir: string, args: string[]): string[] =>
    lintJson(dir, args).files.map((f) => path.relative(dir, f.filePath).split(path.sep).join('/'));

  it('walks skip what .gitignore and the configuration\'s ignores exclude, in folders and globs', () => {
    const dir = repo(tree);
    expect(linted(dir, ['plans'])).toEqual(['plans/a.yaml', 'plans/sub/keep.tmp.yaml']);
    expect(linted(dir, ['plans/**/*.yaml'])).toEqual(['plans/a.yaml', 'plans/sub/keep.tmp.yaml']);
  });

  it('--no-ignore lints them all', () => {
    const dir = repo(tree);
    expect(linted(dir, ['plans', '--no-ignore'])).toHaveLength(6);
  });

  it('a configuration file named on the command line (as pre-commit passes files) is skipped with a note', () => {
    const dir = repo({ 'plans/finetune-lint.config.yaml': 'rules:\n  vague-goal: off\n', 'plans/a.yaml': cleanPlan });
    const r = runCli(['--data-checks', 'off', 'plans/finetune-lint.config.yaml', 'plans/a.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`finetune-lint: skipped ${path.join('plans', 'finetune-lint.config.yaml')}: it is a finetune-lint configuration file, not a plan\n`);
    expect(r.stdout).toBe('✔ 1 plan checked, no problems: ready\n');
  });

  it('an ignored file named on the command line is skipped with a note, not an error', () => {
    const dir = repo(tree);
    const r = runCli(['plans/archive/b.yaml', 'plans/a.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `finetune-lint: skipped ${path.join('plans', 'archive', 'b.yaml')}: it is ignored (.gitignore or the configuration's ignores); --no-ignore lints it\n`,
    );
  });
});

const plugin = `export const rules = [
  {
    meta: { id: 'require-owner', severity: 'error', description: 'The plan names an owner.', hint: 'Add owner.' },
    check({ plan, report }) {
      if (!plan.has(['owner'])) report({ node: plan.anchor(['owner']), message: 'the plan names no owner' });
    },
  },
  {
    meta: { id: 'crashes-on-lora', severity: 'warning', description: 'Fails on LoRA plans.', hint: 'None.' },
    check({ plan }) {
      if (plan.text(['method']) === 'lora') throw new Error('boom');
    },
  },
];
`;

describe('plugins', () => {
  it('plugin rules are reported, configured and suppressed like built-in rules', () => {
    const dir = repo({
      'finetune-lint.config.yaml': 'plugins: ["./lint/rules.mjs"]\nrules:\n  crashes-on-lora: off\n',
      'lint/rules.mjs': plugin,
      'plans/a.yaml': cleanPlan,
      'plans/b.yaml': `# finetune-lint-disable-file require-owner -- owned by the platform team\n${cleanPlan}`,
    });
    const r = lintJson(dir, ['plans']);
    expect(r.status).toBe(1);
    expect(r.files.map((f) => f.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.message]))).toEqual([
      [['require-owner', 2, 1, 1, 'the plan names no owner']],
      [],
    ]);
    expect(findings(dir, ['plans/a.yaml', '--rule', 'require-owner:warn'])).toEqual(['require-owner:warn']);
    const sarif = JSON.parse(runCli(['plans', '-f', 'sarif'], { cwd: dir }).stdout);
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('require-owner');
  });

  it('a plugin rule that throws is an internal-error for that file and rule; the run goes on and exits 2', () => {
    const dir = repo({
      'finetune-lint.config.yaml': 'plugins: ["./lint/rules.mjs"]\n',
      'lint/rules.mjs': plugin,
      'plans/a.yaml': cleanPlan,
      'plans/b.yaml': cleanPlan.replace('method: lora', 'method: dpo').replace('version: 1', 'version: 1\nowner: ml@example.com'),
    });
    const r = lintJson(dir, ['plans']);
    expect(r.status).toBe(2);
    const [a, b] = r.files;
    expect(a!.messages.map((m) => m.ruleId).sort()).toEqual(['internal-error', 'require-owner']);
    expect(a!.messages.find((m) => m.ruleId === 'internal-error')!.message).toBe(
      `rule "crashes-on-lora" (plugin ${path.join(dir, 'lint', 'rules.mjs')}) failed while checking this file: boom`,
    );
    expect(b!.messages).toEqual([]);
  });

  const broken: Array<[string, string, string]> = [
    ['that throws while loading', 'throw new Error("cannot start");\n', 'failed to load: cannot start'],
    ['that exports no rules', 'export const rulez = [];\n', 'it must export `rules`'],
    ['with a rule without check', "export const rules = [{ meta: { id: 'x-y', severity: 'error', description: 'd', hint: 'h' } }];\n", 'rules[0] ("x-y") has no check function'],
    ['with a bad rule id', "export const rules = [{ meta: { id: 'Bad Id', severity: 'error', description: 'd', hint: 'h' }, check() {} }];\n", 'meta.id must be a kebab-case id'],
    ['with the id of a built-in rule', "export const rules = [{ meta: { id: 'no-eval-set', severity: 'error', description: 'd', hint: 'h' }, check() {} }];\n", 'plugin rule "no-eval-set"'],
  ];
  for (const [name, source, expected] of broken) {
    it(`a plugin ${name} stops the run with exit 2, naming the file`, () => {
      const dir = repo({ 'finetune-lint.config.yaml': 'plugins: ["./lint/rules.mjs"]\n', 'lint/rules.mjs': source, 'plans/a.yaml': cleanPlan });
      const r = runCli(['plans'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(expected);
      expect(r.stderr).toContain(path.join(dir, 'lint', 'rules.mjs'));
    });
  }

  it('a plugin file that does not exist', () => {
    const dir = repo({ 'finetune-lint.config.yaml': 'plugins: ["./lint/missing.mjs"]\n', 'plans/a.yaml': cleanPlan });
    const r = runCli(['plans'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `finetune-lint: plugin ${path.join(dir, 'lint', 'missing.mjs')} (listed in ${path.join(dir, 'finetune-lint.config.yaml')}): the file does not exist\n`,
    );
  });

  it('finetune-lint rules and explain include the plugin rules of the configuration', () => {
    const cwd = path.join(repoRoot, 'examples', 'team-rules');
    const listed = runCli(['rules'], { cwd });
    expect(listed.status).toBe(0);
    expect(listed.stdout.trimEnd().split('\n').pop()).toMatch(/^require-owner +error +fix the plan first +The plan names no owner accountable for the run\.$/);
    expect(runCli(['rules'], { cwd: repoRoot }).stdout).not.toContain('require-owner');
    const explained = runCli(['explain', 'require-owner'], { cwd });
    expect(explained.status).toBe(0);
    expect(explained.stdout).toBe(
      '# require-owner\n\nThe plan names no owner accountable for the run.\n\n- default: error\n- verdict: fix the plan first\n\nAdd owner: the team or person who answers for this fine-tune, such as support-ml@example.com.\n',
    );
  });

  it('the example plugin in examples/team-rules runs from the repository', () => {
    const r = lintJson(repoRoot, ['examples/team-rules']);
    expect(r.files.map((f) => f.messages.map((m) => m.ruleId))).toEqual([['require-owner']]);
  });
});

describe('disable comments from the command line and the configuration', () => {
  const plan = cleanPlan.replace('goals:\n', 'goals:\n  # finetune-lint-disable-next-line no-eval-set\n');
  it('--report-unused-disable-directives and --require-reason', () => {
    const dir = repo({ 'plans/a.yaml': plan });
    expect(findings(dir, ['plans'])).toEqual(['unused-disable-directive:warn']);
    expect(findings(dir, ['plans', '--report-unused-disable-directives', 'error'])).toEqual(['unused-disable-directive:error']);
    expect(lintJson(dir, ['plans', '--report-unused-disable-directives', 'off']).files[0]!.messages).toEqual([]);
    expect(findings(dir, ['plans', '--require-reason']).sort()).toEqual(['invalid-disable-directive:error', 'unused-disable-directive:warn']);
    expect(runCli(['plans', '--report-unused-disable-directives', 'loud'], { cwd: dir }).status).toBe(2);
  });

  it('the same settings from the configuration file', () => {
    const dir = repo({ 'finetune-lint.config.yaml': 'reportUnusedDisableDirectives: error\nrequireReason: true\n', 'plans/a.yaml': plan });
    expect(findings(dir, ['plans']).sort()).toEqual(['invalid-disable-directive:error', 'unused-disable-directive:error']);
    expect(findings(dir, ['plans', '--report-unused-disable-directives', 'off'])).toEqual(['invalid-disable-directive:error']);
  });
});

describe('the configuration schema', () => {
  it('schemas/finetune-lint.config.schema.json is the schema the code validates with, listing every rule with its options', () => {
    const file = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'finetune-lint.config.schema.json'), 'utf8'));
    expect(file).toEqual(configSchema([...rules, ...dataRules].map((r) => r.meta)));
    expect(Object.keys(file.definitions.rules.properties)).toEqual([...rules, ...dataRules].map((r) => r.meta.id));
    expect(file.definitions.rules.properties['knowledge-injection'].anyOf[1].items[1].properties.minConfidence.default).toBe(0.9);
  });
});

describe('symbolic links', () => {
  it('a plan linked from another folder uses the configuration of the folder the link is in', () => {
    const dir = repo({ 'real/a.yaml': planWithWarnings, 'plans/finetune-lint.config.yaml': 'rules:\n  vague-goal: off\n' });
    symlinkSync(path.join(dir, 'real', 'a.yaml'), path.join(dir, 'plans', 'a.yaml'));
    expect(findings(dir, ['plans'])).toEqual(['no-regression-eval:warn']);
  });
});

describe('README', () => {
  it('its complete configuration example is a valid configuration', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const dir = repo({
      'finetune-lint.config.yaml': example,
      'lint-rules/index.mjs': 'export const rules = [];\n',
    });
    const r = runCli(['--print-config', 'plans/experimental/a.draft.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout);
    expect(printed.rules['vague-goal']).toEqual(['off', { minConfidence: 0.9 }]);
    expect(printed.rules['no-prompt-baseline']).toBe('warn');
    expect(printed.rules['conflicting-goals']).toEqual(['warn', { maxGoals: 2 }]);
    expect(printed.requireReason).toBe(true);
    expect(JSON.parse(runCli(['--print-config', 'plans/archive/old.yaml'], { cwd: dir }).stdout).ignored).toBe(true);
  });
});
