import type { Scalar } from 'yaml';
import { msg, type MessageRef } from '../i18n/index.js';
import type { Plan } from '../plan.js';

/** Which kind of statement a text is: the detection rules read each kind a little differently. */
export type StatementField = 'problem' | 'behavior' | 'train';

/** One piece of free text in a plan that says what the team wants. */
export interface Statement {
  node: Scalar;
  text: string;
  field: StatementField;
  /** How a message names it: "the problem", "goal 2", "the training data". */
  where: MessageRef;
}

/**
 * The statements the detection rules read, in plan order: the problem, each
 * goal's behaviour, the training data's description (and its source, when
 * asked for). Values that are not text are left to the schema check.
 */
export function statements(plan: Plan, options: { trainSource?: boolean } = {}): Statement[] {
  const out: Statement[] = [];
  const add = (node: Scalar | undefined, field: StatementField, where: MessageRef): void => {
    if (node && typeof node.value === 'string') out.push({ node, text: node.value, field, where });
  };
  add(plan.scalar(['problem']), 'problem', msg('statement.problem'));
  plan.seq(['goals'])?.items.forEach((_, i) => add(plan.scalar(['goals', i, 'behavior']), 'behavior', msg('statement.goal', { goal: i + 1 })));
  add(plan.scalar(['data', 'train', 'description']), 'train', msg('statement.train'));
  if (options.trainSource) add(plan.scalar(['data', 'train', 'source']), 'train', msg('statement.train-source'));
  return out;
}
