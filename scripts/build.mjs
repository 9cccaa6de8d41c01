// Builds dist/: the CLI as one self-contained CommonJS file (fast start-up:
// one file to load, no module resolution, the plan schema compiled ahead of
// time), the library as an ESM bundle that keeps its dependencies external,
// and type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });

/** The plan validator as ajv standalone code, compiled with the options the source uses. */
function standaloneValidator() {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const schema = JSON.parse(readFileSync('schemas/finetune-plan.schema.json', 'utf8'));
  const source = readFileSync('src/schema/plan-validator.ts', 'utf8');
  const options = JSON.parse(/PLAN_VALIDATOR_OPTIONS: Options = (\{[^}]*\})/.exec(source)[1].replace(/(\w+):/g, '"$1":'));
  const ajv = new Ajv({ ...options, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  const name = /export default (\w+);/.exec(code)[1];
  return `${code.replace(/export const validate = \w+;export default \w+;/, '')}
export function createPlanValidator() { return ${name}; }
export const PLAN_VALIDATOR_OPTIONS = {};
`;
}

/** Replaces the runtime schema compilation with the precompiled validator. */
const precompiledValidator = {
  name: 'precompiled-plan-validator',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]schema[\\/]plan-validator\.ts$/ }, () => ({
      contents: standaloneValidator(),
      loader: 'js',
      resolveDir: path.resolve('src/schema'),
    }));
  },
};

/**
 * The classifier model ships packed (see `PackedIntentModel` in
 * src/rules/intent.ts): its features as one string of sorted
 * `feature\tcounts` lines, searched in place, so that starting the CLI does
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
      const { labels, documents } = model;
      return { contents: `export default ${JSON.stringify({ labels, documents, packed })};`, loader: 'js' };
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
      /[\\/]src[\\/]data$/.test(args.resolveDir) ? { path: './data.cjs', external: true } : undefined,
    );
  },
};

await build({
  entryPoints: ['src/data/workspace.ts'],
  outfile: 'dist/data.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
  plugins: [precompiledValidator, packedIntentModel, lazyDataWorkspace],
  logLevel: 'warning',
});

// The worker thread of large runs (src/lint-worker.ts): the linting half of the CLI bundle.
await build({
  entryPoints: ['src/lint-worker.ts'],
  outfile: 'dist/lint-worker.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  plugins: [precompiledValidator, packedIntentModel, lazyDataWorkspace],
  logLevel: 'warning',
});

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

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
chmodSync('dist/cli.cjs', 0o755);
