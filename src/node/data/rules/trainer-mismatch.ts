import path from 'node:path';
import { msg } from '../../../core/i18n/index.js';
import { defineDataRule } from '../rule.js';
import { sameBaseModel, methodMismatch } from '../compare.js';
import { trainerMismatch } from '../../../core/data-rules.js';

/** How each framework is named in messages. */
const FRAMEWORK_NAMES: Readonly<Record<string, string>> = { 'llama-factory': 'LLaMA-Factory', axolotl: 'Axolotl', torchtune: 'torchtune' };

/**
 * The plan was reviewed; the trainer config is what runs. When they name a
 * different framework, base model, method or training file, the reviewed
 * plan is not the experiment.
 */
export default defineDataRule({
  meta: trainerMismatch,
  async check({ plan, planPath, rootDir, allowOutsideRoot, references, workspace, report }) {
    const ref = references.find((r) => r.role === 'trainer' && r.status === 'readable');
    if (!ref) return;
    const read = await (await workspace()).trainerConfig(ref, plan.text(['training', 'framework']));
    if (!('config' in read)) return;
    const { config } = read;
    if (config.declaredOther) {
      report({
        node: plan.scalar(['training', 'framework'])!,
        messageId: 'trainer-mismatch.framework',
        data: { declared: config.declaredOther.declared, file: ref.written, detected: FRAMEWORK_NAMES[config.framework] ?? config.framework, keys: config.declaredOther.keys },
        hintId: 'trainer-mismatch.framework-hint',
      });
    }
    const baseModel = plan.text(['base_model']);
    if (baseModel && config.baseModel && !sameBaseModel(baseModel, config.baseModel.value)) {
      report({
        node: plan.scalar(['base_model'])!,
        messageId: 'trainer-mismatch.base-model',
        data: { plan: baseModel, file: ref.written, trainer: config.baseModel.value, source: config.baseModel.source },
      });
    }
    const method = plan.text(['method']);
    const why = method ? methodMismatch(method, config) : undefined;
    if (why) report({ node: plan.scalar(['method'])!, messageId: 'trainer-mismatch.method', data: { method: method!, file: ref.written, why } });
    const train = references.find((r) => r.role === 'train' && r.status === 'readable');
    if (!train || !config.trainData) return;
    const files = await (await workspace()).trainerFiles(config, ref, path.dirname(planPath), rootDir, allowOutsideRoot);
    if (files && !files.includes(train.realPath ?? train.absolute)) {
      const named = config.trainData.kind === 'paths' ? config.trainData.paths : config.trainData.names;
      report({
        node: train.node,
        messageId: 'trainer-mismatch.train-file',
        data: { file: train.written, config: ref.written, named: named.map((text) => msg('data.quoted', { text })), source: config.trainData.source },
      });
    }
  },
});
