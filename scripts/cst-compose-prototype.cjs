// What a plan parse could cost if finetune-lint composed its own nodes from
// `yaml`'s concrete syntax tree (its `Parser`) instead of building `yaml`'s
// full `Document` (`parseDocument`, what the bench's parse floor runs, and what
// finetune-lint's own parse is today). A prototype for measuring, not used by
// the linter: it handles what the bench plans and the examples hold (block and
// flow maps and lists, plain, quoted and block scalars with the core schema's
// types, comments), keeps each node's source range, and skips what a full
// composer would need (anchors and aliases, tags, explicit keys, errors,
// duplicate keys).
//
//   node scripts/cst-compose-prototype.cjs <folder> [rounds]
//
// For every file it first checks that the prototype gives the same plain data
// as `parseDocument(text).toJS()`, then times, in one process, interleaved
// rounds over all files of: reading them; reading and `Parser` only (the
// tokens, consumed); reading and the prototype; reading and `parseDocument`.
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');
const { CST, Parser, parseDocument } = require('yaml');

/** A composed node: its plain value and where it stands in the text. */
class Node {
  constructor(value, start, end) {
    this.value = value;
    this.start = start;
    this.end = end;
  }
}

// The core schema's plain-scalar types, as YAML 1.2 resolves them (yaml's `core` tags).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

function plainValue(source) {
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
  if (INT.test(source)) return Number(source);
  if (OCT.test(source)) return parseInt(source.slice(2), 8);
  if (HEX.test(source)) return parseInt(source.slice(2), 16);
  if (FLOAT.test(source)) return Number(source);
  if (INF.test(source)) return source[0] === '-' ? -Infinity : Infinity;
  if (NAN.test(source)) return NaN;
  return source;
}

function compose(token) {
  if (!token) return new Node(null, 0, 0);
  switch (token.type) {
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'block-scalar': {
      const { value, range } = CST.resolveAsScalar(token);
      return new Node(token.type === 'scalar' ? plainValue(value) : value, range[0], range[1]);
    }
    case 'block-map':
    case 'flow-collection':
      if (token.type === 'block-map' || token.start.source === '{') {
        const map = new Map();
        let end = token.offset;
        for (const item of token.items) {
          const key = compose(item.key);
          const value = item.value ? compose(item.value) : new Node(null, key.end, key.end);
          map.set(key.value, { key, value });
          end = Math.max(end, value.end);
        }
        return new Node(map, token.offset, token.type === 'flow-collection' ? token.end[0].offset + 1 : end);
      } else {
        const list = token.items.map((item) => compose(item.value));
        return new Node(list, token.offset, token.end[0].offset + 1);
      }
    case 'block-seq': {
      const list = token.items.map((item) => compose(item.value));
      return new Node(list, token.offset, list.length ? list[list.length - 1].end : token.offset);
    }
    default:
      throw new Error(`prototype: ${token.type} is not handled`);
  }
}

/** The composed document's root node (one document per plan). */
function composePlan(text) {
  for (const token of new Parser().parse(text)) if (token.type === 'document') return compose(token.value);
  return new Node(null, 0, 0);
}

function toJS(node) {
  const { value } = node;
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, { value: v }]) => [String(k), toJS(v)]));
  if (Array.isArray(value)) return value.map(toJS);
  return value;
}

const dir = process.argv[2];
const rounds = Number(process.argv[3] ?? 7);
const files = readdirSync(dir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => path.join(dir, name));

let checked = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const expected = parseDocument(text).toJS();
  const got = toJS(composePlan(text));
  if (!isDeepStrictEqual(got, expected)) throw new Error(`prototype differs from parseDocument on ${file}`);
  checked++;
}

let sink = 0;
const variants = {
  read: (text) => text.length,
  'read + Parser': (text) => {
    let n = 0;
    for (const _ of new Parser().parse(text)) n++;
    return n;
  },
  'read + prototype composer': (text) => composePlan(text).end,
  'read + parseDocument': (text) => parseDocument(text).errors.length,
};
const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of Object.entries(variants)) {
    const start = process.hrtime.bigint();
    for (const file of files) sink += run(readFileSync(file, 'utf8'));
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floor = median(times['read + parseDocument']);
console.log(`${files.length} files, the prototype's data equal to parseDocument's on ${checked}; medians of ${rounds} rounds (the first is a cold JIT)`);
for (const [name, xs] of Object.entries(times)) {
  const ms = median(xs);
  console.log(`${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / files.length).toFixed(3)} ms a file   ${(ms / floor).toFixed(2)} × parseDocument`);
}
if (sink < 0) console.log(sink);
