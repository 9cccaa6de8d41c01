import { readFileSync, statSync } from 'node:fs';
import { loadPlugin, pluginFileOf } from './config/plugins.js';
import { lintTextWithData, type DataCheckOptions } from './data/run.js';
import { dataRules } from './data/rules/index.js';
import { decodePlanBytes } from '../core/decode.js';
import { makeResult, type LintResult } from '../core/diagnostic.js';
import { DEFAULT_LOCALE, msg, render, type Locale, type MessageKey, type MessageRef } from '../core/i18n/index.js';
import { lintText, type LintTextOptions } from '../core/linter.js';
import { resolveRules, type ActiveRule, type RuleSettings } from '../core/rule-settings.js';
import type { AnyRule } from '../core/rule.js';
import { rules as builtinRules } from '../core/rules/index.js';

/**
 * Reading and linting one plan file: the per-file pipeline shared by the main
 * thread and the worker threads.
 */

/** Default for `maxFileSize`: 10 MB. A plan is a few kilobytes. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const READ_FAILURES: Record<string, MessageKey> = {
  ENOENT: 'read-error.missing',
  EACCES: 'read-error.permission',
  EPERM: 'read-error.permission',
  ELOOP: 'read-error.loop',
  EISDIR: 'read-error.folder',
};

/**
 * What decides how one file is linted, in a form that can be sent to a worker
 * thread or hashed into a cache key: plain data, no functions.
 */
export interface PlanFileSettings {
  /** Severity and options per rule id: plan rules, plugin rules and data rules. */
  rules?: RuleSettings;
  /** Plugin modules whose rules join the built-in ones (absolute paths). */
  plugins?: string[];
  reportUnusedDisableDirectives?: LintTextOptions['reportUnusedDisableDirectives'];
  requireReason?: boolean;
  /** Language of messages and hints. */
  locale?: Locale;
  /** Check the data files and trainer config the plan names; off when absent. */
  dataChecks?: Omit<DataCheckOptions, 'rules' | 'locale'>;
}

/** One file to lint. */
export interface PlanFileTask {
  filePath: string;
  settings: PlanFileSettings;
  /**
   * With a cache: the opaque fingerprint of everything besides the file's
   * bytes that decides its result (see `lint-cache.ts`).
   */
  fingerprint?: string;
  /** With a cache: the key of the cached result; a file whose key is unchanged is not linted again. */
  cachedKey?: string;
}

/** What linting one file gave. */
export interface PlanFileOutcome {
  /** The result; absent when `cachedKey` still matched and the cached result stands. */
  result?: LintResult;
  /** With a fingerprint: the file's cache key, when the result may be cached. */
  key?: string;
}

export interface PlanFileOptions {
  /** Files larger than this many bytes are reported, not read (default 10 MB). */
  maxFileSize?: number;
  /** Computes a cache key from the fingerprint and the bytes (given only when caching). */
  cacheKey?: (fingerprint: string, bytes: Uint8Array) => string;
}

/**
 * The whole pipeline for one file: read it, skip it if the cache says it is
 * unchanged, lint it, run its data checks. The same function runs on the main
 * thread and in worker threads.
 */
export async function lintPlanFile(task: PlanFileTask, options: PlanFileOptions = {}): Promise<PlanFileOutcome> {
  const { filePath, settings } = task;
  const locale = settings.locale ?? DEFAULT_LOCALE;
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // Plans are small: synchronous reads are faster than the promise API's per-call overhead,
  // and linting is CPU-bound anyway.
  let bytes: Buffer;
  try {
    const info = statSync(filePath);
    if (info.isFile() && info.size > maxFileSize) {
      return { result: readFailure(filePath, locale, msg('read-error.too-large', { size: formatSize(info.size), limit: formatSize(maxFileSize) })) };
    }
    bytes = readFileSync(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const known = READ_FAILURES[code];
    return { result: readFailure(filePath, locale, known ? msg(known) : msg('read-error.failed', { detail: code || (err as Error).message })) };
  }
  const key = task.fingerprint !== undefined && options.cacheKey ? options.cacheKey(task.fingerprint, bytes) : undefined;
  if (key !== undefined && key === task.cachedKey) return { key };
  const decoded = decodePlanBytes(bytes, locale);
  if ('diagnostic' in decoded) {
    const result = makeResult(filePath, [decoded.diagnostic]);
    return key === undefined ? { result } : { result, key };
  }
  const { result, readData } = await lintPlanText(decoded.text, filePath, settings);
  // A result that depends on data files is not cached: the cache key covers the plan's bytes only.
  return key === undefined || readData ? { result } : { result, key };
}

/**
 * Lints a plan's text with plain settings, and its data files when
 * `settings.dataChecks` is given and the plan has a path: the step after
 * reading, shared by files and `--stdin`. `readData` tells whether the
 * result depends on data files that exist.
 */
export async function lintPlanText(
  text: string,
  filePath: string | undefined,
  settings: PlanFileSettings,
): Promise<{ result: LintResult; readData: boolean }> {
  const resolved = await resolvedFor(settings);
  const lint: LintTextOptions = {
    ...(filePath ? { filePath } : {}),
    activeRules: resolved.active,
    knownRuleIds: resolved.known,
    locale: settings.locale ?? DEFAULT_LOCALE,
    ...(settings.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: settings.reportUnusedDisableDirectives } : {}),
    ...(settings.requireReason ? { requireReason: true } : {}),
  };
  if (!settings.dataChecks || !filePath) return { result: lintText(text, lint), readData: false };
  let readData = false;
  const result = await lintTextWithData(text, { ...lint, filePath }, {
    ...settings.dataChecks,
    rules: resolved.dataSettings,
    onRead: () => {
      readData = true;
    },
  });
  return { result, readData };
}

interface Resolved {
  active: ActiveRule[];
  known: ReadonlySet<string>;
  dataSettings: RuleSettings;
}

/** Rules resolved per distinct settings: most runs have one or a few. */
const resolvedRules = new Map<string, Promise<Resolved>>();
const DATA_RULE_IDS: ReadonlySet<string> = new Set(dataRules.map((r) => r.meta.id));

function resolvedFor(settings: PlanFileSettings): Promise<Resolved> {
  const id = JSON.stringify([settings.rules ?? {}, settings.plugins ?? []]);
  let resolved = resolvedRules.get(id);
  if (!resolved) {
    resolved = resolve(settings);
    resolvedRules.set(id, resolved);
  }
  return resolved;
}

async function resolve(settings: PlanFileSettings): Promise<Resolved> {
  const pluginRules: AnyRule[] = [];
  // The configuration loader has loaded and checked each plugin already (and named the configuration
  // that lists it on failure); here, possibly in a worker thread, the module is only imported again.
  for (const file of settings.plugins ?? []) pluginRules.push(...(await loadPlugin(file, file)));
  const all = [...builtinRules, ...pluginRules];
  const planSettings: RuleSettings = {};
  const dataSettings: RuleSettings = {};
  for (const [ruleId, setting] of Object.entries(settings.rules ?? {})) {
    if (DATA_RULE_IDS.has(ruleId)) dataSettings[ruleId] = setting;
    else planSettings[ruleId] = setting;
  }
  const active = resolveRules(all, planSettings).map((a) => {
    const origin = pluginFileOf.get(a.rule);
    return origin ? { ...a, origin } : a;
  });
  return { active, known: new Set([...all.map((r) => r.meta.id), ...DATA_RULE_IDS]), dataSettings };
}

function formatSize(bytes: number): MessageRef | string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KB`;
  return msg('read-error.bytes', { count: bytes });
}

function readFailure(filePath: string, locale: Locale, message: MessageRef): LintResult {
  return makeResult(filePath, [
    {
      ruleId: 'read-error',
      severity: 'error',
      fatal: true,
      message: render(locale, message),
      hint: render(locale, msg('read-error.hint')),
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    },
  ]);
}
