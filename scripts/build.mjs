// Builds dist/: the CLI as one self-contained CommonJS file (fast start-up:
// one file to load, no module resolution, the plan schema compiled ahead of
// time), the library as an ESM bundle that keeps its dependencies external,
// and type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });

/** The ajv options a source module declares (`NAME: Options = { … }`), so the build compiles with the same. */
function declaredOptions(file, name) {
  const source = readFileSync(file, 'utf8');
  return JSON.parse(new RegExp(`${name}: Options = (\\{[^}]*\\})`).exec(source)[1].replace(/(\w+):/g, '"$1":'));
}

/** One schema as ajv standalone code: the module's text and the name of its validate function. */
function standalone(schema, options) {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = new Ajv({ ...options, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  const name = /export default (\w+);/.exec(code)[1];
  return { code: code.replace(/export const validate = \w+;export default \w+;/, ''), name };
}

/**
 * Replaces runtime schema compilation (ajv, tens of milliseconds at every
 * start) with validators compiled at build time: the plan schema, the
 * configuration schema, and the built-in rules' option schemas. The same
 * options are used as in the source modules, which compile at run time in
 * the library and the tests.
 */
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(b) {
    /** A module whose `create` function returns the validator of one schema file. */
    const schemaModule = (source, schemaFile, create, optionsName, prepare = (schema) => schema) => () => {
      const schema = prepare(JSON.parse(readFileSync(schemaFile, 'utf8')));
      const { code, name } = standalone(schema, declaredOptions(source, optionsName));
      return {
        contents: `${code}\nexport function ${create}() { return ${name}; }\nexport const ${optionsName} = {};\n`,
        loader: 'js',
        resolveDir: path.resolve(path.dirname(source)),
      };
    };
    b.onLoad(
      { filter: /[\\/]src[\\/]core[\\/]schema[\\/]plan-validator\.ts$/ },
      schemaModule('src/core/schema/plan-validator.ts', 'schemas/finetune-plan.schema.json', 'createPlanValidator', 'PLAN_VALIDATOR_OPTIONS'),
    );
    // The schema file lists the rules and their options for editors; the code validates as
    // `configSchema([])` does, with no rule listed, and checks ids and options against the rules
    // loaded (with a did-you-mean), so the listing is left out here.
    b.onLoad(
      { filter: /[\\/]src[\\/]core[\\/]config[\\/]config-validator\.ts$/ },
      schemaModule('src/core/config/config-validator.ts', 'schemas/finetune-lint.config.schema.json', 'createConfigValidator', 'CONFIG_VALIDATOR_OPTIONS', (schema) => ({
        ...schema,
        definitions: { ...schema.definitions, rules: { ...schema.definitions.rules, properties: {} } },
      })),
    );
    b.onLoad({ filter: /[\\/]src[\\/]core[\\/]rule-options-validator\.ts$/ }, async () => {
      // The built library (built first) holds the rules' metadata.
      const lib = await import(pathToFileURL(path.resolve('dist/index.js')).href);
      const options = declaredOptions('src/core/rule-options-validator.ts', 'OPTIONS_VALIDATOR_OPTIONS');
      const parts = [];
      const entries = [];
      for (const rule of [...lib.rules, ...lib.dataRules]) {
        if (!rule.meta.optionsSchema) continue;
        const { code, name } = standalone(rule.meta.optionsSchema, options);
        // Each standalone module declares its own helpers; a block keeps their names apart.
        const local = `validate_${entries.length}`;
        parts.push(`const ${local} = (() => {\n${code.replace(/^import .*$/gm, '')}\nreturn ${name};\n})();`);
        entries.push(`${JSON.stringify(rule.meta.id)}: { schema: ${JSON.stringify(JSON.stringify(rule.meta.optionsSchema))}, validate: ${local} }`);
      }
      // ajv itself (its compiler: 200 KB) is loaded only if a plugin rule's schema needs compiling.
      const runtime = readFileSync('src/core/rule-options-validator.ts', 'utf8')
        .replace(/^import AjvModule, \{ type Options, type ValidateFunction \} from 'ajv';$/m, "import type AjvModule from 'ajv';\nimport type { Options, ValidateFunction } from 'ajv';")
        .replace('ajvClass(AjvModule)', "ajvClass(require('ajv'))");
      if (!runtime.includes("ajvClass(require('ajv'))") || /^import AjvModule/m.test(runtime)) throw new Error('src/core/rule-options-validator.ts no longer has the shape the build rewrites');
      return {
        contents: `${runtime.replace('export function compileOptionsValidator', 'function compileAtRunTime')}
${parts.join('\n')}
const precompiled = { ${entries.join(',\n')} };
export function compileOptionsValidator(ruleId, schema) {
  const known = precompiled[ruleId];
  return known && known.schema === JSON.stringify(schema) ? known.validate : compileAtRunTime(ruleId, schema);
}
`,
        loader: 'ts',
        resolveDir: path.resolve('src/core'),
      };
    });
  },
};

/**
 * The classifier model ships packed (see `PackedIntentModel` in
 * src/core/rules/intent.ts): its features as one string of sorted
 * `feature\tweights` lines, searched in place, so that starting the CLI does
 * not parse 650 KB of JSON.
 */
const packedIntentModel = {
  name: 'packed-intent-model',
  setup(b) {
    b.onLoad({ filter: /intent-model\.json$/ }, (args) => {
      const model = JSON.parse(readFileSync(args.path, 'utf8'));
      const keys = Object.keys(model.features).sort();
      for (const key of keys) {
        if (/[\t\n]/.test(key)) throw new Error(`intent model feature ${JSON.stringify(key)} holds a tab or a line break`);
      }
      const packed = keys.map((key) => `${key}\t${model.features[key].join(',')}`).join('\n');
      const { labels, bias, calibration } = model;
      return { contents: `export default ${JSON.stringify({ labels, bias, calibration, packed })};`, loader: 'js' };
    });
  },
};

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

await build({
  entryPoints: ['src/cli/cli.ts'],
  outfile: 'dist/cli-bundle.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !plain,
  keepNames: !plain,
  plugins: [precompiledValidators, packedIntentModel, lazyDataWorkspace, lazyLanguageServer],
  logLevel: 'warning',
});
if (!plain) asciiOnly('dist/cli-bundle.cjs');
importThroughLoader('dist/cli-bundle.cjs');

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

// The command itself: a start-up script that runs the bundle from V8's code cache (scripts/cli-loader.cjs).
const bundleHash = createHash('sha256').update(readFileSync('dist/cli-bundle.cjs')).digest('hex').slice(0, 16);
writeFileSync('dist/cli.cjs', readFileSync('scripts/cli-loader.cjs', 'utf8').replace('__BUNDLE_HASH__', bundleHash).replace('__ENCODING__', plain ? 'utf8' : 'latin1'));

// The worker thread of large runs (src/node/lint-worker.ts): the linting half of the CLI bundle.
await build({
  entryPoints: ['src/node/lint-worker.ts'],
  outfile: 'dist/lint-worker.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  plugins: [precompiledValidators, packedIntentModel, lazyDataWorkspace],
  logLevel: 'warning',
});

// The language server (src/lsp/server.ts): the linting half of the CLI bundle and vscode-languageserver.
await build({
  entryPoints: ['src/lsp/server.ts'],
  outfile: 'dist/lsp.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !plain,
  keepNames: !plain,
  plugins: [precompiledValidators, packedIntentModel, lazyDataWorkspace],
  logLevel: 'warning',
});

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
chmodSync('dist/cli.cjs', 0o755);
