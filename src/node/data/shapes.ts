/**
 * The record shapes fine-tuning datasets use, and the text of a record that
 * overlap checks compare. That text is the *prompt side* — what the model is
 * asked — because a prompt seen in training is what makes an eval score
 * measure memory: user turns of a chat (system prompts left out: they are
 * usually shared by every record), `instruction` + `input` of Alpaca, the
 * `prompt` of prompt/completion and preference pairs (the user turns of
 * `chosen` when there is no `prompt`), and `text` for plain-text records.
 */

import { msg, type MessageRef } from '../../core/i18n/message.js';

export type RecordShape = 'openai-chat' | 'sharegpt' | 'alpaca' | 'prompt-completion' | 'preference' | 'text' | 'template-free' | 'tokenized';

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

/**
 * Recognises a record's shape, checks it, and extracts its prompt-side text.
 * The shapes are those LLaMA-Factory's and Axolotl's data documentation
 * describe (fixtures/data/datasets/data/docs-*.jsonl hold their examples):
 * chats (`messages`, ShareGPT `conversations`, also with `kto_tag`), Alpaca
 * (`instruction`/`input`/`output`, `history`), pre-training `text`,
 * preference pairs (`chosen`/`rejected` as text, turns or one turn, with the
 * prompt in `prompt`, `question`, `instruction`, `input`, `conversations` or
 * `messages`; Axolotl's `chosen_response`/`rejected_response`; ranked
 * `answers`), KTO and prompt/completion records (`completion` with `prompt`,
 * `question`, `instruction` or the user turns; stepwise `completions`),
 * Axolotl's template-free `segments` and pre-tokenized `input_ids`.
 */
export function shapeRecord(value: unknown): ShapedRecord {
  if (!isObj(value)) {
    const kind = Array.isArray(value) ? msg('record.kind.list') : value === null ? msg('record.kind.null') : msg('record.kind.value', { type: typeof value });
    return { problem: msg('record.not-object', { kind }), prompt: '' };
  }
  if ('segments' in value) return { shape: 'template-free', ...segments(value.segments) };
  if ('input_ids' in value) {
    const ok = Array.isArray(value.input_ids) && value.input_ids.length > 0;
    return ok ? { shape: 'tokenized', prompt: '' } : { shape: 'tokenized', problem: msg('record.missing-field', { field: 'input_ids' }), prompt: '' };
  }
  if ('chosen_response' in value || 'rejected_response' in value) return { shape: 'preference', ...preference(value, 'chosen_response', 'rejected_response') };
  if (('chosen' in value || 'rejected' in value) && !('completion' in value)) return { shape: 'preference', ...preference(value, 'chosen', 'rejected') };
  if ('answers' in value && 'prompt' in value) return { shape: 'preference', ...ranked(value) };
  if ('messages' in value) return { shape: 'openai-chat', ...chat(value.messages, 'messages', 'role', 'content', CHAT_ROLES, ['user'], ['assistant']) };
  if ('conversations' in value) {
    return { shape: 'sharegpt', ...chat(value.conversations, 'conversations', 'from', 'value', SHAREGPT_FROM, ['human', 'user'], ['gpt', 'assistant', 'function_call']) };
  }
  if ('instruction' in value && !('completion' in value)) {
    if (!nonEmptyString(value.instruction)) return { shape: 'alpaca', problem: msg('record.empty-field', { field: 'instruction' }), prompt: '' };
    if (!nonEmptyString(value.output)) return { shape: 'alpaca', problem: msg('record.missing-field', { field: 'output' }), prompt: value.instruction };
    const input = typeof value.input === 'string' ? value.input : '';
    return { shape: 'alpaca', prompt: input ? `${value.instruction}\n${input}` : value.instruction };
  }
  if ('prompt' in value || 'completion' in value || 'completions' in value || 'question' in value) return { shape: 'prompt-completion', ...promptCompletion(value) };
  if ('text' in value) {
    return nonEmptyString(value.text) ? { shape: 'text', prompt: value.text } : { shape: 'text', problem: msg('record.empty-field', { field: 'text' }), prompt: '' };
  }
  const keys = Object.keys(value).slice(0, 5).map((text) => msg('data.quoted', { text }));
  return {
    problem: msg('record.unknown-shape', { keys: keys.length ? keys : msg('record.no-keys') }),
    prompt: '',
  };
}

/** The prompt a record states in one of the fields datasets use for it, if any. */
function statedPrompt(value: Obj): string | undefined {
  if (nonEmptyString(value.prompt)) return value.prompt;
  if (Array.isArray(value.prompt)) return userTurns(value.prompt);
  if (nonEmptyString(value.question)) return value.question;
  if (nonEmptyString(value.instruction)) return nonEmptyString(value.input) ? `${value.instruction}\n${value.input}` : value.instruction;
  if (nonEmptyString(value.input)) return value.input;
  if (Array.isArray(value.conversations)) return userTurns(value.conversations);
  if (Array.isArray(value.messages)) return userTurns(value.messages);
  return undefined;
}

/** Whether one side of a pair says something: text, a list of turns, or one turn (`{from, value}`, `{role, content}`). */
function hasAnswer(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (isObj(v)) return (contentText(v.content ?? v.value) ?? '').trim() !== '';
  return false;
}

function segments(list: unknown): Omit<ShapedRecord, 'shape'> {
  if (!Array.isArray(list) || list.length === 0) return { problem: msg('record.turns-not-list', { field: 'segments' }), prompt: '' };
  const prompt: string[] = [];
  let learned = false;
  for (let i = 0; i < list.length; i++) {
    const seg = list[i];
    if (!isObj(seg) || typeof seg.text !== 'string') return { problem: msg('record.turn-not-object', { field: 'segments', index: i }), prompt: '' };
    if (seg.label === true && seg.text.trim() !== '') learned = true;
    else if (seg.label !== true) prompt.push(seg.text);
  }
  return learned ? { prompt: prompt.join('') } : { problem: msg('record.no-assistant', { roles: 'label: true' }), prompt: prompt.join('') };
}

function ranked(value: Obj): Omit<ShapedRecord, 'shape'> {
  const answers = value.answers;
  if (!Array.isArray(answers) || answers.length < 2 || !answers.every((a) => isObj(a) && nonEmptyString(a.answer))) {
    return { problem: msg('record.missing-field', { field: 'answers' }), prompt: '' };
  }
  return { prompt: statedPrompt(value) ?? '' };
}

function promptCompletion(value: Obj): Omit<ShapedRecord, 'shape'> {
  // The prompt: stated, or the user turns of `chosen` (Axolotl's KTO argilla_chat) or of `completion` (llama3.argilla_chat).
  const prompt = statedPrompt(value) ?? (Array.isArray(value.chosen) ? userTurns(value.chosen) : Array.isArray(value.completion) ? userTurns(value.completion) : undefined);
  if (prompt === undefined || prompt.trim() === '') return { problem: msg('record.missing-field', { field: 'prompt' }), prompt: '' };
  const completion = 'completions' in value ? value.completions : value.completion;
  const field = 'completions' in value ? 'completions' : 'completion';
  if (!hasAnswer(completion)) return { problem: msg('record.missing-field', { field }), prompt };
  return { prompt };
}

function userTurns(turns: unknown[]): string {
  return turns
    .filter((t): t is Obj => isObj(t) && (t.role === 'user' || t.from === 'human' || t.from === 'user'))
    .map((t) => contentText(t.content ?? t.value) ?? '')
    .join('\n');
}

function preference(value: Obj, chosenKey: string, rejectedKey: string): Omit<ShapedRecord, 'shape'> {
  for (const side of [chosenKey, rejectedKey]) {
    if (!hasAnswer(value[side])) return { problem: msg('record.missing-field', { field: side }), prompt: '' };
  }
  const stated = statedPrompt(value);
  if (stated !== undefined) return { prompt: stated };
  if (Array.isArray(value[chosenKey])) return { prompt: userTurns(value[chosenKey] as unknown[]) };
  return { prompt: '' };
}
