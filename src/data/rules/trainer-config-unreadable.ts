import { defineDataRule } from '../rule.js';

/**
 * When the trainer config cannot be read or its framework is unknown, the
 * cross-checks of `trainer-no-eval` and `trainer-mismatch` did not run; say
 * so rather than pass silently. The same when the config was read but its
 * base model cannot be told (a `${…}` the config does not define).
 */
export default defineDataRule({
  meta: {
    id: 'trainer-config-unreadable',
    severity: 'warning',
    description: 'The trainer config cannot be read, or its framework is not one finetune-lint understands, so it was not cross-checked.',
    hintId: 'trainer-config-unreadable.hint',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  async check({ plan, references, workspace, report }) {
    const ref = references.find((r) => r.role === 'trainer' && r.status === 'readable');
    if (!ref) return;
    const read = await (await workspace()).trainerConfig(ref, plan.text(['training', 'framework']));
    if ('unreadable' in read) report({ node: ref.node, messageId: 'trainer-config-unreadable.found', data: { file: ref.written, reason: read.unreadable } });
    // Read, but the base model cannot be told: say so rather than pass as compared.
    else if (read.config.baseModelUnknown && plan.text(['base_model'])) {
      report({ node: ref.node, messageId: 'trainer-config-unreadable.base-model', data: { file: ref.written, reason: read.config.baseModelUnknown } });
    }
  },
});
