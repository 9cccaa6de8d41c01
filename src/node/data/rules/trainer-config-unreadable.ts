import { msg } from '../../../core/i18n/index.js';
import { defineDataRule } from '../rule.js';
import { trainerConfigUnreadable } from '../../../core/data-rules.js';

/** Plan methods that name a training objective (compared with what the config trains). */
const OBJECTIVES = new Set(['sft', 'dpo', 'orpo', 'kto', 'simpo', 'ppo', 'grpo', 'rm', 'cpt', 'kd']);

/**
 * When the trainer config cannot be read or its framework is unknown, the
 * cross-checks of `trainer-no-eval` and `trainer-mismatch` did not run; say
 * so rather than pass silently. The same when the config was read but its
 * base model cannot be told (a `${…}` the config does not define), or the
 * plan names an objective and the config does not say which one it trains.
 */
export default defineDataRule({
  meta: trainerConfigUnreadable,
  async check({ plan, references, workspace, report }) {
    const ref = references.find((r) => r.role === 'trainer' && r.status === 'readable');
    if (!ref) return;
    const read = await (await workspace()).trainerConfig(ref, plan.text(['training', 'framework']));
    if ('unreadable' in read) report({ node: ref.node, messageId: 'trainer-config-unreadable.found', data: { file: ref.written, reason: read.unreadable } });
    if (!('config' in read)) return;
    const { config } = read;
    // Read, but the base model or the objective cannot be told: say so rather than pass as compared.
    if (config.baseModelUnknown && plan.text(['base_model'])) {
      report({ node: ref.node, messageId: 'trainer-config-unreadable.base-model', data: { file: ref.written, reason: config.baseModelUnknown } });
    }
    const method = plan.text(['method'])?.toLowerCase();
    if (method && OBJECTIVES.has(method) && (config.objective === undefined || config.objective.value === 'other')) {
      const reason = config.objective
        ? msg('trainer.objective.unmapped', { source: config.objective.source })
        : msg(config.format === 'v1' ? 'trainer.objective.v1-command' : 'trainer.objective.unsaid');
      report({ node: plan.scalar(['method'])!, messageId: 'trainer-config-unreadable.method', data: { method, file: ref.written, reason } });
    }
  },
});
