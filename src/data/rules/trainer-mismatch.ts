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
    description: 'The trainer config names a different base model or method than the plan.',
    hint: 'Make the plan and the trainer config agree: update whichever one is out of date.',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  async check({ plan, references, workspace, report }) {
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
  },
});
