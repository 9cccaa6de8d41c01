import { msg, plural, type MessageRef } from '../../../core/i18n/index.js';
import { defineDataRule } from '../rule.js';
import { isHighRisk } from '../risk.js';
import { SENSITIVE_KINDS, type SensitiveKind } from '../../../core/sensitive-kinds.js';
import { dataSensitiveContent } from '../../../core/data-rules.js';

/**
 * A model repeats what it was trained on: phone numbers, ID numbers and keys
 * in training data can come back out in replies to strangers, and in an eval
 * set they travel with every copy of the results. Found values are counted
 * and shown masked, never as they are (the scanner never hands them out).
 */
export default defineDataRule({
  meta: dataSensitiveContent,
  async check({ plan, references, workspace, options, report }) {
    if (options.kinds.length === 0) return;
    let highRisk: boolean | undefined;
    for (const ref of references) {
      if ((ref.role !== 'train' && ref.role !== 'eval') || ref.status !== 'readable') continue;
      const scan = await (await workspace()).scan(ref);
      const found = scan?.sensitive;
      if (!found || found.records === 0) continue;
      const kinds: MessageRef[] = [];
      for (const kind of SENSITIVE_KINDS) {
        const t = found.kinds[kind];
        if (!t) continue;
        const lines = plural('data-sensitive-content.lines', t.records, {
          lines: t.lines.map(String),
          more: t.records > t.lines.length ? msg('data-sensitive-content.more') : '',
        });
        kinds.push(plural(`data-sensitive-content.kind.${kind}`, t.values, { lines, sample: t.sample }));
      }
      highRisk ??= options.highRiskError && isHighRisk(plan);
      const { id, data } = plural('data-sensitive-content.found', found.records, { file: ref.written, kinds, total: scan.records });
      report({
        node: ref.node,
        messageId: id,
        data,
        ...(highRisk ? { severity: 'error' as const, hintId: 'data-sensitive-content.high-risk.hint' as const } : {}),
      });
    }
  },
});
