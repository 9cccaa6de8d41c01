// esbuild plugins shared by the CLI build (scripts/build.mjs), the
// playground build (scripts/build-playground.mjs) and the core's browser test
// (test/core-browser.test.ts): the plan, configuration and rule-option schemas
// compiled ahead of time, the intent model packed, and the guard that keeps
// Node modules out of a browser bundle.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinModules, createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Fails the build on any import of a Node module, from the core or from a dependency it pulls in: the page runs where there is none. */
export const noNodeModules = {
  name: 'no-node-modules',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      NODE_MODULES.has(args.path) || args.path.startsWith('node:')
        ? { errors: [{ text: `${path.relative(root, args.importer)} imports the Node module "${args.path}"` }] }
        : undefined,
    );
  },
};

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
 * start, and `new Function`, which a page's Content-Security-Policy forbids)
 * with validators compiled at build time: the plan schema, the configuration
 * schema, and the built-in rules' option schemas. The same options are used
 * as in the source modules, which compile at run time in the library and the
 * tests.
 *
 * `ruleMetas` returns the metadata of the rules whose option schemas are
 * compiled in. `runtimeCompiler` says what happens to any other schema (a
 * plugin rule's): `'require-ajv'` loads ajv on first use (the CLI), `'none'`
 * throws, for a build that has no plugins and must carry no compiler (the page).
 */
export function precompiledValidators({ ruleMetas, runtimeCompiler }) {
  if (runtimeCompiler !== 'require-ajv' && runtimeCompiler !== 'none') throw new Error(`precompiledValidators: unknown runtimeCompiler ${runtimeCompiler}`);
  return {
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
        const options = declaredOptions('src/core/rule-options-validator.ts', 'OPTIONS_VALIDATOR_OPTIONS');
        const parts = [];
        const entries = [];
        for (const meta of await ruleMetas()) {
          if (!meta.optionsSchema) continue;
          const { code, name } = standalone(meta.optionsSchema, options);
          // Each standalone module declares its own helpers; a block keeps their names apart.
          const local = `validate_${entries.length}`;
          parts.push(`const ${local} = (() => {\n${code.replace(/^import .*$/gm, '')}\nreturn ${name};\n})();`);
          entries.push(`${JSON.stringify(meta.id)}: { schema: ${JSON.stringify(JSON.stringify(meta.optionsSchema))}, validate: ${local} }`);
        }
        if (runtimeCompiler === 'none') {
          return {
            contents: `${parts.join('\n')}
const precompiled = { ${entries.join(',\n')} };
export const OPTIONS_VALIDATOR_OPTIONS = {};
export function compileOptionsValidator(ruleId, schema) {
  const known = precompiled[ruleId];
  if (known && known.schema === JSON.stringify(schema)) return known.validate;
  throw new Error(ruleId + ': this build compiles only the built-in rules\\' option schemas');
}
`,
            loader: 'js',
            resolveDir: path.resolve('src/core'),
          };
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
}

/**
 * The classifier model ships packed (see `PackedIntentModel` in
 * src/core/rules/intent.ts): its features as one string of sorted
 * `feature\tweights` lines, searched in place, so that starting the CLI does
 * not parse 650 KB of JSON.
 */
export const packedIntentModel = {
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
