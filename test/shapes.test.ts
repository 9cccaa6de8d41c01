import { describe, expect, it } from 'vitest';
import { render } from '../src/core/i18n/index.js';
import { shapeRecord } from '../src/node/data/shapes.js';

const problem = (record: unknown): string | undefined => {
  const r = shapeRecord(record);
  return r.problem ? render('en', r.problem) : undefined;
};

describe('record shapes of the trainers docs still catch broken records', () => {
  it('ShareGPT preference: an empty chosen turn', () => {
    expect(problem({ conversations: [{ from: 'human', value: 'q' }], chosen: { from: 'gpt', value: '' }, rejected: { from: 'gpt', value: 'r' } })).toBe('"chosen" is missing or empty');
    expect(shapeRecord({ conversations: [{ from: 'human', value: 'q' }], chosen: { from: 'gpt', value: 'c' }, rejected: { from: 'gpt', value: 'r' } })).toEqual({ shape: 'preference', prompt: 'q' });
  });

  it('Alpaca preference takes its prompt from instruction and input', () => {
    expect(shapeRecord({ instruction: 'i', input: 'x', chosen: 'c', rejected: 'r' })).toEqual({ shape: 'preference', prompt: 'i\nx' });
  });

  it('template-free segments need a learned segment', () => {
    expect(problem({ segments: [{ label: false, text: 'only prompt' }] })).toBe('the conversation has no label: true turn to learn from');
    expect(shapeRecord({ segments: [{ label: false, text: 'Q ' }, { label: true, text: 'A' }] })).toEqual({ shape: 'template-free', prompt: 'Q ' });
  });

  it('ranked answers need two answers', () => {
    expect(problem({ prompt: 'p', answers: [{ answer: 'a', rank: 1 }] })).toBe('"answers" is missing or empty');
  });

  it('KTO and stepwise records need their completion', () => {
    expect(problem({ question: 'q', completion: '' })).toBe('"completion" is missing or empty');
    expect(problem({ prompt: 'p', completions: [] })).toBe('"completions" is missing or empty');
    expect(problem({ instruction: 'i', completion: 'c', label: true })).toBeUndefined();
  });

  it('a chat with chosen/rejected single turns is a preference pair, not a chat without an assistant', () => {
    expect(shapeRecord({ messages: [{ role: 'user', content: 'u' }], chosen: { role: 'assistant', content: 'c' }, rejected: { role: 'assistant', content: 'r' } })).toEqual({ shape: 'preference', prompt: 'u' });
  });
});
