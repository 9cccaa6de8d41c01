import { msg, plural } from '../../../core/i18n/index.js';
import { defineDataRule } from '../rule.js';
import { trainDuplicates } from '../../../core/data-rules.js';

/**
 * A training set where one prompt comes back again and again trains that
 * case harder than the rest: the run learns the data's accidents (a template
 * that was run twice, a scrape that caught the same page) as if they were
 * the behaviour. Prompts are compared with the fingerprints of
 * `eval-train-overlap` (exact after normalisation, and MinHash
 * near-duplicates); see `duplicates.ts` for memory.
 */
export default defineDataRule({
  meta: trainDuplicates,
  async check({ references, workspace, options, report }) {
    const ref = references.find((r) => r.role === 'train' && r.status === 'readable');
    if (!ref) return;
    const found = (await (await workspace()).scan(ref))?.duplicates;
    if (!found || found.records === 0) return;
    const repeats = found.exact + found.near;
    const share = repeats / found.records;
    if (repeats === 0 || share <= options.maxShare) return;
    const kinds =
      found.near === 0
        ? msg('train-duplicates.kind.exact')
        : found.exact === 0
          ? plural('train-duplicates.kind.near', found.near)
          : plural('train-duplicates.kind.mixed', found.near, { exact: found.exact });
    const groups = found.groups.map((g) => plural('train-duplicates.group', g.size, { lines: g.lines.map(String), more: g.size > g.lines.length ? msg('train-duplicates.more') : '' }));
    const { id, data } = plural('train-duplicates.found', repeats, {
      share: (100 * share).toFixed(1),
      total: plural('train-duplicates.examples', found.records),
      file: ref.written,
      kinds,
      groups,
      max: (100 * options.maxShare).toFixed(1).replace(/\.0$/, ''),
    });
    report({ node: ref.node, messageId: id, data });
  },
});
