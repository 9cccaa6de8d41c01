#!/usr/bin/env node
'use strict';
// The `finetune-lint` command: starts the CLI bundle (cli-bundle.cjs) from
// V8's code cache, so that a run does not compile the 2 MB bundle again.
// Written into dist/cli.cjs by scripts/build.mjs, which fills in the bundle's
// hash. The cache is V8's `cachedData` of a `vm.Script`, on every Node
// version: on Node 24 it costs 28 % fewer instructions for one plan than
// Node's own `module.enableCompileCache()` (306 vs 428 M, measured with
// callgrind). It honours Node's own switches:
// NODE_COMPILE_CACHE names the cache folder (default
// `<tmpdir>/node-compile-cache`), NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const v8 = require('node:v8');

// Node's own modules come with their code cache, which V8 rejects once a flag
// has changed (flags are part of the key): those the bundle loads at start are
// loaded first, from their cache, before the flags below are set.
for (const builtin of ['node:child_process', 'node:fs/promises', 'node:os', 'node:tty', 'node:vm']) require(builtin);

// Before the bundle is compiled: V8's flags are part of a code cache's key, and
// this one is set at start in every run (see src/node/runtime-flags.ts), so a cache
// made after it was set would be rejected by a run that compiles before.
v8.setFlagsFromString('--no-regexp-tier-up');

const fs = require('node:fs');

/*__CODE_CACHE__*/
const fewFiles = namesFewFiles(process.argv.slice(2));
if (fewFiles) v8.setFlagsFromString('--no-regexp-optimization');

const path = require('node:path');
const Module = require('node:module');
const bundle = path.join(__dirname, 'cli-bundle.cjs');
const BUNDLE_HASH = '__BUNDLE_HASH__';

if (process.env.NODE_DISABLE_COMPILE_CACHE) {
  require(bundle);
} else {
  // After the run, so that the cache holds the functions it compiled too.
  runFromCodeCache(bundle, BUNDLE_HASH, fewFiles ? '-few' : '', (save) => process.once('exit', save));
}
