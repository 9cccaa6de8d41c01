import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { cliPath, repoRoot } from './cli-helpers.js';

/**
 * A language client for tests: starts the built server as an editor does
 * (`node dist/cli.cjs lsp --stdio`) and talks JSON-RPC to it over the
 * process's stdin and stdout, keeping every notification it receives.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  /** Every publishDiagnostics, in the order received. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every window/logMessage text. */
  readonly logs: Array<{ type: number; message: string }> = [];
  /** Every capability the server registered with the client. */
  readonly registrations: unknown[] = [];
  private waiters: Array<() => void> = [];
  private readonly versions = new Map<string, number>();

  private constructor(readonly process: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push(params);
      this.wake();
    });
    this.connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      this.wake();
      return null;
    });
    this.connection.listen();
  }

  /** Starts the server and initializes it. */
  static async start(
    options: {
      initializationOptions?: Record<string, unknown>;
      locale?: string;
      rootPath?: string;
      env?: Record<string, string | undefined>;
      args?: string[];
    } = {},
  ): Promise<TestClient> {
    const env: Record<string, string | undefined> = {
      ...process.env,
      FINETUNE_LINT_LOCALE: undefined,
      LC_ALL: undefined,
      LC_MESSAGES: undefined,
      LANG: undefined,
      ...options.env,
    };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const child = spawn(process.execPath, [cliPath, 'lsp', '--stdio', ...(options.args ?? [])], {
      cwd: repoRoot,
      env: env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const client = new TestClient(child);
    const root = options.rootPath ?? repoRoot;
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'root' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      ...(options.locale ? { locale: options.locale } : {}),
      initializationOptions: options.initializationOptions ?? {},
    });
    client.connection.sendNotification('initialized', {});
    return client;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when `done()` holds, checked at each notification; fails after `timeoutMs`. */
  async until<T>(done: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = done();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The publications for `uri` so far, in order. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** The diagnostics published for `uri` at `version` (the first such publication after `after` publications). */
  diagnosticsFor(uri: string, version: number, after = 0): Promise<Diagnostic[]> {
    return this.until(
      () => this.published.slice(after).find((p) => p.uri === uri && p.version === version)?.diagnostics,
      `diagnostics of ${uri} at version ${version}`,
    );
  }

  open(uri: string, text: string, version = 1): void {
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string, version = (this.versions.get(uri) ?? 0) + 1): number {
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  save(uri: string): void {
    this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 5000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

/** An LSP diagnostic in the CLI's JSON shape (1-based positions, severity 2 = error), to compare the two. */
export function asCliMessage(d: Diagnostic): Record<string, unknown> {
  return {
    ruleId: d.code,
    severity: d.severity === 1 ? 2 : 1,
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    hint: d.relatedInformation?.[0]?.message ?? '',
  };
}
