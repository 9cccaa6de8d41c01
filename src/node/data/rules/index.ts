import { dataRuleMetas } from '../../../core/data-rules.js';
import type { AnyDataRule } from '../rule.js';
import dataFileMissing from './data-file-missing.js';
import dataContradictsGoal from './data-contradicts-goal.js';
import dataNotCheckedOut from './data-not-checked-out.js';
import dataPathOutsideRoot from './data-path-outside-root.js';
import dataSensitiveContent from './data-sensitive-content.js';
import datasetFormat from './dataset-format.js';
import evalSetSize from './eval-set-size.js';
import evalTrainOverlap from './eval-train-overlap.js';
import evalUnderpowered from './eval-underpowered.js';
import trainerConfigUnreadable from './trainer-config-unreadable.js';
import trainerMismatch from './trainer-mismatch.js';
import trainerNoEval from './trainer-no-eval.js';
import trainDuplicates from './train-duplicates.js';

const checks: readonly AnyDataRule[] = [
  dataContradictsGoal,
  dataFileMissing,
  dataNotCheckedOut,
  dataPathOutsideRoot,
  dataSensitiveContent,
  datasetFormat,
  evalSetSize,
  evalTrainOverlap,
  evalUnderpowered,
  trainDuplicates,
  trainerConfigUnreadable,
  trainerMismatch,
  trainerNoEval,
];

/**
 * Every data check, in documentation order — the order of their metadata in
 * the core (`dataRuleMetas`), said once there. They run after the plan rules,
 * only on plans that parsed, and only when data checks are on.
 */
export const dataRules: readonly AnyDataRule[] = dataRuleMetas.map((meta) => {
  const check = checks.find((rule) => rule.meta === meta);
  if (!check) throw new Error(`data check ${meta.id} has metadata in the core but no check`);
  return check;
});
if (dataRules.length !== checks.length) throw new Error('a data check has no metadata in the core (src/core/data-rules.ts)');

/** Data rules by id. */
export const dataRuleMap: ReadonlyMap<string, AnyDataRule> = new Map(dataRules.map((r) => [r.meta.id, r]));
