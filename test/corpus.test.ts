import { describe, expect, it } from 'vitest';
import { evaluate, loadCorpus } from '../scripts/eval-rules.mjs';
import { TRAINING_SPLITS, trainingExamples } from '../scripts/train-intent.mjs';
import { lintText, trainIntentModel } from '../src/index.js';
import model from '../src/rules/intent-model.json' with { type: 'json' };

/**
 * The detection rules measured on the labelled corpus (fixtures/corpus/).
 * The lexicons were written against, and the intent classifier trained on,
 * the splits in TRAINING_SPLITS; the targets are asserted there, as a guard
 * against regressions. The blind split (test4) is measured by
 * `npm run eval:rules` and its figures are quoted in the README.
 */
describe('detection quality on the training splits of the corpus', () => {
  for (const split of TRAINING_SPLITS) {
    const { stats } = evaluate(loadCorpus(split), lintText);
    describe(split, () => {
      for (const lang of ['en', 'zh'] as const) {
        it(`knowledge-injection (${lang}): precision and recall >= 0.9`, () => {
          const s = stats['knowledge-injection']![lang]!;
          expect(s.precision).toBeGreaterThanOrEqual(0.9);
          expect(s.recall).toBeGreaterThanOrEqual(0.9);
        });
        it(`capability-gap (${lang}): precision >= 0.85, recall >= 0.75`, () => {
          const s = stats['capability-gap']![lang]!;
          expect(s.precision).toBeGreaterThanOrEqual(0.85);
          expect(s.recall).toBeGreaterThanOrEqual(0.75);
        });
      }
      it('false alarms on behaviour statements <= 5 % for each text rule', () => {
        for (const rule of ['knowledge-injection', 'capability-gap', 'vague-goal']) {
          expect(stats[rule]!.all!.behaviourFalseAlarmRate, rule).toBeLessThanOrEqual(0.05);
        }
      });
    });
  }
});

describe('intent model', () => {
  it('is trained on the training splits only, never on the blind split', () => {
    expect(TRAINING_SPLITS).not.toContain('test4');
  });

  it('matches the corpus it was trained from (run `npm run train:intent` after editing the corpus)', () => {
    expect(model).toEqual(trainIntentModel(trainingExamples()));
  });
});
