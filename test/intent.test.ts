import { describe, expect, it } from 'vitest';
import { cohenKappa, wilson } from '../scripts/eval-rules.mjs';
import { foldOf, intentFeatures, plattScale, readIntent, trainIntentModel, type GroupedExample } from '../src/index.js';

describe('statistics of the evaluation', () => {
  // Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion:
  // comparison of seven methods. Statistics in Medicine 17, 857–872, Table II (method 3, Wilson score).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('Wilson interval of %i/%i is [%f, %f] (Newcombe 1998)', (x, n, lo, hi) => {
    const [a, b] = wilson(x, n);
    expect(a).toBeCloseTo(lo, 4);
    expect(b).toBeCloseTo(hi, 4);
  });

  it("Cohen's kappa of the worked example in the literature is 0.4", () => {
    // 50 items: both yes 20, first yes / second no 5, first no / second yes 10, both no 15 (Wikipedia, "Cohen's kappa", Simple example).
    const a = [...Array(25).fill('yes'), ...Array(25).fill('no')];
    const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')];
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 10);
    expect(cohenKappa(a, a)).toBe(1);
  });
});

describe('intent model training', () => {
  it('Platt scaling recovers the slope and intercept that generated the labels', () => {
    // Labels drawn deterministically from sigmoid(2x - 1): at each score, the right share of positives.
    const scores: number[] = [];
    const labels: boolean[] = [];
    for (let i = -40; i <= 40; i++) {
      const x = i / 10;
      const p = 1 / (1 + Math.exp(-(2 * x - 1)));
      for (let k = 0; k < 100; k++) {
        scores.push(x);
        labels.push(k < Math.round(p * 100));
      }
    }
    const [a, b] = plattScale(scores, labels);
    expect(a).toBeCloseTo(2, 1);
    expect(b).toBeCloseTo(-1, 1);
  });

  it('puts every statement of one source in the same fold, whatever the order', () => {
    expect(foldOf('https://github.com/o/r/issues/1', 5)).toBe(foldOf('https://github.com/o/r/issues/1', 5));
    const folds = new Set(Array.from({ length: 200 }, (_, i) => foldOf(`https://example.org/t/${i}`, 5)));
    expect([...folds].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  const toy: GroupedExample[] = [
    ...['memorise the product manual', 'know every price in the catalogue', 'remember our internal wiki', 'learn the policy handbook by heart'].map(
      (text, i) => ({ text, label: 'knowledge' as const, group: `k${i}` }),
    ),
    ...['reply in json', 'answer in a friendly tone', 'keep replies under 80 words', 'refuse questions outside the manual'].map((text, i) => ({
      text,
      label: 'behavior' as const,
      group: `b${i}`,
    })),
  ];

  it('is deterministic: the same examples give the same model', () => {
    const options = { minCount: 1, calibrationFolds: 2 };
    expect(trainIntentModel(toy, options)).toEqual(trainIntentModel(toy, options));
  });

  it('learns which statements carry an intent, and quotes the words that decided it', () => {
    const model = trainIntentModel(toy, { minCount: 1, calibrationFolds: 0, steps: 500 });
    const know = readIntent('memorise the catalogue', 'knowledge', undefined, model);
    const tone = readIntent('reply in a friendly tone', 'knowledge', undefined, model);
    expect(know.confidence).toBeGreaterThan(tone.confidence);
    expect(know.evidence.filter((q) => q.includes('memorise'))).toHaveLength(1);
    for (const quote of know.evidence) expect('memorise the catalogue').toContain(quote);
  });

  it('reads the field a statement comes from, and the cues of the phrase lexicons', () => {
    const features = intentFeatures('Memorise the product manual.', 'behavior');
    expect(features).toContain('f:behavior');
    expect(features).toContain('k:memorize');
    expect(features).toContain('w:memorise');
  });
});
