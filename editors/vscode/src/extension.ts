/**
 * The finetune-lint extension for VS Code: starts the language server that
 * ships inside the extension (the package's own `finetune-lint lsp --stdio`,
 * run on VS Code's Node) for plan files, and restarts it when a setting that
 * shapes it changes.
 */
import * as path from 'node:path';
import { commands, workspace, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** The settings' prefix (`finetuneLint.files`, `finetuneLint.locale`, …); also the client's id, so `finetuneLint.trace.server` traces it. */
export const SECTION = 'finetuneLint';

/** The plan files every workspace gets, before the `finetuneLint.files` setting adds its own. */
export const PLAN_PATTERNS = ['**/finetune-plan.yaml', '**/*.finetune-plan.yaml'];

/** Settings whose change needs a new server (they are read at start-up). */
const RESTART_ON = ['files', 'locale', 'dataChecks'];

export interface Settings {
  files: string[];
  locale: 'auto' | 'en' | 'zh-CN';
  dataChecks: boolean;
}

/** What the server receives in `initialize`. */
export interface InitializationOptions {
  /** Absent for `auto`: the server then takes the client's UI language, as `finetune-lint` takes the environment's. */
  locale?: 'en' | 'zh-CN';
  dataChecks: boolean;
}

/**
 * A glob from the `finetuneLint.files` setting as a document filter pattern.
 * VS Code matches a filter's pattern against the whole path, so a pattern
 * written relative to the workspace (`plans/*.yaml`) gets a leading `**` and
 * slash, to match at any depth.
 */
export function filePattern(glob: string): string {
  const trimmed = glob.trim().replace(/^\.\//, '');
  return trimmed.startsWith('**/') || trimmed.startsWith('/') || /^[A-Za-z]:[\\/]/.test(trimmed) ? trimmed : `**/${trimmed}`;
}

export function documentSelector(settings: Settings): DocumentSelector {
  const patterns = [...PLAN_PATTERNS, ...settings.files.filter((f) => f.trim() !== '').map(filePattern)];
  return [...new Set(patterns)].map((pattern) => ({ scheme: 'file', pattern }));
}

export function initializationOptions(settings: Settings): InitializationOptions {
  return { ...(settings.locale === 'auto' ? {} : { locale: settings.locale }), dataChecks: settings.dataChecks };
}

function readSettings(): Settings {
  const config = workspace.getConfiguration(SECTION);
  const locale = config.get<string>('locale', 'auto');
  return {
    files: config.get<string[]>('files', []),
    locale: locale === 'en' || locale === 'zh-CN' ? locale : 'auto',
    dataChecks: config.get<boolean>('dataChecks', true) !== false,
  };
}

/** The server inside the extension: dist/server/cli.cjs is the `finetune-lint` command, run as `finetune-lint lsp --stdio`. */
export function serverOptions(extensionPath: string): ServerOptions {
  const serverModule = path.join(extensionPath, 'dist', 'server', 'cli.cjs');
  // The client adds `--stdio` (and `--clientProcessId=<pid>`) for the stdio transport.
  return {
    run: { module: serverModule, args: ['lsp'], transport: TransportKind.stdio },
    debug: { module: serverModule, args: ['lsp'], transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
}

function createClient(context: ExtensionContext): LanguageClient {
  const settings = readSettings();
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(settings),
    initializationOptions: initializationOptions(settings),
    // No `synchronize`: the server reads its settings from initializationOptions (a change restarts
    // it, below) and asks the client itself to watch the configuration files it reads.
  };
  return new LanguageClient(SECTION, 'finetune-lint', serverOptions(context.extensionPath), clientOptions);
}

let client: LanguageClient | undefined;

/** The command that starts a fresh server (after installing a plugin, or when the server is stuck). */
export const RESTART_COMMAND = `${SECTION}.restartServer`;

export async function activate(context: ExtensionContext): Promise<void> {
  const restart = async (): Promise<void> => {
    const old = client;
    client = createClient(context);
    await stopClient(old);
    await client.start();
  };
  // Listening first: a server that failed to start gets another chance when a setting is corrected.
  context.subscriptions.push(
    workspace.onDidChangeConfiguration(async (event) => {
      if (RESTART_ON.some((key) => event.affectsConfiguration(`${SECTION}.${key}`))) await restart();
    }),
    commands.registerCommand(RESTART_COMMAND, restart),
  );
  client = createClient(context);
  await client.start();
}

/** Stops a client that is starting or running (one whose server failed to start has nothing to stop). */
async function stopClient(old: LanguageClient | undefined): Promise<void> {
  if (old?.needsStop()) await old.stop();
}

export async function deactivate(): Promise<void> {
  const old = client;
  client = undefined;
  await stopClient(old);
}
