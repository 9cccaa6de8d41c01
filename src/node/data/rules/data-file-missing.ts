import { defineDataRule } from '../rule.js';

/**
 * A plan that names a file nobody can find is either stale or refers to data
 * on another machine; a warning, since the latter is common and legitimate.
 */
export default defineDataRule({
  meta: {
    id: 'data-file-missing',
    severity: 'warning',
    description: 'A data file or trainer config the plan names does not exist.',
    hintId: 'data-file-missing.hint',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  async check({ references, report }) {
    for (const ref of references) {
      if (ref.status !== 'missing') continue;
      const data = { key: ref.key, file: ref.written };
      if (ref.realPath) report({ node: ref.node, messageId: 'data-file-missing.broken-link', data });
      else report({ node: ref.node, messageId: 'data-file-missing.found', data: { ...data, absolute: ref.absolute } });
    }
  },
});
