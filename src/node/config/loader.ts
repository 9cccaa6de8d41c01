import { lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import type { Severity } from '../../core/diagnostic.js';
import { dataRules } from '../data/rules/index.js';
import type { PlanFileSettings } from '../plan-file.js';
import type { LintTextOptions } from '../../core/linter.js';
import { msg, type MessageKey, type MessageRef } from '../../core/i18n/index.js';
import { ConfigError, ruleSettingProblem, type ActiveRule, type RuleSetting, type RuleSettings } from '../../core/rule-settings.js';
import type { AnyRule } from '../../core/rule.js';
import { rules as builtinRules } from '../../core/rules/index.js';
import { closest } from '../../core/text-distance.js';
import { parseConfigFile, type ConfigFile } from '../../core/config/config-file.js';
import { loadPlugin, pluginFileOf } from './plugins.js';
import { CONFIG_FILE_NAMES, type ConfigData, type RuleSettingValue } from '../../core/config/schema.js';

/**
 * Finds and merges the configuration that applies to each plan file.
 *
 * Configuration files are looked for from the plan's folder upward, stopping
 * at the repository root (the folder holding `.git`) or the file-system
 * root. They cascade: settings of a nearer file win over those of files in
 * parent folders, and a file with `root: true` ends the search. Within one
 * file: presets (`extends`), then `rules`, then each matching `overrides`
 * entry in order; `--rule` flags come last.
 *
 * The walk is written here rather than taken from lilconfig or cosmiconfig:
 * they return the nearest file only, and cascading with `root: true` needs
 * every file up to the repository root. Each folder is read once per run.
 *
 * With `files.ts` and `data/`, this is where finetune-lint reads the file system.
 */

export interface ConfigLoaderOptions {
  /** Folder for relative paths (default `process.cwd()`). */
  cwd?: string;
  /** `--config`: use this one file for every plan, with no search. */
  configFile?: string;
  /** `--no-config`: use the defaults and no configuration file. */
  noConfig?: boolean;
  /** `--rule` settings, applied after every configuration file. */
  cliRules?: RuleSettings;
  /** `--no-ignore`: lint files that .gitignore or `ignores` exclude. */
  noIgnore?: boolean;
  /** `--report-unused-disable-directives`, over the configuration's. */
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
  /** `--require-reason`: true over the configuration's. */
  requireReason?: boolean;
  /** The plan rules before plugins (default: the built-in rules). */
  baseRules?: readonly AnyRule[];
  /** Load a plugin file again when it changed since it was last loaded (the language server). */
  freshPlugins?: boolean;
}

/** What linting one plan needs from its configuration. */
export interface FileSettings {
  /** What `lintText` / `lintFiles` need for this plan: the plan rules to run, and the data rules' settings. */
  lint: Required<Pick<LintTextOptions, 'activeRules' | 'knownRuleIds' | 'reportUnusedDisableDirectives' | 'requireReason'>> &
    { dataRules: RuleSettings };
  /** Configuration files that apply, farthest first. */
  configFiles: string[];
  /** Every rule known for this plan (built-in and plugin), whether on or off. */
  allRules: AnyRule[];
  /** Each rule's effective severity and options, by id. */
  rules: Record<string, [Severity | 'off', Record<string, unknown>]>;
  /** Plugin modules loaded for this plan. */
  plugins: string[];
  /** Stable text identifying these settings: equal settings, equal fingerprint. */
  fingerprint: string;
  /** The same settings as plain data, for `lintFiles` and worker threads (see `PlanFileSettings`). */
  plain: PlanFileSettings;
  /** The nearest configuration's `locale`, if any: the CLI speaks it when neither `--locale` nor `FINETUNE_LINT_LOCALE` is set. */
  locale?: 'en' | 'zh-CN';
}

const DATA_RULE_IDS: ReadonlySet<string> = new Set(dataRules.map((r) => r.meta.id));

type Setting = { severity: SettingSeverity; options?: Record<string, unknown> };
type SettingSeverity = Exclude<RuleSettingValue, unknown[]>;

function normalize(value: RuleSetting | RuleSettingValue): Setting {
  if (!Array.isArray(value)) return { severity: value as SettingSeverity };
  return value.length > 1 ? { severity: value[0] as SettingSeverity, options: value[1] as Record<string, unknown> } : { severity: value[0] as SettingSeverity };
}

function toSeverity(value: SettingSeverity): Severity | 'off' {
  return value === 'off' || value === 0 ? 'off' : value === 'warn' || value === 1 || value === ('warning' as unknown) ? 'warning' : 'error';
}

function posix(rel: string): string {
  return rel.split(path.sep).join('/');
}

/** `file` relative to `dir` with forward slashes, or undefined when it is outside `dir`. */
function inside(dir: string, file: string): string | undefined {
  const rel = path.relative(dir, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return posix(rel);
}

function globMatches(rel: string, patterns: string | string[]): boolean {
  return ([] as string[]).concat(patterns).some((p) => {
    const pattern = p.replace(/^\.\//, '');
    // A pattern without a slash matches the file name in any folder, as in .gitignore.
    return minimatch(rel, pattern, { dot: true, matchBase: !pattern.includes('/') });
  });
}

/** Problems with a rule's setting, worded for a configuration file, where the key path already names the rule. */
const IN_FILE: Readonly<Record<string, MessageKey>> = {
  'config.bad-severity': 'config.file.bad-severity',
  'config.no-options': 'config.file.no-options',
  'config.invalid-options': 'config.file.invalid-options',
};

function inFile(problem: MessageRef): MessageRef {
  const id = IN_FILE[problem.id];
  return id ? msg(id, problem.data) : problem;
}

export class ConfigLoader {
  private readonly cwd: string;
  private readonly filesInDir = new Map<string, ConfigFile | null>();
  private readonly chains = new Map<string, ConfigFile[]>();
  private readonly repoRoots = new Map<string, boolean>();
  private readonly plugins = new Map<string, Promise<AnyRule[]>>();
  private readonly checked = new Set<string>();
  private readonly byFingerprint = new Map<string, FileSettings>();
  private readonly memo = new Map<string, FileSettings>();
  private readonly gitignores = new Map<string, Ignore | null>();
  private readonly configIgnores = new Map<ConfigFile, Ignore>();
  private readonly explicit?: ConfigFile;

  constructor(private readonly options: ConfigLoaderOptions = {}) {
    this.cwd = options.cwd ?? process.cwd();
    if (options.configFile && !options.noConfig) {
      const file = path.resolve(this.cwd, options.configFile);
      this.explicit = this.read(file, true) ?? undefined;
      if (!this.explicit) throw new ConfigError(msg('config.no-package-key', { file }));
    }
  }

  /** The configuration files that apply to a plan in `dir`, farthest first. */
  chainFor(dir: string): ConfigFile[] {
    if (this.options.noConfig) return [];
    if (this.explicit) return [this.explicit];
    const cached = this.chains.get(dir);
    if (cached) return cached;
    const own = this.configIn(dir);
    const parent = path.dirname(dir);
    const stop = own?.data.root === true || this.isRepoRoot(dir) || parent === dir;
    const chain = [...(stop ? [] : this.chainFor(parent)), ...(own ? [own] : [])];
    this.chains.set(dir, chain);
    return chain;
  }

  /** The settings for one plan file. */
  async forFile(filePath: string): Promise<FileSettings> {
    const file = path.resolve(this.cwd, filePath);
    const chain = this.chainFor(path.dirname(file));
    // Plans in one folder share their settings unless an `overrides` entry tells them apart.
    let memoKey = path.dirname(file);
    for (const config of chain) {
      const rel = inside(config.dir, file);
      for (const override of config.data.overrides ?? []) memoKey += rel !== undefined && globMatches(rel, override.files) ? '1' : '0';
    }
    const memo = this.memo.get(memoKey);
    if (memo) return memo;
    const settings = await this.compute(file, chain);
    this.memo.set(memoKey, settings);
    return settings;
  }

  private async compute(file: string, chain: ConfigFile[]): Promise<FileSettings> {
    const pluginRules: AnyRule[] = [];
    const pluginFiles: string[] = [];
    for (const config of chain) {
      for (const spec of config.data.plugins ?? []) {
        const pluginFile = path.resolve(config.dir, spec);
        if (pluginFiles.includes(pluginFile)) continue;
        pluginFiles.push(pluginFile);
        let loading = this.plugins.get(pluginFile);
        if (!loading) {
          loading = loadPlugin(pluginFile, config.path, this.options.freshPlugins === true);
          this.plugins.set(pluginFile, loading);
        }
        pluginRules.push(...(await loading));
      }
    }
    const allRules = this.combine(pluginRules, pluginFiles);
    const byId = new Map(allRules.map((r) => [r.meta.id, r]));
    for (const config of chain) this.check(config, byId);

    const settings = new Map<string, Setting>();
    const apply = (id: string, value: RuleSetting | RuleSettingValue): void => {
      const next = normalize(value);
      const before = settings.get(id);
      // A severity alone keeps the options set earlier, as in ESLint.
      settings.set(id, next.options || !before?.options ? next : { ...next, options: before.options });
    };
    for (const config of chain) {
      for (const preset of ([] as string[]).concat(config.data.extends ?? [])) {
        for (const rule of allRules) apply(rule.meta.id, preset === 'strict' ? 'error' : rule.meta.severity === 'error' ? 'error' : 'warn');
      }
      for (const [id, value] of Object.entries(config.data.rules ?? {})) apply(id, value);
      const rel = inside(config.dir, file);
      for (const override of config.data.overrides ?? []) {
        if (rel !== undefined && globMatches(rel, override.files)) {
          for (const [id, value] of Object.entries(override.rules ?? {})) apply(id, value);
        }
      }
    }
    for (const [id, value] of Object.entries(this.options.cliRules ?? {})) {
      const rule = byId.get(id);
      if (!rule) {
        const near = closest(id, byId.keys());
        const detail = near ? msg('config.unknown-rule.near', { rule: id, near }) : msg('config.unknown-rule', { rule: id });
        throw new ConfigError(msg('config.cli-rule', { detail }));
      }
      const problem = ruleSettingProblem(rule, value);
      if (problem) throw new ConfigError(msg('config.cli-rule', { detail: problem }));
      apply(id, value);
    }

    const nearest = <K extends keyof ConfigData>(key: K): ConfigData[K] | undefined =>
      chain.reduce<ConfigData[K] | undefined>((v, c) => (c.data[key] !== undefined ? c.data[key] : v), undefined);
    const unused = this.options.reportUnusedDisableDirectives ?? nearest('reportUnusedDisableDirectives') ?? 'warn';
    const requireReason = this.options.requireReason === true || nearest('requireReason') === true;

    const rules: FileSettings['rules'] = {};
    for (const rule of allRules) {
      const s = settings.get(rule.meta.id);
      rules[rule.meta.id] = [s ? toSeverity(s.severity) : rule.meta.severity, { ...rule.meta.defaultOptions, ...(s?.options ?? {}) }];
    }
    const fingerprint = JSON.stringify([rules, pluginFiles, unused, requireReason]);
    const configLocale = nearest('locale');
    const known = this.byFingerprint.get(fingerprint);
    if (known) return { ...known, configFiles: chain.map((c) => c.path), ...(configLocale ? { locale: configLocale } : {}) };
    const activeRules: ActiveRule[] = [];
    const dataSettings: RuleSettings = {};
    for (const rule of allRules) {
      const [severity, options] = rules[rule.meta.id]!;
      if (DATA_RULE_IDS.has(rule.meta.id)) {
        dataSettings[rule.meta.id] = [severity === 'warning' ? 'warn' : severity, options];
        continue;
      }
      const origin = pluginFileOf.get(rule);
      if (severity !== 'off') activeRules.push({ rule, severity, options, ...(origin ? { origin } : {}) });
    }
    const result: FileSettings = {
      configFiles: chain.map((c) => c.path),
      allRules,
      rules,
      plugins: pluginFiles,
      lint: {
        activeRules,
        knownRuleIds: new Set(byId.keys()),
        reportUnusedDisableDirectives: unused === 'warn' ? 'warning' : unused,
        requireReason,
        dataRules: dataSettings,
      },
      fingerprint,
      plain: {
        // Options are listed only where they differ from the rule's defaults: they were checked here
        // already, and checking them again where the plan is linted would compile their schemas.
        rules: Object.fromEntries(
          allRules.map((rule) => {
            const [severity, options] = rules[rule.meta.id]!;
            const name = severity === 'warning' ? 'warn' : severity;
            return [rule.meta.id, JSON.stringify(options) === JSON.stringify(rule.meta.defaultOptions) ? name : [name, options]];
          }),
        ),
        ...(pluginFiles.length ? { plugins: pluginFiles } : {}),
        ...(unused !== 'warn' ? { reportUnusedDisableDirectives: unused === 'error' ? 'error' : 'off' } : {}),
        ...(requireReason ? { requireReason } : {}),
      },
    };
    this.byFingerprint.set(fingerprint, result);
    return configLocale ? { ...result, locale: configLocale } : result;
  }

  /** The built-in rules and every plugin rule loaded so far. */
  async knownRules(): Promise<AnyRule[]> {
    const loaded = await Promise.all(this.plugins.values());
    return [...(this.options.baseRules ?? builtinRules), ...(dataRules as unknown as AnyRule[]), ...loaded.flat()];
  }

  /**
   * Whether a plan file (or, with `isDir`, a folder) is excluded by a
   * `.gitignore` between the repository root and it, or by the `ignores` of
   * a configuration file that applies to it.
   */
  isIgnored(target: string, isDir = false): boolean {
    if (this.options.noIgnore) return false;
    const abs = path.resolve(this.cwd, target);
    const dir = isDir ? abs : path.dirname(abs);
    for (const config of this.chainFor(dir)) {
      const rel = inside(config.dir, abs);
      if (rel === undefined) continue;
      let ig = this.configIgnores.get(config);
      if (!ig) {
        ig = ignore().add(config.data.ignores ?? []);
        this.configIgnores.set(config, ig);
      }
      if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
    }
    // .gitignore files from the repository root down; a deeper file may re-include (`!pattern`).
    const levels: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      levels.unshift(d);
      if (this.isRepoRoot(d) || path.dirname(d) === d) break;
    }
    if (!this.isRepoRoot(levels[0]!)) return false;
    let ignored = false;
    for (const level of levels) {
      const ig = this.gitignoreIn(level);
      const rel = inside(level, abs);
      if (!ig || rel === undefined) continue;
      const t = ig.test(isDir ? `${rel}/` : rel);
      if (t.ignored) ignored = true;
      else if (t.unignored) ignored = false;
    }
    return ignored;
  }

  private combine(pluginRules: AnyRule[], pluginFiles: string[]): AnyRule[] {
    // Data rules are configured like the others; they run in the data checks, not in lintText.
    const base = [...(this.options.baseRules ?? builtinRules), ...(dataRules as unknown as AnyRule[])];
    if (pluginRules.length === 0) return [...base];
    const seen = new Map<string, string | MessageRef>(base.map((r) => [r.meta.id, 'finetune-lint']));
    for (const rule of pluginRules) {
      const other = seen.get(rule.meta.id);
      if (other) throw new ConfigError(msg('config.duplicate-plugin-rule', { rule: rule.meta.id, files: pluginFiles, other }));
      seen.set(rule.meta.id, msg('config.another-plugin'));
    }
    return [...base, ...pluginRules];
  }

  /** Unknown rule ids and invalid options, reported at their line; once per file and rule set. */
  private check(config: ConfigFile, byId: Map<string, AnyRule>): void {
    const key = `${config.path}\u0000${[...byId.keys()].join(',')}`;
    if (this.checked.has(key)) return;
    const checkRules = (at: Array<string | number>, rules: Record<string, RuleSettingValue> | undefined): void => {
      for (const [id, value] of Object.entries(rules ?? {})) {
        const rule = byId.get(id);
        if (!rule) {
          const near = closest(id, byId.keys());
          config.fail([...at, id], near ? msg('config.file.unknown-rule.near', { rule: id, near }) : msg('config.file.unknown-rule', { rule: id }), true);
        }
        const problem = ruleSettingProblem(rule!, value as RuleSetting);
        if (problem) config.fail([...at, id], inFile(problem));
      }
    };
    checkRules(['rules'], config.data.rules);
    (config.data.overrides ?? []).forEach((o, i) => checkRules(['overrides', i, 'rules'], o.rules));
    this.checked.add(key);
  }

  private configIn(dir: string): ConfigFile | null {
    const cached = this.filesInDir.get(dir);
    if (cached !== undefined) return cached;
    // One `lstat` per name the folder may hold, not a listing of the folder: a plan's parents can
    // hold thousands of entries (a home folder, /tmp, a folder of plans), and a failed `lstat`
    // builds no error object when told not to throw. A folder by that name is passed over; a
    // link is followed, and one that leads nowhere is read (and reported) as before.
    const isFile = (name: string): boolean => {
      try {
        const entry = lstatSync(path.join(dir, name), { throwIfNoEntry: false });
        if (!entry?.isSymbolicLink()) return entry?.isFile() ?? false;
        return statSync(path.join(dir, name), { throwIfNoEntry: false })?.isFile() ?? true;
      } catch {
        return false;
      }
    };
    let found: ConfigFile | null = null;
    const name = CONFIG_FILE_NAMES.find(isFile);
    if (name) found = this.read(path.join(dir, name), false);
    else if (isFile('package.json')) found = this.read(path.join(dir, 'package.json'), false);
    this.filesInDir.set(dir, found);
    return found;
  }

  private read(file: string, explicit: boolean): ConfigFile | null {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ConfigError(msg('config.cannot-read', { file, detail: code === 'ENOENT' ? msg('config.does-not-exist') : (err as Error).message }));
    }
    const isPackage = path.basename(file) === 'package.json';
    const parsed = parseConfigFile(file, path.dirname(file), text, isPackage);
    if (!parsed && explicit) return null;
    return parsed ?? null;
  }

  private isRepoRoot(dir: string): boolean {
    let known = this.repoRoots.get(dir);
    if (known === undefined) {
      try {
        known = statSync(path.join(dir, '.git'), { throwIfNoEntry: false }) !== undefined;
      } catch {
        known = false;
      }
      this.repoRoots.set(dir, known);
    }
    return known;
  }

  private gitignoreIn(dir: string): Ignore | null {
    let ig = this.gitignores.get(dir);
    if (ig === undefined) {
      const file = path.join(dir, '.gitignore');
      try {
        // Most folders have none: looked for first, so that a missing file costs no error object.
        ig = statSync(file, { throwIfNoEntry: false })?.isFile() ? ignore().add(readFileSync(file, 'utf8')) : null;
      } catch {
        ig = null;
      }
      this.gitignores.set(dir, ig);
    }
    return ig;
  }
}
