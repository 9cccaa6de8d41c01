import { defineDataRule } from '../rule.js';
import { dataFileMissing } from '../../../core/data-rules.js';

/**
 * A plan that names a file nobody can find is either stale or refers to data
 * on another machine; a warning, since the latter is common and legitimate.
 */
export default defineDataRule({
  meta: dataFileMissing,
  async check({ references, report }) {
    for (const ref of references) {
      if (ref.status !== 'missing') continue;
      const data = { key: ref.key, file: ref.written };
      if (ref.realPath) report({ node: ref.node, messageId: 'data-file-missing.broken-link', data });
      else report({ node: ref.node, messageId: 'data-file-missing.found', data: { ...data, absolute: ref.absolute } });
    }
  },
});
