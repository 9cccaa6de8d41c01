import { en, type MessageKey } from './en.js';
import type { Locale } from './locale.js';
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

/** A message to render later, in whatever locale the output is in: a key and its parameters. */
export interface MessageRef {
  id: MessageKey;
  data?: MessageData;
}

/** A parameter: text as is (quoted plan text, key names), a number, or another message rendered in the same locale. */
export type MessageParam = string | number | MessageRef;

export type MessageData = Readonly<Record<string, MessageParam>>;

/** Shorthand for a {@link MessageRef}. */
export function msg(id: MessageKey, data?: MessageData): MessageRef {
  return data ? { id, data } : { id };
}

/** The `{name}` parameters a template uses, in order of first use. */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]!))];
}

/**
 * Renders the message `key` of `locale` with its parameters. Parameter values
 * are inserted as they are (a value holding `{x}` is not expanded again); a
 * {@link MessageRef} is rendered in the same locale. A parameter the caller
 * did not give stays visible as `{name}`, so a mistake shows rather than
 * vanishes; an unknown key renders as the key itself.
 */
export function translate(locale: Locale, key: MessageKey, data: MessageData = {}): string {
  const template = (catalogues[locale] as Record<string, string | undefined>)[key] ?? (en as Record<string, string | undefined>)[key] ?? key;
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(data, name) ? data[name] : undefined;
    if (value === undefined) return whole;
    return typeof value === 'object' ? translate(locale, value.id, value.data) : String(value);
  });
}

/** Renders a {@link MessageRef}. */
export function render(locale: Locale, ref: MessageRef): string {
  return translate(locale, ref.id, ref.data);
}

/** Whether the catalogues have a message under `key` (plugin rules have none). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The count form of `base` for `count`: `base.one` for 1, else `base.other`; `{count}` is set. */
export function plural(base: string, count: number, data: MessageData = {}): MessageRef {
  return { id: `${base}.${count === 1 ? 'one' : 'other'}` as MessageKey, data: { ...data, count } };
}
