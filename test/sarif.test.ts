import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv4 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { dataRules, formatters, lintText, ruleDescriptions, rules as registry } from '../src/index.js';
import { repoRoot, runCli } from './cli-helpers.js';

const sarifSchema = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'vendor', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// The official schema has a pattern that is valid only without the `u` flag.
const validate = new Ajv4({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(sarifSchema);

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; defaultConfiguration: { level: string }; help: { text: string; markdown: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>;
      partialFingerprints: Record<string, string>;
    }>;
    properties: { verdicts: Array<{ uri: string; verdict: string; reasons: string[] }> };
  }>;
}

describe('--format sarif', () => {
  const run = (): { status: number | null; log: SarifLog; raw: unknown } => {
    const r = runCli(['--data-checks', 'off', '-f', 'sarif', 'examples']);
    const raw = JSON.parse(r.stdout) as unknown;
    return { status: r.status, log: raw as SarifLog, raw };
  };

  it('is valid SARIF 2.1.0 (checked against the official schema)', () => {
    // The schema check itself can fail: a log without runs is not SARIF.
    expect(validate({ version: '2.1.0' })).toBe(false);
    const { status, raw } = run();
    expect(status).toBe(1);
    const ok = validate(raw);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('lists every rule and built-in diagnostic, and each result points at its rule', () => {
    const { log } = run();
    const [theRun] = log.runs;
    const rules = theRun!.tool.driver.rules;
    expect(theRun!.tool.driver.name).toBe('finetune-lint');
    // The examples include a team plugin rule (examples/team-rules), listed after the built-in rules.
    const builtin = ruleDescriptions().map((r) => r.id);
    const ruleCount = registry.length + dataRules.length;
    expect(rules.map((r) => r.id)).toEqual([...builtin.slice(0, ruleCount), 'require-owner', ...builtin.slice(ruleCount)]);
    expect(rules.find((r) => r.id === 'no-eval-set')!.help.markdown).toContain('(https://github.com/finetune-lint/finetune-lint/blob/main/rules/no-eval-set.md)');
    expect(theRun!.results.length).toBeGreaterThan(10);
    for (const res of theRun!.results) {
      expect(rules[res.ruleIndex]!.id).toBe(res.ruleId);
      const loc = res.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^examples\/(?:team-rules\/)?[^/]+\.yaml$/);
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
    }
  });

  it('has stable, distinct fingerprints, so re-runs do not duplicate alerts', () => {
    const a = run().log.runs[0]!.results.map((r) => r.partialFingerprints['finetuneLintFinding/v1']);
    const b = run().log.runs[0]!.results.map((r) => r.partialFingerprints['finetuneLintFinding/v1']);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it('carries each plan\'s verdict in the run properties', () => {
    const verdicts = run().log.runs[0]!.properties.verdicts;
    expect(verdicts.find((v) => v.uri === 'examples/support-tone.finetune-plan.yaml')).toEqual({
      uri: 'examples/support-tone.finetune-plan.yaml',
      verdict: 'ready',
      reasons: [],
    });
    expect(verdicts.find((v) => v.uri === 'examples/knowledge-injection.yaml')!.verdict).toBe('do-not-fine-tune');
  });

  it('formats one finding exactly', () => {
    const result = lintText('version: 1\nname: x\nbase_model: m\nmethod: lora\nproblem: p\ngoals:\n  - behavior: Replies are at most 80 words.\n    metric: m\n    target: 1\n', {
      filePath: '/repo/plans/a.yaml',
      rules: { 'no-prompt-baseline': 'off', 'no-regression-eval': 'off' },
    });
    const log = JSON.parse(formatters.sarif!([result], { cwd: '/repo', color: false, version: '9.9.9', rules: ruleDescriptions() })) as SarifLog;
    expect(log.runs[0]!.results).toEqual([
      {
        ruleId: 'no-eval-set',
        ruleIndex: 0,
        level: 'error',
        message: {
          text: 'no evaluation set: data.eval is missing, so nothing held out will show whether the behaviour changed\nAdd data.eval with the path (or a description) of examples held out from training, such as 200 real cases the model never trains on.',
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'plans/a.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 11 },
            },
          },
        ],
        partialFingerprints: { 'finetuneLintFinding/v1': expect.stringMatching(/^[0-9a-f]{8}:1$/) },
      },
    ]);
    expect(log.runs[0]!.tool.driver.version).toBe('9.9.9');
  });
});
