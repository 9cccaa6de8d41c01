import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { LintResult } from './diagnostic.js';
import { lintFiles, NoFilesError } from './files.js';
import { formatters } from './formatters/index.js';
import { ConfigError } from './rule-settings.js';
import { VERSION } from './version.js';

/** Exit codes: 0 clean, 1 lint errors (or too many warnings), 2 the run itself failed. */
const EXIT_OK = 0;
const EXIT_LINT = 1;
const EXIT_FAILURE = 2;

interface CliOptions {
  format: string;
  outputFile?: string;
  maxWarnings: number;
  quiet: boolean;
  errorOnUnmatchedPattern: boolean;
  color?: boolean;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError('must be a whole number (-1 for no limit).');
  return n;
}

function buildProgram(): Command {
  return new Command()
    .name('finetune-lint')
    .description('Lint fine-tuning experiment plans (finetune-plan.yaml) before GPU time is spent.')
    .argument('<patterns...>', 'plan files, folders (walked for *.yaml / *.yml) or quoted globs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(formatters)).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this (-1: no limit)', nonNegativeInt, -1)
    .option('--quiet', 'report errors only', false)
    .option('--no-error-on-unmatched-pattern', 'do not fail when a pattern matches no file')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      `
Examples:
  finetune-lint finetune-plan.yaml
  finetune-lint "plans/**/*.yaml"
  finetune-lint plans/ --format json --output-file lint.json
  finetune-lint plans/ --max-warnings 0

Exit codes: 0 no errors, 1 errors found (or --max-warnings exceeded), 2 the run failed.`,
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    });
}

/** Colour on a TTY only, unless NO_COLOR, FORCE_COLOR or --color/--no-color say otherwise. */
function shouldColor(flag: boolean | undefined, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return process.stdout.isTTY === true && env.TERM !== 'dumb';
}

function onlyErrors(results: LintResult[]): LintResult[] {
  return results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error'), warningCount: 0 }));
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    program.parse(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0
        ? EXIT_OK
        : EXIT_FAILURE;
    }
    throw err;
  }
  const options = program.opts<CliOptions>();
  const patterns = program.args;

  let results: LintResult[];
  try {
    results = await lintFiles(patterns, { errorOnUnmatchedPattern: options.errorOnUnmatchedPattern });
  } catch (err) {
    if (err instanceof NoFilesError || err instanceof ConfigError) {
      process.stderr.write(`finetune-lint: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    throw err;
  }

  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  const errorCount = results.reduce((n, r) => n + r.errorCount, 0);
  const shown = options.quiet ? onlyErrors(results) : results;
  const formatter = formatters[options.format]!;
  const text = formatter(shown, { cwd: process.cwd(), color: shouldColor(options.color, Boolean(options.outputFile)) });

  if (options.outputFile) {
    const target = path.resolve(options.outputFile);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
    } catch (err) {
      process.stderr.write(`finetune-lint: cannot write ${options.outputFile}: ${(err as Error).message}\n`);
      return EXIT_FAILURE;
    }
  } else {
    process.stdout.write(text);
  }

  if (errorCount > 0) return EXIT_LINT;
  if (!options.quiet && options.maxWarnings >= 0 && warningCount > options.maxWarnings) {
    process.stderr.write(`finetune-lint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return EXIT_LINT;
  }
  return EXIT_OK;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`finetune-lint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
