/**
 * The record shapes fine-tuning datasets use, and the text of a record that
 * overlap checks compare. That text is the *prompt side* — what the model is
 * asked — because a prompt seen in training is what makes an eval score
 * measure memory: user turns of a chat (system prompts left out: they are
 * usually shared by every record), `instruction` + `input` of Alpaca, the
 * `prompt` of prompt/completion and preference pairs (the user turns of
 * `chosen` when there is no `prompt`), and `text` for plain-text records.
 */

import { msg, type MessageRef } from '../i18n/message.js';

export type RecordShape = 'openai-chat' | 'sharegpt' | 'alpaca' | 'prompt-completion' | 'preference' | 'text';

export interface ShapedRecord {
  shape?: RecordShape;
  /** What is wrong with the record, when something is. */
  problem?: MessageRef;
  /** The prompt-side text (empty when the record has none). */
  prompt: string;
}

const CHAT_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function', 'ipython']);
const SHAREGPT_FROM = new Set(['system', 'human', 'user', 'gpt', 'assistant', 'function_call', 'observation', 'tool', 'function']);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Text of a message's content: a string, or the text parts of an OpenAI content array. */
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    const parts = content.map((p) => (isObj(p) && typeof p.text === 'string' ? p.text : isObj(p) ? '\u0000' : ''));
    return parts.join('');
  }
  return undefined;
}

function chat(messages: unknown, field: string, roleKey: string, contentKey: string, roles: Set<string>, userRoles: string[], assistantRoles: string[]): ShapedRecord {
  if (!Array.isArray(messages) || messages.length === 0) return { problem: msg('record.turns-not-list', { field }), prompt: '' };
  const users: string[] = [];
  let assistant = false;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    if (!isObj(m)) return { problem: msg('record.turn-not-object', { field, index: i }), prompt: '' };
    const role = m[roleKey];
    if (typeof role !== 'string') return { problem: msg('record.turn-no-role', { field, index: i, roleKey }), prompt: '' };
    if (!roles.has(role)) return { problem: msg('record.turn-unknown-role', { field, index: i, roleKey, role }), prompt: '' };
    const text = contentText(m[contentKey]);
    const isAssistant = assistantRoles.includes(role);
    // An assistant turn that only calls tools has no text content.
    const callsTools = isAssistant && (Array.isArray(m.tool_calls) || isObj(m.function_call));
    if (!callsTools && (text === undefined || text.trim() === '')) {
      return { problem: msg('record.turn-empty', { field, index: i, role, contentKey }), prompt: '' };
    }
    if (isAssistant) assistant = true;
    if (userRoles.includes(role) && text) users.push(text);
  }
  if (!assistant) return { problem: msg('record.no-assistant', { roles: assistantRoles.join('/') }), prompt: users.join('\n') };
  return { prompt: users.join('\n') };
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/** Recognises a record's shape, checks it, and extracts its prompt-side text. */
export function shapeRecord(value: unknown): ShapedRecord {
  if (!isObj(value)) {
    const kind = Array.isArray(value) ? msg('record.kind.list') : value === null ? msg('record.kind.null') : msg('record.kind.value', { type: typeof value });
    return { problem: msg('record.not-object', { kind }), prompt: '' };
  }
  if ('messages' in value) return { shape: 'openai-chat', ...chat(value.messages, 'messages', 'role', 'content', CHAT_ROLES, ['user'], ['assistant']) };
  if ('conversations' in value) {
    return { shape: 'sharegpt', ...chat(value.conversations, 'conversations', 'from', 'value', SHAREGPT_FROM, ['human', 'user'], ['gpt', 'assistant', 'function_call']) };
  }
  if ('chosen' in value || 'rejected' in value) return { shape: 'preference', ...preference(value) };
  if ('instruction' in value) {
    if (!nonEmptyString(value.instruction)) return { shape: 'alpaca', problem: msg('record.empty-field', { field: 'instruction' }), prompt: '' };
    if (!nonEmptyString(value.output)) return { shape: 'alpaca', problem: msg('record.missing-field', { field: 'output' }), prompt: value.instruction };
    const input = typeof value.input === 'string' ? value.input : '';
    return { shape: 'alpaca', prompt: input ? `${value.instruction}\n${input}` : value.instruction };
  }
  if ('prompt' in value || 'completion' in value) {
    const prompt = typeof value.prompt === 'string' ? value.prompt : Array.isArray(value.prompt) ? userTurns(value.prompt) : undefined;
    if (prompt === undefined || prompt.trim() === '') return { shape: 'prompt-completion', problem: msg('record.missing-field', { field: 'prompt' }), prompt: '' };
    const completion = typeof value.completion === 'string' ? value.completion : Array.isArray(value.completion) ? 'turns' : '';
    if (completion.trim() === '') return { shape: 'prompt-completion', problem: msg('record.missing-field', { field: 'completion' }), prompt };
    return { shape: 'prompt-completion', prompt };
  }
  if ('text' in value) {
    return nonEmptyString(value.text) ? { shape: 'text', prompt: value.text } : { shape: 'text', problem: msg('record.empty-field', { field: 'text' }), prompt: '' };
  }
  const keys = Object.keys(value).slice(0, 5).map((text) => msg('data.quoted', { text }));
  return {
    problem: msg('record.unknown-shape', { keys: keys.length ? keys : msg('record.no-keys') }),
    prompt: '',
  };
}

function userTurns(turns: unknown[]): string {
  return turns
    .filter((t): t is Obj => isObj(t) && (t.role === 'user' || t.from === 'human' || t.from === 'user'))
    .map((t) => contentText(t.content ?? t.value) ?? '')
    .join('\n');
}

function preference(value: Obj): Omit<ShapedRecord, 'shape'> {
  for (const side of ['chosen', 'rejected'] as const) {
    const v = value[side];
    const empty = typeof v === 'string' ? v.trim() === '' : Array.isArray(v) ? v.length === 0 : true;
    if (empty) return { problem: msg('record.missing-field', { field: side }), prompt: '' };
  }
  if (typeof value.prompt === 'string' && value.prompt.trim()) return { prompt: value.prompt };
  if (Array.isArray(value.prompt)) return { prompt: userTurns(value.prompt) };
  if (Array.isArray(value.chosen)) return { prompt: userTurns(value.chosen) };
  return { prompt: '' };
}
