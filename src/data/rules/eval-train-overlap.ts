import { defineDataRule } from '../rule.js';

/**
 * An eval example that is also in the training data measures memorisation,
 * not behaviour. Prompts are compared after normalisation (NFKC, case, white
 * space) by hash, and as near-duplicates by MinHash over character shingles;
 * see `fingerprint.ts` and the README.
 */
export default defineDataRule({
  meta: {
    id: 'eval-train-overlap',
    severity: 'error',
    description: 'Eval examples also occur in the training data, exactly or as near-duplicates.',
    hint: 'Remove the overlapping examples from the training file (or the eval file) so the eval set is truly held out.',
    verdict: 'fix-first',
    optionsSchema: {
      type: 'object',
      properties: {
        threshold: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        shingleSize: { type: 'integer', minimum: 1, maximum: 32 },
        maxListed: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { threshold: 0.8, shingleSize: 5, maxListed: 5 },
  },
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
      .map((m) => `eval line ${m.evalLine} ~ train line ${m.trainLine}${m.kind === 'near' ? ' (near)' : ''}`)
      .join(', ');
    const nearCount = n - exact;
    const near = `near-duplicate${nearCount === 1 ? '' : 's'}`;
    const kinds = exact === n ? 'exact' : exact === 0 ? near : `${exact} exact, ${nearCount} ${near}`;
    report({
      node: evalRef.node,
      message: `${n} of ${result.evalRecords} eval example${result.evalRecords === 1 ? '' : 's'} (${share}%) also occur${n === 1 ? 's' : ''} in ${trainRef.written} (${kinds}): ${listed}${n > options.maxListed ? `, and ${n - options.maxListed} more` : ''}`,
    });
  },
});
