import type { RuleMeta } from './rule.js';
import { SENSITIVE_KINDS, type SensitiveKind } from './sensitive-kinds.js';

/**
 * The data checks' metadata: id, default severity, description, hint,
 * verdict and options. Their checks read files and so live on the Node side
 * (`src/node/data/rules/`), but every host (the CLI, an editor, a web page)
 * must know every rule the configuration may name, with its defaults and
 * option schema, even where the checks cannot run, and a disable comment
 * naming a data check is never an unknown rule. So the metadata is core and
 * each check takes its own from here.
 */

/** Keeps a data check's options type checked against its defaults. */
function dataRuleMeta<Options extends object>(meta: RuleMeta<Options>): RuleMeta<Options> {
  return meta;
}

/** `data-file-missing`: its check is `src/node/data/rules/data-file-missing.ts`. */
export const dataFileMissing = dataRuleMeta({
  id: 'data-file-missing',
  severity: 'warning',
  description: 'A data file or trainer config the plan names does not exist.',
  hintId: 'data-file-missing.hint',
  verdict: 'fix-first',
  defaultOptions: {},
});

/** `data-not-checked-out`: its check is `src/node/data/rules/data-not-checked-out.ts`. */
export const dataNotCheckedOut = dataRuleMeta({
  id: 'data-not-checked-out',
  severity: 'warning',
  description: 'A data file the plan names is a Git LFS or DVC pointer: the data is not checked out, so it is not checked.',
  hintId: 'data-not-checked-out.hint',
  verdict: 'fix-first',
  defaultOptions: {},
});

/** `data-path-outside-root`: its check is `src/node/data/rules/data-path-outside-root.ts`. */
export const dataPathOutsideRoot = dataRuleMeta({
  id: 'data-path-outside-root',
  severity: 'error',
  description: 'A path in the plan leads outside the repository root; the file is not read.',
  hintId: 'data-path-outside-root.hint',
  verdict: 'fix-first',
  defaultOptions: {},
});

/** `dataset-format`: its check is `src/node/data/rules/dataset-format.ts`. */
export const datasetFormat = dataRuleMeta({
  id: 'dataset-format',
  severity: 'error',
  description: 'A dataset has malformed records: bad JSON or CSV, an unknown record shape, a chat without an assistant turn, an unknown role, empty content.',
  hintId: 'dataset-format.hint',
  verdict: 'fix-first',
  optionsSchema: {
    type: 'object',
    properties: { maxPerFile: { type: 'integer', minimum: 1 } },
    additionalProperties: false,
  },
  defaultOptions: { maxPerFile: 10 },
});

/** `eval-train-overlap`: its check is `src/node/data/rules/eval-train-overlap.ts`. */
export const evalTrainOverlap = dataRuleMeta({
  id: 'eval-train-overlap',
  severity: 'error',
  description: 'Eval examples also occur in the training data, exactly or as near-duplicates.',
  hintId: 'eval-train-overlap.hint',
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
});

/** `eval-set-size`: its check is `src/node/data/rules/eval-set-size.ts`. */
export const evalSetSize = dataRuleMeta({
  id: 'eval-set-size',
  severity: 'warning',
  description: 'The eval file has fewer examples than the minimum, or a different number than data.eval.examples says.',
  hintId: 'eval-set-size.hint',
  verdict: 'fix-first',
  optionsSchema: {
    type: 'object',
    properties: { minExamples: { type: 'integer', minimum: 1 } },
    additionalProperties: false,
  },
  defaultOptions: { minExamples: 50 },
});

/** `eval-underpowered`: its check is `src/node/data/rules/eval-underpowered.ts`. */
export const evalUnderpowered = dataRuleMeta({
  id: 'eval-underpowered',
  severity: 'warning',
  description: "The eval set is too small to tell a goal's target from its best measured baseline at the usual significance and power.",
  hintId: 'eval-underpowered.hint',
  verdict: 'fix-first',
  optionsSchema: {
    type: 'object',
    properties: {
      alpha: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0.5 },
      power: { type: 'number', exclusiveMinimum: 0.5, exclusiveMaximum: 1 },
    },
    additionalProperties: false,
  },
  defaultOptions: { alpha: 0.05, power: 0.8 },
});

/** `train-duplicates`: its check is `src/node/data/rules/train-duplicates.ts`. */
export const trainDuplicates = dataRuleMeta({
  id: 'train-duplicates',
  severity: 'warning',
  description: 'More than a set share of the training examples repeat another training example, exactly or as near-duplicates.',
  hintId: 'train-duplicates.hint',
  verdict: 'fix-first',
  optionsSchema: {
    type: 'object',
    properties: {
      maxShare: { type: 'number', minimum: 0, maximum: 1 },
      threshold: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      shingleSize: { type: 'integer', minimum: 1, maximum: 32 },
      maxGroups: { type: 'integer', minimum: 1, maximum: 20 },
    },
    additionalProperties: false,
  },
  defaultOptions: { maxShare: 0.05, threshold: 0.8, shingleSize: 5, maxGroups: 3 },
});

/** `data-contradicts-goal`: its check is `src/node/data/rules/data-contradicts-goal.ts`. */
export const dataContradictsGoal = dataRuleMeta({
  id: 'data-contradicts-goal',
  severity: 'warning',
  description: "Training replies, or the eval set's reference answers, break a goal's checks: longer than its limit, not JSON, another language, a forbidden pattern.",
  hintId: 'data-contradicts-goal.hint',
  verdict: 'fix-first',
  optionsSchema: {
    type: 'object',
    properties: {
      maxShare: { type: 'number', minimum: 0, maximum: 1 },
      errorShare: { type: 'number', minimum: 0, maximum: 1 },
      maxListed: { type: 'integer', minimum: 1 },
    },
    additionalProperties: false,
  },
  defaultOptions: { maxShare: 0.02, errorShare: 0.2, maxListed: 5 },
});

/** `data-sensitive-content`: its check is `src/node/data/rules/data-sensitive-content.ts`. */
export const dataSensitiveContent = dataRuleMeta({
  id: 'data-sensitive-content',
  severity: 'warning',
  description: 'Training or eval records hold personal data or secrets: e-mail addresses, phone numbers, resident ID numbers, payment cards, IBANs, keys and tokens.',
  hintId: 'data-sensitive-content.hint',
  verdict: 'fix-first',
  optionsSchema: {
    type: 'object',
    properties: {
      kinds: { type: 'array', items: { enum: [...SENSITIVE_KINDS] }, uniqueItems: true },
      allow: { type: 'array', items: { type: 'string', minLength: 1 } },
      maxListed: { type: 'integer', minimum: 1 },
      highRiskError: { type: 'boolean' },
    },
    additionalProperties: false,
  },
  defaultOptions: { kinds: [...SENSITIVE_KINDS] as SensitiveKind[], allow: [] as string[], maxListed: 5, highRiskError: true },
});

/** `trainer-no-eval`: its check is `src/node/data/rules/trainer-no-eval.ts`. */
export const trainerNoEval = dataRuleMeta({
  id: 'trainer-no-eval',
  severity: 'error',
  description: 'The plan has an eval set, but the trainer config evaluates nothing.',
  hintId: 'trainer-no-eval.hint',
  verdict: 'fix-first',
  defaultOptions: {},
});

/** `trainer-mismatch`: its check is `src/node/data/rules/trainer-mismatch.ts`. */
export const trainerMismatch = dataRuleMeta({
  id: 'trainer-mismatch',
  severity: 'warning',
  description: 'The trainer config names a different framework, base model, method or training file than the plan.',
  hintId: 'trainer-mismatch.hint',
  verdict: 'fix-first',
  defaultOptions: {},
});

/** `trainer-config-unreadable`: its check is `src/node/data/rules/trainer-config-unreadable.ts`. */
export const trainerConfigUnreadable = dataRuleMeta({
  id: 'trainer-config-unreadable',
  severity: 'warning',
  description: 'The trainer config cannot be read, or its framework is not one finetune-lint understands, so it was not cross-checked.',
  hintId: 'trainer-config-unreadable.hint',
  verdict: 'fix-first',
  defaultOptions: {},
});

/** Every data check's metadata, in documentation order. */
export const dataRuleMetas: readonly RuleMeta<object>[] = [
  dataFileMissing,
  dataNotCheckedOut,
  dataPathOutsideRoot,
  datasetFormat,
  evalTrainOverlap,
  evalSetSize,
  evalUnderpowered,
  trainDuplicates,
  dataContradictsGoal,
  dataSensitiveContent,
  trainerNoEval,
  trainerMismatch,
  trainerConfigUnreadable,
];
