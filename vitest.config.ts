import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Many tests run the built CLI several times as a subprocess; on a 2-core machine running the
    // whole suite in parallel (and the pre-commit install), 5 s per test is too tight to mean a bug.
    testTimeout: 30_000,
  },
});
