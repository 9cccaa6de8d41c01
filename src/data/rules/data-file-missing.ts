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
    hint: 'Fix the path (relative to the plan file), or run with --data-checks off where the data lives on another machine.',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  async check({ references, report }) {
    for (const ref of references) {
      if (ref.status !== 'missing') continue;
      report({
        node: ref.node,
        message: `${ref.key} "${ref.written}" does not exist (${ref.realPath ? 'a symbolic link to nothing' : `looked for ${ref.absolute}`})`,
      });
    }
  },
});
