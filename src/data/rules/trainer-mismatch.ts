import path from 'node:path';
import { defineDataRule } from '../rule.js';
import { sameBaseModel, methodMismatch } from '../compare.js';

/**
 * The plan was reviewed; the trainer config is what runs. When they name a
 * different base model or method, the reviewed plan is not the experiment.
 */
export default defineDataRule({
  meta: {
    id: 'trainer-mismatch',
    severity: 'warning',
    description: 'The trainer config names a different base model, method or training file than the plan.',
    hint: 'Make the plan and the trainer config agree: update whichever one is out of date.',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  async check({ plan, planPath, rootDir, allowOutsideRoot, references, workspace, report }) {
    const ref = references.find((r) => r.role === 'trainer' && r.status === 'readable');
    if (!ref) return;
    const read = await (await workspace()).trainerConfig(ref, plan.text(['training', 'framework']));
    if (!('config' in read)) return;
    const { config } = read;
    const baseModel = plan.text(['base_model']);
    if (baseModel && config.baseModel && !sameBaseModel(baseModel, config.baseModel.value)) {
      report({
        node: plan.scalar(['base_model'])!,
        message: `base_model is "${baseModel}", but ${ref.written} trains "${config.baseModel.value}" (${config.baseModel.source})`,
      });
    }
    const method = plan.text(['method']);
    const why = method ? methodMismatch(method, config) : undefined;
    if (why) report({ node: plan.scalar(['method'])!, message: `method is "${method}", but ${ref.written} ${why}` });
    const train = references.find((r) => r.role === 'train' && r.status === 'readable');
    if (!train || !config.trainData) return;
    const files = await (await workspace()).trainerFiles(config, ref, path.dirname(planPath), rootDir, allowOutsideRoot);
    if (files && !files.includes(train.realPath ?? train.absolute)) {
      const named = config.trainData.kind === 'paths' ? config.trainData.paths : config.trainData.names;
      report({
        node: train.node,
        message: `data.train.path is "${train.written}", but ${ref.written} trains on ${named.map((n) => `"${n}"`).join(', ')} (${config.trainData.source}), not on that file`,
      });
    }
  },
});
