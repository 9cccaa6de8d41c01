'use strict';
// A lint worker thread of a large run: starts the worker bundle
// (lint-worker.cjs) from V8's code cache, as dist/cli.cjs starts the command,
// so that each extra thread does not compile the bundle again. Written into
// dist/lint-worker-start.cjs by scripts/build.mjs. V8's flags are the
// process's, set by the command's start-up script before any worker starts;
// the worker is given the command's arguments, so it names its cache for the
// same flags.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

/*__CODE_CACHE__*/
const bundle = path.join(__dirname, 'lint-worker.cjs');
const BUNDLE_HASH = '__BUNDLE_HASH__';

if (process.env.NODE_DISABLE_COMPILE_CACHE) {
  require(bundle);
} else {
  // The worker calls this after its first batch (see src/node/lint-worker.ts): by then it has compiled what linting uses.
  runFromCodeCache(bundle, BUNDLE_HASH, namesFewFiles(process.argv.slice(2)) ? '-few' : '', (save) => {
    globalThis[Symbol.for('finetune-lint.saveCodeCache')] = save;
  });
}
