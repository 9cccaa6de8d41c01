/**
 * The *target side* of a record: what the model is trained to write, or what
 * an eval record grades against. Assistant turns of a chat (OpenAI
 * `messages`, ShareGPT `conversations` with `gpt`/`assistant`), Alpaca
 * `output`, `completion` (a string or assistant turns), the `chosen` side of
 * a preference pair. Plain-text records (`text`) have no reply: the whole
 * text is trained on, with no prompt to tell from it.
 *
 * Works on any value: a record that `shapes.ts` finds malformed gives what
 * can be read of it, and a value of no known shape gives no replies.
 */

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    const parts = content.filter((p): p is Obj => isObj(p) && typeof p.text === 'string').map((p) => p.text as string);
    return parts.length ? parts.join('') : undefined;
  }
  return undefined;
}

const ASSISTANT_ROLES = new Set(['assistant', 'gpt']);

function assistantTurns(turns: unknown[], out: string[]): void {
  for (const t of turns) {
    if (!isObj(t)) continue;
    const role = t.role ?? t.from;
    if (typeof role !== 'string' || !ASSISTANT_ROLES.has(role)) continue;
    const content = text(t.content ?? t.value);
    if (content !== undefined && content.trim() !== '') out.push(content);
  }
}

/** The replies of one record, in order; empty when it has none. */
export function replyTexts(value: unknown): string[] {
  const out: string[] = [];
  if (!isObj(value)) return out;
  if (Array.isArray(value.messages)) assistantTurns(value.messages, out);
  else if (Array.isArray(value.conversations)) {
    assistantTurns(value.conversations, out);
    // LLaMA-Factory's ShareGPT preference format keeps the answers beside the conversation.
    if (isObj(value.chosen)) assistantTurns([value.chosen], out);
  } else if ('chosen' in value) {
    const chosen = value.chosen;
    if (typeof chosen === 'string') out.push(chosen);
    else if (Array.isArray(chosen)) assistantTurns(chosen, out);
  } else if ('instruction' in value) {
    if (typeof value.output === 'string') out.push(value.output);
  } else if ('completion' in value) {
    const completion = value.completion;
    if (typeof completion === 'string') out.push(completion);
    else if (Array.isArray(completion)) assistantTurns(completion, out);
  }
  return out.filter((r) => r.trim() !== '');
}
