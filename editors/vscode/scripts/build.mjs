// Builds the extension into editors/vscode/dist/: the extension itself as one
// CommonJS file (vscode-languageclient bundled in, only `vscode` left to VS
// Code), and beside it the language server, which is the finetune-lint
// command the repository builds (dist/*.cjs at the root: the CLI with its
// lazily loaded parts, each one self-contained), so that the .vsix runs without
// finetune-lint installed. Run the root build first (`npm run build` at the
// root); esbuild and the client library come from the root's node_modules.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(extensionDir, '..', '..');
const rootDist = path.join(repoRoot, 'dist');
const outDir = path.join(extensionDir, 'dist');

if (!existsSync(path.join(rootDist, 'cli.cjs'))) {
  throw new Error(`${path.join(rootDist, 'cli.cjs')} is missing: build finetune-lint first (npm run build at the repository root)`);
}
rmSync(outDir, { recursive: true, force: true });

await build({
  entryPoints: [path.join(extensionDir, 'src', 'extension.ts')],
  outfile: path.join(outDir, 'extension.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // vscode-languageclient ships CommonJS with an ESM `module` entry; its CommonJS files are the ones VS Code's own extensions load.
  mainFields: ['main'],
  minify: true,
  keepNames: true,
  logLevel: 'warning',
});

const serverDir = path.join(outDir, 'server');
mkdirSync(serverDir, { recursive: true });
for (const file of readdirSync(rootDist).filter((f) => f.endsWith('.cjs'))) {
  copyFileSync(path.join(rootDist, file), path.join(serverDir, file));
}
copyFileSync(path.join(repoRoot, 'LICENSE'), path.join(extensionDir, 'LICENSE'));
