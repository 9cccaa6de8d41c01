import { plural } from '../../../core/i18n/index.js';
import { defineDataRule } from '../rule.js';
import { datasetFormat } from '../../../core/data-rules.js';

/**
 * Malformed records fail a training run hours in, or are dropped silently
 * and shrink the data; in an eval set they corrupt the measurement. An error,
 * because a trainer either refuses such a file or trains on less than the
 * plan says.
 */
export default defineDataRule({
  meta: datasetFormat,
  async check({ references, workspace, report }) {
    for (const ref of references) {
      if (ref.role === 'trainer' || ref.status !== 'readable') continue;
      const scan = await (await workspace()).scan(ref);
      if (!scan) continue;
      if (scan.records === 0) {
        report({ node: ref.node, messageId: 'dataset-format.empty', data: { file: ref.written } });
        continue;
      }
      for (const p of scan.problems) {
        report({ node: ref.node, messageId: 'dataset-format.record', data: { file: ref.written, line: p.line, problem: p.problem } });
      }
      const more = scan.problemCount - scan.problems.length;
      if (more > 0) {
        const { id, data } = plural('dataset-format.more', more, { file: ref.written, problems: scan.problemCount, records: scan.records });
        report({ node: ref.node, messageId: id, data });
      }
    }
  },
});
