import type { GroupedExample } from '../src/core/rules/intent-train.js';

export const TRAINING_SPLITS: string[];
export const MODEL_FILE: string;
export const FIELD: Record<string, 'problem' | 'behavior' | 'train'>;
export const REAL_WEIGHT: number;
export function loadCorpus(split: string): unknown[];
export const REAL_CORPUS_FILES: string[];
export function loadRealFile(name: string): unknown[];
export function loadRealCorpus(): unknown[];
export function sourceGroup(url: string): string;
export function settledRealItems(): unknown[];
export function writtenExamples(): GroupedExample[];
export function realExamples(items?: unknown[]): GroupedExample[];
export function trainingExamples(): GroupedExample[];
