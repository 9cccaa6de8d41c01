// Builds the playground (playground/) to dist/playground/: index.html, one
// script and one style sheet, which open from the files alone (file:// or any
// static host) and make no network request. The script is the linter's core
// (src/core/, never Node) with the editor; the plan schema and the rules'
// option schemas are compiled at build time, so the page needs no `eval` and
// its Content-Security-Policy allows only its own files.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { noNodeModules, packedIntentModel, precompiledValidators } from './build-plugins.mjs';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const out = path.join('dist', 'playground');

/** The rules' metadata (plan rules and data checks), read from the core itself, built for Node beside dist/. */
async function ruleMetas() {
  const file = path.resolve('dist', `.playground-rules-${process.pid}.mjs`);
  try {
    await build({ entryPoints: ['src/core/index.ts'], outfile: file, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
    const core = await import(pathToFileURL(file).href);
    return [...core.rules.map((rule) => rule.meta), ...core.dataRuleMetas];
  } finally {
    rmSync(file, { force: true });
  }
}

/** `virtual:examples`: the bundled example plans (examples/*.yaml), each with its language. */
const bundledExamples = {
  name: 'bundled-examples',
  setup(b) {
    b.onResolve({ filter: /^virtual:examples$/ }, () => ({ path: 'examples', namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => {
      const files = readdirSync('examples')
        .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('finetune-lint.config'))
        .sort();
      const examples = files.map((file) => ({ file, text: readFileSync(path.join('examples', file), 'utf8'), locale: file.startsWith('zh-') ? 'zh-CN' : 'en' }));
      return { contents: `export default ${JSON.stringify(examples)};`, loader: 'js', watchFiles: files.map((f) => path.resolve('examples', f)) };
    });
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: ['playground/main.ts'],
  outfile: path.join(out, 'playground.js'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome105', 'firefox104', 'safari16'],
  minify: true,
  charset: 'utf8',
  plugins: [noNodeModules, precompiledValidators({ ruleMetas, runtimeCompiler: 'none' }), packedIntentModel, bundledExamples],
  logLevel: 'warning',
});

await build({
  entryPoints: ['playground/style.css'],
  outfile: path.join(out, 'playground.css'),
  bundle: true,
  minify: true,
  charset: 'utf8',
  logLevel: 'warning',
});

copyFileSync('playground/index.html', path.join(out, 'index.html'));
console.log(`built ${path.join(out, 'index.html')}`);
