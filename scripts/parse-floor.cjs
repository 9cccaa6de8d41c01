// The floor the bench compares large runs with: a process that only reads the
// plan files of a folder and parses each with `yaml`'s `parseDocument` (what
// finetune-lint's own parse starts from), and does nothing else.
//   node scripts/parse-floor.cjs <folder>
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { parseDocument } = require('yaml');

const dir = process.argv[2];
let errors = 0;
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.yaml')) continue;
  errors += parseDocument(readFileSync(path.join(dir, name), 'utf8')).errors.length;
}
process.exitCode = errors > 1e9 ? 1 : 0;
