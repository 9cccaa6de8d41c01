import type { LintResult } from '../src/core/diagnostic.js';

export interface CorpusItem {
  text: string;
  lang: 'en' | 'zh';
  field: 'problem' | 'behavior' | 'train-description';
  label: 'knowledge' | 'capability' | 'behavior' | 'vague';
  also?: string[];
}
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  n: number;
  behaviour: number;
  behaviourFired: number;
  precision: number;
  recall: number;
  behaviourFalseAlarmRate: number;
}
export const MEASURED: Record<string, { label: string; fields: string[] }>;
export function planFor(text: string, field: string): { text: string; line: number };
export function loadCorpus(split: string): CorpusItem[];
export const FOLDS: number;
export const SEALED_FOLD: number;
export function wilson(x: number, n: number, z?: number): [number, number];
export function cohenKappa(a: string[], b: string[]): number;
export function defaultThresholds(rules: ReadonlyArray<{ meta: { id: string; defaultOptions: object } }>): Record<string, number>;
export function evaluate(
  items: CorpusItem[],
  lintText: (text: string, options?: object) => LintResult,
  thresholds: Record<string, number>,
): { stats: Record<string, Record<string, Score>>; misses: Array<CorpusItem & { ruleId: string; kind: string }> };
/** Plans built from one source's own statements, with the line each placed statement (by index) is on. */
export function sourcePlans(items: Array<Record<string, any>>): Array<{ text: string; at: Map<number, number> }>;
/** The held-out corpora, each a folder beside the collected corpus. */
export const HELDOUT_SETS: string[];
/** The folders beside the collected corpus that hold real goal sets. */
export const GOAL_SET_FOLDERS: string[];
export function heldoutItems(set?: string): Array<CorpusItem & { id: string; source: string; label?: string }>;
/** The settings problem statements were labelled with, by statement id. */
export function settingLabels(): Map<string, { id: string; labels: { a: string; b: string; c?: string }; setting: string }>;
