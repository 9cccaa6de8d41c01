import { msg, plural, type MessageKey } from '../../../core/i18n/index.js';
import { checkYaml, goalChecks } from '../goal-checks.js';
import { defineDataRule } from '../rule.js';
import { dataContradictsGoal } from '../../../core/data-rules.js';

/**
 * A fine-tune learns the replies it is shown. When the training replies
 * break the limit the goal sets — longer than its word count, not the JSON
 * it asks for, in another language — the data teaches what the goal
 * forbids; when the eval set's reference answers break it, the eval grades
 * against the goal. Checks come from `goals[].checks`, or from a goal's
 * text when it states one unambiguously (see `goal-checks.ts`).
 */
export default defineDataRule({
  meta: dataContradictsGoal,
  async check({ plan, references, workspace, options, report }) {
    const refs = (['train', 'eval'] as const).map((role) => references.find((r) => r.role === role && r.status === 'readable'));
    // Without data to read, only the written patterns are checked; the goals' text is not read.
    const { checks, problems } = goalChecks(plan, refs.some(Boolean));
    for (const p of problems) report({ node: p.node, messageId: 'data-contradicts-goal.bad-pattern', data: { problem: p.message }, hintId: 'data-contradicts-goal.bad-pattern.hint' });
    if (checks.length === 0 || !refs.some(Boolean)) return;
    const ws = await workspace();
    for (const c of checks) {
      if (c.kind !== 'json_schema') continue;
      const v = await ws.schemaValidator(String(c.value));
      if (typeof v !== 'function') report({ node: c.node, messageId: 'data-contradicts-goal.bad-schema', data: { problem: v }, hintId: 'data-contradicts-goal.bad-schema.hint' });
    }
    for (const ref of refs) {
      if (!ref) continue;
      const tally = (await ws.scan(ref))?.goals;
      if (!tally || tally.replies === 0) continue;
      const role = ref.role === 'train' ? 'train' : 'eval';
      checks.forEach((c, i) => {
        const broken = tally.broken[i];
        if (!broken || broken.count === 0) return;
        const share = broken.count / tally.replies;
        if (share <= options.maxShare) return;
        const what = msg(`data-contradicts-goal.check.${c.kind}` as MessageKey, { goal: c.goal + 1, value: String(c.value) });
        const lines = plural('data-contradicts-goal.lines', broken.count, {
          lines: broken.lines.map(String),
          more: broken.count > broken.lines.length ? msg('data-contradicts-goal.more') : '',
        });
        report({
          node: c.node,
          messageId: `data-contradicts-goal.found.${role}`,
          data: {
            share: share >= 0.1 ? (100 * share).toFixed(0) : (100 * share).toFixed(1),
            total: plural(`data-contradicts-goal.replies.${role}`, tally.replies),
            file: ref.written,
            what,
            lines,
            inferred: c.inferredFrom ? msg('data-contradicts-goal.inferred', { phrase: c.inferredFrom }) : '',
          },
          ...(share >= options.errorShare ? { severity: 'error' as const } : {}),
          ...(c.inferredFrom ? { hintId: 'data-contradicts-goal.inferred.hint' as const, hintData: { yaml: checkYaml(c), goal: c.goal + 1 } } : {}),
        });
      });
    }
  },
});
