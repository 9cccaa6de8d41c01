// Shared by the start-up scripts of the command (scripts/cli-loader.cjs) and
// of its worker threads (scripts/worker-loader.cjs): scripts/build.mjs puts
// this text in place of the marker in each. It expects `fs`, `path` and
// `Module` (node:fs, node:path, node:module) in scope.

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
/** A code cache not used for this long is deleted when another one is written. */
const CODE_CACHE_UNUSED_MS = 30 * 24 * 3600 * 1000;
/** A used cache's modification time is moved to now at most this often (the time a run costs is one `stat`). */
const CODE_CACHE_TOUCH_MS = 24 * 3600 * 1000;
/** Leftover temporary files (a run stopped while writing) older than this are deleted too. */
const CODE_CACHE_TEMP_MS = 3600 * 1000;

/** Marks a cache V8 accepted as in use: its modification time is when it was last used, to a day. */
function keepFresh(file) {
  try {
    const now = Date.now();
    if (fs.statSync(file).mtimeMs < now - CODE_CACHE_TOUCH_MS) fs.utimesSync(file, now / 1000, now / 1000);
  } catch {
    // deleted meanwhile: it is written again next time
  }
}

/**
 * Deletes the caches of other finetune-lint builds and Node versions that no
 * run has used for 30 days (each is 1.5–2 MB, and every upgrade of either
 * writes new ones), and temporary files left by runs stopped while writing.
 * Only files named as this folder's caches are touched. Called after a cache
 * is written, so a run that finds its cache never lists the folder.
 */
function pruneCodeCaches(dir) {
  const now = Date.now();
  for (const name of fs.readdirSync(dir)) {
    const cache = /^v\d+\.\d+\.\d+-\w+-[0-9a-f]+(-few)?\.bin(\.[\d-]+\.tmp)?$/.exec(name);
    if (!cache) continue;
    const temp = cache[2] !== undefined;
    const target = path.join(dir, name);
    try {
      if (fs.statSync(target).mtimeMs < now - (temp ? CODE_CACHE_TEMP_MS : CODE_CACHE_UNUSED_MS)) fs.unlinkSync(target);
    } catch {
      // another run deleted or replaced it
    }
  }
}

/**
 * Runs `bundle` (a CommonJS file built by scripts/build.mjs) from V8's code
 * cache: `vm.Script` with `cachedData` from
 * `<NODE_COMPILE_CACHE or tmpdir/node-compile-cache>/finetune-lint/<Node
 * version>-<arch>-<hash><variant>.bin`. V8's flags are part of a cache's key:
 * `variant` names the flags this run set (`-few`), so that runs of either kind
 * keep their own cache. When there was no cache or V8 rejected it,
 * `whenToSave` is handed a function that writes a new one (atomically, once);
 * it is called after the bundle has run long enough to have compiled what a
 * run uses (at exit for the command, after the first batch for a worker).
 */
function runFromCodeCache(bundle, hash, variant, whenToSave) {
  const vm = require('node:vm');
  const dir = path.join(process.env.NODE_COMPILE_CACHE || path.join(require('node:os').tmpdir(), 'node-compile-cache'), 'finetune-lint');
  const file = path.join(dir, `${process.version}-${process.arch}-${hash}${variant}.bin`);
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
  if (cachedData !== undefined && !script.cachedDataRejected) keepFresh(file);
  if (cachedData === undefined || script.cachedDataRejected) {
    let saved = false;
    whenToSave(() => {
      if (saved) return;
      saved = true;
      try {
        const data = script.createCachedData();
        fs.mkdirSync(dir, { recursive: true });
        // Worker threads share the process id: the thread id keeps their temporary files apart.
        const temp = `${file}.${process.pid}-${require('node:worker_threads').threadId}.tmp`;
        fs.writeFileSync(temp, data);
        fs.renameSync(temp, file);
        pruneCodeCaches(dir);
      } catch {
        // a cache that cannot be written only costs speed
      }
    });
  }
  const module = new Module(bundle, null);
  module.filename = bundle;
  const importModule = (specifier) => import(specifier);
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle), importModule);
}
