import { describe, expect, it } from 'vitest';
import { evaluate, loadCorpus } from '../scripts/eval-rules.mjs';
import { lintText } from '../src/index.js';

/**
 * The detection rules measured on the labelled corpus (fixtures/corpus/),
 * against the targets the project has set for them. `npm run eval:rules`
 * prints the full table.
 */
describe('detection quality on the labelled corpus', () => {
  for (const split of ['dev', 'holdout', 'test', 'test2'] as const) {
    let items: ReturnType<typeof loadCorpus>;
    try {
      items = loadCorpus(split);
    } catch {
      continue;
    }
    const { stats } = evaluate(items, lintText);
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
