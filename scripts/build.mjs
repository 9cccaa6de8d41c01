// Builds dist/: the CLI as one self-contained CommonJS file (fast start-up:
// one file to load, no module resolution, the plan schema compiled ahead of
// time), the library as an ESM bundle that keeps its dependencies external,
// and type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packedIntentModel, precompiledValidators } from './build-plugins.mjs';
import { pathToFileURL } from 'node:url';

rmSync('dist', { recursive: true, force: true });

// The built library (built first) holds the rules' metadata for the precompiled option validators.
const validators = precompiledValidators({
  ruleMetas: async () => {
    const lib = await import(pathToFileURL(path.resolve('dist/index.js')).href);
    return [...lib.rules, ...lib.dataRules].map((rule) => rule.meta);
  },
  runtimeCompiler: 'require-ajv',
});

/**
 * The dataset and trainer-config readers are a second CLI bundle
 * (dist/data.cjs), required only when a plan names a file that exists, so
 * that linting plans alone does not pay for loading them.
 */
const lazyDataWorkspace = {
  name: 'lazy-data-workspace',
  setup(b) {
    b.onResolve({ filter: /^\.\/workspace\.js$/ }, (args) =>
      /[\\/]src[\\/]node[\\/]data$/.test(args.resolveDir) ? { path: './data.cjs', external: true } : undefined,
    );
  },
};

/**
 * The language server is a third CLI bundle (dist/lsp.cjs), imported only by
 * `finetune-lint lsp`, so that the command's start-up does not load it.
 */
const lazyLanguageServer = {
  name: 'lazy-language-server',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/lsp\/server\.js$/ }, (args) =>
      /[\\/]src[\\/]cli$/.test(args.resolveDir) ? { path: './lsp.cjs', external: true } : undefined,
    );
  },
};

// The library first: the CLI bundles read the built-in rules' metadata from it (precompiled validators).
await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  plugins: [packedIntentModel],
  logLevel: 'warning',
});

await build({
  entryPoints: ['src/node/data/workspace.ts'],
  outfile: 'dist/data.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});

// FINETUNE_LINT_BUILD_PLAIN=1 builds without the start-up levers below (for comparing outputs and timings).
const plain = process.env.FINETUNE_LINT_BUILD_PLAIN === '1';

/** A CommonJS bundle of one entry point for Node: minified with names kept, unless built plain. */
function nodeBundle(entry, outfile, plugins) {
  return build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: !plain, keepNames: !plain, plugins, logLevel: 'warning' });
}

/** A bundle that a start-up script runs from V8's code cache: ASCII only, its `import()` calls through the script. */
async function codeCachedBundle(entry, outfile, plugins) {
  await nodeBundle(entry, outfile, plugins);
  if (!plain) asciiOnly(outfile);
  importThroughLoader(outfile);
}

await codeCachedBundle('src/cli/cli.ts', 'dist/cli-bundle.cjs', [validators, packedIntentModel, lazyDataWorkspace, lazyLanguageServer]);

/**
 * A script compiled with V8's code cache (`vm.Script`) cannot call `import()`
 * on Node 20 without an experimental flag. The bundle's few `import()` calls
 * (plugins, the data readers, worker threads) go through `__import`, which the
 * start-up script passes in and which is `import()` itself when the bundle is
 * loaded with `require`.
 */
function importThroughLoader(file) {
  let count = 0;
  const text = readFileSync(file, 'utf8').replace(/(?<![\w$.])import\(/g, () => {
    count++;
    return '__import(';
  });
  if (count === 0) throw new Error(`${file}: no import() found; the start-up script expects some`);
  const strict = text.startsWith('"use strict";') ? '"use strict";' : '';
  writeFileSync(file, `${strict}var __import = __import || ((specifier) => import(specifier));\n${text.slice(strict.length)}`);
}

/**
 * Escapes what esbuild leaves non-ASCII (regular expression literals): V8
 * decodes a file with any non-ASCII character into a two-byte string, more
 * slowly, and the start-up script then reads it as Latin-1. In a regular
 * expression, as in a string, `\uXXXX` stands for the same character; an
 * identity escape (`\。`) becomes the plain escape.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8').replace(/(\\*)([^\x00-\x7f])/gu, (_, slashes, ch) => {
    const units = [...ch].flatMap((c) => (c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]));
    const escaped = units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('');
    return (slashes.length % 2 ? slashes.slice(1) : slashes) + escaped;
  });
  if (/[^\x00-\x7f]/.test(text)) throw new Error(`${file} is not ASCII`);
  writeFileSync(file, text);
}

/**
 * A start-up script (`loader`, with the code-cache functions of
 * scripts/code-cache.cjs in place of its marker) that runs `bundle` from V8's
 * code cache, written to `out`.
 */
function startUpScript(loader, bundle, out) {
  const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16);
  const text = readFileSync(loader, 'utf8')
    .replace('/*__CODE_CACHE__*/\n', () => readFileSync('scripts/code-cache.cjs', 'utf8'))
    .replace('__BUNDLE_HASH__', hash)
    .replace('__ENCODING__', plain ? 'utf8' : 'latin1');
  if (/__[A-Z_]+__/.test(text)) throw new Error(`${out}: a marker was left unfilled`);
  writeFileSync(out, text);
}

// The command itself: a start-up script that runs the bundle from V8's code cache (scripts/cli-loader.cjs).
startUpScript('scripts/cli-loader.cjs', 'dist/cli-bundle.cjs', 'dist/cli.cjs');

// The worker thread of large runs (src/node/lint-worker.ts): the linting half of the CLI bundle.
await codeCachedBundle('src/node/lint-worker.ts', 'dist/lint-worker.cjs', [validators, packedIntentModel, lazyDataWorkspace]);
// Each worker thread starts the same way as the command, from the code cache (scripts/worker-loader.cjs).
startUpScript('scripts/worker-loader.cjs', 'dist/lint-worker.cjs', 'dist/lint-worker-start.cjs');

// The language server (src/lsp/server.ts): the linting half of the CLI bundle and vscode-languageserver.
await nodeBundle('src/lsp/server.ts', 'dist/lsp.cjs', [validators, packedIntentModel, lazyDataWorkspace]);

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
chmodSync('dist/cli.cjs', 0o755);
