/**
 * Which files are plans by name, said once for every place that picks plans
 * without being told: the pre-commit hook's `files:`, the GitHub Action's
 * default `patterns`, the editor schema mapping in the README, and `init`,
 * which warns when it writes a plan under a name none of them would pick.
 * Two naming styles, anywhere in the repository, `.yaml` or `.yml`:
 * `finetune-plan.yaml` (or `finetune-plan-v2.yaml`, `support-tone.finetune-plan.yaml`),
 * and any YAML file under a `plans/` folder.
 */

/** The plans as one glob, for the Action and for the command line (quoted). */
export const PLAN_GLOB = '**/{*finetune-plan*,plans/**/*}.{yaml,yml}';

/** The same set as a regular expression over `/`-separated paths relative to the repository root (pre-commit's `files:`). */
export const PLAN_FILES_REGEX = '(^|/)([^/]*finetune-plan[^/]*|plans/.*)\\.ya?ml$';

/** Whether a `/`-separated path relative to the repository root is a plan by name. */
export function isPlanPath(relativePath: string): boolean {
  return new RegExp(PLAN_FILES_REGEX).test(relativePath);
}
