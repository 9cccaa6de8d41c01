import { isScalar } from 'yaml';
import { defineDataRule } from '../rule.js';

/**
 * A handful of eval examples cannot tell a real change from noise; a declared
 * count that disagrees with the file means the plan describes other data.
 */
export default defineDataRule({
  meta: {
    id: 'eval-set-size',
    severity: 'warning',
    description: 'The eval file has fewer examples than the minimum, or a different number than data.eval.examples says.',
    hint: 'Collect more held-out examples (a few hundred make a change of a few points measurable), and keep data.eval.examples in step with the file.',
    verdict: 'fix-first',
    optionsSchema: {
      type: 'object',
      properties: { minExamples: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { minExamples: 50 },
  },
  async check({ plan, references, workspace, options, report }) {
    const ref = references.find((r) => r.role === 'eval' && r.status === 'readable');
    if (!ref) return;
    const scan = await (await workspace()).scan(ref);
    if (!scan) return;
    const declared = plan.scalar(['data', 'eval', 'examples']);
    if (declared && isScalar(declared) && typeof declared.value === 'number' && declared.value !== scan.records) {
      report({
        node: declared,
        message: `data.eval.examples says ${declared.value}, but ${ref.written} holds ${scan.records} record${scan.records === 1 ? '' : 's'}`,
      });
    }
    if (scan.records < options.minExamples) {
      report({
        node: ref.node,
        message: `${ref.written} holds ${scan.records} example${scan.records === 1 ? '' : 's'}, fewer than ${options.minExamples}: too few to tell a change from noise`,
      });
    }
  },
});
