import { isScalar } from 'yaml';
import { plural } from '../../../core/i18n/index.js';
import { defineDataRule } from '../rule.js';
import { evalSetSize } from '../../../core/data-rules.js';

/**
 * A handful of eval examples cannot tell a real change from noise; a declared
 * count that disagrees with the file means the plan describes other data.
 */
export default defineDataRule({
  meta: evalSetSize,
  async check({ plan, references, workspace, options, report }) {
    const ref = references.find((r) => r.role === 'eval' && r.status === 'readable');
    if (!ref) return;
    const scan = await (await workspace()).scan(ref);
    if (!scan) return;
    const declared = plan.scalar(['data', 'eval', 'examples']);
    if (declared && isScalar(declared) && typeof declared.value === 'number' && declared.value !== scan.records) {
      const { id, data } = plural('eval-set-size.declared', scan.records, { declared: declared.value, file: ref.written });
      // The count is wrong, not the eval set: the fix is to correct it.
      report({ node: declared, messageId: id, data, hintId: 'eval-set-size.declared.hint', hintData: { count: scan.records, file: ref.written } });
    }
    if (scan.records < options.minExamples) {
      const { id, data } = plural('eval-set-size.too-few', scan.records, { file: ref.written, min: options.minExamples });
      report({ node: ref.node, messageId: id, data });
    }
  },
});
