import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { SuppressedDiagnostic } from '../../core/directives.js';
import type { Formatter, RuleDescription } from './types.js';

const INFORMATION_URI = 'https://github.com/finetune-lint/finetune-lint';

/** FNV-1a, 32 bits, as hex: a short stable fingerprint. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function artifactUri(filePath: string, cwd: string): string {
  const rel = path.relative(cwd, filePath);
  const inside = rel && !rel.startsWith('..') && !path.isAbsolute(rel);
  const p = (inside ? rel : filePath).split(path.sep).join('/');
  return inside ? encodeURI(p) : `file://${encodeURI(p.startsWith('/') ? p : `/${p}`)}`;
}

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: the rules in
 * `tool.driver.rules` (with the fix hint and the docs link in `help`), one
 * result per diagnostic with a repo-relative location and full region, and a
 * stable fingerprint so re-runs do not duplicate alerts. Each plan's verdict
 * is in the run's `properties.verdicts`. Findings suppressed by a disable
 * comment are results with an `inSource` suppression, as SARIF records them.
 */
export const sarif: Formatter = (results, context) => {
  const known = new Map<string, RuleDescription>((context.rules ?? []).map((r) => [r.id, r]));
  // Rules that appear in results but were not described (plugin rules without metadata).
  for (const r of results) {
    for (const m of [...r.messages, ...r.suppressedMessages]) {
      if (!known.has(m.ruleId)) known.set(m.ruleId, { id: m.ruleId, description: m.ruleId, severity: m.severity });
    }
  }
  const ruleList = [...known.values()];
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  const occurrences = new Map<string, number>();

  const result = (filePath: string, m: Diagnostic | SuppressedDiagnostic): object => {
    const uri = artifactUri(filePath, context.cwd);
    const key = `${m.ruleId}\u0000${uri}\u0000${m.message}`;
    const n = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, n);
    return {
      ruleId: m.ruleId,
      ruleIndex: index.get(m.ruleId),
      level: m.severity === 'error' ? 'error' : 'warning',
      message: { text: `${m.message}\n${m.hint}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, ...(uri.startsWith('file://') ? {} : { uriBaseId: '%SRCROOT%' }) },
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: Math.max(m.endColumn, m.line === m.endLine ? m.column : 1) },
          },
        },
      ],
      partialFingerprints: { 'finetuneLintFinding/v1': `${fnv1a(key)}:${n}` },
      ...(m.confidence !== undefined || m.evidence !== undefined
        ? { properties: { ...(m.confidence !== undefined ? { confidence: Math.round(m.confidence * 100) / 100 } : {}), ...(m.evidence ? { evidence: m.evidence } : {}) } }
        : {}),
      ...('suppressions' in m
        ? { suppressions: m.suppressions.map((s) => ({ kind: 'inSource', ...(s.justification ? { justification: s.justification } : {}) })) }
        : {}),
    };
  };

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'finetune-lint',
            ...(context.version ? { version: context.version, semanticVersion: context.version } : {}),
            informationUri: INFORMATION_URI,
            rules: ruleList.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              ...(r.docsUrl ? { helpUri: r.docsUrl } : {}),
              help: {
                text: [r.hint, r.docsUrl].filter(Boolean).join('\n') || r.description,
                markdown: [r.hint, r.docsUrl ? `[${r.id}](${r.docsUrl})` : ''].filter(Boolean).join('\n\n') || r.description,
              },
              defaultConfiguration: { level: r.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        ...(context.cwd ? { originalUriBaseIds: { '%SRCROOT%': { uri: `file://${encodeURI(context.cwd.split(path.sep).join('/').replace(/\/?$/, '/'))}` } } } : {}),
        results: results.flatMap((r) => [
          ...r.messages.map((m) => result(r.filePath, m)),
          ...r.suppressedMessages.map((m) => result(r.filePath, m)),
        ]),
        properties: {
          verdicts: results.map((r) => ({ uri: artifactUri(r.filePath, context.cwd), verdict: r.verdict, reasons: r.verdictReasons })),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
