import { defineDataRule } from '../rule.js';
import { dataPathOutsideRoot } from '../../../core/data-rules.js';

/**
 * A plan is untrusted input: a path such as `../../etc/passwd`, an absolute
 * path or a symbolic link pointing out of the repository must not make the
 * linter read files elsewhere on the machine. Such a file is never opened.
 */
export default defineDataRule({
  meta: dataPathOutsideRoot,
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
