import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

function diag(text: string): string[] {
  return lintText(text).messages.map(
    (m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity}${m.fatal ? '(fatal)' : ''} ${m.ruleId}: ${m.message}`,
  );
}

const plan = `version: 1
name: tone
base_model: Qwen/Qwen2.5-7B-Instruct
method: lora
problem: Replies are stiff.
goals:
  - behavior: Replies follow the tone guide.
    metric: tone_pass_rate
    target: 0.9
`;

describe('YAML and document errors', () => {
  it('a syntax error is one fatal diagnostic at the parser position', () => {
    expect(diag('version: 1\nname: "unterminated\n')).toEqual([
      '3:1-3:1 error(fatal) syntax-error: YAML syntax error: Missing closing "quote',
    ]);
    expect(diag('version: 1\ngoals: [a, b\nname: x\n')).toHaveLength(1);
    expect(diag('version: 1\n\tname: x\n')[0]).toMatch(/^2:1-2:2 error\(fatal\) syntax-error: YAML syntax error: Tabs are not allowed as indentation$/);
  });

  it('a fatal file reports nothing else', () => {
    const r = lintText('goals: [\n');
    expect(r.fatalErrorCount).toBe(1);
    expect(r.errorCount).toBe(1);
    expect(r.messages).toHaveLength(1);
  });

  it('an empty file and a file of comments', () => {
    expect(diag('')).toEqual(['1:1-1:1 error(fatal) invalid-document: the file is empty']);
    expect(diag('\n\n  \n')).toEqual(['1:1-1:1 error(fatal) invalid-document: the file is empty']);
    expect(diag('# just a comment\n')).toEqual([
      '1:1-1:1 error(fatal) invalid-document: the file holds no YAML content, only comments',
    ]);
  });

  it('a root that is not a mapping', () => {
    expect(diag('- version: 1\n- name: x\n')).toEqual([
      '1:1-1:13 error(fatal) invalid-document: the plan must be a mapping of keys (version, name, goals, …), but its root is a list',
    ]);
    expect(diag('just some text\n')).toEqual([
      '1:1-1:15 error(fatal) invalid-document: the plan must be a mapping of keys (version, name, goals, …), but its root is a single value',
    ]);
  });

  it('a second document is reported and the first still checked', () => {
    const out = diag(`${plan}---\nname: other\n`).filter((d) => !/no-/.test(d));
    expect(out).toEqual(['10:1-10:4 error invalid-document: the file holds more than one YAML document; only the first is checked']);
  });

  it('duplicate keys are reported on the repeated key, at any depth', () => {
    const text = plan.replace('problem: Replies are stiff.\n', 'problem: Replies are stiff.\nname: again\n').replace(
      '    target: 0.9\n',
      '    target: 0.9\n    metric: again\n',
    );
    expect(diag(text).filter((d) => d.includes('duplicate-key'))).toEqual([
      '6:1-6:5 error duplicate-key: duplicate key "name": only one of its values can be meant',
      '11:5-11:11 error duplicate-key: duplicate key "metric": only one of its values can be meant',
    ]);
  });

  it('custom tags are reported, never resolved', () => {
    const out = diag(plan.replace('name: tone', 'name: !!js/function "function () { return 1 }"')).filter((d) =>
      d.includes('unsupported-tag'),
    );
    expect(out).toEqual([
      '2:7-2:20 error unsupported-tag: unsupported YAML tag "!!js/function"; plans hold plain text, numbers, lists and mappings',
    ]);
  });

  it('an unresolvable alias is fatal, not a crash', () => {
    expect(diag('version: 1\nname: *nothing\n')).toEqual([
      expect.stringMatching(/^1:1-1:11 error\(fatal\) syntax-error: the plan cannot be read: Unresolved alias/),
    ]);
  });

  it('a byte-order mark and CRLF line ends give the same positions', () => {
    const bad = plan.replace('method: lora', 'method: magic');
    const plain = lintText(bad).messages;
    expect(lintText(`\uFEFF${bad}`).messages).toEqual(plain);
    expect(lintText(bad.replace(/\n/g, '\r\n')).messages).toEqual(plain);
  });
});
