import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { STARTER_PLAN } from './init-template.js';
import { dataRules } from './data/rules/index.js';
import { rules as planRules } from './rules/index.js';
import { closest } from './text-distance.js';
import { VERDICT_LABELS } from './verdict.js';

/**
 * The CLI's subcommands: `rules`, `explain <rule-id>`, `init [path]`. Each
 * returns the text to print and the exit code; `cli.ts` does the printing.
 */
export interface CommandOutcome {
  stdout?: string;
  stderr?: string;
  code: number;
}

/** Plan rules, then data rules: everything `rules` lists and `explain` knows. */
const rules = [...planRules, ...dataRules];

/** `finetune-lint rules`: every rule with its default severity, verdict and description. */
export function listRules(): CommandOutcome {
  const idW = Math.max(...rules.map((r) => r.meta.id.length));
  const lines = rules.map(
    (r) => `${r.meta.id.padEnd(idW)}  ${r.meta.severity.padEnd(7)}  ${VERDICT_LABELS[r.meta.verdict].padEnd(22)}  ${r.meta.description}`,
  );
  return { stdout: `${'rule'.padEnd(idW)}  default  verdict                 what it reports\n${lines.join('\n')}\n`, code: 0 };
}

/** `finetune-lint explain <rule-id>`: the rule's document, read from `rules/<id>.md` beside the package. */
export function explainRule(id: string, docsDir: string): CommandOutcome {
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) {
    const near = closest(id, rules.map((r) => r.meta.id));
    return { stderr: `finetune-lint: unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; \`finetune-lint rules\` lists them.\n`, code: 2 };
  }
  const file = path.join(docsDir, `${id}.md`);
  if (!existsSync(file)) return { stderr: `finetune-lint: the document of "${id}" is missing (${file}).\n`, code: 2 };
  return { stdout: readFileSync(file, 'utf8'), code: 0 };
}

/** `finetune-lint init [path]`: writes the starter plan; never overwrites. */
export async function initPlan(target = 'finetune-plan.yaml'): Promise<CommandOutcome> {
  const file = path.resolve(target);
  if (existsSync(file)) return { stderr: `finetune-lint: ${target} already exists; not overwriting it.\n`, code: 2 };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, STARTER_PLAN, { flag: 'wx' });
  return {
    stdout: `Wrote ${target}. Replace every <FILL: …>, then run: finetune-lint ${target}\n`,
    code: 0,
  };
}
