import path from 'node:path';
import { msg, type MessageParam } from '../../../core/i18n/index.js';
import { defineDataRule } from '../rule.js';
import { trainerNoEval } from '../../../core/data-rules.js';

/**
 * An eval set in the plan that the trainer never runs is a plan on paper
 * only: the run trains blind, and overfitting shows up after the compute is
 * spent. A commented-out eval block is the usual cause. A config the
 * framework refuses to start, or one that evaluates on its own training data,
 * is reported here too: neither measures held-out data.
 */
export default defineDataRule({
  meta: trainerNoEval,
  async check({ plan, planPath, rootDir, allowOutsideRoot, references, workspace, report }) {
    const hasEval = Boolean(plan.text(['data', 'eval', 'path'])?.trim() || plan.text(['data', 'eval', 'description'])?.trim());
    if (!hasEval) return;
    // The plan says the eval set runs after training, in a harness of the team's own.
    if (plan.text(['evaluation', 'runs']) === 'separate') return;
    const ref = references.find((r) => r.role === 'trainer' && r.status === 'readable');
    if (!ref) return;
    const read = await (await workspace()).trainerConfig(ref, plan.text(['training', 'framework']));
    if (!('config' in read)) return;
    const { config } = read;
    const { framework, format } = config;
    let evaluation = config.evaluation;
    if (evaluation.outcome === 'runs') {
      // Different names or paths may still be the same file: compare the files themselves.
      const ws = await workspace();
      const planDir = path.dirname(planPath);
      const evalFiles = config.evalData ? await ws.trainerFiles(config, ref, planDir, rootDir, allowOutsideRoot, 'eval') : undefined;
      const trainFiles = evalFiles ? await ws.trainerFiles(config, ref, planDir, rootDir, allowOutsideRoot) : undefined;
      const shared = evalFiles?.filter((f) => trainFiles?.includes(f)) ?? [];
      if (!shared.length) return;
      const named = (f: string): MessageParam => msg('data.quoted', { text: path.relative(rootDir, f) || f });
      evaluation = { outcome: 'train-data', why: msg('trainer.eval.same-file', { key: config.evalData!.source, train: config.trainData!.source, files: shared.map(named) }) };
    }
    report({
      node: ref.node,
      messageId: evaluation.outcome === 'refuses' ? 'trainer-no-eval.refuses' : evaluation.outcome === 'train-data' ? 'trainer-no-eval.on-train-data' : 'trainer-no-eval.found',
      data: { framework, file: ref.written, why: evaluation.why },
      // The hint names only the keys of the framework that reads this config.
      hintId: format === 'v1' ? 'trainer-no-eval.hint.llama-factory-v1' : `trainer-no-eval.hint.${framework}`,
    });
  },
});
