import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliMessages, repoRoot, type CliMessage } from './cli-helpers.js';
import { CancellationTokenSource, DiagnosticSeverity, fakeVscode, Position, TextDocument, Uri, type Diagnostic, type Hover } from './vscode-fake.js';
import { minimatch } from 'minimatch';
import { CONFIG_FILE_NAMES } from '../src/core/config/schema.js';
import { readZip } from './zip.js';

/**
 * The VS Code extension (editors/vscode/) built as a user builds it and
 * packaged by vsce itself, which validates the manifest (engines against
 * @types/vscode, publisher, repository, …) and fails on a bad one.
 */
const extensionDir = path.join(repoRoot, 'editors', 'vscode');

interface Manifest {
  name: string;
  version: string;
  publisher: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: { commands: Array<{ command: string }>; configuration: { properties: Record<string, { default: unknown; enum?: string[] }> } };
  capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: { supported: boolean } };
  devDependencies: Record<string, string>;
  dependencies?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8')) as Manifest;
const rootPackage = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;

/** `^1.91.0` → [1, 91, 0]. */
function minimum(range: string): number[] {
  const m = /^\^?(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!m) throw new Error(`not a caret range: ${range}`);
  return m.slice(1).map(Number);
}
const atLeast = (a: number[], b: number[]) => a[0]! !== b[0]! ? a[0]! > b[0]! : a[1]! !== b[1]! ? a[1]! > b[1]! : a[2]! >= b[2]!;

let files: Map<string, Buffer>;
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  // As the README says: `npm run package` in editors/vscode (the build, then `vsce package --no-dependencies`).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ftl-vsix-'));
  scratch.push(dir);
  const out = path.join(dir, 'finetune-lint.vsix');
  execFileSync('npm', ['run', 'package', '--', '--out', out], { cwd: extensionDir, stdio: 'pipe', encoding: 'utf8' });
  files = readZip(readFileSync(out));
}, 120_000);

describe('the VS Code extension', () => {
  it('packages into a .vsix with its manifest, its bundle and the whole server', () => {
    expect(JSON.parse(files.get('extension/package.json')!.toString('utf8'))).toEqual(manifest);
    expect(manifest.main).toBe('./dist/extension.js');
    expect(files.has('extension/dist/extension.js')).toBe(true);
    // The server is the finetune-lint command the root builds, every part of it, byte for byte.
    const serverParts = readdirSync(path.join(repoRoot, 'dist')).filter((f) => f.endsWith('.cjs'));
    expect(serverParts).toContain('cli.cjs');
    for (const part of serverParts) {
      expect(files.get(`extension/dist/server/${part}`)?.equals(readFileSync(path.join(repoRoot, 'dist', part))), part).toBe(true);
    }
    // Nothing else: no sources, no node_modules, no stray build output.
    const rest = [...files.keys()].filter((f) => f.startsWith('extension/') && !f.startsWith('extension/dist/server/'));
    expect(rest.sort()).toEqual(['extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/package.json', 'extension/readme.md']);
  });

  it('has a bundle that needs nothing but vscode and Node built-ins', () => {
    const bundle = files.get('extension/dist/extension.js')!.toString('utf8');
    const required = [...bundle.matchAll(/\brequire\(\s*(["'])([^"']+)\1\s*\)/g)].map((m) => m[2]!);
    // Every require is a literal one (esbuild resolved the rest into the bundle)…
    expect([...bundle.matchAll(/\brequire\(/g)].length).toBe(required.length);
    expect(required).toContain('vscode');
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    // …and names vscode or a Node built-in.
    expect([...new Set(required)].filter((r) => r !== 'vscode' && !builtins.has(r))).toEqual([]);
  });

  it('declares a VS Code version that the typings and the client library allow', () => {
    // vsce (above) refuses an engines.vscode older than @types/vscode; the extension is built against the root's copy.
    for (const dep of ['@types/vscode', 'vscode-languageclient', 'esbuild', '@vscode/vsce']) {
      expect(manifest.devDependencies[dep], dep).toBe(rootPackage.devDependencies![dep]);
    }
    const client = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8')) as { engines: { vscode: string } };
    expect(atLeast(minimum(manifest.engines.vscode), minimum(client.engines.vscode))).toBe(true);
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.activationEvents).toEqual(['workspaceContains:**/finetune-plan.yaml', 'workspaceContains:**/*.finetune-plan.yaml', 'onLanguage:yaml']);
    expect(manifest.contributes.configuration.properties['finetuneLint.locale']?.enum).toEqual(['auto', 'en', 'zh-CN']);
    expect(manifest.contributes.configuration.properties['finetuneLint.dataChecks']?.default).toBe(true);
    // A workspace's configuration can load plugin rules (JavaScript): not in a workspace the user has not trusted.
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(false);
    expect(manifest.capabilities.virtualWorkspaces.supported).toBe(false);
  });

  it('is not a dependency, a workspace or a file of the finetune-lint package', () => {
    expect(rootPackage.workspaces).toBeUndefined();
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
      expect(Object.values(rootPackage[field] ?? {}).filter((v) => v.includes('editors'))).toEqual([]);
    }
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
    const packed = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(packed.filter((f) => f.startsWith('editors/'))).toEqual([]);
  });
});

/** The .vsix unpacked into a folder, as VS Code installs it: `<folder>/extension/…`. */
function unpack(archive: Map<string, Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ftl-vscode-ext-'));
  scratch.push(dir);
  for (const [name, data] of archive) {
    if (name.endsWith('/')) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return path.join(dir, 'extension');
}

interface ExtensionModule {
  activate(context: unknown): Promise<void>;
  deactivate(): Promise<void>;
}

/**
 * Loads the installed extension's bundle with `vscode` resolved to the fake,
 * as VS Code's extension host resolves it (the bundle's modules require it
 * when they first run, so the hook stays until `restore`).
 */
function loadExtension(extensionRoot: string, vscode: unknown): { extension: ExtensionModule; restore: () => void } {
  const requireHere = createRequire(import.meta.url);
  const Module = requireHere('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = Module._load;
  Module._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : original.call(this, request, ...rest);
  };
  return { extension: requireHere(path.join(extensionRoot, 'dist', 'extension.js')) as ExtensionModule, restore: () => (Module._load = original) };
}

/** Whether the processes' command lines can be read (Linux, where CI runs; elsewhere the checks on them are left out). */
const canSeeProcesses = existsSync('/proc/self/cmdline');

/** The processes whose command line runs a file of the unpacked extension (Linux: /proc). */
function serversRunningFrom(extensionRoot: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes(extensionRoot)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function until(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** rule, severity, message and 1-based range, as the CLI's JSON has them. */
const fromCli = (m: CliMessage) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId}: ${m.message}`;
function fromVscode(d: Diagnostic): string {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  const severity = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' }[d.severity];
  return `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${severity} ${code}: ${d.message}`;
}

describe('the VS Code extension, activated', () => {
  it("starts its own server for the plans its settings select, in VS Code's language or the one set, and shows its findings and hover", { timeout: 90_000 }, async () => {
    const extensionRoot = unpack(files);
    const plan = (p: string) => new TextDocument(path.join(repoRoot, p), 'yaml');
    const byPattern = plan('examples/zh-knowledge-injection.yaml');
    const byName = plan('examples/team-rules/finetune-plan.yaml');
    const clean = plan('examples/support-tone.finetune-plan.yaml');
    const notSelected = plan('examples/first-draft.yaml');
    // The locale `auto`: VS Code's display language, Chinese here.
    const settings: Record<string, unknown> = { 'finetuneLint.files': ['examples/zh-*.yaml'], 'finetuneLint.locale': 'auto', 'finetuneLint.dataChecks': true };
    // The plan no pattern selects comes first, so that the client would have sent it to the server first.
    const { module: vscode, recorded } = fakeVscode(settings, [notSelected, byPattern, byName, clean], repoRoot, 'zh-cn');
    const { extension, restore } = loadExtension(extensionRoot, vscode);
    const subscriptions: Array<{ dispose(): unknown }> = [];
    const context = { subscriptions, extensionPath: extensionRoot, extensionUri: Uri.file(extensionRoot), asAbsolutePath: (p: string) => path.join(extensionRoot, p) };
    try {
      // Resolves once the server has answered `initialize`.
      await extension.activate(context).catch((err: unknown) => {
        throw new Error(`activate failed: ${String(err)}\nclient output:\n${recorded.output.join('\n')}\nerrors:\n${recorded.errors.join('\n')}`);
      });
      const wanted = [byPattern, byName, clean].map((d) => d.uri.toString());
      await until('diagnostics for the three selected plans', () => wanted.every((u) => recorded.diagnostics.has(u)), 30_000);
      for (const doc of [byPattern, byName, clean]) {
        const expected = cliMessages(['--locale', 'zh-CN', doc.fileName]).map(fromCli).sort();
        expect(recorded.diagnostics.get(doc.uri.toString())!.map(fromVscode).sort(), doc.fileName).toEqual(expected);
      }
      expect(recorded.diagnostics.get(byPattern.uri.toString())!.length).toBeGreaterThan(0);
      for (const d of recorded.diagnostics.get(byPattern.uri.toString())!) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(recorded.diagnostics.has(notSelected.uri.toString())).toBe(false);
      // The server had VS Code watch its configuration files (dynamic registration, through the client).
      for (const name of CONFIG_FILE_NAMES) {
        expect(recorded.watchers.some((glob) => minimatch(path.join(repoRoot, 'examples', name), glob)), name).toBe(true);
      }
      expect(recorded.errors).toEqual([]);

      // The server's language features reach VS Code through the client: hover on the plan's first key, where the
      // team's plugin rule reports (the plan names no owner), shows that rule.
      expect([...recorded.providers.keys()]).toEqual(expect.arrayContaining(['CodeActions', 'CompletionItem', 'Hover']));
      const hoverProvider = recorded.providers.get('Hover') as {
        provideHover(doc: TextDocument, at: Position, token: unknown): Promise<Hover | undefined>;
      };
      const versionLine = byName.getText().split('\n').findIndex((l) => l.startsWith('version:'));
      const hover = await hoverProvider.provideHover(byName, new Position(versionLine, 2), new CancellationTokenSource().token);
      const markdown = [hover?.contents ?? []].flat().map((m) => m.value).join('\n');
      expect(markdown).toContain('**require-owner**');

      // A locale set in the settings restarts the server, which lints the open plans again, in English now.
      recorded.diagnostics.clear();
      settings['finetuneLint.locale'] = 'en';
      recorded.changeConfiguration(['finetuneLint.locale']);
      await until('diagnostics after the restart', () => wanted.every((u) => recorded.diagnostics.has(u)), 30_000);
      const expected = cliMessages(['--locale', 'en', byPattern.fileName]).map(fromCli).sort();
      expect(recorded.diagnostics.get(byPattern.uri.toString())!.map(fromVscode).sort()).toEqual(expected);
      for (const d of recorded.diagnostics.get(byPattern.uri.toString())!) expect(d.message).toMatch(/^[a-z]/i);
      expect(recorded.errors).toEqual([]);
      // One server: the restart ended the old one.
      if (canSeeProcesses) await until('a single server after the restart', () => serversRunningFrom(extensionRoot).length === 1, 10_000);

      // The command the manifest contributes restarts it too: a new process, which lints the open plans again.
      for (const { command } of manifest.contributes.commands) expect(recorded.commands.has(command), command).toBe(true);
      const [before] = canSeeProcesses ? serversRunningFrom(extensionRoot) : [];
      recorded.diagnostics.clear();
      await recorded.commands.get('finetuneLint.restartServer')!();
      await until('diagnostics after the restart command', () => wanted.every((u) => recorded.diagnostics.has(u)), 30_000);
      if (canSeeProcesses) {
        await until('a single, new server', () => serversRunningFrom(extensionRoot).length === 1 && serversRunningFrom(extensionRoot)[0] !== before, 10_000);
      }
      expect(recorded.errors).toEqual([]);
    } finally {
      await extension.deactivate();
      for (const s of subscriptions) s.dispose();
      restore();
    }
    // Deactivating ends it.
    if (canSeeProcesses) await until('the server to exit', () => serversRunningFrom(extensionRoot).length === 0, 10_000);
  });
});
