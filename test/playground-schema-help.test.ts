import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { mappingPathAt } from '../playground/schema-help.js';
import { lineShape } from '../src/core/plan-outline.js';

/**
 * Where the playground's completion and hover think the cursor is: the data
 * path of the mapping a key being typed on the last line belongs to, read
 * from indentation (the browser test types into the page; these are the
 * layouts YAML allows that it does not type).
 */
function pathOfLastLine(yaml: string): ReturnType<typeof mappingPathAt> {
  const doc = Text.of(yaml.split('\n'));
  const shape = lineShape(`${doc.line(doc.lines).text}x:`)!;
  return mappingPathAt(doc, doc.lines, shape.column);
}

describe('the playground reads the place of a key from indentation', () => {
  it('at the root, and back at the root after nested content', () => {
    expect(pathOfLastLine('version: 1\nna')).toEqual([]);
    expect(pathOfLastLine('data:\n  train:\n    path: x\nev')).toEqual([]);
  });

  it('in nested mappings, skipping deeper lines and comments', () => {
    expect(pathOfLastLine('data:\n  train:\n    path: x\n  # the eval set\n  ev')).toEqual(['data']);
    expect(pathOfLastLine('data:\n  train:\n    pa')).toEqual(['data', 'train']);
  });

  it('in a list item, with its dash on an earlier line or on this one, indented or not', () => {
    expect(pathOfLastLine('goals:\n  - behavior: x\n    met')).toEqual(['goals', 0]);
    expect(pathOfLastLine('goals:\n- behavior: x\n  met')).toEqual(['goals', 0]);
    expect(pathOfLastLine('goals:\n  - behavior: x\n  - beh')).toEqual(['goals', 0]);
    expect(pathOfLastLine('goals:\n- beh')).toEqual(['goals', 0]);
    expect(pathOfLastLine('risk:\n  level: high\n  fallback:\n    - type: rules\n      desc')).toEqual(['risk', 'fallback', 0]);
  });

  it('nowhere inside a block scalar', () => {
    expect(pathOfLastLine('problem: |\n  The model answers\n  too')).toBeUndefined();
    expect(pathOfLastLine('data:\n  train:\n    description: >-\n      text\n      more')).toBeUndefined();
  });
});
