import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliMessages, cliPath, repoRoot, type CliMessage } from './cli-helpers.js';

/**
 * The language server in a real editor: Neovim (Debian's, 0.7 on bookworm)
 * started headless with `finetune-lint lsp --stdio` as its client's server,
 * opens an example plan, waits for the diagnostics and writes out what it
 * then holds (test/neovim/diagnostics.lua). They must be the findings
 * `finetune-lint --format json` gives for the same file: same rule, severity,
 * message and range. `.ci/run` installs Neovim and sets
 * FINETUNE_LINT_TEST_NEOVIM=require, so that in CI a missing Neovim fails
 * instead of skipping.
 */
const hasNeovim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
const required = process.env.FINETUNE_LINT_TEST_NEOVIM === 'require';
const script = path.join(repoRoot, 'test', 'neovim', 'diagnostics.lua');

/** How long Neovim waits for the first diagnostics, and how long the whole run may take (a loaded 2-core machine is slow to start both). */
const DIAGNOSTICS_TIMEOUT_MS = 30_000;
const RUN_TIMEOUT_MS = 60_000;

/** One diagnostic as Neovim holds it (vim.diagnostic.get): 0-based lines, 0-based byte columns. */
interface NeovimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source?: string;
  code: string | null;
}

/** An edit for Neovim to make in one line: 0-based line, byte columns. */
interface NeovimEdit {
  line: number;
  start_col: number;
  end_col: number;
  text: string;
}

/** The first `find` in `text` replaced with `replace` (within one line), as the edited text and as Neovim's edit. */
function edited(text: string, find: string, replace: string): { text: string; edit: NeovimEdit } {
  const at = text.indexOf(find);
  if (at < 0 || find.includes('\n') || replace.includes('\n')) throw new Error(`cannot edit: ${JSON.stringify(find)}`);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const startCol = Buffer.byteLength(text.slice(lineStart, at));
  return {
    text: text.slice(0, at) + replace + text.slice(at + find.length),
    edit: { line: text.slice(0, at).split('\n').length - 1, start_col: startCol, end_col: startCol + Buffer.byteLength(find), text: replace },
  };
}

interface NeovimResult {
  nvim: string;
  error?: string;
  diagnostics?: NeovimDiagnostic[];
  first?: NeovimDiagnostic[];
  lines?: string[];
  published?: { uri: string; diagnostics: unknown[] };
  clients?: Array<{ name: string; cmd: string[] }>;
  server_exit?: { code: number; signal: number };
}

/** A finding as both sides are compared: 1-based lines, 1-based UTF-16 columns (as the CLI counts). */
interface Finding {
  ruleId: string | null;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: string;
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Runs Neovim on one plan; everything it wrote (its JSON, its own output, its LSP log) for the failure message. */
async function neovimDiagnostics(
  file: string,
  setup: { init?: Record<string, unknown>; edit?: NeovimEdit } | { userConfig: string; path: string },
): Promise<{ result: NeovimResult | undefined; log: string }> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'ftl-nvim-'));
  scratch.push(home);
  const out = path.join(home, 'result.json');
  const byUser = 'userConfig' in setup;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(byUser ? { PATH: setup.path } : {}),
    // A home of its own: no user configuration, and the LSP log (which holds the server's stderr) where the test can read it.
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    FTL_NVIM_FILE: file,
    FTL_NVIM_OUT: out,
    FTL_NVIM_CMD: byUser ? '' : JSON.stringify([process.execPath, cliPath, 'lsp', '--stdio']),
    FTL_NVIM_INIT: !byUser && setup.init ? JSON.stringify(setup.init) : '',
    FTL_NVIM_TIMEOUT_MS: String(DIAGNOSTICS_TIMEOUT_MS),
    FTL_NVIM_EDIT: !byUser && setup.edit ? JSON.stringify(setup.edit) : '',
  };
  // The server's locale comes from initializationOptions or, without them, from the environment, as the CLI's does.
  for (const k of ['FINETUNE_LINT_LOCALE', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'NO_COLOR', 'FORCE_COLOR']) delete env[k];

  const child = spawn('nvim', ['--headless', '-u', byUser ? setup.userConfig : 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that a run that hangs is ended with the server Neovim started.
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, RUN_TIMEOUT_MS);
  const status = await new Promise<number | string | null>((resolve) => {
    child.on('error', (e) => resolve(e.message));
    child.on('close', (code) => resolve(code));
  });
  clearTimeout(timer);

  const lspLogFile = [path.join(home, 'cache', 'nvim', 'lsp.log'), path.join(home, 'state', 'nvim', 'lsp.log')].find((f) => existsSync(f));
  const log = [
    `nvim exited with ${status}${timedOut ? ` (killed after ${RUN_TIMEOUT_MS} ms)` : ''}`,
    `nvim output: ${output.trim() || '(none)'}`,
    `LSP log (the server's stderr): ${lspLogFile ? readFileSync(lspLogFile, 'utf8').trim() : '(none)'}`,
  ].join('\n');
  const result = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as NeovimResult) : undefined;
  return { result, log };
}

/** A 0-based byte column of `line` as the CLI's 1-based UTF-16 column. */
function utf16Column(line: string, byteColumn: number): number {
  const bytes = Buffer.from(line, 'utf8');
  if (byteColumn > bytes.length) return line.length + 1 + (byteColumn - bytes.length);
  return bytes.subarray(0, byteColumn).toString('utf8').length + 1;
}

const NEOVIM_SEVERITY: Record<number, Finding['severity']> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function fromNeovim(d: NeovimDiagnostic, lines: string[]): Finding {
  const at = (lnum: number, col: number) => `${lnum + 1}:${utf16Column(lines[lnum] ?? '', col)}`;
  return { ruleId: d.code, severity: NEOVIM_SEVERITY[d.severity]!, message: d.message, range: `${at(d.lnum, d.col)}-${at(d.end_lnum, d.end_col)}` };
}

function fromCli(m: CliMessage): Finding {
  return {
    ruleId: m.ruleId,
    severity: m.severity === 2 ? 'error' : 'warning',
    message: m.message,
    range: `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`,
  };
}

const byPosition = (a: Finding, b: Finding) => a.range.localeCompare(b.range, 'en', { numeric: true }) || String(a.ruleId).localeCompare(String(b.ruleId)) || a.message.localeCompare(b.message);

interface Case {
  plan: string;
  /** What the CLI is given for the same run (its locale). */
  cliArgs: string[];
  /** initializationOptions for the server. */
  init?: Record<string, unknown>;
  /** What the case is there for: a check that the example still exercises it. */
  expect: (findings: Finding[]) => void;
  /** Then typed in Neovim: the first `find` in the plan replaced, and the findings compared again, with the CLI's for the edited text. */
  edit?: { find: string; replace: string; expect: (findings: Finding[]) => void };
}

const cases: Array<[string, Case]> = [
  [
    'an English plan with errors and warnings (schema errors among them), in English from the environment; then a typo fixed',
    {
      plan: 'examples/schema-errors.yaml',
      cliArgs: [],
      expect: (f) => {
        expect(f.map((x) => x.severity)).toEqual(expect.arrayContaining(['error', 'warning']));
        expect(f.map((x) => x.ruleId)).toContain('schema');
      },
      // The typo fixed: its schema error goes.
      edit: { find: 'metrik', replace: 'metric', expect: (f) => expect(f.map((x) => x.message).join('\n')).not.toContain('metrik') },
    },
  ],
  [
    'a Chinese plan, with a range after Chinese characters (byte and UTF-16 columns differ); then text typed mid-line',
    {
      plan: 'examples/zh-high-risk-no-fallback.yaml',
      cliArgs: ['--locale', 'en'],
      init: { locale: 'en' },
      expect: (f) => expect(f.map((x) => x.ruleId)).toEqual(['high-risk-no-fallback']),
      // Typed in the middle of a Chinese line: Neovim sends the change in UTF-16 positions, the finding's range and quote grow.
      edit: { find: '医院门诊导诊  #', replace: '医院门诊导诊和电商售后  #', expect: (f) => expect(f.map((x) => x.range)).toEqual(['13:9-13:20']) },
    },
  ],
  [
    'a Chinese plan with messages in Chinese (locale zh-CN from initializationOptions)',
    {
      plan: 'examples/zh-knowledge-injection.yaml',
      cliArgs: ['--locale', 'zh-CN'],
      init: { locale: 'zh-CN' },
      expect: (f) => {
        expect(f.length).toBeGreaterThan(1);
        for (const x of f) expect(x.message).toMatch(/[\u4e00-\u9fff]/);
      },
    },
  ],
  [
    "a plan under a team's configuration (a preset and a plugin rule)",
    {
      plan: 'examples/team-rules/finetune-plan.yaml',
      cliArgs: [],
      init: { locale: 'en' },
      expect: (f) => expect(f.map((x) => x.ruleId)).toContain('require-owner'),
    },
  ],
  [
    'a plan that does not parse',
    {
      plan: 'examples/syntax-error.yaml',
      cliArgs: [],
      init: { locale: 'en' },
      expect: (f) => expect(f.map((x) => x.ruleId)).toEqual(['syntax-error']),
    },
  ],
  [
    'a clean plan (an empty list, published all the same)',
    {
      plan: 'examples/support-tone.finetune-plan.yaml',
      cliArgs: [],
      init: { locale: 'en' },
      expect: (f) => expect(f).toEqual([]),
    },
  ],
];

describe.skipIf(!hasNeovim && !required)('the language server in Neovim', () => {
  it('runs Neovim', () => {
    expect(hasNeovim, 'nvim is not installed (apt-get install neovim)').toBe(true);
  });

  it.each(cases)('shows what the CLI reports: %s', { timeout: RUN_TIMEOUT_MS + 30_000 }, async (_, c) => {
    const file = path.join(repoRoot, c.plan);
    const expected = cliMessages([...c.cliArgs, file]).map(fromCli).sort(byPosition);
    c.expect(expected);

    const change = c.edit && edited(readFileSync(file, 'utf8'), c.edit.find, c.edit.replace);
    const { result, log } = await neovimDiagnostics(file, { ...(c.init ? { init: c.init } : {}), ...(change ? { edit: change.edit } : {}) });
    expect(result, `Neovim wrote no result\n${log}`).toBeDefined();
    expect(result!.error, log).toBeUndefined();
    const original = readFileSync(file, 'utf8').split('\n');
    const shown = (change ? result!.first! : result!.diagnostics!).map((d) => fromNeovim(d, original)).sort(byPosition);
    expect(shown, log).toEqual(expected);
    if (change) {
      const expectedAfter = cliMessages([...c.cliArgs, '--stdin', '--stdin-filename', file], { input: change.text }).map(fromCli).sort(byPosition);
      c.edit!.expect(expectedAfter);
      expect(expectedAfter).not.toEqual(expected);
      // Neovim's buffer holds the edited text, and shows the findings for it.
      expect(result!.lines!.join('\n'), log).toBe(change.text.replace(/\n$/, ''));
      expect(result!.diagnostics!.map((d) => fromNeovim(d, result!.lines!)).sort(byPosition), log).toEqual(expectedAfter);
    }
    // Each one came from finetune-lint, and the server ended cleanly when Neovim stopped it.
    for (const d of result!.diagnostics!) expect(d.source, log).toBe('finetune-lint');
    expect(result!.server_exit, log).toEqual({ code: 0, signal: 0 });
  });

  it("works with the README's configuration, from the README", { timeout: RUN_TIMEOUT_MS + 30_000 }, async () => {
    /** The Lua block of the Neovim section of a README. */
    const snippet = (readme: string, heading: string) => {
      const text = readFileSync(path.join(repoRoot, readme), 'utf8');
      const section = text.slice(text.indexOf(`#### ${heading}\n`));
      return /```lua\n([\s\S]*?)```/.exec(section)?.[1];
    };
    const config = snippet('README.md', 'Neovim');
    expect(config).toBeDefined();
    expect(snippet('README.zh-CN.md', 'Neovim')).toBe(config);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'ftl-nvim-readme-'));
    scratch.push(dir);
    writeFileSync(path.join(dir, 'init.lua'), config!);
    // `finetune-lint` on the PATH, as an installed package puts it there.
    mkdirSync(path.join(dir, 'bin'));
    writeFileSync(path.join(dir, 'bin', 'finetune-lint'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} "$@"\n`);
    chmodSync(path.join(dir, 'bin', 'finetune-lint'), 0o755);
    // A plan named as the configuration's pattern expects (*.finetune-plan.yaml), with findings of both severities.
    mkdirSync(path.join(dir, 'plans'));
    const file = path.join(dir, 'plans', 'tone.finetune-plan.yaml');
    copyFileSync(path.join(repoRoot, 'examples', 'schema-errors.yaml'), file);

    const expected = cliMessages([file]).map(fromCli).sort(byPosition);
    expect(expected.map((x) => x.severity)).toEqual(expect.arrayContaining(['error', 'warning']));

    const { result, log } = await neovimDiagnostics(file, { userConfig: path.join(dir, 'init.lua'), path: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` });
    expect(result, `Neovim wrote no result\n${log}`).toBeDefined();
    expect(result!.error, log).toBeUndefined();
    expect(result!.clients, log).toEqual([{ name: 'finetune-lint', cmd: ['finetune-lint', 'lsp', '--stdio'] }]);
    expect(result!.diagnostics!.map((d) => fromNeovim(d, result!.lines!)).sort(byPosition), log).toEqual(expected);
  });
});
