export const FRAMEWORKS: readonly ['llama-factory', 'axolotl', 'torchtune'];
export type Framework = (typeof FRAMEWORKS)[number];

export interface Expectation {
  model?: string;
  adapter?: 'lora' | 'qlora' | 'full' | 'freeze' | 'oft' | 'other';
  objective?: string;
  evaluation: 'runs' | 'never' | 'refuses' | 'train-data';
  trainFile?: string;
  baseModelUnknown?: boolean;
}
export interface Variant {
  name: string;
  plan: string;
  expected: string[];
}
export function variantPlan(p: { baseModel: string; method: string; framework: string; trainPath?: string; config?: string }): string;
export function findingKinds(messages: ReadonlyArray<{ ruleId: string; message: string }>): string[];
export const TRAINER_RULES_ONLY: Record<string, 'off'>;
export function variants(framework: Framework, exp: Expectation, config?: string): Variant[];
export function stageTrainingFiles(dir: string, files: { trainNames?: readonly string[]; dataDir?: string; trainPaths?: readonly string[]; infoFiles?: Record<string, string> }): string | undefined;
