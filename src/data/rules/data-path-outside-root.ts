import { defineDataRule } from '../rule.js';

/**
 * A plan is untrusted input: a path such as `../../etc/passwd`, an absolute
 * path or a symbolic link pointing out of the repository must not make the
 * linter read files elsewhere on the machine. Such a file is never opened.
 */
export default defineDataRule({
  meta: {
    id: 'data-path-outside-root',
    severity: 'error',
    description: 'A path in the plan leads outside the repository root; the file is not read.',
    hint: 'Keep data and trainer configs inside the repository (paths relative to the plan), or pass --allow-outside-root if reading that file is intended.',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  async check({ references, rootDir, report }) {
    for (const ref of references) {
      if (ref.status !== 'outside') continue;
      const via = ref.realPath && ref.realPath !== ref.absolute ? `, a symbolic link to ${ref.realPath},` : ` (${ref.absolute})`;
      report({
        node: ref.node,
        message: `${ref.key} "${ref.written}"${via} is outside the repository root ${rootDir}; it was not read`,
      });
    }
  },
});
