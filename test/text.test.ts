import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { clauses } from '../src/core/rules/text.js';

describe('clauses', () => {
  it('are matched in normalised form and quoted as written', () => {
    expect(clauses('员工问报销规则时，模型答错了！下次要对。ＡＢＣ  test')).toEqual([
      { text: '员工问报销规则时，模型答错了！下次要对', norm: '员工问报销规则时,模型答错了!下次要对' },
      { text: 'ＡＢＣ  test', norm: 'abc test' },
    ]);
  });

  it('fall back to the normalised text when normalising moves characters', () => {
    // "e" + combining acute becomes one character: offsets no longer line up.
    expect(clauses('Cafe\u0301 menu. Next one')).toEqual([
      { text: 'Café menu.', norm: 'café menu.' },
      { text: 'Next one', norm: 'next one' },
    ]);
  });

  it('findings quote the plan with its own punctuation', () => {
    const plan = `version: 1
name: 制度问答
base_model: Qwen/Qwen2.5-7B-Instruct
method: lora
problem: 员工问报销和年假规则时，模型答的和公司制度对不上。
goals:
  - behavior: 让模型记住公司知识库里的全部规章制度，员工问什么都能直接答出来。
    metric: 准确率
    target: ">= 0.9"
`;
    const messages = lintText(plan, { locale: 'zh-CN' }).messages.filter((m) => m.ruleId === 'knowledge-injection');
    expect(messages.map((m) => m.message)).toEqual([
      '问题描述要求模型掌握知识（「员工问报销和年假规则时，模型答的和公司制度对不上。」），模型依据「规则」、「公司制度」、「对不上」判断（置信度 0.95）：微调改变的是行为，不能存储知识',
      '第 1 个目标要求模型掌握知识（「让模型记住公司知识库里的全部规章制度，员工问什么都能直接答出来。」），模型依据「知识」、「规章」、「制度」判断（置信度 0.99）：微调改变的是行为，不能存储知识',
    ]);
  });
});
