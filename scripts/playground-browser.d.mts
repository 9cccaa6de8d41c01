import type { Browser, Page } from 'puppeteer-core';

export const repoRoot: string;
export const PLAYGROUND_HTML: string;
export const FAILING_PLAN: string;
export function findChromium(): string | undefined;
export function launchChromium(): Promise<Browser>;
export function playgroundUrl(plan?: string): string;
export function openPlayground(
  browser: Browser,
  options?: { plan?: string; language?: string; width?: number; height?: number; beforeLoad?: (page: Page) => Promise<void> },
): Promise<Page>;
export function screenshotFailingPlan(browser: Browser, file: string, options?: { width?: number; height?: number }): Promise<void>;
