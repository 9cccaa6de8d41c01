import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/cli/display-width.js';

/** The stylish and `rules` columns measure text with `displayWidth`; `string-width` is the reference. */
describe('displayWidth', () => {
  const samples = [
    '',
    'no evaluation set: data.eval is missing',
    '计划没有留出的评测集',
    '目标 1（「让模型记住公司知识库」）要求模型知道事实：微调改变行为，不存储知识',
    'Ｆｕｌｌｗｉｄｔｈ ＡＢＣ，。！',
    'café résumé naïve',
    'e\u0301 combining acute',
    '\u001b[31merror\u001b[39m 错误',
    '한국어 日本語 カタカナ ﾊﾝｶｸ',
    'tab-free ASCII ~!@#$%^&*()_+',
  ];
  for (const s of samples) {
    it(JSON.stringify(s), () => {
      expect(displayWidth(s)).toBe(stringWidth(s));
    });
  }
});
