import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultThresholds, evaluate, GOAL_SET_FOLDERS, HELDOUT_SETS, heldoutItems, loadCorpus, settingLabels, sourcePlans } from '../scripts/eval-rules.mjs';
import { fileURLToPath } from 'node:url';
import { loadRealCorpus, MODEL_FILE, TRAINING_SPLITS, trainingExamples } from '../scripts/train-intent.mjs';
import { lintText, rules, trainIntentModel } from '../src/index.js';
import model from '../src/core/rules/intent-model.json' with { type: 'json' };

/**
 * The detection rules on the written corpus (fixtures/corpus/*.yaml), as a
 * guard against regressions. Recall is measured where it counts — on the
 * collected corpus, by grouped cross-validation (`npm run eval:rules`, figures
 * in the README) — and the defaults trade it for precision; what is asserted
 * here is that the rules stay precise and quiet on behaviour statements.
 */
describe('detection on the training splits of the written corpus', () => {
  const thresholds = defaultThresholds(rules);
  for (const split of TRAINING_SPLITS) {
    const { stats } = evaluate(loadCorpus(split), lintText, thresholds);
    describe(split, () => {
      for (const lang of ['en', 'zh'] as const) {
        it(`knowledge-injection and capability-gap (${lang}): precision >= 0.9`, () => {
          expect(stats['knowledge-injection']![lang]!.precision).toBeGreaterThanOrEqual(0.9);
          expect(stats['capability-gap']![lang]!.precision).toBeGreaterThanOrEqual(0.9);
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

/** Checks a file of labelled statements: fields, source, two passes' labels settled by agreement, each text once. */
function labelledStatements(name: string, items: Array<Record<string, any>>) {
  it(`${name}: gives every statement its field, its source and the labels of two passes, and settles the label by agreement`, () => {
    expect(items.length).toBeGreaterThan(0);
    const labels = ['knowledge', 'capability', 'behavior', 'vague', 'ambiguous'];
    const ids = new Set<string>();
    for (const x of items) {
      expect(typeof x.text === 'string' && x.text.trim().length > 0, x.id).toBe(true);
      expect(['en', 'zh'], x.id).toContain(x.lang);
      expect(['problem', 'behavior', 'train-description'], x.id).toContain(x.field);
      expect(x.source, x.id).toMatch(/^https?:\/\//);
      expect(labels, x.id).toContain(x.labels.a);
      expect(labels, x.id).toContain(x.labels.b);
      expect(ids.has(x.id), x.id).toBe(false);
      ids.add(x.id);
      const { a, b, c } = x.labels;
      const settled = a === b ? a : c === a || c === b ? c : 'ambiguous';
      if (a !== b) expect(labels, `${x.id} needs a third read`).toContain(c);
      expect(x.label, x.id).toBe(settled);
    }
  });

  it(`${name}: holds each text once`, () => {
    expect(new Set(items.map((x) => x.text)).size).toBe(items.length);
  });
}

describe('the collected corpus (fixtures/corpus/real/statements.yaml, extra1/, extra2/)', () => {
  const items = loadRealCorpus() as Array<Record<string, any>>;

  it('holds at least 500 statements, at least 200 in each language', () => {
    expect(items.length).toBeGreaterThanOrEqual(500);
    expect(items.filter((x) => x.lang === 'en').length).toBeGreaterThanOrEqual(200);
    expect(items.filter((x) => x.lang === 'zh').length).toBeGreaterThanOrEqual(200);
  });

  labelledStatements('the collected corpus', items);
});

describe('the held-out corpora (fixtures/corpus/real/heldout/)', () => {
  const trained = loadRealCorpus() as Array<Record<string, any>>;
  const trainedTexts = new Set(trained.map((x) => x.text));
  const trainedSources = new Set(trained.map((x) => x.source));
  for (const set of HELDOUT_SETS) {
    const items = heldoutItems(set) as Array<Record<string, any>>;
    labelledStatements(set, items);

    it(`${set}: shares no statement and no source with the collected corpus, and is never trained on`, () => {
      for (const x of items) {
        expect(trainedTexts.has(x.text), x.id).toBe(false);
        expect(trainedSources.has(x.source), x.id).toBe(false);
      }
      const texts = new Set(items.map((x) => x.text));
      expect(trainingExamples().filter((e) => texts.has(e.text))).toEqual([]);
    });
  }
});

describe('plans built from one source\'s statements (eval:rules)', () => {
  const items = [
    { text: 'The bot gets our refund rules wrong.', lang: 'en', field: 'problem', source: 'https://example.com/t/1', label: 'knowledge' },
    { text: 'It quotes prices from last year.', lang: 'en', field: 'problem', source: 'https://example.com/t/1', label: 'knowledge' },
    { text: 'Learn the refund policy.', lang: 'en', field: 'behavior', source: 'https://example.com/t/1#reply-2', label: 'knowledge' },
    { text: 'Answer in "two" lines.', lang: 'en', field: 'behavior', source: 'https://example.com/t/1', label: 'behavior' },
    { text: 'The policy handbook as Q&A pairs.', lang: 'en', field: 'train-description', source: 'https://example.com/t/1', label: 'knowledge' },
    { text: 'Only a goal here.', lang: 'en', field: 'behavior', source: 'https://example.com/t/2', label: 'behavior' },
  ] as const;
  const plans = sourcePlans(items as unknown as Array<Record<string, any>>) as Array<{ text: string; at: Map<number, number> }>;

  it('builds one plan per problem (or training description) of a source with two fields or more, and none for a one-field source', () => {
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      const data = parse(plan.text) as Record<string, any>;
      expect(data.goals.map((g: Record<string, unknown>) => g.behavior)).toEqual(['Learn the refund policy.', 'Answer in "two" lines.']);
    }
    expect((parse(plans[0]!.text) as Record<string, any>).data.train.description).toBe('The policy handbook as Q&A pairs.');
    expect((parse(plans[1]!.text) as Record<string, any>).data.train.description).not.toBe('The policy handbook as Q&A pairs.');
  });

  it('places every statement of the source on the line it records, each statement once', () => {
    const placed = plans.flatMap((plan) => [...plan.at].map(([i, line]) => {
      expect(plan.text.split('\n')[line - 1]).toContain(JSON.stringify(items[i]!.text));
      return i;
    }));
    expect(placed.sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('the settings of problem statements (fixtures/corpus/real/settings.yaml)', () => {
  const labels = settingLabels() as Map<string, Record<string, any>>;
  const all = [...(loadRealCorpus() as Array<Record<string, any>>), ...HELDOUT_SETS.flatMap((set) => heldoutItems(set) as Array<Record<string, any>>)];
  const statements = new Map(all.map((x) => [x.id as string, x]));

  it('labels every problem statement of the collected and held-out corpora, and nothing else', () => {
    const problems = [...statements.values()].filter((x) => x.field === 'problem').map((x) => x.id).sort();
    expect([...labels.keys()].sort()).toEqual(problems);
  });

  it('gives each the labels of two passes, and settles the setting by agreement', () => {
    const settings = ['medical', 'finance', 'legal', 'customer-service', 'none'];
    for (const [id, x] of labels) {
      const { a, b, c } = x.labels;
      expect(settings, id).toContain(a);
      expect(settings, id).toContain(b);
      if (a !== b) expect(settings, `${id} needs a third read`).toContain(c);
      expect(x.setting, id).toBe(a === b ? a : c === a || c === b ? c : 'ambiguous');
    }
  });
});

describe('the real goal sets (fixtures/corpus/real/*/goal-sets.yaml)', () => {
  for (const set of GOAL_SET_FOLDERS) {
    const file = fileURLToPath(new URL(`../fixtures/corpus/real/${set}/goal-sets.yaml`, import.meta.url));
    it(`${set}: every goal is the writer's own words, and each label is settled by agreement`, () => {
      const sets = parse(readFileSync(file, 'utf8')) as Array<Record<string, any>>;
      expect(sets.length).toBeGreaterThan(0);
      const labels = ['opposed', 'compatible', 'ambiguous'];
      const ids = new Set<string>();
      for (const x of sets) {
        expect(ids.has(x.id), x.id).toBe(false);
        ids.add(x.id);
        expect(x.source, x.id).toMatch(/^https?:\/\//);
        expect(x.goals.length, x.id).toBeGreaterThanOrEqual(2);
        for (const g of x.goals) expect(x.text, x.id).toContain(g);
        const { a, b, c } = x.labels;
        expect(labels, x.id).toContain(a);
        expect(labels, x.id).toContain(b);
        expect(x.label, x.id).toBe(a === b ? a : c === a || c === b ? c : 'ambiguous');
      }
    });
  }
});

describe('intent model', () => {
  it('is trained on the written training splits, never on the blind split', () => {
    expect(TRAINING_SPLITS).not.toContain('test4');
  });

  it('is written by `npm run train:intent` where the rules read it', () => {
    expect(MODEL_FILE).toBe(fileURLToPath(new URL('../src/core/rules/intent-model.json', import.meta.url)));
  });

  it('matches the corpus it was trained from (run `npm run train:intent` after editing the corpus)', () => {
    expect(model).toEqual(trainIntentModel(trainingExamples()));
  }, 120_000);
});
