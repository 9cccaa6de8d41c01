import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/diagnostic.js';
import { msg, type MessageRef } from '../../core/i18n/index.js';
import { ConfigError } from '../../core/rule-settings.js';
import type { AnyRule, Rule } from '../../core/rule.js';

/**
 * What a plugin module exports: its rules, written against the same API as
 * the built-in ones (`defineRule` from the package). Either named exports
 * (`export const rules = […]`) or a default export holding them.
 */
export interface Plugin {
  /** Shown in messages about the plugin; defaults to its file name. */
  name?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rules: ReadonlyArray<Rule<any>>;
}

/** Identity helper that type-checks a plugin module's export. */
export function definePlugin(plugin: Plugin): Plugin {
  return plugin;
}

/** The plugin file each loaded plugin rule came from. */
export const pluginFileOf = new WeakMap<AnyRule, string>();

const RULE_ID = /^[a-z][a-z0-9]*(?:[-/][a-z0-9]+)*$/;
const SEVERITIES: readonly Severity[] = ['error', 'warning'];
const VERDICTS = ['fix-first', 'do-not-fine-tune'];

/** Size and modification time of each plugin file when it was last loaded fresh. */
const loadedStamps = new Map<string, string>();

/**
 * The URL to import a plugin from. Node keeps a module once imported; with
 * `fresh` (the language server, which runs for hours while a plugin is being
 * written), a plugin file that changed since it was last loaded is loaded
 * again: an ES module under a new URL (its size and modification time as the
 * query), a CommonJS one by dropping it from the `require` cache. Only the
 * plugin's own file is reloaded, not the modules it imports.
 */
function pluginUrl(file: string, fresh: boolean): string {
  const url = pathToFileURL(file).href;
  if (!fresh) return url;
  const info = statSync(file, { throwIfNoEntry: false });
  if (!info) return url;
  const stamp = `${info.size}-${info.mtimeMs}`;
  const before = loadedStamps.get(file);
  if (before !== undefined && before !== stamp) delete createRequire(file).cache[file];
  loadedStamps.set(file, stamp);
  return `${url}?stamp=${stamp}`;
}

/**
 * Loads a plugin module (ES module or CommonJS) from an absolute path and
 * checks the shape of each rule, so a broken plugin fails once, at start,
 * naming its file — not in the middle of a run. With `fresh`, a plugin file
 * that changed since it was last loaded is loaded again (see `pluginUrl`).
 */
export async function loadPlugin(file: string, declaredIn: string, fresh = false): Promise<AnyRule[]> {
  const fail = (why: MessageRef): never => {
    throw new ConfigError(msg('plugin.error', { file, config: declaredIn, detail: why }));
  };
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pluginUrl(file, fresh))) as Record<string, unknown>;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes(file)) fail(msg('plugin.missing'));
    return fail(msg('plugin.load-failed', { detail: e.message ?? String(err) }));
  }
  const exported = (mod.rules ?? (mod.default as Record<string, unknown> | undefined)?.rules) as unknown;
  if (!Array.isArray(exported)) fail(msg('plugin.no-rules'));
  const rules = exported as unknown[];
  return rules.map((candidate, i) => {
    const r = candidate as Partial<AnyRule> | undefined;
    const meta = r?.meta;
    // The entry as the code names it, in every locale.
    const where = { rule: `rules[${i}]${typeof meta?.id === 'string' ? ` ("${meta.id}")` : ''}` };
    if (!r || typeof r !== 'object' || !meta || typeof meta !== 'object') fail(msg('plugin.no-meta', where));
    if (typeof r!.check !== 'function') fail(msg('plugin.no-check', where));
    if (typeof meta!.id !== 'string' || !RULE_ID.test(meta!.id)) fail(msg('plugin.bad-id', where));
    if (!SEVERITIES.includes(meta!.severity)) fail(msg('plugin.bad-severity', where));
    if (typeof meta!.description !== 'string' || !meta!.description) fail(msg('plugin.no-description', where));
    if (typeof meta!.hint !== 'string' || !meta!.hint) fail(msg('plugin.no-hint', where));
    if (meta!.verdict !== undefined && !VERDICTS.includes(meta!.verdict)) fail(msg('plugin.bad-verdict', where));
    const rule = {
      check: r!.check!,
      meta: { ...meta!, verdict: meta!.verdict ?? 'fix-first', defaultOptions: meta!.defaultOptions ?? {} },
    } as AnyRule;
    pluginFileOf.set(rule, file);
    return rule;
  });
}
