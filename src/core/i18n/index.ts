import { en, type MessageKey } from './en.js';
import type { Locale } from './locale.js';
import type { MessageData, MessageParam, MessageRef } from './message.js';
import { zhCN } from './zh-CN.js';

export { DEFAULT_LOCALE, LOCALES, normalizeLocale, resolveLocale, type Locale } from './locale.js';
export type { MessageKey } from './en.js';

/**
 * A message catalogue: one template per key, with named parameters written
 * `{name}`. Keys are flat and start with the rule id or the part of the tool
 * they belong to (`no-eval-set.missing`, `schema.unknown-key`, `cli.no-files`).
 * A key ending in `.one` / `.other` is a count form, chosen by {@link plural}.
 */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** The catalogue of each locale. A test checks they have the same keys and parameters. */
export const catalogues: Readonly<Record<Locale, Catalogue>> = { en, 'zh-CN': zhCN };

export { msg, plural, type MessageData, type MessageParam, type MessageRef } from './message.js';

/** The `{name}` parameters a template uses, in order of first use. */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]!))];
}

/**
 * Renders the message `key` of `locale` with its parameters. Parameter values
 * are inserted as they are (a value holding `{x}` is not expanded again); a
 * {@link MessageRef} is rendered in the same locale, a list joined with the
 * locale's separator. A parameter the caller did not give stays visible as
 * `{name}`, so a mistake shows rather than vanishes; an unknown key renders
 * as the key itself.
 */
export function translate(locale: Locale, key: MessageKey, data: MessageData = {}): string {
  const template = (catalogues[locale] as Record<string, string | undefined>)[key] ?? (en as Record<string, string | undefined>)[key] ?? key;
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(data, name) ? data[name] : undefined;
    return value === undefined ? whole : param(locale, value);
  });
}

function param(locale: Locale, value: MessageParam): string {
  if (Array.isArray(value)) return value.map((v: MessageParam) => param(locale, v)).join(translate(locale, 'list.separator'));
  if (typeof value === 'object') return translate(locale, (value as MessageRef).id, (value as MessageRef).data);
  return String(value);
}

/** Renders a {@link MessageRef}. */
export function render(locale: Locale, ref: MessageRef): string {
  return translate(locale, ref.id, ref.data);
}

/** Whether the catalogues have a message under `key` (plugin rules have none). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
