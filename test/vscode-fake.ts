import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { minimatch } from 'minimatch';

/**
 * Just enough of VS Code's `vscode` module for vscode-languageclient to start
 * a server, sync open documents and hand back diagnostics: what the client
 * calls is recorded or implemented here, and anything else it reaches for
 * throws with its name (see {@link strict}), so that a test never runs on an
 * imitation that silently does nothing.
 */

type Listener<T> = (e: T) => unknown;

export class Disposable {
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  constructor(private readonly onDispose: () => unknown = () => undefined) {}
  dispose(): void {
    this.onDispose();
  }
}

export class EventEmitter<T> {
  private listeners: Array<Listener<T>> = [];
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  static parse(value: string): Uri {
    const url = new URL(value);
    return new Uri(url.protocol.replace(/:$/, ''), decodeURIComponent(url.pathname));
  }
  static file(fsPath: string): Uri {
    return new Uri('file', path.resolve(fsPath));
  }
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return this.scheme === 'file' ? pathToFileURL(this.path).href : `${this.scheme}:${this.path}`;
  }
  toJSON(): unknown {
    return { scheme: this.scheme, path: this.path };
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
}

export class Location {
  constructor(
    readonly uri: Uri,
    readonly range: Range,
  ) {}
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export enum DiagnosticTag {
  Unnecessary = 1,
  Deprecated = 2,
}

export class Diagnostic {
  code?: string | number | { value: string | number; target: Uri };
  source?: string;
  tags?: DiagnosticTag[];
  relatedInformation?: DiagnosticRelatedInformation[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export class DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}

/** A document as VS Code gives it to extensions: the text of a file, never edited here. */
export class TextDocument {
  readonly uri: Uri;
  readonly version = 1;
  readonly isClosed = false;
  readonly isUntitled = false;
  readonly isDirty = false;
  readonly eol = 1;
  readonly notebook = undefined;
  constructor(
    readonly fileName: string,
    readonly languageId: string,
  ) {
    this.uri = Uri.file(fileName);
  }
  getText(): string {
    return readFileSync(this.fileName, 'utf8');
  }
  get lineCount(): number {
    return this.getText().split('\n').length;
  }
}

/**
 * Classes the client extends when its modules load (its own code actions,
 * completion items, …). The tests here receive none of those from the
 * server, so they stay empty.
 */
class Unused {}
const subclassedByTheClient = Object.fromEntries(
  ['CallHierarchyItem', 'CodeAction', 'CodeLens', 'CompletionItem', 'DocumentLink', 'InlayHint', 'TypeHierarchyItem', 'SymbolInformation'].map((name) => [name, class extends Unused {}]),
);

export class CancellationError extends Error {}

export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

export enum LogLevel {
  Off = 0,
  Trace = 1,
  Debug = 2,
  Info = 3,
  Warning = 4,
  Error = 5,
}

export class MarkdownString {
  isTrusted?: boolean;
  supportHtml?: boolean;
  supportThemeIcons?: boolean;
  constructor(public value = '') {}
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

export class Hover {
  constructor(
    readonly contents: MarkdownString | MarkdownString[],
    readonly range?: Range,
  ) {}
}

export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Refactor = new CodeActionKind('refactor');
  static readonly RefactorExtract = new CodeActionKind('refactor.extract');
  static readonly RefactorInline = new CodeActionKind('refactor.inline');
  static readonly RefactorRewrite = new CodeActionKind('refactor.rewrite');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceOrganizeImports = new CodeActionKind('source.organizeImports');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
}

export interface DocumentFilter {
  language?: string;
  scheme?: string;
  pattern?: string;
}

/** Everything the fake saw that a test may look at. */
export interface Recorded {
  watchers: string[];
  /** The language features the client registered with VS Code (`registerHoverProvider` → `hover`), with the provider. */
  providers: Map<string, unknown>;
  /** The commands registered, by id. */
  commands: Map<string, (...args: unknown[]) => unknown>;
  diagnostics: Map<string, Diagnostic[]>;
  /** Fires `workspace.onDidChangeConfiguration`, after a test changed the settings. */
  changeConfiguration: (changed: string[]) => void;
  output: string[];
  errors: string[];
}

/**
 * An object that throws on any member it does not have, naming it: the
 * client needed something this fake lacks. `dynamic` may supply members by
 * name pattern.
 */
function strict<T extends object>(name: string, target: T, dynamic: (key: string) => unknown = () => undefined): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      const supplied = typeof key === 'string' && !(key in t) ? dynamic(key) : undefined;
      if (supplied !== undefined) return supplied;
      // Probes of what a value is (a module, a promise, JSON), not members the client uses.
      if (typeof key === 'symbol' || key in t || ['then', 'toJSON', '__esModule'].includes(key)) return Reflect.get(t, key, receiver);
      throw new Error(`fake vscode: ${name}.${key} is not implemented`);
    },
  });
}

const noEvent = (): Disposable => new Disposable();

/**
 * `languages.register…Provider` for whichever features the server offers:
 * each provider is kept (`registerHoverProvider` → `Hover`), for a test to call.
 */
function providerRegistration(recorded: Recorded, key: string): unknown {
  const feature = /^register(\w+)Provider$/.exec(key)?.[1];
  if (!feature) return undefined;
  return (_selector: unknown, provider: unknown) => {
    recorded.providers.set(feature, provider);
    return new Disposable(() => recorded.providers.delete(feature));
  };
}

/** The fake module, with `settings` for `workspace.getConfiguration`, the documents open in the editor and the display language. */
export function fakeVscode(
  settings: Record<string, unknown>,
  documents: TextDocument[],
  workspaceRoot: string,
  /** VS Code's display language (`env.language`: `en`, `zh-cn`, …). */
  language = 'en',
): { module: Record<string, unknown>; recorded: Recorded } {
  const configurationChanges = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
  const recorded: Recorded = {
    watchers: [],
    providers: new Map(),
    commands: new Map(),
    diagnostics: new Map(),
    output: [],
    errors: [],
    changeConfiguration: (changed) =>
      configurationChanges.fire({ affectsConfiguration: (section) => changed.some((key) => key === section || key.startsWith(`${section}.`)) }),
  };
  const outputChannel = (name: string) =>
    strict(`OutputChannel(${name})`, {
      name,
      logLevel: 2,
      onDidChangeLogLevel: noEvent,
      append: (s: string) => recorded.output.push(s),
      appendLine: (s: string) => recorded.output.push(s),
      replace: () => undefined,
      clear: () => undefined,
      show: () => undefined,
      hide: () => undefined,
      dispose: () => undefined,
      trace: (s: string) => recorded.output.push(s),
      debug: (s: string) => recorded.output.push(s),
      info: (s: string) => recorded.output.push(s),
      warn: (s: string) => recorded.output.push(s),
      error: (s: unknown) => recorded.errors.push(String(s)),
    });
  const configuration = (section?: string) =>
    strict(`WorkspaceConfiguration(${section})`, {
      get: (key: string, fallback?: unknown) => {
        const full = section ? `${section}.${key}` : key;
        return full in settings ? settings[full] : fallback;
      },
      has: (key: string) => (section ? `${section}.${key}` : key) in settings,
      inspect: () => undefined,
      update: () => Promise.resolve(),
    });
  const folder = { uri: Uri.file(workspaceRoot), name: path.basename(workspaceRoot), index: 0 };
  const matches = (filter: DocumentFilter | string, doc: TextDocument): boolean => {
    if (typeof filter === 'string') return filter === doc.languageId;
    if (filter.language !== undefined && filter.language !== doc.languageId) return false;
    if (filter.scheme !== undefined && filter.scheme !== doc.uri.scheme) return false;
    if (filter.pattern !== undefined && !minimatch(doc.uri.fsPath, filter.pattern, { dot: true })) return false;
    return true;
  };
  const module = {
    ...subclassedByTheClient,
    Disposable,
    CancellationError,
    CancellationTokenSource,
    CodeActionKind,
    MarkdownString,
    Hover,
    LogLevel,
    EventEmitter,
    Uri,
    Position,
    Range,
    Location,
    Diagnostic,
    DiagnosticSeverity,
    DiagnosticTag,
    DiagnosticRelatedInformation,
    version: '1.91.0',
    env: strict('env', { language, appName: 'fake vscode', machineId: 'fake', sessionId: 'fake', uiKind: 1, appRoot: workspaceRoot }),
    workspace: strict('workspace', {
      getConfiguration: configuration,
      createFileSystemWatcher: (glob: string) => {
        recorded.watchers.push(glob);
        return strict('FileSystemWatcher', { onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose: () => undefined, ignoreCreateEvents: false, ignoreChangeEvents: false, ignoreDeleteEvents: false });
      },
      workspaceFolders: [folder],
      getWorkspaceFolder: () => folder,
      textDocuments: documents,
      notebookDocuments: [],
      onDidChangeConfiguration: configurationChanges.event,
      onDidChangeWorkspaceFolders: noEvent,
      onDidOpenTextDocument: noEvent,
      onDidChangeTextDocument: noEvent,
      onDidCloseTextDocument: noEvent,
      onDidSaveTextDocument: noEvent,
      onWillSaveTextDocument: noEvent,
      onDidCreateFiles: noEvent,
      onDidRenameFiles: noEvent,
      onDidDeleteFiles: noEvent,
      onWillCreateFiles: noEvent,
      onWillRenameFiles: noEvent,
      onWillDeleteFiles: noEvent,
    }),
    window: strict('window', {
      createOutputChannel: outputChannel,
      showErrorMessage: (message: string) => {
        recorded.errors.push(message);
        return Promise.resolve(undefined);
      },
      showWarningMessage: (message: string) => {
        recorded.errors.push(message);
        return Promise.resolve(undefined);
      },
      showInformationMessage: () => Promise.resolve(undefined),
      activeTextEditor: undefined,
      visibleTextEditors: [],
      onDidChangeVisibleTextEditors: noEvent,
      onDidChangeActiveTextEditor: noEvent,
      tabGroups: strict('tabGroups', { all: [], onDidChangeTabs: noEvent, onDidChangeTabGroups: noEvent }),
    }),
    languages: strict(
      'languages',
      {
        match: (selector: ReadonlyArray<DocumentFilter | string>, doc: TextDocument) => (selector.some((f) => matches(f, doc)) ? 10 : 0),
        createDiagnosticCollection: (name: string) =>
          strict(`DiagnosticCollection(${name})`, {
            name,
            set: (uri: Uri, diagnostics: Diagnostic[] | undefined) => recorded.diagnostics.set(uri.toString(), diagnostics ?? []),
            delete: (uri: Uri) => recorded.diagnostics.delete(uri.toString()),
            clear: () => recorded.diagnostics.clear(),
            get: (uri: Uri) => recorded.diagnostics.get(uri.toString()),
            has: (uri: Uri) => recorded.diagnostics.has(uri.toString()),
            forEach: () => undefined,
            dispose: () => undefined,
          }),
      },
      (key) => providerRegistration(recorded, key),
    ),
    commands: strict('commands', {
      registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
        recorded.commands.set(id, run);
        return new Disposable(() => recorded.commands.delete(id));
      },
      executeCommand: () => Promise.resolve(undefined),
    }),
    extensions: strict('extensions', { all: [], getExtension: () => undefined, onDidChange: noEvent }),
  };
  return { module: strict('vscode', module), recorded };
}
