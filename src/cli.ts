import './runtime-flags.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { LintResult } from './diagnostic.js';
import { explainRule, initPlan, listRules, type CommandOutcome } from './commands.js';
import { EXIT_FAILURE, EXIT_LINT, EXIT_OK, exitCodeFor, exitCodeForTally } from './exit-code.js';
import { DEFAULT_MAX_FILE_SIZE, lintFiles, lintFilesStream, NoFilesError, type LintFilesOptions } from './files.js';
import { formatters, streamingFormatters, type FormatterContext, type RuleDescription } from './formatters/index.js';
import { lintText } from './linter.js';
import { CacheWriteError, resolveCacheLocation } from './cache-location.js';
import { OutputError, streamReport } from './report-stream.js';
import { ruleDescriptions } from './rule-descriptions.js';
import { ConfigError } from './rule-settings.js';
import { planSchema } from './schema/plan-schema.js';
import { VERSION } from './version.js';

interface CliOptions {
  format: string[];
  outputFile?: string;
  maxWarnings: number;
  quiet: boolean;
  errorOnUnmatchedPattern: boolean;
  color?: boolean;
  maxFileSize: number;
  stdin?: boolean;
  stdinFilename?: string;
  printSchema?: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

/** One requested output: a format, and the file it goes to (stdout when absent). */
interface OutputSpec {
  format: string;
  file?: string;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError('must be a whole number (-1 for no limit).');
  return n;
}

/** Parses sizes such as `10485760`, `512KB`, `10MB`. */
function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('must be a size such as 10MB, 512KB or a number of bytes.');
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * factor);
}

/** `--format name` or `--format name:path`, repeatable. */
function formatSpec(value: string, previous: string[]): string[] {
  const name = value.split(':')[0]!;
  if (!(name in formatters)) {
    throw new InvalidArgumentError(`unknown format "${name}"; choose from ${Object.keys(formatters).join(', ')}.`);
  }
  return [...previous, value];
}

function buildProgram(): Command {
  return new Command()
    .name('finetune-lint')
    .description('Lint fine-tuning experiment plans (finetune-plan.yaml) before GPU time is spent.')
    .argument('[patterns...]', 'plan files, folders (walked for *.yaml / *.yml) or quoted globs')
    .option(
      '-f, --format <name[:path]>',
      `output format: ${Object.keys(formatters).join(', ')}; repeatable, each with an optional file (default: stylish, or github under GitHub Actions)`,
      formatSpec,
      [],
    )
    .option('-o, --output-file <path>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this (-1: no limit)', nonNegativeInt, -1)
    .option('--quiet', 'report errors only', false)
    .option('--no-error-on-unmatched-pattern', 'do not fail when a pattern matches no file')
    .option('--max-file-size <size>', 'report files larger than this instead of reading them', byteSize, DEFAULT_MAX_FILE_SIZE)
    .option('--stdin', 'lint the plan text given on standard input')
    .option('--stdin-filename <path>', 'the path to report (and resolve relative paths against) for --stdin')
    .option('--cache', 'only lint files that changed since the last --cache run (results kept in .finetunelintcache)')
    .option('--cache-location <path>', 'the cache file, or a folder for it (implies --cache)')
    .option('--print-schema', 'print the plan JSON Schema and exit')
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
  finetune-lint plans/ --format stylish --format sarif:finetune-lint.sarif
  finetune-lint plans/ --max-warnings 0
  cat plan.yaml | finetune-lint --stdin --stdin-filename plans/tone/finetune-plan.yaml

Commands:
  finetune-lint init [path]         write a commented starter plan (default finetune-plan.yaml)
  finetune-lint rules               list the rules
  finetune-lint explain <rule-id>   print a rule's document

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

function onlyErrorsIn(r: LintResult): LintResult {
  return { ...r, messages: r.messages.filter((m) => m.severity === 'error'), warningCount: 0 };
}

function onlyErrors(results: LintResult[]): LintResult[] {
  return results.map(onlyErrorsIn);
}

/** The outputs asked for: `--format` values, else github under GitHub Actions, else stylish. */
function outputSpecs(options: CliOptions): OutputSpec[] {
  const given = options.format.length ? options.format : [process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish'];
  return given.map((value) => {
    const colon = value.indexOf(':');
    if (colon === -1) return options.outputFile ? { format: value, file: options.outputFile } : { format: value };
    return { format: value.slice(0, colon), file: value.slice(colon + 1) };
  });
}

/**
 * The cache, and worker threads for large runs. `FINETUNE_LINT_WORKER_THRESHOLD`
 * (a file count; 0 always, a huge number never) overrides when workers start,
 * for tests and measurements.
 */
function runOptions(options: CliOptions): Pick<LintFilesOptions, 'cache' | 'workers'> {
  const forced = process.env.FINETUNE_LINT_WORKER_THRESHOLD;
  const threshold = forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : undefined;
  const workers = { script: path.join(__dirname, 'lint-worker.cjs'), ...(threshold === undefined ? {} : { threshold }) };
  if (!options.cache && options.cacheLocation === undefined) return { workers };
  return { workers, cache: { location: resolveCacheLocation(options.cacheLocation, process.cwd()) } };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** Where the rule documents are: `rules/` beside the package's `dist/`. */
const DOCS_DIR = path.resolve(__dirname, '..', 'rules');

function emit(outcome: CommandOutcome): number {
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  return outcome.code;
}

/** `rules`, `explain <id>` and `init [path]`; a file with such a name is linted as `./rules`. */
async function subcommand(argv: string[]): Promise<number | undefined> {
  const [name, ...rest] = argv.slice(2);
  const usage = (text: string): number => emit({ stderr: `finetune-lint: usage: ${text}\n`, code: EXIT_FAILURE });
  switch (name) {
    case 'rules':
      return rest.length ? usage('finetune-lint rules') : emit(listRules());
    case 'explain':
      return rest.length === 1 ? emit(explainRule(rest[0]!, DOCS_DIR)) : usage('finetune-lint explain <rule-id>');
    case 'init':
      return rest.length <= 1 ? emit(await initPlan(rest[0])) : usage('finetune-lint init [path]');
    default:
      return undefined;
  }
}

async function main(argv: string[]): Promise<number> {
  const sub = await subcommand(argv);
  if (sub !== undefined) return sub;
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

  if (options.printSchema) {
    process.stdout.write(`${JSON.stringify(planSchema, null, 2)}\n`);
    return EXIT_OK;
  }
  if (options.stdin && patterns.length) {
    process.stderr.write('finetune-lint: give either --stdin or file patterns, not both.\n');
    return EXIT_FAILURE;
  }
  if (!options.stdin && patterns.length === 0) {
    process.stderr.write("finetune-lint: missing required argument 'patterns' (or --stdin); see --help.\n");
    return EXIT_FAILURE;
  }

  // Formats that can be written one file at a time are, so that a large run holds no whole report.
  const specs = outputSpecs(options);
  const streamed = specs.every((s) => s.format in streamingFormatters) && specs.filter((s) => !s.file).length <= 1;
  let results: LintResult[];
  try {
    if (options.stdin) {
      const filePath = options.stdinFilename ? path.resolve(options.stdinFilename) : undefined;
      results = [lintText(await readStdin(), filePath ? { filePath } : {})];
    } else {
      const lintOptions = {
        errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
        maxFileSize: options.maxFileSize,
        ...runOptions(options),
      };
      if (streamed) return await writeStreamed(await lintFilesStream(patterns, lintOptions), specs, options);
      results = await lintFiles(patterns, lintOptions);
    }
  } catch (err) {
    if (err instanceof NoFilesError || err instanceof ConfigError || err instanceof OutputError || err instanceof CacheWriteError) {
      process.stderr.write(`finetune-lint: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    throw err;
  }

  const shown = options.quiet ? onlyErrors(results) : results;
  const rules = ruleDescriptions();
  let toStdout = '';
  for (const spec of specs) {
    const text = formatters[spec.format]!(shown, formatterContext(spec, options, rules));
    if (!spec.file) {
      toStdout += text;
      continue;
    }
    const target = path.resolve(spec.file);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
    } catch (err) {
      process.stderr.write(`finetune-lint: cannot write ${spec.file}: ${(err as Error).message}\n`);
      return EXIT_FAILURE;
    }
  }
  if (toStdout) process.stdout.write(toStdout);

  return finish(exitCodeFor(shown, options.quiet ? -1 : options.maxWarnings), shown.every((r) => r.errorCount === 0), options);
}

function formatterContext(spec: OutputSpec, options: CliOptions, rules: RuleDescription[]): FormatterContext {
  return { cwd: process.cwd(), color: shouldColor(options.color, Boolean(spec.file)), version: VERSION, rules };
}

/** Writes the results to the outputs as they arrive (see `report-stream.ts`); returns the exit code. */
async function writeStreamed(results: AsyncIterable<LintResult>, specs: OutputSpec[], options: CliOptions): Promise<number> {
  const rules = ruleDescriptions();
  const outputs = specs.map((spec) => ({
    formatter: streamingFormatters[spec.format]!,
    context: formatterContext(spec, options, rules),
    ...(spec.file ? { file: spec.file } : {}),
  }));
  const toStdout = (text: string): Promise<void> | undefined =>
    stdoutClosed || process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve));
  const totals = await streamReport(results, outputs, toStdout, options.quiet ? onlyErrorsIn : undefined);
  return finish(exitCodeForTally(totals, options.quiet ? -1 : options.maxWarnings), totals.errors === 0, options);
}

function finish(code: number, noErrors: boolean, options: CliOptions): number {
  if (code === EXIT_FAILURE) {
    process.stderr.write('finetune-lint: a rule failed while checking (internal-error above); please report it.\n');
  } else if (code === EXIT_LINT && noErrors) {
    process.stderr.write(`finetune-lint found too many warnings (maximum: ${options.maxWarnings}).\n`);
  }
  return code;
}

// A reader that stops early (`finetune-lint … | head -1`) closes the pipe; that is not an error.
// The run goes on without output, so that the exit code still tells what was found.
let stdoutClosed = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  stdoutClosed = true;
  process.stdout.emit('drain');
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`finetune-lint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
