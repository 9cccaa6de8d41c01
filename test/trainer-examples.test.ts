import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { globSync } from 'glob';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlanData } from '../src/index.js';
import { findingKinds, stageTrainingFiles, TRAINER_RULES_ONLY, variantPlan, variants, type Expectation, type Framework } from '../scripts/trainer-variants.mjs';
import { repoRoot } from './cli-helpers.js';

/**
 * fixtures/trainer/<framework>/*.yaml are small trainer configs, each
 * reproducing the combination of keys that decides how a real upstream
 * example config is read (the upstream path and commit are in its header).
 * Each carries its expectation, written from the framework's source:
 *
 *   # expect-trainer: {"model": …, "adapter": …, "objective": …, "evaluation": …, "train": {…}}
 *   # expect-trainer: {"unreadable": true}
 *   # message (<variant>): <rule-id>: <the exact message>
 *
 * Every config is linted with plans that agree with it and plans that
 * deliberately disagree (scripts/trainer-variants.mjs); the trainer rules
 * must report exactly the disagreements, and the `# message` lines give the
 * exact wording for the variants they name.
 */
interface FixtureExpectation extends Partial<Expectation> {
  unreadable?: boolean;
  /** The files the config trains on; `infoFiles` maps dataset names to the file dataset_info.json gives them. */
  train?: { names?: string[]; dataDir?: string; paths?: string[]; infoFiles?: Record<string, string> };
}

const fixtures = globSync('fixtures/trainer/*/*.yaml', { cwd: repoRoot }).sort();
const work = mkdtempSync(path.join(tmpdir(), 'trainer-fixtures-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function header(text: string): { exp: FixtureExpectation; messages: Map<string, string[]> } {
  const line = /^# expect-trainer: (.+)$/m.exec(text);
  if (!line) throw new Error('no # expect-trainer line');
  const messages = new Map<string, string[]>();
  for (const line of text.split('\n').filter((l) => l.startsWith('# message'))) {
    const m = /^# message \((.+?)\): (.+)$/.exec(line);
    if (!m) throw new Error(`unreadable # message line: ${line}`);
    messages.set(m[1]!, [...(messages.get(m[1]!) ?? []), m[2]!]);
  }
  return { exp: JSON.parse(line[1]!) as FixtureExpectation, messages };
}

describe('trainer configs modelled on the frameworks’ example configs', () => {
  it('cover each framework', () => {
    for (const f of ['llama-factory', 'axolotl', 'torchtune']) expect(fixtures.some((x) => x.includes(`/trainer/${f}/`)), f).toBe(true);
  });

  for (const file of fixtures) {
    const framework = file.split('/')[2] as Framework;
    it(file, async () => {
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      const { exp, messages } = header(text);
      expect(text, 'names the upstream file it is modelled on').toMatch(/^# Modelled on \S+\/\S+ \S+ at [0-9a-f]{10}/m);
      const dir = mkdtempSync(path.join(work, 'c-'));
      const config = `configs/${path.basename(file)}`;
      mkdirSync(path.join(dir, 'configs'));
      copyFileSync(path.join(repoRoot, file), path.join(dir, config));
      const planPath = path.join(dir, 'finetune-plan.yaml');
      const lint = async (plan: string, locale?: 'zh-CN') => checkPlanData(plan, planPath, { rules: TRAINER_RULES_ONLY, rootDir: dir, ...(locale ? { locale } : {}) });
      const seen = new Set<string>();

      if (exp.unreadable) {
        const plan = variantPlan({ baseModel: 'acme/Any-7B', method: 'lora', framework, config });
        const got = await lint(plan);
        expect(findingKinds(got)).toEqual(['unreadable']);
        const want = messages.get('agrees (adapter)');
        if (want) expect(got.map((m) => `${m.ruleId}: ${m.message}`)).toEqual(want);
        return;
      }
      const trainFile = exp.train ? stageTrainingFiles(dir, { trainNames: exp.train.names, dataDir: exp.train.dataDir, trainPaths: exp.train.paths, infoFiles: exp.train.infoFiles }) : undefined;
      if (exp.train) expect(trainFile, 'the training files were staged').toBeDefined();
      const all = variants(framework, { evaluation: exp.evaluation!, model: exp.model, adapter: exp.adapter, objective: exp.objective, trainFile, baseModelUnknown: exp.baseModelUnknown }, config);
      for (const v of all) {
        seen.add(v.name);
        const got = await lint(v.plan);
        expect(findingKinds(got), `${v.name}:\n${got.map((m) => `${m.ruleId}: ${m.message}`).join('\n')}`).toEqual(v.expected);
        const want = messages.get(v.name);
        if (want) expect(got.map((m) => `${m.ruleId}: ${m.message}`), v.name).toEqual(want);
        const zh = await lint(v.plan, 'zh-CN');
        expect(zh.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(got.map((m) => `${m.line}:${m.column} ${m.ruleId}`));
        for (const m of zh) expect(`${m.message} ${m.hint}`, m.ruleId).not.toMatch(/\{[A-Za-z]+\}/);
      }
      for (const name of messages.keys()) expect(seen, `# message names a variant that ran`).toContain(name);
    });
  }
});
