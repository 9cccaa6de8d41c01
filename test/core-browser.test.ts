import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { noNodeModules } from '../scripts/build-plugins.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Core from '../src/core/index.js';
import { formatters } from '../src/index.js';
import { loadPlugin } from '../src/node/config/plugins.js';

/**
 * The core (src/core/) must run where Node does not: a web page, a browser
 * extension. It is bundled here as a browser would get it and run in a bare
 * JavaScript realm, and every example plan must lint there exactly as the CLI
 * lints it.
 */

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.cjs');

let bundle: { text: string; inputs: string[] };

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(root, 'src/core/index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'finetuneLintCore',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [noNodeModules],
  });
  bundle = { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
});

/** The bundle evaluated in a fresh realm with only what a browser also has: no `process`, `require`, `Buffer` or `module`. */
function loadCore(): typeof Core {
  const context = vm.createContext({ TextDecoder, TextEncoder, console });
  return vm.runInContext(`${bundle.text}\nfinetuneLintCore`, context) as typeof Core;
}

function examplePlans(dir = path.join(root, 'examples')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return examplePlans(full);
    return /\.ya?ml$/.test(name) && !name.startsWith('finetune-lint.config') ? [full] : [];
  });
}

describe('the core bundled for the browser', () => {
  it('holds only core modules and dependencies that need no Node module', () => {
    const ours = bundle.inputs.filter((f) => !f.includes('node_modules'));
    expect(ours.length).toBeGreaterThan(20);
    // Besides the core's modules, only data: the plan schema and package.json (for the version).
    expect(ours.filter((f) => !f.startsWith('src/core/'))).toEqual(['schemas/finetune-plan.schema.json', 'package.json']);
  });

  it('fails when a core module imports a Node module', async () => {
    await expect(
      build({
        stdin: { contents: "import { readFileSync } from 'node:fs'; export const x = readFileSync;", resolveDir: path.join(root, 'src/core') },
        bundle: true,
        platform: 'browser',
        write: false,
        logLevel: 'silent',
        plugins: [noNodeModules],
      }),
    ).rejects.toThrow(/imports the Node module "node:fs"/);
  });

  it('runs in a realm without process, require or Buffer', () => {
    const context = vm.createContext({ TextDecoder, TextEncoder });
    expect(vm.runInContext('typeof process + typeof require + typeof Buffer', context)).toBe('undefinedundefinedundefined');
    const core = loadCore();
    expect(core.lintText('goals: [', {}).messages[0]?.ruleId).toBe('syntax-error');
  });

  it('lints every example as the CLI does, with the configuration the CLI resolves for it (plugins included)', async () => {
    const core = loadCore();
    const plans = examplePlans();
    expect(plans.length).toBeGreaterThanOrEqual(10);
    let withPlugins = 0;
    for (const plan of plans) {
      const relative = path.relative(root, plan);
      const printed = JSON.parse(execFileSync(process.execPath, [cli, '--print-config', relative], { cwd: root, encoding: 'utf8' })) as Core.ResolvedConfig;
      let cliJson: string;
      try {
        cliJson = execFileSync(process.execPath, [cli, relative, '--format', 'json', '--data-checks', 'off'], { cwd: root, encoding: 'utf8' });
      } catch (err) {
        cliJson = (err as { stdout: string }).stdout;
      }
      const [expected] = JSON.parse(cliJson) as Core.LintResult[];
      // Plugins are modules only a host with a module loader can import; the host hands their rules to the core.
      if (printed.plugins?.length) withPlugins++;
      const pluginRules = await Promise.all((printed.plugins ?? []).map((file) => loadPlugin(file, 'the printed configuration')));
      const actual = core.lintText(readFileSync(plan, 'utf8'), { filePath: plan, ...core.lintOptionsFromConfig(printed, pluginRules.flat()) });
      // Printed by the CLI's own JSON formatter, the bundle's result must be the CLI's output.
      const printedActual = JSON.parse(formatters.json!([actual], { cwd: root, color: false })) as Core.LintResult[];
      expect({ plan: relative, result: printedActual[0] }).toEqual({ plan: relative, result: expected });
    }
    expect(withPlugins).toBeGreaterThan(0);
  });

  it('lints Chinese plans in Chinese inside the bundle', () => {
    const core = loadCore();
    const result = core.lintText(readFileSync(path.join(root, 'examples/zh-knowledge-injection.yaml'), 'utf8'), { locale: 'zh-CN' });
    expect(result.messages.find((m) => m.ruleId === 'knowledge-injection')?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
