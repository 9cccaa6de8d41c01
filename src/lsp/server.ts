import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  CodeActionKind,
  TextDocumentSyncKind,
  type CodeActionParams,
  type Connection,
  type TextDocumentPositionParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../core/diagnostic.js';
import { normalizeLocale, resolveLocale, type Locale } from '../core/i18n/index.js';
import type { AnyRule } from '../core/rule.js';
import { CONFIG_FILE_NAMES } from '../core/config/schema.js';
import { codeActionsFor } from './code-actions.js';
import { completionsAt } from './completion.js';
import { toLspDiagnostic } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { PlanLinter, type DataFindings } from './plan-linter.js';

/**
 * The finetune-lint language server: `finetune-lint lsp --stdio`.
 *
 * It lints the text of each open plan as it is typed (after a short pause),
 * with the configuration that applies to the plan's file, and publishes the
 * findings as diagnostics. The data checks, which read the datasets a plan
 * names, run when a plan is opened or saved, never on a keystroke. A result
 * computed for a version of a document older than the newest one the server
 * has is dropped, never shown over a newer one.
 */

/** Settings a client passes in `initializationOptions`, or later in `workspace/didChangeConfiguration` under `finetune-lint` (all optional). */
export interface ServerSettings {
  /** `en` or `zh-CN`: the language of messages, hovers and quick fixes. */
  locale?: string;
  /** Run the data checks on open and save (default true). */
  dataChecks?: boolean;
  /** Let the data checks read files outside the plan's repository (default false). */
  allowOutsideRoot?: boolean;
  /** Milliseconds to wait after a keystroke before linting (default 150). */
  debounce?: number;
}

export interface LanguageServerOptions {
  /** `--locale` given on the command line: wins over the client's locale, not over `initializationOptions.locale`. */
  locale?: Locale;
}

export const DEFAULT_DEBOUNCE_MS = 150;

/** What the server knows of one open plan. */
interface OpenPlan {
  doc: TextDocument;
  filePath?: string;
  timer?: ReturnType<typeof setTimeout>;
  /** The last data-check findings, and the text they were computed on. */
  data?: DataFindings;
  /** Lints started for this plan so far: a result is published only if no lint started later has published first. */
  started: number;
  /** The last result published: its version, which lint it came from, findings, the rules known and the locale used. */
  published?: { version: number; run: number; messages: Diagnostic[]; rules: ReadonlyMap<string, AnyRule>; locale: Locale };
}

/** The server's state, shared by the request handlers. */
export interface ServerState {
  connection: Connection;
  plans: Map<string, OpenPlan>;
  /** The language for a plan, given the configuration that applies to it. */
  localeFor: (configured: Locale | undefined) => Locale;
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Starts the server on the transport named on the command line (`--stdio`, `--node-ipc`, `--socket=<port>`). */
export function startLanguageServer(options: LanguageServerOptions = {}): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const plans = new Map<string, OpenPlan>();
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let fixedLocale: Locale | undefined = options.locale;
  let linter: PlanLinter | undefined;
  let watchRegistration = false;

  /** Initialization options first, then `--locale`, then the client's UI language, then the configuration, then the environment. */
  const localeFor = (configured: Locale | undefined): Locale =>
    fixedLocale ?? normalizeLocale(process.env.FINETUNE_LINT_LOCALE) ?? configured ?? resolveLocale(undefined, process.env) ?? 'en';

  const logError = (what: string, err: unknown): void => {
    connection.console.error(`finetune-lint: ${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  };

  const lint = async (plan: OpenPlan, withData: boolean): Promise<void> => {
    if (!linter) return;
    const { doc } = plan;
    const version = doc.version;
    const text = doc.getText();
    const run = ++plan.started;
    const outcome = await linter.lint({
      text,
      ...(plan.filePath ? { filePath: plan.filePath } : {}),
      withData,
      ...(plan.data ? { previousData: plan.data } : {}),
    });
    watchPlugins(outcome.plugins ?? []);
    const current = plans.get(doc.uri);
    if (outcome.data && current === plan) {
      plan.data = outcome.data;
      // Findings of the data checks on an older text join the current one's diagnostics.
      if (plan.doc.version !== version) schedule(plan, 0);
    }
    // Stale: the document changed (or closed) while this version was linted, or a newer result is out already.
    if (current !== plan || plan.doc.version !== version) return;
    if (plan.published && (plan.published.version > version || plan.published.run > run)) return;
    plan.published = { version, run, messages: outcome.result.messages, rules: outcome.rules, locale: outcome.locale };
    await connection.sendDiagnostics({
      uri: doc.uri,
      version,
      diagnostics: outcome.result.messages.map((m) => toLspDiagnostic(m, doc.uri, outcome.rules)),
    });
  };

  const lintSafely = (plan: OpenPlan, withData: boolean): void => {
    lint(plan, withData).catch((err: unknown) => logError(`linting ${plan.doc.uri} failed`, err));
  };

  const schedule = (plan: OpenPlan, delay: number, withData = false): void => {
    if (plan.timer) clearTimeout(plan.timer);
    plan.timer = setTimeout(() => {
      plan.timer = undefined;
      lintSafely(plan, withData);
    }, delay);
  };

  let clientLocale: Locale | undefined;
  /** Takes the settings given at start or changed later (`workspace/didChangeConfiguration`). */
  const apply = (settings: ServerSettings): void => {
    fixedLocale = normalizeLocale(settings.locale) ?? options.locale ?? clientLocale;
    debounceMs = typeof settings.debounce === 'number' && settings.debounce >= 0 ? settings.debounce : DEFAULT_DEBOUNCE_MS;
    linter?.setDataChecks(settings.dataChecks !== false, settings.allowOutsideRoot === true);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = normalizeLocale(params.locale ?? undefined);
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const cwd = (folder && filePathOf(folder)) ?? process.cwd();
    linter = new PlanLinter({ cwd, dataChecks: true, allowOutsideRoot: false, localeFor });
    apply((params.initializationOptions ?? {}) as ServerSettings);
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'finetune-lint' },
    };
  });

  /** Plugin files the editor has been asked to watch: an edited plugin is loaded again, and the open plans linted with it. */
  const watchedPlugins = new Set<string>();
  const watchPlugins = (files: readonly string[]): void => {
    const fresh = files.filter((f) => !watchedPlugins.has(f));
    if (!watchRegistration || fresh.length === 0) return;
    for (const f of fresh) watchedPlugins.add(f);
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: fresh.map((f) => ({ globPattern: f.split(path.sep).join('/') })) })
      .catch((err: unknown) => logError('registering for plugin file changes failed', err));
  };

  connection.onInitialized(() => {
    if (!watchRegistration) return;
    const names = [...CONFIG_FILE_NAMES, 'package.json'].join(',');
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/{${names}}` }] })
      .catch((err: unknown) => logError('registering for configuration file changes failed', err));
  });

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const doc = TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    const filePath = filePathOf(doc.uri);
    const plan: OpenPlan = { doc, started: 0, ...(filePath ? { filePath } : {}) };
    const before = plans.get(doc.uri);
    if (before?.timer) clearTimeout(before.timer);
    plans.set(doc.uri, plan);
    lintSafely(plan, true);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const plan = plans.get(textDocument.uri);
    if (!plan) return;
    // A change for a version the server already has (or an older one) is out of order: applying it would corrupt the text.
    if (textDocument.version <= plan.doc.version) {
      connection.console.warn(`finetune-lint: ignored a change to ${textDocument.uri} for version ${textDocument.version}; the server has version ${plan.doc.version}`);
      return;
    }
    plan.doc = TextDocument.update(plan.doc, contentChanges, textDocument.version);
    schedule(plan, debounceMs);
  });

  connection.onDidSaveTextDocument(({ textDocument }) => {
    const plan = plans.get(textDocument.uri);
    if (!plan) return;
    if (plan.timer) clearTimeout(plan.timer);
    plan.timer = undefined;
    lintSafely(plan, true);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const plan = plans.get(textDocument.uri);
    if (plan?.timer) clearTimeout(plan.timer);
    plans.delete(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  // Settings changed in the editor, under the section `finetune-lint` (the same keys as initializationOptions).
  connection.onDidChangeConfiguration(({ settings }: { settings?: Record<string, unknown> }) => {
    const section = settings?.['finetune-lint'];
    if (!section || typeof section !== 'object') return;
    apply(section as ServerSettings);
    for (const plan of plans.values()) schedule(plan, 0, true);
  });

  connection.onDidChangeWatchedFiles(() => {
    // A configuration file (or a package.json holding one), or a plugin, changed: every plan may be linted differently now.
    linter?.reloadConfiguration();
    for (const plan of plans.values()) schedule(plan, 0, true);
  });

  // The server's own memory (Node's process.memoryUsage()), for `npm run bench` and for anyone wondering what an editor keeps running.
  connection.onRequest('finetune-lint/memoryUsage', () => process.memoryUsage());

  const state: ServerState = { connection, plans, localeFor };
  registerLanguageFeatures(state);

  // Whatever fails inside a handler is logged to the client; the server goes on serving.
  process.on('uncaughtException', (err) => logError('unexpected error', err));
  process.on('unhandledRejection', (err) => logError('unexpected error', err));

  connection.listen();
  return connection;
}

/**
 * Hover, completion and quick fixes. A handler that fails logs the error to
 * the client and answers nothing; the server goes on serving.
 */
function registerLanguageFeatures({ connection, plans, localeFor }: ServerState): void {
  const guarded =
    <P, R>(name: string, handler: (params: P) => R) =>
    (params: P): R | null => {
      try {
        return handler(params);
      } catch (err) {
        connection.console.error(`finetune-lint: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return null;
      }
    };
  /** The language a plan was last linted in (that of its configuration), else the server's. */
  const localeOf = (plan: OpenPlan): Locale => plan.published?.locale ?? localeFor(undefined);

  connection.onHover(
    guarded('hover', ({ textDocument, position }: TextDocumentPositionParams) => {
      const plan = plans.get(textDocument.uri);
      if (!plan) return null;
      // Findings of the version on screen only: after an edit, until the next result, ranges may have moved.
      const findings = plan.published?.version === plan.doc.version ? plan.published.messages : [];
      return hoverAt(plan.doc.getText(), position, findings, plan.published?.rules ?? new Map(), localeOf(plan));
    }),
  );

  connection.onCompletion(
    guarded('completion', ({ textDocument, position }: TextDocumentPositionParams) => {
      const plan = plans.get(textDocument.uri);
      return plan ? completionsAt(plan.doc.getText(), position, localeOf(plan)) : null;
    }),
  );

  connection.onCodeAction(
    guarded('code actions', ({ textDocument, context }: CodeActionParams) => {
      const plan = plans.get(textDocument.uri);
      return plan ? codeActionsFor(textDocument.uri, plan.doc.getText(), context.diagnostics, localeOf(plan)) : null;
    }),
  );
}
