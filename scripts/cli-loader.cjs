#!/usr/bin/env node
'use strict';
// The `finetune-lint` command: starts the CLI bundle (cli-bundle.cjs) from
// V8's code cache, so that a run does not compile the 2 MB bundle again.
// Written into dist/cli.cjs by scripts/build.mjs, which fills in the bundle's
// hash. Node ≥ 22.1 has this built in (`module.enableCompileCache()`); on
// Node 20 the cache is V8's `cachedData` of a `vm.Script`. Both honour Node's
// own switches: NODE_COMPILE_CACHE names the cache folder (default
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

/**
 * Whether the command names a few plan files one by one (no folder, no glob):
 * then most of the detection rules' cost is compiling their phrase lists, and
 * V8 compiles each regular expression once instead of in several versions
 * (`--no-regexp-optimization`): one plan −13 % instructions. Over many plans
 * the optimised expressions match faster (1,000 plans +5 % without them), so
 * a folder, a glob or more than a few files keep V8's default. Either way the
 * matches are the same; only the speed differs. Arguments that are neither a
 * file nor a folder (option values, missing paths) do not count.
 */
function namesFewFiles(args) {
  let files = 0;
  for (const arg of args) {
    if (arg === '--stdin') files++;
    if (arg.startsWith('-')) continue;
    if (/[*?[\]{}]/.test(arg)) return false;
    let stat;
    try {
      stat = fs.statSync(arg, { throwIfNoEntry: false });
    } catch {
      // not readable here: not counted
    }
    if (stat?.isDirectory()) return false;
    if (stat?.isFile()) files++;
  }
  return files > 0 && files <= 10;
}
const fewFiles = namesFewFiles(process.argv.slice(2));
if (fewFiles) v8.setFlagsFromString('--no-regexp-optimization');

const path = require('node:path');
const Module = require('node:module');
const bundle = path.join(__dirname, 'cli-bundle.cjs');
const BUNDLE_HASH = '__BUNDLE_HASH__';

function startFromCache() {
  const vm = require('node:vm');
  const dir = path.join(process.env.NODE_COMPILE_CACHE || path.join(require('node:os').tmpdir(), 'node-compile-cache'), 'finetune-lint');
  const file = path.join(dir, `${process.version}-${process.arch}-${BUNDLE_HASH}${fewFiles ? '-few' : ''}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    // no cache yet
  }
  // The bundle is ASCII only (the build escapes the rest): read as Latin-1, it is a one-byte string, the fastest for V8.
  const source = fs.readFileSync(bundle, '__ENCODING__');
  // The bundle's import() calls come here (see importThroughLoader in scripts/build.mjs); relative ones resolve from dist/ as in the bundle.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __import) { ${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run, so that the cache holds the functions it compiled too; written atomically.
    process.once('exit', () => {
      try {
        const data = script.createCachedData();
        fs.mkdirSync(dir, { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temp, data);
        fs.renameSync(temp, file);
      } catch {
        // a cache that cannot be written only costs speed
      }
    });
  }
  const module = new Module(bundle, null);
  module.filename = bundle;
  const importModule = (specifier) => import(specifier);
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, __dirname, importModule);
}

if (process.env.NODE_DISABLE_COMPILE_CACHE) {
  require(bundle);
} else if (typeof Module.enableCompileCache === 'function') {
  Module.enableCompileCache();
  require(bundle);
} else {
  startFromCache();
}
