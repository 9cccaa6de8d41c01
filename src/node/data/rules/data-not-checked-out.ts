import { defineDataRule } from '../rule.js';
import { dataNotCheckedOut } from '../../../core/data-rules.js';

/**
 * A Git LFS pointer (actions/checkout's default is `lfs: false`) or a DVC
 * pointer stands where the dataset would be. Its content says nothing about
 * the data, so the other data checks skip the file; this one note per file
 * says why, instead of a format error for every line of the pointer.
 */
export default defineDataRule({
  meta: dataNotCheckedOut,
  async check({ references, report }) {
    for (const ref of references) {
      if (ref.status !== 'pointer' || !ref.pointer) continue;
      if (ref.pointer.kind === 'git-lfs') report({ node: ref.node, messageId: 'data-not-checked-out.git-lfs', data: { key: ref.key, file: ref.written } });
      else report({ node: ref.node, messageId: 'data-not-checked-out.dvc', data: { key: ref.key, file: ref.written, pointer: ref.pointer.file } });
    }
  },
});
