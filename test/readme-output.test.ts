import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataRules } from '../src/index.js';
import { repoRoot, runCli } from './cli-helpers.js';

/** What the READMEs show a new user is what finetune-lint does. */

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const readmeZh = readFileSync(path.join(repoRoot, 'README.zh-CN.md'), 'utf8');

/** The first fenced block of `lang` after `marker` in `text`. */
function blockAfter(text: string, marker: string, lang: string): string {
  const at = text.indexOf(marker);
  expect(at, `README has "${marker}"`).toBeGreaterThanOrEqual(0);
  const open = text.indexOf('```' + lang + '\n', at);
  const start = open + lang.length + 4;
  return text.slice(start, text.indexOf('\n```', start) + 1);
}

/** The lines of a Markdown file outside fenced code blocks, with their line numbers. */
function proseLines(text: string): { n: number; line: string }[] {
  let fenced = false;
  const out: { n: number; line: string }[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced) out.push({ n: i + 1, line });
  });
  return out;
}

describe('Quick start', () => {
  it('the excerpt of the first command is what it prints: the same lines, and the real totals', () => {
    const r = runCli(['examples/**/*.yaml']);
    expect(r.status).toBe(1);
    const printed = r.stdout.split('\n');
    const excerpt = blockAfter(readme, 'like this excerpt', 'text').split('\n').filter((l) => l !== '');
    const shown = excerpt.filter((l) => l !== '…');
    expect(shown.length).toBeGreaterThan(4);
    for (const line of shown) expect(printed).toContain(line);
    // The summary closes both the real output and the excerpt.
    expect(excerpt.slice(-2)).toEqual(printed.filter((l) => l !== '').slice(-2));
  });

  it('the example plans cover every plan rule', () => {
    const r = runCli(['-f', 'json', 'examples/**/*.yaml']);
    const reported = new Set((JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[]).flatMap((f) => f.messages.map((m) => m.ruleId)));
    const listed = runCli(['rules']).stdout.split('\n').slice(1).map((l) => l.split(' ')[0]).filter(Boolean);
    const dataIds = new Set(dataRules.map((rule) => rule.meta.id));
    const planRules = listed.filter((id) => !dataIds.has(id!));
    expect(planRules.length).toBe(10);
    for (const id of planRules) expect(reported, id).toContain(id);
  });
});

describe('The verdict', () => {
  it('the sample run is exactly what the command it names prints', () => {
    const at = readme.indexOf('A sample run (`');
    const command = readme.slice(at + 'A sample run (`'.length, readme.indexOf('`', at + 'A sample run (`'.length));
    const [name, ...args] = command.split(' ');
    expect(name).toBe('finetune-lint');
    const r = runCli(args);
    expect(r.status).toBe(1);
    expect(r.stdout.replace(/^\n/, '')).toBe(blockAfter(readme, 'A sample run (`', 'text'));
  });
});

describe('Rules', () => {
  it('says how many of the listed rules are data checks', () => {
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
    const m = /The last ([a-z]+) are \[data checks\]/.exec(readme);
    expect(m).not.toBeNull();
    expect(words.indexOf(m![1]!)).toBe(dataRules.length);
  });
});

describe('commands', () => {
  const commands = ['init [path]', 'rules', 'explain <rule-id>', 'lsp --stdio'];

  it('--help lists every command, in English and in Chinese', () => {
    for (const locale of ['en', 'zh-CN']) {
      const help = runCli(['--help', '--locale', locale]);
      expect(help.status).toBe(0);
      for (const command of commands) expect(help.stdout).toMatch(new RegExp(`^  finetune-lint ${command.replace(/[[\]<>]/g, '\\$&')} +\\S`, 'm'));
    }
  });

  it('each command is run as a command, not linted as a file', () => {
    // Wrong arguments get the command's own usage line (exit 2), never "No files matched".
    for (const [name, usage] of [['rules', 'finetune-lint rules'], ['explain', 'finetune-lint explain <rule-id>'], ['init', 'finetune-lint init [path]'], ['lsp', 'finetune-lint lsp --stdio']] as const) {
      const r = runCli(name === 'lsp' ? [name] : [name, 'a', 'b']);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toContain(`usage: ${usage}`);
    }
  });

  it('both READMEs list every command in their table of commands', () => {
    for (const text of [readme, readmeZh]) for (const command of commands) expect(text).toContain(`\n| \`finetune-lint ${command}\` | `);
  });

  it("--help's --locale names the configuration's locale between FINETUNE_LINT_LOCALE and the system locale, as the READMEs do", () => {
    expect(runCli(['--help']).stdout).toContain("FINETUNE_LINT_LOCALE, then the configuration's locale, then LC_ALL");
    expect(runCli(['--help', '--locale', 'zh-CN']).stdout).toContain('FINETUNE_LINT_LOCALE，其次配置文件的 locale，再次 LC_ALL');
  });
});

describe('Markdown tables', () => {
  it('every table in both READMEs starts with a header row and its separator, so none is cut in two by a paragraph', () => {
    for (const [name, text] of [['README.md', readme], ['README.zh-CN.md', readmeZh]] as const) {
      const lines = proseLines(text);
      lines.forEach(({ n, line }, i) => {
        if (!line.startsWith('|')) return;
        const before = lines[i - 1]?.line ?? '';
        if (before.startsWith('|')) return;
        // The first row of a table: the next line must be its separator.
        expect(lines[i + 1]?.line ?? '', `${name}:${n + 1}`).toMatch(/^\|( ?:?-{3,}:? ?\|)+$/);
      });
    }
  });
});
