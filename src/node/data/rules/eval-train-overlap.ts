import { msg, plural } from '../../../core/i18n/index.js';
import { defineDataRule } from '../rule.js';
import { evalTrainOverlap } from '../../../core/data-rules.js';

/**
 * An eval example that is also in the training data measures memorisation,
 * not behaviour. Prompts are compared after normalisation (NFKC, case, white
 * space) by hash, and as near-duplicates by MinHash over character shingles;
 * see `fingerprint.ts` and the README.
 */
export default defineDataRule({
  meta: evalTrainOverlap,
  async check({ references, workspace, options, report }) {
    const evalRef = references.find((r) => r.role === 'eval' && r.status === 'readable');
    const trainRef = references.find((r) => r.role === 'train' && r.status === 'readable');
    if (!evalRef || !trainRef) return;
    const result = await (await workspace()).overlap();
    if (!result || result.matches.length === 0) return;
    const n = result.matches.length;
    const exact = result.matches.filter((m) => m.kind === 'exact').length;
    const share = ((100 * n) / Math.max(1, result.evalRecords)).toFixed(1);
    const listed = result.matches
      .slice(0, options.maxListed)
      .map((m) => msg(m.kind === 'near' ? 'eval-train-overlap.pair.near' : 'eval-train-overlap.pair', { evalLine: m.evalLine, trainLine: m.trainLine }));
    const nearCount = n - exact;
    const kinds =
      exact === n
        ? msg('eval-train-overlap.kind.exact')
        : exact === 0
          ? plural('eval-train-overlap.kind.near', nearCount)
          : plural('eval-train-overlap.kind.mixed', nearCount, { exact });
    const { id, data } = plural('eval-train-overlap.found', n, {
      total: plural('eval-train-overlap.eval-examples', result.evalRecords),
      share,
      train: trainRef.written,
      kinds,
      listed,
      more: n > options.maxListed ? msg('eval-train-overlap.more', { count: n - options.maxListed }) : '',
    });
    report({ node: evalRef.node, messageId: id, data });
  },
});
