import path from 'node:path';
import type { Formatter } from './types.js';

function xml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/**
 * JUnit XML for CI dashboards: one test case per plan, one failure per
 * diagnostic (warnings included, marked as such), the verdict as a property.
 */
export const junit: Formatter = (results, context) => {
  const cases = results.map((r) => {
    const rel = path.relative(context.cwd, r.filePath);
    const name = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : r.filePath;
    const failures = r.messages
      .map(
        (m) =>
          `      <failure type="${xml(m.ruleId)}" message="${xml(`${m.line}:${m.column} ${m.severity} ${m.message}`)}">${xml(
            `${name}:${m.line}:${m.column} ${m.severity} ${m.message} [${m.ruleId}]\n${m.hint}`,
          )}</failure>`,
      )
      .join('\n');
    const props = `      <properties><property name="verdict" value="${r.verdict}"/></properties>`;
    return `    <testcase classname="finetune-lint" name="${xml(name)}">\n${props}${failures ? `\n${failures}` : ''}\n    </testcase>`;
  });
  const failures = results.reduce((n, r) => n + r.messages.length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="finetune-lint" tests="${results.length}" failures="${failures}">\n  <testsuite name="finetune-lint" tests="${results.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
};
