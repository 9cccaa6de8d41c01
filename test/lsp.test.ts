import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanPlan, repoRoot, runCli, tempTree } from './cli-helpers.js';
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
function cliMessagesByFile(files: string[], args: string[] = []): Map<string, unknown[]> {
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
    const expected = cliMessagesByFile(examples);
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

  it('fades a disable comment that suppressed nothing (tag Unnecessary)', async () => {
    const uri = uriOf(path.join(repoRoot, 'examples', 'unused.finetune-plan.yaml'));
    const text = cleanPlan.replace('method: lora', '# finetune-lint-disable-next-line vague-goal -- nothing vague here\nmethod: lora');
    client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(diagnostics.map((d) => [d.code, d.severity, d.tags, d.range.start.line])).toEqual([['unused-disable-directive', 2, [1], 3]]);
    expect(diagnostics.map(asCliMessage)).toEqual(cliMessagesForText(path.join(repoRoot, 'examples', 'unused.finetune-plan.yaml'), text));
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
    expect(cli).toContain('require("./lsp.cjs")');
  });
});

/** A temporary repository (a folder holding .git) with these files. */
function repo(files: Record<string, string>): string {
  const dir = tempTree(files);
  mkdirSync(path.join(dir, '.git'));
  return dir;
}

const uriOf = (file: string): string => pathToFileURL(file).href;

/** The text after applying a code action's edits to it. */
function applied(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri];
  if (!edits?.length) throw new Error(`code action "${action.title}" edits nothing in ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
}

/** Asks for the code actions on every diagnostic published for the text, and returns the one titled `title`. */
async function actionTitled(client: TestClient, uri: string, diagnostics: Diagnostic[], title: string): Promise<CodeAction> {
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics },
  })) as CodeAction[];
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no code action "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

/** The CLI's JSON messages for a text linted as the file `file` (with the configuration that applies to it). */
function cliMessagesForText(file: string, text: string, args: string[] = []): Array<Record<string, unknown>> {
  const run = runCli(['-f', 'json', ...args, '--stdin-filename', file, '--stdin'], { cwd: path.dirname(file), input: text });
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<Record<string, unknown>> }>;
  return result!.messages.map(({ ruleId, severity, message, line, column, endLine, endColumn, hint }) => ({ ruleId, severity, message, line, column, endLine, endColumn, hint }));
}

describe('versions', () => {
  it('ignores a change older than the version it has, and publishes only for the newest', async () => {
    const client = await TestClient.start({ initializationOptions: { debounce: 0 } });
    try {
      const uri = uriOf(path.join(repoRoot, 'examples', 'versions.finetune-plan.yaml'));
      client.open(uri, cleanPlan);
      expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
      client.change(uri, cleanPlan.replace('method: lora', 'method: lora\nmethd: lora'), 3);
      // Version 2 arrives late, with a text that would give a different finding.
      client.change(uri, cleanPlan.replace('name: tone', 'name: tone\nnmae: x'), 2);
      const diagnostics = await client.diagnosticsFor(uri, 3);
      expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['schema', 4]]);
      await client.until(() => client.logs.find((l) => l.message.includes('version 2')), 'the warning about version 2');
      // Hover reads the text of version 3: line 4 is the `methd` key there.
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 1 } })) as Hover;
      expect(JSON.stringify(hover.contents)).toContain('**schema**');
      expect(JSON.stringify(hover.contents)).not.toContain('fine-tuning method');
      expect(client.publishedFor(uri).map((p) => p.version)).toEqual([1, 3]);
    } finally {
      await client.stop();
    }
  });

  it('drops a result that a newer version overtook, and never shows an older one over a newer', async () => {
    // Reading a large dataset makes the data checks of the opened version slow; the edit right after it is linted first.
    const rows = Array.from({ length: 60_000 }, (_, i) => JSON.stringify({ messages: [{ role: 'user', content: `question ${i} about the tone guide` }, { role: 'assistant', content: `answer ${i}` }] }));
    const dir = repo({
      'finetune-plan.yaml': cleanPlan.replace('data/eval.jsonl', 'data/missing-eval.jsonl'),
      'data/train.jsonl': `${rows.join('\n')}\n`,
    });
    const file = path.join(dir, 'finetune-plan.yaml');
    const client = await TestClient.start({ rootPath: dir, initializationOptions: { debounce: 0 } });
    try {
      const uri = uriOf(file);
      const v1 = readFileSync(file, 'utf8');
      client.open(uri, v1);
      const v2Text = v1.replace('name: tone', 'name: tone-v2');
      client.change(uri, v2Text, 2);
      const missing = (d: Diagnostic): boolean => d.code === 'data-file-missing';
      // The data finding of the open (computed on version 1) is shown with version 2, once known.
      const final = await client.until(() => client.publishedFor(uri).find((p) => p.version === 2 && p.diagnostics.some(missing)), 'version 2 with the data finding');
      expect(final.diagnostics.map(asCliMessage)).toEqual(cliMessagesForText(file, v2Text));
      const versions = client.publishedFor(uri).map((p) => p.version);
      expect(versions).toEqual([...versions].sort((a, b) => a! - b!));
      expect(versions.at(-1)).toBe(2);
    } finally {
      await client.stop();
    }
  });

  it('survives 1,000 edits in a row and ends with the result of the last one', async () => {
    const client = await TestClient.start();
    try {
      const uri = uriOf(path.join(repoRoot, 'examples', 'rapid.finetune-plan.yaml'));
      client.open(uri, cleanPlan);
      await client.diagnosticsFor(uri, 1);
      let version = 1;
      const texts = Array.from({ length: 1000 }, (_, i) => (i % 2 ? cleanPlan.replace('method: lora', `methd${i}: lora`) : cleanPlan));
      for (const text of texts) version = client.change(uri, text);
      // The last text has an unknown key `methd999`; every other publication was for an older text or dropped.
      const last = await client.diagnosticsFor(uri, version);
      expect(last.map(asCliMessage)).toEqual(cliMessagesForText(path.join(repoRoot, 'examples', 'rapid.finetune-plan.yaml'), texts[999]!));
      expect(last.map((d) => d.message)).toContainEqual(expect.stringContaining('"methd999"'));
      const versions = client.publishedFor(uri).map((p) => p.version!);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      // Debounced: far fewer lints than edits.
      expect(versions.length).toBeLessThan(50);
    } finally {
      await client.stop();
    }
  });
});

describe('configuration and data checks', () => {
  it('lints with the configuration that applies to the file, and again when a configuration file changes', async () => {
    const dir = repo({
      'finetune-lint.config.yaml': 'rules:\n  data-file-missing: off\n',
      'plans/finetune-lint.config.yaml': 'overrides:\n  - files: ["strict-*.yaml"]\n    rules:\n      vague-goal: error\n',
    });
    const client = await TestClient.start({ rootPath: dir });
    try {
      const vague = cleanPlan.replace('Replies follow the tone guide (greeting, one empathy line, at most 120 words).', 'Make replies better.');
      const plain = path.join(dir, 'plans', 'a.yaml');
      const strict = path.join(dir, 'plans', 'strict-a.yaml');
      client.open(uriOf(plain), vague);
      client.open(uriOf(strict), vague);
      const before = [await client.diagnosticsFor(uriOf(plain), 1), await client.diagnosticsFor(uriOf(strict), 1)];
      expect(before.map((ds) => ds.filter((d) => d.code === 'vague-goal').map((d) => d.severity))).toEqual([[2], [1]]);
      expect(before[0]!.map(asCliMessage)).toEqual(cliMessagesForText(plain, vague));
      expect(before[1]!.map(asCliMessage)).toEqual(cliMessagesForText(strict, vague));
      await client.until(() => (client.registrations.length ? true : undefined), 'the watcher registration');
      expect(JSON.stringify(client.registrations)).toContain('finetune-lint.config.yaml');

      writeFileSync(path.join(dir, 'finetune-lint.config.yaml'), 'rules:\n  data-file-missing: off\n  vague-goal: off\n');
      const seen = client.published.length;
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'finetune-lint.config.yaml')), type: 2 }] });
      const after = [await client.diagnosticsFor(uriOf(plain), 1, seen), await client.diagnosticsFor(uriOf(strict), 1, seen)];
      expect(after.map((ds) => ds.filter((d) => d.code === 'vague-goal').map((d) => d.severity))).toEqual([[], [1]]);
    } finally {
      await client.stop();
    }
  });

  it('watches the plugins a plan loads, and lints with an edited plugin once it changed (ES module and CommonJS)', async () => {
    const rule = (id: string, message: string): string =>
      `[{ meta: { id: '${id}', severity: 'warning', description: 'd', hint: 'h' }, check({ plan, report }) { report({ node: plan.anchor(['name']), message: '${message}' }); } }]`;
    const dir = repo({
      'finetune-lint.config.yaml': 'plugins: ["./lint/esm.mjs", "./lint/cjs.cjs"]\nrules:\n  data-file-missing: off\n',
      'lint/esm.mjs': `export const rules = ${rule('esm-rule', 'first esm')};\n`,
      'lint/cjs.cjs': `module.exports = { rules: ${rule('cjs-rule', 'first cjs')} };\n`,
    });
    const file = path.join(dir, 'finetune-plan.yaml');
    const client = await TestClient.start({ rootPath: dir });
    try {
      const uri = uriOf(file);
      client.open(uri, cleanPlan);
      const messages = (ds: Array<{ code?: unknown; message: unknown }>) => ds.filter((d) => String(d.code).endsWith('-rule')).map((d) => String(d.message));
      expect(messages(await client.diagnosticsFor(uri, 1))).toEqual(['first cjs', 'first esm']);
      const esm = path.join(dir, 'lint', 'esm.mjs');
      const cjs = path.join(dir, 'lint', 'cjs.cjs');
      await client.until(() => (JSON.stringify(client.registrations).includes(cjs) ? true : undefined), 'the plugin watcher registration');
      expect(JSON.stringify(client.registrations)).toContain(esm);

      writeFileSync(esm, `export const rules = ${rule('esm-rule', 'second esm')};\n`);
      writeFileSync(cjs, `module.exports = { rules: ${rule('cjs-rule', 'second cjs')} };\n`);
      const seen = client.published.length;
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(esm), type: 2 }, { uri: uriOf(cjs), type: 2 }] });
      expect(messages(await client.diagnosticsFor(uri, 1, seen))).toEqual(['second cjs', 'second esm']);
      // As the command line reads the same files.
      expect((await client.diagnosticsFor(uri, 1, seen)).map(asCliMessage)).toEqual(cliMessagesForText(file, cleanPlan));
    } finally {
      await client.stop();
    }
  });

  it('takes changed settings (workspace/didChangeConfiguration) and lints again', async () => {
    const dir = repo({});
    const file = path.join(dir, 'finetune-plan.yaml');
    const client = await TestClient.start({ rootPath: dir });
    try {
      const uri = uriOf(file);
      client.open(uri, cleanPlan);
      const before = await client.diagnosticsFor(uri, 1);
      expect(before.map((d) => d.code)).toEqual(['data-file-missing', 'data-file-missing']);
      const seen = client.published.length;
      client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { 'finetune-lint': { dataChecks: false, locale: 'zh-CN' } } });
      expect(await client.diagnosticsFor(uri, 1, seen)).toEqual([]);
      const v2 = client.change(uri, cleanPlan.replace('method: lora', 'method: lora\nmethd: x'));
      const after = await client.diagnosticsFor(uri, v2);
      expect(after.map(asCliMessage)).toEqual(cliMessagesForText(file, cleanPlan.replace('method: lora', 'method: lora\nmethd: x'), ['--locale', 'zh-CN', '--data-checks', 'off']));
      expect(String(after[0]!.message)).toMatch(/[\u4e00-\u9fff]/);
    } finally {
      await client.stop();
    }
  });

  it('shows a configuration that cannot be used on the plan', async () => {
    const dir = repo({ 'finetune-lint.config.yaml': 'rules:\n  vague-gaol: error\n' });
    const client = await TestClient.start({ rootPath: dir });
    try {
      const uri = uriOf(path.join(dir, 'finetune-plan.yaml'));
      client.open(uri, cleanPlan);
      const [d] = await client.diagnosticsFor(uri, 1);
      expect(d).toMatchObject({ code: 'config-error', severity: 1, range: { start: { line: 0, character: 0 } } });
      expect(d!.message).toContain('did you mean "vague-goal"?');
    } finally {
      await client.stop();
    }
  });

  it('runs the data checks on open and save, not on a keystroke', async () => {
    const dir = repo({ 'data/train.jsonl': '{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}\n' });
    const file = path.join(dir, 'finetune-plan.yaml');
    const client = await TestClient.start({ rootPath: dir });
    try {
      const uri = uriOf(file);
      const missing = (ds: Diagnostic[]): Array<[number, string]> => ds.filter((d) => d.code === 'data-file-missing').map((d) => [d.range.start.line, String(d.message)]);
      client.open(uri, cleanPlan);
      const opened = await client.diagnosticsFor(uri, 1);
      expect(opened.map(asCliMessage)).toEqual(cliMessagesForText(file, cleanPlan));
      expect(missing(opened)).toEqual([[19, expect.stringContaining('data/eval.jsonl')]]);
      // An edit on another line: the finding stays, moved with its line.
      const v2 = client.change(uri, `# a comment\n${cleanPlan}`);
      expect(missing(await client.diagnosticsFor(uri, v2))).toEqual([[20, expect.stringContaining('data/eval.jsonl')]]);
      // An edit of the line itself: the data checks do not run on a keystroke, so nothing is said about the new path…
      const renamed = `# a comment\n${cleanPlan.replace('data/eval.jsonl', 'data/other.jsonl')}`;
      const v3 = client.change(uri, renamed);
      expect(missing(await client.diagnosticsFor(uri, v3))).toEqual([]);
      // …until the plan is saved.
      const seen = client.published.length;
      client.save(uri);
      const saved = await client.diagnosticsFor(uri, v3, seen);
      expect(missing(saved)).toEqual([[20, expect.stringContaining('data/other.jsonl')]]);
      expect(saved.map(asCliMessage)).toEqual(cliMessagesForText(file, renamed));
    } finally {
      await client.stop();
    }
  });
});

describe('quick fixes', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ initializationOptions: { debounce: 0 } });
  });
  afterAll(async () => {
    await client.stop();
  });
  const uri = uriOf(path.join(repoRoot, 'examples', 'fixes.finetune-plan.yaml'));
  let version = 0;
  /** Opens (or replaces) the text and returns its diagnostics. */
  const lintText = async (text: string): Promise<Diagnostic[]> => {
    version++;
    if (version === 1) client.open(uri, text, version);
    else client.change(uri, text, version);
    return client.diagnosticsFor(uri, version);
  };

  it('renames an unknown key to the known key it is closest to; the plan then lints clean', async () => {
    const text = cleanPlan.replace('    metric: tone_guide_pass_rate', '    metirc: tone_guide_pass_rate');
    const diagnostics = await lintText(text);
    const action = await actionTitled(client, uri, diagnostics, 'Rename "metirc" to "metric"');
    expect(action).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [expect.objectContaining({ code: 'schema' })] });
    const fixed = applied(text, uri, action);
    expect(fixed).toBe(cleanPlan);
    expect(await lintText(fixed)).toEqual([]);
  });

  it('renames a key written in Chinese to the English key the diagnostic suggests', async () => {
    const text = cleanPlan.replace('    metric: tone_guide_pass_rate', '    指标: tone_guide_pass_rate');
    const diagnostics = await lintText(text);
    expect(diagnostics.find((d) => d.code === 'schema')?.message).toContain('did you mean "metric"?');
    const action = await actionTitled(client, uri, diagnostics, 'Rename "指标" to "metric"');
    const fixed = applied(text, uri, action);
    expect(fixed).toBe(cleanPlan);
    expect(await lintText(fixed)).toEqual([]);
  });

  it.each([
    ['no-eval-set', 'data.eval', (t: string) => t.replace('  eval:\n    path: data/eval.jsonl\n', '')],
    ['no-prompt-baseline', 'baselines.prompt', (t: string) => t.replace(/baselines:\n(?: {2,}.*\n)+/, '')],
    ['no-regression-eval', 'evaluation.regression', (t: string) => t.replace(/evaluation:\n(?: {2,}.*\n)+/, '')],
    ['high-risk-no-fallback', 'risk.fallback', (t: string) => t.replace('domain: internal writing assistant\n', 'domain: internal writing assistant\nrisk:\n  level: high\n')],
  ])('%s: inserts %s from the starter plan, placeholders to fill in', async (rule, section, strip) => {
    const text = strip(cleanPlan);
    const diagnostics = await lintText(text);
    expect(diagnostics.map((d) => d.code)).toEqual([rule]);
    const action = await actionTitled(client, uri, diagnostics, `Insert ${section} (from the starter plan)`);
    const fixed = applied(text, uri, action);
    // The section is there, with the starter plan's comments, and only its placeholders are left to fill in.
    const [parent, child] = section.split('.') as [string, string];
    const plan = parseDocument(fixed);
    expect(plan.errors).toEqual([]);
    expect(plan.hasIn([parent, child])).toBe(true);
    const after = await lintText(fixed);
    expect(after.length).toBeGreaterThan(0);
    expect(new Set(after.map((d) => d.code))).toEqual(new Set(['unfilled-placeholder']));
    const addedLines = new Set(fixed.split('\n').map((l, i) => (text.split('\n').includes(l) ? -1 : i)).filter((i) => i >= 0));
    for (const d of after) expect(addedLines.has(d.range.start.line), `${d.message} on an inserted line`).toBe(true);
    // Filling them in as the hints say gives a clean plan.
    const filled = fixed.replace(/"<FILL: ([^>]*)>"/g, (_, what: string) => JSON.stringify(`answer ${what.length}`));
    expect((await lintText(filled)).filter((d) => d.code === rule)).toEqual([]);
  });

  it('works the same on a plan with CRLF line breaks, and keeps them', async () => {
    const text = cleanPlan.replace('  eval:\n    path: data/eval.jsonl\n', '').replace(/\n/g, '\r\n');
    const diagnostics = await lintText(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['no-eval-set']);
    const action = await actionTitled(client, uri, diagnostics, 'Insert data.eval (from the starter plan)');
    const fixed = applied(text, uri, action);
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    expect(parseDocument(fixed).hasIn(['data', 'eval'])).toBe(true);
    const after = await lintText(fixed);
    expect(new Set(after.map((d) => d.code))).toEqual(new Set(['unfilled-placeholder']));
    // The key `evaluation:` (a section, no value on its line): its hover, and the keys it may hold.
    const line = fixed.split('\r\n').indexOf('evaluation:');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } })) as Hover;
    expect((hover.contents as { value: string }).value).toMatch(/^\*\*evaluation\*\*/);
  });

  it('inserts the section in Chinese into a Chinese plan', async () => {
    const zh = readFileSync(path.join(repoRoot, 'examples', 'zh-high-risk-no-fallback.yaml'), 'utf8');
    const diagnostics = await lintText(zh);
    const d = diagnostics.find((x) => x.code === 'high-risk-no-fallback')!;
    const action = await actionTitled(client, uri, [d], 'Insert risk.fallback (from the starter plan)');
    const fixed = applied(zh, uri, action);
    expect(fixed).toContain('由什么来兜住模型的错误');
    expect(parseDocument(fixed).hasIn(['risk', 'fallback'])).toBe(true);
  });

  it('adds a disable-next-line comment for the rule, with the reason left to write', async () => {
    const text = cleanPlan.replace('Replies follow the tone guide (greeting, one empathy line, at most 120 words).', 'Make replies better.');
    const diagnostics = await lintText(text);
    const vague = diagnostics.filter((d) => d.code === 'vague-goal');
    expect(vague.length).toBeGreaterThan(0);
    const action = await actionTitled(client, uri, [vague[0]!], 'Disable vague-goal for this line (give a reason)');
    const fixed = applied(text, uri, action);
    const line = vague[0]!.range.start.line;
    expect(fixed.split('\n')[line]).toBe('  # finetune-lint-disable-next-line vague-goal -- ');
    expect(fixed.split('\n')[line + 1]).toBe(text.split('\n')[line]);
    const after = await lintText(fixed);
    expect(after.filter((d) => d.code === 'vague-goal' && d.range.start.line === line + 1)).toEqual([]);
    // Built-in diagnostics cannot be suppressed: no such fix for them.
    const schema = await lintText(cleanPlan.replace('method: lora', 'method: lora\nmethd: x'));
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: schema[0]!.range,
      context: { diagnostics: schema },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['Rename "methd" to "method"']);
  });
});

describe('hover and completion', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  const hoverText = async (uri: string, line: number, character: number): Promise<string | undefined> => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null;
    return hover ? (hover.contents as { value: string }).value : undefined;
  };
  const labels = async (uri: string, line: number, character: number): Promise<string[]> => {
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionItem[];
    return items.map((i) => i.label);
  };

  it('hover on a key shows its schema title and description; on a finding, the rule and its document', async () => {
    const file = path.join(repoRoot, 'examples', 'first-draft.yaml');
    const uri = uriOf(file);
    client.open(uri, readFileSync(file, 'utf8'));
    await client.diagnosticsFor(uri, 1);
    // Line 8 (0-based 7) is `method: lora`.
    expect(await hoverText(uri, 7, 2)).toBe(
      '**method**\n\nThe fine-tuning method: how weights are trained (lora, qlora, full) or the training objective (sft, dpo, orpo, kto, simpo, ppo, grpo; rm = reward modelling, cpt = continued pre-training on plain text, kd = knowledge distillation).\n\nAllowed values: `sft`, `lora`, `qlora`, `full`, `dpo`, `orpo`, `kto`, `simpo`, `ppo`, `grpo`, `rm`, `cpt`, `kd`, `other`',
    );
    expect(await hoverText(uri, 6, 0)).toBe('**base_model** — base model\n\nThe model that will be fine-tuned, as the trainer names it.');
    // Line 15 (0-based 14) is `  round: 3`; retrain-without-analysis reports on the 3.
    const onFinding = await hoverText(uri, 14, 9);
    expect(onFinding).toBe(
      '**retrain-without-analysis**: A later round (iteration.round > 1) records no report or findings from the previous round.\n\n[Rule documentation](https://github.com/finetune-lint/finetune-lint/blob/main/rules/retrain-without-analysis.md)',
    );
    // A finding on a key: both.
    const both = await hoverText(uri, 4, 1);
    expect(both).toMatch(/^\*\*no-eval-set\*\*: [^]*\*\*no-prompt-baseline\*\*: [^]*\*\*no-regression-eval\*\*: [^]*---\n\n\*\*version\*\* — format version\n\nThe plan format version/);
    // Nothing to say on a value that is neither a key nor a finding.
    expect(await hoverText(uri, 5, 20)).toBeUndefined();
  });

  it('completes the keys allowed at the cursor that are not written yet, and enum values', async () => {
    const uri = uriOf(path.join(repoRoot, 'examples', 'completion.finetune-plan.yaml'));
    const text = `version: 1
name: tone
problem: "Replies are
  stiff and
  cold"
method: 
goals:
  - behavior: Replies follow the tone guide.
    
risk:
  level: 
training:
  framework: 
  
`;
    client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const top = await labels(uri, 13, 0);
    expect(top).toEqual(expect.arrayContaining(['base_model', 'data', 'baselines', 'evaluation']));
    for (const written of ['version', 'goals', 'problem']) expect(top).not.toContain(written);
    expect(await labels(uri, 8, 4)).toEqual(['id', 'metric', 'target', 'checks']);
    expect(await labels(uri, 5, 8)).toEqual(['sft', 'lora', 'qlora', 'full', 'dpo', 'orpo', 'kto', 'simpo', 'ppo', 'grpo', 'rm', 'cpt', 'kd', 'other']);
    expect(await labels(uri, 10, 9)).toEqual(['low', 'medium', 'high']);
    expect(await labels(uri, 12, 13)).toEqual(['llama-factory', 'axolotl', 'torchtune', 'trl', 'openai', 'other']);
    // Inside the text of problem (a quoted string over two lines): no keys.
    expect(await labels(uri, 4, 4)).toEqual([]);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 13, character: 2 } })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(['config']);
    expect(items[0]).toMatchObject({ kind: 10, insertText: 'config: ', detail: expect.stringMatching(/trainer/i) });
  });
});

describe('locale', () => {
  const file = path.join(repoRoot, 'examples', 'first-draft.yaml');
  const text = readFileSync(file, 'utf8');

  it.each([
    ['initializationOptions.locale', { initializationOptions: { locale: 'zh-CN' }, locale: 'en' }],
    ["the client's locale", { locale: 'zh-Hans' }],
    ['--locale on the command line', { args: ['--locale', 'zh-CN'], locale: 'en' }],
    ['the environment', { env: { LANG: 'zh_CN.UTF-8' } }],
  ])('speaks Chinese when %s says so, as the CLI does with --locale zh-CN', async (_, options) => {
    const client = await TestClient.start(options);
    try {
      const uri = uriOf(file);
      client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      expect(diagnostics.map(asCliMessage)).toEqual(cliMessagesForText(file, text, ['--locale', 'zh-CN']));
      expect(String(diagnostics[0]!.message)).toMatch(/[\u4e00-\u9fff]/);
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 2 } })) as Hover;
      expect((hover.contents as { value: string }).value).toMatch(/^\*\*method\*\* — 微调方法\n\n微调方法：/);
      const baseModel = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 0 } })) as Hover;
      expect((baseModel.contents as { value: string }).value).toBe('**base_model** — 基座模型\n\n要微调的模型，按训练工具中的名称填写。');
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0]!.range,
        context: { diagnostics: [diagnostics[0]!] },
      })) as CodeAction[];
      expect(actions.map((a) => a.title)).toContain('对这一行禁用 no-eval-set（请写明原因）');
    } finally {
      await client.stop();
    }
  });

  it('initializationOptions.locale wins over the client and the environment', async () => {
    const client = await TestClient.start({ initializationOptions: { locale: 'en' }, locale: 'zh-CN', env: { LANG: 'zh_CN.UTF-8' } });
    try {
      const uri = uriOf(file);
      client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      expect(diagnostics.map(asCliMessage)).toEqual(cliMessagesForText(file, text));
    } finally {
      await client.stop();
    }
  });
});

describe('failures', () => {
  it('a rule that throws is an internal-error diagnostic, as in the CLI; the other rules still report', async () => {
    const dir = repo({
      'finetune-lint.config.yaml': 'plugins: ["./lint/rules.mjs"]\nrules:\n  data-file-missing: off\n',
      'lint/rules.mjs': `export const rules = [{
  meta: { id: 'crashes-on-lora', severity: 'warning', description: 'Fails on LoRA plans.', hint: 'None.' },
  check({ plan }) { if (plan.text(['method']) === 'lora') throw new Error('boom'); },
}];
`,
    });
    const file = path.join(dir, 'finetune-plan.yaml');
    const client = await TestClient.start({ rootPath: dir });
    try {
      const uri = uriOf(file);
      const text = cleanPlan.replace('method: lora', 'method: lora\nmethd: x');
      client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      expect(diagnostics.map(asCliMessage)).toEqual(cliMessagesForText(file, text));
      expect(diagnostics.map((d) => [d.code, String(d.message)])).toEqual([
        ['internal-error', `rule "crashes-on-lora" (plugin ${path.join(dir, 'lint', 'rules.mjs')}) failed while checking this file: boom`],
        ['schema', expect.stringContaining('"methd"')],
      ]);
    } finally {
      await client.stop();
    }
  });

  it('a request that fails inside the server is logged to the client, and the server goes on serving', async () => {
    const client = await TestClient.start();
    try {
      const uri = uriOf(path.join(repoRoot, 'examples', 'failures.finetune-plan.yaml'));
      client.open(uri, cleanPlan);
      await client.diagnosticsFor(uri, 1);
      // A code action request without its context: the handler cannot read it.
      const answer = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
      expect(answer).toBeNull();
      const logged = await client.until(() => client.logs.find((l) => l.message.startsWith('finetune-lint: code actions failed: TypeError')), 'the error in the log');
      expect(logged.type).toBe(1);
      // Still serving: an edit is linted, a hover answered.
      const v2 = client.change(uri, cleanPlan.replace('method: lora', 'method: lora\nmethd: x'));
      expect((await client.diagnosticsFor(uri, v2)).map((d) => d.code)).toEqual(['schema']);
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 1 } })) as Hover;
      expect((hover.contents as { value: string }).value).toContain('**method**');
    } finally {
      await client.stop();
    }
  });
});
