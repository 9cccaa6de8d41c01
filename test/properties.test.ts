import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintBytes, lintText, type LintResult } from '../src/index.js';

/**
 * Property-based tests: whatever the input, linting never throws, every
 * position lies inside the file, the output is deterministic, and line-end
 * or byte-order-mark variants of a plan give the same diagnostics, and the
 * locale changes nothing but the wording.
 * `npm run fuzz` runs the same properties with many more cases.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
const runs = (n: number): { numRuns: number } => ({ numRuns: RUNS ?? n });
/** Time allowed per property: generous, since a loaded CI machine is slower; the fuzz run has none. */
const TIMEOUT = RUNS ? 0 : 60_000;

const plan = `version: 1
name: refund-reply-format
base_model: Qwen/Qwen2.5-7B-Instruct
method: lora
problem: Refund replies are free text; the helpdesk parser needs JSON.
goals:
  - behavior: Refund replies are valid JSON in the helpdesk reply schema.
    metric: schema_valid_rate
    target: ">= 0.98"
  - behavior: 回复要简洁，不超过 80 字。
domain: [e-commerce customer service, 客服]
risk:
  fallback:
    - type: human-review
      description: Agents approve refunds over 500 EUR.
baselines:
  prompt:
    description: System prompt with the JSON schema and three examples.
    results:
      schema_valid_rate: 0.74
data:
  train:
    path: data/train.jsonl
    description: 4,000 refund replies rewritten as JSON.
  eval:
    path: data/eval.jsonl
evaluation:
  regression:
    description: 120 non-refund tickets the model handles well.
iteration:
  round: 2
  previous:
    findings: [JSON validity 0.81 after round 1]
`;

/** Asserts every diagnostic's range lies within `text` (1-based lines and columns, end after start). */
function assertPositionsInside(result: LintResult, text: string): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  for (const m of result.messages) {
    const where = `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} in ${JSON.stringify(body.slice(0, 80))}`;
    expect(m.line, where).toBeGreaterThanOrEqual(1);
    expect(m.column, where).toBeGreaterThanOrEqual(1);
    expect(m.endLine, where).toBeGreaterThanOrEqual(m.line);
    expect(m.line, where).toBeLessThanOrEqual(lines.length);
    expect(m.endLine, where).toBeLessThanOrEqual(lines.length);
    expect(m.column, where).toBeLessThanOrEqual(lines[m.line - 1]!.length + 1);
    expect(m.endColumn, where).toBeLessThanOrEqual(lines[m.endLine - 1]!.length + 1);
    if (m.endLine === m.line) expect(m.endColumn, where).toBeGreaterThanOrEqual(m.column);
    expect(m.message.length, where).toBeGreaterThan(0);
    expect(m.hint.length, where).toBeGreaterThan(0);
  }
}

/** Lines of YAML-ish text, to reach deeper than random strings do. */
const yamlish = fc
  .array(
    fc.tuple(
      fc.nat(6),
      fc.constantFrom('- ', '', '? ', '  '),
      fc.constantFrom('version', 'name', 'goals', 'behavior', 'metric', 'data', 'eval', 'path', 'x-a', '<<', '"q', '&a', '*a', '!!str', '知识库'),
      fc.constantFrom(': ', ':', ' ', ': |', ': >', ': [', ': {', ''),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 30 },
  )
  .map((rows) => rows.map(([indent, lead, key, sep, value]) => `${' '.repeat(indent)}${lead}${key}${sep}${value}`).join('\n'));

describe('properties', () => {
  it('arbitrary text never throws and positions stay inside the file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), yamlish), (text) => {
        assertPositionsInside(lintText(text), text);
      }),
      runs(1500),
    );
  }, TIMEOUT);

  it('arbitrary bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = lintBytes(bytes);
        expect(result.messages.length).toBeGreaterThanOrEqual(0);
        for (const m of result.messages) expect(m.line).toBeGreaterThanOrEqual(1);
      }),
      runs(800),
    );
  }, TIMEOUT);

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ kind: fc.constant('retype' as const), at: fc.nat(), value: fc.constantFrom('[]', '{}', '~', '42', 'true', '"x"', '- a', '', '&x y', '*x') }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.string({ unit: 'grapheme', maxLength: 8 }) }),
  );

  type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

  function mutate(text: string, ops: Mutation[]): string {
    const lines = text.split('\n');
    for (const op of ops) {
      const i = op.at % lines.length;
      if (op.kind === 'delete') lines.splice(i, 1);
      else if (op.kind === 'duplicate') lines.splice(i, 0, lines[i]!);
      else if (op.kind === 'swap') {
        const j = op.to % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      } else if (op.kind === 'retype') lines[i] = lines[i]!.replace(/:.*$/, `: ${op.value}`);
      else lines[i] = lines[i]!.slice(0, op.at % (lines[i]!.length + 1)) + op.value + lines[i]!.slice(op.at % (lines[i]!.length + 1));
      if (lines.length === 0) lines.push('');
    }
    return lines.join('\n');
  }

  it('mutated plans never throw and positions stay inside the file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ops) => {
        const text = mutate(plan, ops);
        assertPositionsInside(lintText(text), text);
      }),
      runs(1500),
    );
  }, TIMEOUT);

  it('linting is deterministic', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 4 }), (ops) => {
        const text = mutate(plan, ops);
        expect(lintText(text)).toEqual(lintText(text));
      }),
      runs(300),
    );
  }, TIMEOUT);

  it('the locale changes the wording only: same rule ids, positions, severities and verdict, every parameter filled', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 5 }), (ops) => {
        const text = mutate(plan, ops);
        const en = lintText(text);
        const zh = lintText(text, { locale: 'zh-CN' });
        const shape = (r: LintResult): unknown => [r.verdict, r.messages.map(({ message: _m, hint: _h, ...rest }) => rest)];
        expect(shape(zh)).toEqual(shape(en));
        assertPositionsInside(zh, text);
        for (const m of zh.messages) expect(`${m.message} ${m.hint}`, m.ruleId).not.toMatch(/\{[A-Za-z]+\}/);
      }),
      runs(300),
    );
  }, TIMEOUT);

  it('CRLF line ends and a byte-order mark give the same diagnostics', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 4 }), (ops) => {
        const text = mutate(plan, ops);
        const plain = lintText(text).messages;
        expect(lintText(text.replace(/\n/g, '\r\n')).messages).toEqual(plain);
        expect(lintText(`\uFEFF${text}`).messages).toEqual(plain);
        // UTF-8 cannot carry a lone surrogate (an insertion may split a pair): compare bytes only for well-formed text.
        if (!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
          expect(lintBytes(new TextEncoder().encode(`\uFEFF${text}`)).messages).toEqual(plain);
        }
      }),
      runs(300),
    );
  }, TIMEOUT);
});
