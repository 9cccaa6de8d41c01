import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanPlan, repoRoot, runCli } from './cli-helpers.js';
import { asCliMessage, TestClient } from './lsp-client.js';

/**
 * The language server, driven over stdio by a real JSON-RPC client as an
 * editor drives it: `node dist/cli.cjs lsp --stdio`.
 */

const examples = readdirSync(path.join(repoRoot, 'examples'))
  .filter((f) => f.endsWith('.yaml') && f !== 'finetune-lint.config.yaml')
  .map((f) => path.join(repoRoot, 'examples', f))
  .concat(path.join(repoRoot, 'examples', 'team-rules', 'finetune-plan.yaml'));

/** What the CLI prints as JSON for these files: messages by file. */
function cliMessages(files: string[], args: string[] = []): Map<string, unknown[]> {
  const run = runCli(['-f', 'json', ...args, ...files]);
  const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<Record<string, unknown>> }>;
  return new Map(
    results.map((r) => [
      r.filePath,
      r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        hint: m.hint,
      })),
    ]),
  );
}

describe('finetune-lint lsp', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  it('publishes, for every example plan opened, the diagnostics the CLI prints for the file', async () => {
    const expected = cliMessages(examples);
    expect(expected.size).toBe(examples.length);
    for (const file of examples) {
      const uri = pathToFileURL(file).href;
      client.open(uri, readFileSync(file, 'utf8'));
      const diagnostics = await client.diagnosticsFor(uri, 1);
      expect(diagnostics.map(asCliMessage), file).toEqual(expected.get(file));
      client.close(uri);
    }
    // The examples cover errors and warnings, rules and built-in diagnostics, and a plugin rule.
    const all = [...expected.values()].flat() as Array<{ ruleId: string; severity: number }>;
    expect(new Set(all.map((m) => m.severity))).toEqual(new Set([1, 2]));
    expect(all.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['schema', 'syntax-error', 'no-eval-set', 'require-owner']));
  });

  it('gives each diagnostic its rule id, a link to the rule document, the source and the hint', async () => {
    const file = path.join(repoRoot, 'examples', 'first-draft.yaml');
    const uri = pathToFileURL(file).href;
    client.open(uri, readFileSync(file, 'utf8'));
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const noEval = diagnostics.find((d) => d.code === 'no-eval-set')!;
    expect(noEval).toMatchObject({
      severity: 1,
      source: 'finetune-lint',
      codeDescription: { href: 'https://github.com/finetune-lint/finetune-lint/blob/main/rules/no-eval-set.md' },
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 73 } },
    });
    expect(noEval.relatedInformation).toEqual([
      { location: { uri, range: noEval.range }, message: expect.stringMatching(/^Add data\.eval with the path/) },
    ]);
    client.close(uri);
  });

  it('lints the text being typed, not the file on disk, and updates as it changes', async () => {
    const uri = pathToFileURL(path.join(repoRoot, 'examples', 'not-on-disk.finetune-plan.yaml')).href;
    client.open(uri, cleanPlan);
    expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
    const v2 = client.change(uri, cleanPlan.replace('version: 1\n', 'version: 1\nmethd: lora\n'));
    const diagnostics = await client.diagnosticsFor(uri, v2);
    expect(diagnostics.map(asCliMessage)).toEqual([
      expect.objectContaining({ ruleId: 'schema', line: 2, column: 1, endLine: 2, endColumn: 6, message: expect.stringContaining('"methd"') }),
    ]);
    const v3 = client.change(uri, cleanPlan);
    expect(await client.diagnosticsFor(uri, v3)).toEqual([]);
    client.close(uri);
  });
});

describe('the lsp command', () => {
  it('asks for a transport when none is given', () => {
    const run = runCli(['lsp']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('finetune-lint: usage: finetune-lint lsp --stdio [--locale <en|zh-CN>]\n');
  });

  it('is a bundle of its own, which the CLI loads only for this command', () => {
    const cli = readFileSync(path.join(repoRoot, 'dist', 'cli-bundle.cjs'), 'utf8');
    const server = readFileSync(path.join(repoRoot, 'dist', 'lsp.cjs'), 'utf8');
    for (const marker of ['textDocument/publishDiagnostics', 'workspace/didChangeWatchedFiles']) {
      expect(server).toContain(marker);
      expect(cli).not.toContain(marker);
    }
    expect(cli).toContain('__import("./lsp.cjs")');
  });
});
