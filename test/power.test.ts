import { describe, expect, it } from 'vitest';
import { normalQuantile, twoProportionPower, twoProportionSampleSize, wilsonInterval } from '../src/node/data/power.js';
import { checkPlanData } from '../src/index.js';
import { cleanPlan, tempTree } from './cli-helpers.js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The arithmetic of eval-underpowered against published values. Each value
 * names its source; none was produced by the code under test.
 */
describe('statistics against published values', () => {
  it('normal quantiles: R qnorm() and the test values of Wichura (1988), AS 241, Applied Statistics 37(3):477–484', () => {
    // R 4.x: qnorm(0.975) = 1.959963984540054, qnorm(0.8) = 0.8416212335729143, qnorm(0.9) = 1.281551565544601
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281551565544601, 14);
    // Wichura (1988), the paper's test values for PPND16: p = 0.25, 0.001, 1e-20
    expect(normalQuantile(0.25)).toBeCloseTo(-0.6744897501960817, 14);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167814, 13);
    expect(normalQuantile(1e-20)).toBeCloseTo(-9.262340089798408, 12);
  });

  it("sample size and power: the examples of R's power.prop.test help page (stats package)", () => {
    // power.prop.test(n = 50, p1 = .50, p2 = .75)      ## => power = 0.740   (printed: power = 0.7401659)
    expect(twoProportionPower(0.5, 0.75, 50, 0.05)).toBeCloseTo(0.7401659, 6);
    // power.prop.test(p1 = .50, p2 = .75, power = .90)  ## =>     n = 76.7
    expect(twoProportionSampleSize(0.5, 0.75, 0.05, 0.9)).toBeCloseTo(76.7, 1);
    // The sample size and the power agree: at the n found, the power is the one asked for.
    const n = twoProportionSampleSize(0.71, 0.75, 0.05, 0.8);
    expect(twoProportionPower(0.71, 0.75, n, 0.05)).toBeCloseTo(0.8, 6);
  });

  it('Wilson score intervals: Newcombe (1998), Statistics in Medicine 17:857–872, Table II, method 3', () => {
    const cases: Array<[number, number, number, number]> = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, low, high] of cases) {
      const ci = wilsonInterval(x / n, n, 0.05);
      expect(ci.low, `${x}/${n}`).toBeCloseTo(low, 4);
      expect(ci.high, `${x}/${n}`).toBeCloseTo(high, 4);
    }
  });
});

describe('eval-underpowered', () => {
  function repo(plan: string): string {
    const dir = tempTree({ 'finetune-plan.yaml': plan });
    mkdirSync(path.join(dir, '.git'));
    return dir;
  }
  const run = async (plan: string, rules = {}) => {
    const dir = repo(plan);
    return (await checkPlanData(plan, path.join(dir, 'finetune-plan.yaml'), { rules })).filter((m) => m.ruleId === 'eval-underpowered');
  };
  const withEval = (target: string, examples: number) =>
    cleanPlan.replace('target: ">= 0.9"', `target: ${JSON.stringify(target)}`).replace('    path: data/eval.jsonl', `    description: Recent tickets.\n    examples: ${examples}`);

  it("reports the issue's example: 120 examples, baseline 0.71, target 0.75", async () => {
    const found = await run(withEval('>= 0.75', 120));
    expect(found.map((m) => [m.severity, m.line, m.column, m.message])).toEqual([
      [
        'warning',
        9,
        13,
        "with 120 eval examples, the prompt baseline 0.71 is known only to ±0.08 (95% Wilson interval 0.62–0.78); goal 1's target >= 0.75 cannot be told apart from it — about 1,933 examples would be needed (two-proportion z-test, two-sided α = 0.05, power 0.8)",
      ],
    ]);
    expect(await run(withEval('>= 0.75', 1933))).toEqual([]);
    expect(await run(withEval('>= 0.75', 1932))).toHaveLength(1);
  });

  it('reads targets in words and percentages, and says repeats do not add examples', async () => {
    for (const target of ['at least 0.75', '至少 0.75', '≥0.75', '75%', '>= 75%']) {
      expect((await run(withEval(target, 120))).length, target).toBe(1);
    }
    const [m] = await run(withEval('>= 0.75', 120).replace('evaluation:\n', 'evaluation:\n  repeats: 3\n'));
    expect(m!.message).toContain('; the 3 repeats do not add examples: they average out run-to-run noise, not the sampling error of 120 examples');
  });

  it('alpha and power are options, named in the message', async () => {
    const [m] = await run(withEval('>= 0.75', 120), { 'eval-underpowered': ['warn', { power: 0.6, alpha: 0.1 }] });
    expect(m!.message).toContain('(90% Wilson interval');
    expect(m!.message).toContain('two-sided α = 0.1, power 0.6');
  });

  it('stays silent for targets it cannot read, metrics that are not rates, missing baselines, and a baseline that already meets the target', async () => {
    for (const target of ['better than the prompt', '0.7-0.8', '= 0.75', '>= 0.7']) expect(await run(withEval(target, 120)), target).toEqual([]);
    expect(await run(withEval('>= 75', 120))).toEqual([]);
    expect(await run(withEval('>= 0.75', 120).replace('tone_guide_pass_rate: 0.71', 'other_metric: 0.71'))).toEqual([]);
    expect(await run(withEval('>= 0.75', 120).replace('tone_guide_pass_rate: 0.71', 'tone_guide_pass_rate: "about 70 %"'))).toEqual([]);
  });
});
