import { describe, expect, it } from 'vitest';
import { containerPath, keyAt, lineShape } from '../src/core/plan-outline.js';

/**
 * The core's reading of where content sits in a plan, from indentation: the
 * language server's completion, hover and quick fixes and the playground's
 * completion and hover all ask it. These are layouts the editor tests do not
 * type: anchors, and block scalars whose lines are indented unevenly.
 */
function pathOfLastLine(yaml: string): ReturnType<typeof containerPath> {
  const lines = yaml.split('\n');
  const last = lines.length - 1;
  return containerPath(lines, last, lineShape(`${lines[last]}x:`)!.column);
}

describe('the plan outline', () => {
  it('reads a key with only an anchor or a tag after it as holding the mapping below', () => {
    expect(pathOfLastLine('x-defaults: &defaults\n  metric: exact_match\n  tar')).toEqual(['x-defaults']);
    expect(pathOfLastLine('data: !!map\n  train:\n    pa')).toEqual(['data', 'train']);
    expect(lineShape('x-defaults: &defaults # shared')).toMatchObject({ key: 'x-defaults', inlineValue: false, blockScalar: false });
    expect(lineShape('name: &n qwen')).toMatchObject({ key: 'name', inlineValue: true });
  });

  it('places nothing inside a block scalar, even when its lines are indented unevenly', () => {
    expect(pathOfLastLine('problem: |\n  The model answers\n  too')).toBeUndefined();
    expect(pathOfLastLine('problem: |\n  The model answers:\n    - too long\n    - too')).toBeUndefined();
    expect(pathOfLastLine('goals:\n  - behavior: >-\n      Replies\n    are JSON\n        ev')).toBeUndefined();
    expect(pathOfLastLine('- id: x\n  text: |-\n    Input: JSON exports\n    Out')).toBeUndefined();
  });

  it('still places content after a block scalar has ended', () => {
    expect(pathOfLastLine('problem: |\n  The model answers\ngoals:\n  - behavior: x\n    met')).toEqual(['goals', 0]);
    expect(pathOfLastLine('data:\n  train:\n    description: >-\n      text\n  ev')).toEqual(['data']);
  });

  it('finds no key under the pointer inside a block scalar', () => {
    const lines = ['problem: |', '  method: lora'];
    expect(keyAt(lines, 1, 4)).toBeUndefined();
    expect(keyAt(['training:', '  method: lora'], 1, 4)).toEqual({ path: ['training', 'method'], start: 2, end: 8 });
  });
});
