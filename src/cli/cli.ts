import '../node/runtime-flags.js';
import { statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import type { LintResult } from '../core/diagnostic.js';
import { explainRule, initPlan, listRules, type CommandOutcome } from './commands.js';
import { EXIT_FAILURE, EXIT_LINT, EXIT_OK, exitCodeFor, exitCodeForTally } from './exit-code.js';
import { DEFAULT_MAX_FILE_SIZE, lintFiles, lintFilesStream, NoFilesError, type LintFilesOptions } from '../node/files.js';
import { formatters, streamingFormatters, type FormatterContext, type RuleDescription } from './formatters/index.js';
import { ConfigLoader } from '../node/config/loader.js';
import { pluginFileOf } from '../node/config/plugins.js';
import type { AnyRule } from '../core/rule.js';
import { LOCALES, normalizeLocale, resolveLocale, translate, type Locale } from '../core/i18n/index.js';
import type { DataCheckOptions } from '../node/data/run.js';
import { CacheWriteError, resolveCacheLocation } from '../node/cache-location.js';
import { OutputError, streamReport } from './report-stream.js';
import { lintPlanText, type PlanFileSettings } from '../node/plan-file.js';
import { ruleDescriptions } from './rule-descriptions.js';
import { ConfigError, type RuleSetting, type RuleSettings } from '../core/rule-settings.js';
import { planSchema } from '../core/schema/plan-schema.js';
import { VERSION } from '../core/version.js';
import { rememberRealPaths } from '../node/data/references.js';

// One process is one run: the real paths plans name are resolved once.
rememberRealPaths(true);

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
  /** A path, or `false` for --no-config. */
  config?: string | false;
  rule?: RuleSettings;
  ignore: boolean;
  printConfig?: string;
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
  requireReason?: boolean;
  dataChecks: 'on' | 'off';
  allowOutsideRoot: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

/** One requested output: a format, and the file it goes to (stdout when absent). */
interface OutputSpec {
  format: string;
  file?: string;
}

/** The language of everything the CLI says; set from `--locale` and the environment before anything is printed. */
let locale: Locale = 'en';
/** Whether `--locale` was given (the language server lets it win over the client's language). */
let explicitLocale = false;

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError(translate(locale, 'cli.bad-max-warnings'));
  return n;
}

/** Parses sizes such as `10485760`, `512KB`, `10MB`. */
function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError(translate(locale, 'cli.bad-size'));
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * factor);
}

/** `--format name` or `--format name:path`, repeatable. */
function formatSpec(value: string, previous: string[] | undefined): string[] {
  const name = value.split(':')[0]!;
  if (!(name in formatters)) {
    throw new InvalidArgumentError(translate(locale, 'cli.unknown-format', { name, formats: Object.keys(formatters).join(', ') }));
  }
  return [...(previous ?? []), value];
}

/** `--rule id:severity` or `--rule 'id:["warn", {"maxGoals": 2}]'`, repeatable. */
function ruleSpec(value: string, previous: RuleSettings = {}): RuleSettings {
  const colon = value.indexOf(':');
  if (colon <= 0) throw new InvalidArgumentError(translate(locale, 'cli.rule-spec'));
  const id = value.slice(0, colon).trim();
  const setting = value.slice(colon + 1).trim();
  if (setting.startsWith('[')) {
    try {
      return { ...previous, [id]: JSON.parse(setting) as RuleSetting };
    } catch {
      throw new InvalidArgumentError(translate(locale, 'cli.rule-spec-json', { setting, id }));
    }
  }
  return { ...previous, [id]: setting as RuleSetting };
}

function unusedLevel(value: string): 'off' | 'warn' | 'error' {
  if (value === 'off' || value === 'warn' || value === 'error') return value;
  throw new InvalidArgumentError(translate(locale, 'cli.bad-unused-level'));
}

function buildProgram(): Command {
  return new Command()
    .name('finetune-lint')
    .description(translate(locale, 'cli.description'))
    .argument('[patterns...]', translate(locale, 'cli.arg.patterns'))
    // Defaults are given as text where commander would print the raw value (`[]`, `10485760`).
    .addOption(
      new Option('-f, --format <name[:path]>', translate(locale, 'cli.opt.format', { formats: Object.keys(formatters).join(', ') }))
        // No default: commander would print it as "(default: [])"; the description says what it is.
        .argParser(formatSpec),
    )
    .option('-o, --output-file <path>', translate(locale, 'cli.opt.output-file'))
    .option('--max-warnings <n>', translate(locale, 'cli.opt.max-warnings'), nonNegativeInt, -1)
    .option('--quiet', translate(locale, 'cli.opt.quiet'), false)
    .option('--no-error-on-unmatched-pattern', translate(locale, 'cli.opt.no-error-on-unmatched-pattern'))
    .addOption(new Option('--max-file-size <size>', translate(locale, 'cli.opt.max-file-size')).argParser(byteSize).default(DEFAULT_MAX_FILE_SIZE, '10MB'))
    .option('--stdin', translate(locale, 'cli.opt.stdin'))
    .option('--stdin-filename <path>', translate(locale, 'cli.opt.stdin-filename'))
    .option('-c, --config <path>', translate(locale, 'cli.opt.config'))
    .option('--no-config', translate(locale, 'cli.opt.no-config'))
    .option('--rule <id:severity>', translate(locale, 'cli.opt.rule'), ruleSpec)
    .option('--no-ignore', translate(locale, 'cli.opt.no-ignore'))
    .option('--report-unused-disable-directives <level>', translate(locale, 'cli.opt.report-unused-disable-directives'), unusedLevel)
    .option('--require-reason', translate(locale, 'cli.opt.require-reason'))
    .option('--print-config <file>', translate(locale, 'cli.opt.print-config'))
    .option('--cache', translate(locale, 'cli.opt.cache'))
    .option('--cache-location <path>', translate(locale, 'cli.opt.cache-location'))
    .addOption(new Option('--data-checks <mode>', translate(locale, 'cli.opt.data-checks')).choices(['on', 'off']).default('on'))
    .option('--allow-outside-root', translate(locale, 'cli.opt.allow-outside-root'), false)
    .option('--print-schema', translate(locale, 'cli.opt.print-schema'))
    // Read (and removed from argv) by `takeLocale` before parsing; listed here for --help.
    .option('--locale <en|zh-CN>', translate(locale, 'cli.opt.locale'))
    .option('--color', translate(locale, 'cli.opt.color'))
    .option('--no-color', translate(locale, 'cli.opt.no-color'))
    .version(VERSION, '-v, --version', translate(locale, 'cli.opt.version'))
    .helpOption('-h, --help', translate(locale, 'cli.opt.help'))
    .addHelpText('after', translate(locale, 'cli.help.after'))
    .exitOverride()
    .configureHelp({
      styleTitle: (title) => {
        const key = HELP_TITLES[title];
        return key ? translate(locale, key) : title;
      },
      optionDescription(this: Help, option: Option) {
        return Help.prototype.optionDescription
          .call(this, option)
          .replace(/ ?\(default: (.*)\)$/, (_, value: string) => translate(locale, 'cli.help.default', { value }));
      },
    })
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(commanderError(s)),
    });
}

/**
 * commander's errors about options, in the active locale. commander words
 * them in English only; the ones a user meets (an unknown option, a missing
 * or invalid value) are recognised and reworded, others pass through as is.
 */
function commanderError(text: string): string {
  const unknown = /^error: unknown option '([^']*)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?\n$/.exec(text);
  if (unknown) {
    const hint = unknown[2] ? `\n${translate(locale, 'cli.option-did-you-mean', { options: unknown[2] })}` : '';
    return `${translate(locale, 'cli.option-unknown', { option: unknown[1]! })}${hint}\n`;
  }
  const missing = /^error: option '([^']*)' argument missing\n$/.exec(text);
  if (missing) return `${translate(locale, 'cli.option-missing-value', { option: missing[1]! })}\n`;
  const invalid = /^error: option '([^']*)' argument '([^']*)' is invalid\. ([\s\S]*)\n$/.exec(text);
  if (invalid) {
    // commander's own reason for `.choices()` options; reasons from our parsers are already in the locale.
    const choices = /^Allowed choices are (.*)\.$/.exec(invalid[3]!);
    const reason = choices ? translate(locale, 'cli.allowed-choices', { choices: choices[1]! }) : invalid[3]!;
    return `${translate(locale, 'cli.option-invalid-value', { option: invalid[1]!, value: invalid[2]!, reason })}\n`;
  }
  return text;
}

/** commander's help headings, as catalogue keys. */
const HELP_TITLES: Record<string, 'cli.help.usage' | 'cli.help.arguments' | 'cli.help.options'> = {
  'Usage:': 'cli.help.usage',
  'Arguments:': 'cli.help.arguments',
  'Options:': 'cli.help.options',
};

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
  // Workers start from the code cache as the command does, and name their cache by the same arguments (scripts/worker-loader.cjs).
  const workers = { script: path.join(__dirname, 'lint-worker-start.cjs'), argv: process.argv.slice(2), ...(threshold === undefined ? {} : { threshold }) };
  if (!options.cache && options.cacheLocation === undefined) return { workers };
  // A plugin's code decides its rules' results: an edited plugin invalidates what it checked.
  const stamps = new Map<string, string>();
  const fingerprints = new WeakMap<object, string>();
  const stamp = (file: string): string => {
    let s = stamps.get(file);
    if (s === undefined) {
      const info = statSync(file, { throwIfNoEntry: false });
      s = info ? `${info.size}:${info.mtimeMs}` : 'missing';
      stamps.set(file, s);
    }
    return s;
  };
  return {
    workers,
    cache: {
      location: resolveCacheLocation(options.cacheLocation, process.cwd()),
      fingerprint: (_file, settings) => {
        // Plans share settings objects: each is written out once.
        let text = fingerprints.get(settings);
        if (text === undefined) {
          text = JSON.stringify([settings, (settings.plugins ?? []).map(stamp)]);
          fingerprints.set(settings, text);
        }
        return text;
      },
    },
  };
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

/** The usage line of each subcommand. */
const SUBCOMMAND_USAGE: Readonly<Record<string, string>> = {
  rules: 'finetune-lint rules [--locale <en|zh-CN>]',
  explain: 'finetune-lint explain <rule-id> [--locale <en|zh-CN>]',
  lsp: 'finetune-lint lsp --stdio [--locale <en|zh-CN>]',
  init: 'finetune-lint init [path] [--locale <en|zh-CN>]',
};

/** `rules`, `explain <id>` and `init [path]`; a file with such a name is linted as `./rules`. */
async function subcommand(argv: string[]): Promise<number | undefined> {
  const [name, ...rest] = argv.slice(2);
  const usage = (text: string): number => emit({ stderr: `${translate(locale, 'cli.usage', { usage: text })}\n`, code: EXIT_FAILURE });
  // `<subcommand> --help` asks for the usage line: on standard output, and not a mistake.
  if (name !== undefined && Object.hasOwn(SUBCOMMAND_USAGE, name) && rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h')) {
    return emit({ stdout: `${translate(locale, 'cli.usage', { usage: SUBCOMMAND_USAGE[name]! })}\n`, code: EXIT_OK });
  }
  // The rules a configuration in this folder (or above) adds through plugins.
  const pluginRules = async (): Promise<AnyRule[]> => {
    const config = new ConfigLoader({});
    await config.forFile(path.resolve('finetune-plan.yaml'));
    return (await config.knownRules()).filter((r) => pluginFileOf.has(r));
  };
  try {
    switch (name) {
      case 'rules':
        return rest.length ? usage(SUBCOMMAND_USAGE.rules!) : emit(listRules(locale, await pluginRules()));
      case 'explain':
        return rest.length === 1
          ? emit(explainRule(rest[0]!, DOCS_DIR, locale, await pluginRules()))
          : usage(SUBCOMMAND_USAGE.explain!);
    }
  } catch (err) {
    if (err instanceof ConfigError) return configError(err);
    throw err;
  }
  switch (name) {
    case 'lsp': {
      // The language server is its own bundle (dist/lsp.cjs), loaded only here: linting from the command line never pays for it.
      if (!rest.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket='))) {
        return usage(SUBCOMMAND_USAGE.lsp!);
      }
      // `require`, not `import()`: Node would first scan the whole CommonJS bundle for its export names.
      const { startLanguageServer } = require('../lsp/server.js') as typeof import('../lsp/server.js');
      startLanguageServer(explicitLocale ? { locale } : {});
      // The process lives on while the connection is open; the client's `exit` notification ends it.
      return EXIT_OK;
    }
    case 'init':
      return rest.length <= 1 ? emit(await initPlan(rest[0], locale)) : usage(SUBCOMMAND_USAGE.init!);
    default:
      return undefined;
  }
}

/**
 * Takes `--locale <value>` / `--locale=<value>` out of the arguments (before a
 * `--`), wherever it stands, so that subcommands and the main command accept
 * it alike and every message, the first included, is in that language.
 */
function takeLocale(argv: string[]): { value?: string; missing: boolean; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  let missing = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--locale') {
      if (i + 1 >= argv.length) missing = true;
      else value = argv[++i];
    } else if (arg.startsWith('--locale=')) {
      value = arg.slice('--locale='.length);
    } else {
      rest.push(arg);
    }
  }
  return { value, missing, rest };
}

/**
 * The `locale` of the configuration that applies to the current folder (or
 * of the file given with `--config`), read before anything is printed. A
 * configuration that cannot be read says nothing here; the run reports it.
 */
async function configuredLocale(argv: readonly string[]): Promise<Locale | undefined> {
  let configFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--no-config') return undefined;
    if ((arg === '-c' || arg === '--config') && i + 1 < argv.length) configFile = argv[++i];
    else if (arg.startsWith('--config=')) configFile = arg.slice('--config='.length);
  }
  try {
    const loader = new ConfigLoader(configFile ? { configFile } : {});
    return (await loader.forFile(path.resolve('finetune-plan.yaml'))).locale;
  } catch {
    return undefined;
  }
}

/** A configuration mistake, in the active locale when it carries a catalogue entry. */
function configError(err: ConfigError): number {
  process.stderr.write(`${translate(locale, 'cli.config-error', { detail: err.ref ?? err.message })}\n`);
  return EXIT_FAILURE;
}

async function main(rawArgv: string[]): Promise<number> {
  const taken = takeLocale(rawArgv);
  const argv = taken.rest;
  let chosen = resolveLocale(taken.value, process.env);
  // A team's configuration names its language; --locale and FINETUNE_LINT_LOCALE still win.
  if (chosen && taken.value === undefined && !normalizeLocale(process.env.FINETUNE_LINT_LOCALE)) chosen = (await configuredLocale(argv)) ?? chosen;
  if (chosen) locale = chosen;
  explicitLocale = taken.value !== undefined;
  const locales = LOCALES.join(', ');
  if (taken.missing) {
    process.stderr.write(`${translate(locale, 'cli.missing-locale', { locales })}\n`);
    return EXIT_FAILURE;
  }
  if (!chosen) {
    process.stderr.write(`${translate(locale, 'cli.unknown-locale', { locale: taken.value ?? '', locales })}\n`);
    return EXIT_FAILURE;
  }
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
  options.format ??= [];
  const patterns = program.args;

  if (options.printSchema) {
    process.stdout.write(`${JSON.stringify(planSchema, null, 2)}\n`);
    return EXIT_OK;
  }
  let config: ConfigLoader;
  try {
    config = new ConfigLoader({
      ...(options.config ? { configFile: options.config } : {}),
      noConfig: options.config === false,
      cliRules: options.rule ?? {},
      noIgnore: !options.ignore,
      ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: options.reportUnusedDisableDirectives } : {}),
      ...(options.requireReason ? { requireReason: true } : {}),
    });
    if (options.printConfig !== undefined) {
      const file = path.resolve(options.printConfig);
      const settings = await config.forFile(file);
      const printed = {
        filePath: file,
        configFiles: settings.configFiles,
        ignored: config.isIgnored(file),
        plugins: settings.plugins,
        reportUnusedDisableDirectives: settings.lint.reportUnusedDisableDirectives === 'warning' ? 'warn' : settings.lint.reportUnusedDisableDirectives,
        requireReason: settings.lint.requireReason,
        rules: Object.fromEntries(Object.entries(settings.rules).map(([id, [sev, opts]]) => [id, Object.keys(opts).length ? [sev === 'warning' ? 'warn' : sev, opts] : sev === 'warning' ? 'warn' : sev])),
      };
      process.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
      return EXIT_OK;
    }
  } catch (err) {
    if (err instanceof ConfigError) return configError(err);
    throw err;
  }
  if (options.stdin && patterns.length) {
    process.stderr.write(`${translate(locale, 'cli.stdin-and-patterns')}\n`);
    return EXIT_FAILURE;
  }
  if (!options.stdin && patterns.length === 0) {
    process.stderr.write(`${translate(locale, 'cli.no-patterns')}\n`);
    return EXIT_FAILURE;
  }

  const dataChecks: DataCheckOptions | undefined =
    options.dataChecks === 'on' ? { cwd: process.cwd(), allowOutsideRoot: options.allowOutsideRoot } : undefined;
  // Formats that can be written one file at a time are, so that a large run holds no whole report.
  const specs = outputSpecs(options);
  const streamed = specs.every((s) => s.format in streamingFormatters) && specs.filter((s) => !s.file).length <= 1;
  const withRunSettings = new WeakMap<PlanFileSettings, PlanFileSettings>();
  let results: LintResult[];
  try {
    if (options.stdin) {
      const filePath = options.stdinFilename ? path.resolve(options.stdinFilename) : undefined;
      const { plain } = await config.forFile(filePath ?? path.resolve('finetune-plan.yaml'));
      const settings = { ...plain, locale, ...(dataChecks ? { dataChecks } : {}) };
      results = [(await lintPlanText(await readStdin(), filePath, settings)).result];
    } else {
      const lintOptions = {
        errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
        maxFileSize: options.maxFileSize,
        settingsFor: async (file: string) => {
          // One settings object per distinct configuration, shared by its plans (and sent once per worker batch).
          const plain = (await config.forFile(file)).plain;
          let full = withRunSettings.get(plain);
          if (!full) {
            full = { ...plain, locale, ...(dataChecks ? { dataChecks } : {}) };
            withRunSettings.set(plain, full);
          }
          return full;
        },
        isIgnored: (file: string, isDir: boolean) => config.isIgnored(file, isDir),
        onIgnored: (file: string, why: 'ignored' | 'configuration') =>
          process.stderr.write(
            `${translate(locale, why === 'ignored' ? 'cli.skipped-ignored' : 'cli.skipped-config', { file: path.relative(process.cwd(), file) || file })}\n`,
          ),
        ...runOptions(options),
      };
      if (streamed) {
        const stream = await lintFilesStream(patterns, lintOptions);
        return await writeStreamed(stream, specs, options, ruleDescriptions(await config.knownRules(), locale));
      }
      results = await lintFiles(patterns, lintOptions);
    }
  } catch (err) {
    if (err instanceof NoFilesError) {
      process.stderr.write(`${translate(locale, 'cli.no-files', { pattern: err.pattern })}\n`);
      return EXIT_FAILURE;
    }
    if (err instanceof ConfigError) return configError(err);
    if (err instanceof OutputError) {
      process.stderr.write(`${translate(locale, 'cli.cannot-write', { file: err.file, detail: err.reason.message })}\n`);
      return EXIT_FAILURE;
    }
    if (err instanceof CacheWriteError) {
      process.stderr.write(`${translate(locale, 'cli.cannot-write-cache', { file: err.location, detail: err.reason.message })}\n`);
      return EXIT_FAILURE;
    }
    throw err;
  }

  const shown = options.quiet ? onlyErrors(results) : results;
  const rules = ruleDescriptions(await config.knownRules(), locale);
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
      process.stderr.write(`${translate(locale, 'cli.cannot-write', { file: spec.file, detail: (err as Error).message })}\n`);
      return EXIT_FAILURE;
    }
  }
  if (toStdout) process.stdout.write(toStdout);

  return finish(exitCodeFor(shown, options.quiet ? -1 : options.maxWarnings), shown.every((r) => r.errorCount === 0), options);
}

function formatterContext(spec: OutputSpec, options: CliOptions, rules: RuleDescription[]): FormatterContext {
  // A terminal's width, so that stylish never pads a line past it; files and pipes get no limit.
  const columns = !spec.file && process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
  return { cwd: process.cwd(), color: shouldColor(options.color, Boolean(spec.file)), version: VERSION, rules, locale, ...(columns ? { columns } : {}) };
}

/** Writes the results to the outputs as they arrive (see `report-stream.ts`); returns the exit code. */
async function writeStreamed(results: AsyncIterable<LintResult>, specs: OutputSpec[], options: CliOptions, rules: RuleDescription[]): Promise<number> {
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
    process.stderr.write(`${translate(locale, 'cli.rule-failed')}\n`);
  } else if (code === EXIT_LINT && noErrors) {
    process.stderr.write(`${translate(locale, 'cli.too-many-warnings', { max: options.maxWarnings })}\n`);
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
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`${translate(locale, 'cli.internal-error', { detail })}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
