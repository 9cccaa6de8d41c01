import { describe, expect, it } from 'vitest';
import { parseTarget } from '../src/core/rules/target.js';

describe('parseTarget', () => {
  it.each([
    [0.9, { op: '>=', value: 0.9, percent: false }],
    ['0.9', { op: '>=', value: 0.9, percent: false }],
    ['90%', { op: '>=', value: 90, percent: true }],
    ['>= 0.9', { op: '>=', value: 0.9, percent: false }],
    ['≥0.9', { op: '>=', value: 0.9, percent: false }],
    ['≥ 90%', { op: '>=', value: 90, percent: true }],
    ['> 3', { op: '>', value: 3, percent: false }],
    ['<= 50', { op: '<=', value: 50, percent: false }],
    ['<= 2', { op: '<=', value: 2, percent: false }],
    ['< 0.02', { op: '<', value: 0.02, percent: false }],
    ['== 1', { op: '=', value: 1, percent: false }],
    ['＞＝０.９', { op: '>=', value: 0.9, percent: false }],
    // the forms init suggests
    ['at least 0.9', { op: '>=', value: 0.9, percent: false }],
    ['至少 0.9', { op: '>=', value: 0.9, percent: false }],
    ['至少0.9', { op: '>=', value: 0.9, percent: false }],
    // words before the number
    ['At least 90%', { op: '>=', value: 90, percent: true }],
    ['no less than 0.95', { op: '>=', value: 0.95, percent: false }],
    ['more than 4', { op: '>', value: 4, percent: false }],
    ['below 2%', { op: '<', value: 2, percent: true }],
    ['less than 0.02', { op: '<', value: 0.02, percent: false }],
    ['no more than 3 turns', { op: '<=', value: 3, percent: false }],
    ['at most 120 words', { op: '<=', value: 120, percent: false }],
    ['exactly 1', { op: '=', value: 1, percent: false }],
    ['不低于 90%', { op: '>=', value: 90, percent: true }],
    ['不少于 95%', { op: '>=', value: 95, percent: true }],
    ['大于等于 0.9', { op: '>=', value: 0.9, percent: false }],
    ['高于 0.8', { op: '>', value: 0.8, percent: false }],
    ['不超过 80 字', { op: '<=', value: 80, percent: false }],
    ['低于 2%', { op: '<', value: 2, percent: true }],
    // words after the number
    ['0.9 or higher', { op: '>=', value: 0.9, percent: false }],
    ['120 words or less', { op: '<=', value: 120, percent: false }],
    ['90% 以上', { op: '>=', value: 90, percent: true }],
    ['80 字以内', { op: '<=', value: 80, percent: false }],
    ['控制在 80 字以内', { op: '<=', value: 80, percent: false }],
    ['95 percent', { op: '>=', value: 95, percent: true }],
    ['1.5 s', { op: '>=', value: 1.5, percent: false }],
  ])('%j is read', (target, parsed) => {
    expect(parseTarget(target)).toEqual(parsed);
  });

  it.each([
    ['about 0.9'],
    ['0.8-0.9'],
    ['better than the prompt'],
    [''],
    ['>= 1.0x GPT-4'],
    ['at least 90% of replies within a day'],
    ['at least 0.9 or less'],
    ['TBD'],
    ['待定'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
  ])('%j is not read', (target) => {
    expect(parseTarget(target)).toBeUndefined();
  });

  it.each([[true], [null], [undefined], [{}]])('a YAML value that is neither string nor number (%j) is not read', (target) => {
    expect(parseTarget(target as unknown as string)).toBeUndefined();
  });
});
