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
    hintId: 'data-path-outside-root.hint',
    verdict: 'fix-first',
    defaultOptions: {},
  },
  async check({ references, rootDir, report }) {
    for (const ref of references) {
      if (ref.status !== 'outside') continue;
      const data = { key: ref.key, file: ref.written, root: rootDir };
      if (ref.realPath && ref.realPath !== ref.absolute) {
        report({ node: ref.node, messageId: 'data-path-outside-root.link', data: { ...data, target: ref.realPath } });
      } else {
        report({ node: ref.node, messageId: 'data-path-outside-root.found', data: { ...data, absolute: ref.absolute } });
      }
    }
  },
});
