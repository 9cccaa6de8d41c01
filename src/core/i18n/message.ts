import type { MessageKey } from './en.js';

/**
 * Message references without the catalogues: modules that only build
 * messages (the dataset readers, bundled on their own) import this file, so
 * they do not carry the catalogues with them; rendering happens in the caller.
 */

/** A message to render later, in whatever locale the output is in: a key and its parameters. */
export interface MessageRef {
  id: MessageKey;
  data?: MessageData;
}

/**
 * A parameter: text as is (quoted plan text, key names), a number, another
 * message rendered in the same locale, or a list of these, joined with the
 * locale's list separator (`list.separator`).
 */
export type MessageParam = string | number | MessageRef | readonly MessageParam[];

export type MessageData = Readonly<Record<string, MessageParam>>;

/** Shorthand for a {@link MessageRef}. */
export function msg(id: MessageKey, data?: MessageData): MessageRef {
  return data ? { id, data } : { id };
}

/** The count form of `base` for `count`: `base.one` for 1, else `base.other`; `{count}` is set. */
export function plural(base: string, count: number, data: MessageData = {}): MessageRef {
  return { id: `${base}.${count === 1 ? 'one' : 'other'}` as MessageKey, data: { ...data, count } };
}
