import type { Node, Pair } from 'yaml';
import type { Plan } from '../../core/plan.js';
import type { Severity } from '../../core/diagnostic.js';
import type { Finding, RuleMeta } from '../../core/rule.js';
import type { DataWorkspace } from './workspace.js';
import type { DataReference } from './references.js';

/**
 * A data check: a rule with the same metadata as the plan rules, whose check
 * may read the files the plan references. Checks are async because they
 * stream datasets; they still report plan nodes (the `data.eval.path` scalar,
 * the `training.config` scalar), never positions inside the data files —
 * those go into the message as line numbers.
 */
export interface DataRuleContext<Options extends object> {
  plan: Plan;
  /** Absolute path of the plan file. */
  planPath: string;
  /** The folder files may be read from (realpath); see `references.ts`. */
  rootDir: string;
  /** Whether files outside `rootDir` may be read (`--allow-outside-root`). */
  allowOutsideRoot: boolean;
  options: Options;
  /** The severity the configuration gives this rule. */
  severity: Severity;
  /** The plan's references to data files and the trainer config, resolved and checked against the root. */
  references: readonly DataReference[];
  /** Reads and caches dataset scans and trainer configs; loaded on first use. */
  workspace(): Promise<DataWorkspace>;
  /** Records a finding; `severity` raises (or lowers) this one finding's severity, for rules whose options say when. */
  report(finding: Finding & { severity?: Severity }): void;
}

export interface DataRule<Options extends object = Record<string, never>> {
  meta: RuleMeta<Options>;
  check(context: DataRuleContext<Options>): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDataRule = DataRule<any>;

/** Helper that keeps a data rule's options type checked against its defaults. */
export function defineDataRule<Options extends object>(rule: DataRule<Options>): DataRule<Options> {
  return rule;
}

/** The plan node a finding about a reference points at. */
export type ReferenceNode = Node | Pair;
