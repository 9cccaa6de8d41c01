import type { Plugin } from 'esbuild';

/** Fails an esbuild build on any import of a Node module. */
export const noNodeModules: Plugin;
