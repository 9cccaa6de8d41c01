#!/usr/bin/env node
// Measures the built CLI end to end, as a user runs it: process start to exit
// code, over deterministic corpora of 1, 100, 1,000 and 10,000 realistic plans
// (40–80 lines, English and Chinese, with a realistic share of findings).
// Prints median wall time, files per second, peak RSS, and the ratio to a bare
// `node -e 0` measured in the same run. NODE_EXTRA_CA_CERTS is unset for every
// child: it adds ~40 ms to each Node start on some machines.
//
// From 1,000 files on, a second row times a run whose `--cache` is warm (every
// file unchanged since the previous run), and a floor row times
// scripts/parse-floor.cjs: one process that only reads and `parseDocument`s the
// same files; the last column of the CLI rows is then the ratio to that floor.
// The one-plan rows are the ratio to `node -e 0`, with the compile cache warm
// and, in a second row, cold (a fresh, empty cache folder for each run).
//
//
// Then the data checks: a plan whose 1,000,000-line JSONL training file is
// checked against a 10,000-line eval file (format, exact and near-duplicate
// overlap), generated into a temporary folder; time and peak RSS, one run.
//
//   npm run bench                 # all sizes, then the data case
//   npm run bench -- 1 1000       # chosen sizes only
//   npm run bench -- data         # the data case only
//   npm run bench -- lsp          # the language server only
//
// The language server (`finetune-lint lsp --stdio`, driven over JSON-RPC as an
// editor does): on a plan of the corpus above (50 lines, with findings), the time from
// sending a `didChange` (one character typed or deleted, incremental sync) to
// receiving its `publishDiagnostics`, with the debounce set to 0 so that it is
// not counted; median and 90th percentile over 1,000 edits, each awaited (and,
// before them, the start-up: from spawning the server to its reply to
// `initialize`). Then
// the server's memory after those 1,000 edits: RSS (and its peak) from
// /proc, V8 heap from the server (`finetune-lint/memoryUsage`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const args = process.argv.slice(2);
const sizes = args.map(Number).filter((n) => n > 0);
const namedOnly = sizes.length === 0 && args.some((a) => a === 'data' || a === 'lsp');
const SIZES = namedOnly ? [] : sizes.length ? sizes : [1, 100, 1000, 10000];
const DATA_CASE = args.length === 0 || args.includes('data');
const LSP_CASE = args.length === 0 || args.includes('lsp');
const ROUNDS = { 1: 15, 100: 7, 1000: 5, 10000: 3 };

/** A small deterministic random generator (mulberry32). */
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = {
  problems: ['Replies run to three paragraphs; agents need two lines they can paste.', 'The bot slips into a casual tone with banking customers.', 'Extraction output is free text; the parser needs our JSON schema.', 'The model does not know our refund policy and makes up return windows.', 'It fails at multi-step word problems in the grade-8 set.'],
  goals: ['Replies are at most 80 words and lead with the answer.', 'Replies use the formal register of the style guide.', 'Output is valid JSON in the order-extraction schema.', 'Memorise the 300-page product manual.', 'Get much better at multi-step arithmetic.', 'Make the outputs higher quality overall.', 'Replies are more detailed, covering every step.'],
  domains: ['internal writing assistant', 'e-commerce customer service', 'retail banking', 'developer tools'],
};
const ZH = {
  problems: ['客服回复太长，用户在手机上读不完。', '回复语气太随意，被合规点名。', '抽取结果是自由文本，下游系统需要 JSON。', '模型不知道我们今年改过的退换货政策。'],
  goals: ['回复控制在 80 字以内，先给结论。', '严格按照定义的 JSON 格式输出。', '让模型记住公司知识库里的全部规章制度。', '提升效果。', '回答更加详细，逐条展开。'],
  domains: ['内部写作助手', '电商客服', '银行', '医院导诊'],
};

function plan(i) {
  const r = rng(i + 1);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const L = r() < 0.5 ? EN : ZH;
  const goals = 1 + (r() < 0.3 ? Math.floor(r() * 3) : 0);
  const lines = ['version: 1', `name: plan-${i}`, `owner: team-${i % 17}@example.com`, 'base_model: Qwen/Qwen2.5-7B-Instruct', `method: ${pick(['lora', 'qlora', 'sft', 'dpo'])}`, `problem: ${JSON.stringify(pick(L.problems))}`, 'goals:'];
  for (let g = 0; g < goals; g++) {
    lines.push(`  - id: goal-${g}`, `    behavior: ${JSON.stringify(pick(L.goals))}`, '    metric: pass_rate on the held-out eval set', `    target: ">= 0.${80 + Math.floor(r() * 19)}"`);
  }
  lines.push(`domain: ${JSON.stringify(pick(L.domains))}`);
  if (r() < 0.6) lines.push('risk:', '  level: medium', '  fallback:', '    - type: human-review', '      description: Agents approve replies during the first month.');
  if (r() < 0.88) lines.push('baselines:', '  prompt:', '    description: System prompt with the guide and five examples.', '    results:', `      pass_rate: 0.${50 + Math.floor(r() * 40)}`);
  lines.push('data:', '  train:', `    path: data/train-${i}.jsonl`, '    description: 3,000 examples rewritten by senior agents.', '    examples: 3000');
  if (r() < 0.85) lines.push('  eval:', `    path: data/eval-${i}.jsonl`, '    description: 300 recent cases, never used for training.', '    held_out: true');
  lines.push('evaluation:', '  metrics: [pass_rate, answer_accuracy]');
  if (r() < 0.8) lines.push('  regression:', '    path: data/regression.jsonl', '    description: 200 cases the model handles well today.');
  lines.push('  acceptance: pass_rate at target and no regression case worse', '  repeats: 3', 'iteration:', `  round: ${r() < 0.8 ? 1 : 2}`);
  if (r() < 0.5) lines.push('  previous:', '    findings: [tone improved on short tickets only]');
  lines.push('training:', '  framework: llama-factory', '  config: configs/lora.yaml', `x-notes: ${JSON.stringify('Reviewed by the ML platform team. '.repeat(1 + (i % 3)))}`);
  return `${lines.join('\n')}\n`;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
const hasTime = existsSync('/usr/bin/time');

/** Wall ms, peak RSS (MB) and CPU ms (user + system, all threads) of one run; the last two via GNU time when present. */
function measure(args) {
  const start = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 })
    : spawnSync(args[0], args.slice(1), { env, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const [maxKb, user, sys] = hasTime ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, rss: maxKb / 1024, cpu: (user + sys) * 1000 };
}

if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ftl-bench-'));
// The CLI's compile cache (see scripts/cli-loader.cjs), kept apart from the user's; filled by the warm-up runs.
const compileCache = path.join(tmp, 'compile-cache');
env.NODE_COMPILE_CACHE = compileCache;
console.log(`finetune-lint bench — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (other processes skew the figures)`);
console.log('files   median ms   files/s   peak RSS MB   × node -e 0   CPU ms   × parse floor');
const floorScript = path.join(root, 'scripts', 'parse-floor.cjs');
try {
  for (const n of SIZES) {
    const dir = path.join(tmp, `n${n}`);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `plan-${String(i).padStart(5, '0')}.yaml`), plan(i));
    const target = n === 1 ? path.join(dir, 'plan-00000.yaml') : dir;
    const rounds = ROUNDS[n] ?? 3;
    const cache = path.join(tmp, `cache-${n}.json`);
    const variants = [{ label: String(n), args: [] }];
    if (n === 1) variants.push({ label: '1 cold', args: [], cold: true });
    if (n >= 1000) {
      measure([process.execPath, cli, '-f', 'json', '--cache-location', cache, target]); // fills the cache
      variants.push({ label: `${n} warm cache`, args: ['--cache-location', cache] });
    }
    measure([process.execPath, cli, '-f', 'json', target]); // warm-up: file cache
    for (const variant of variants) {
      const runs = [];
      const floor = [];
      const parseFloor = [];
      for (let k = 0; k < rounds; k++) {
        floor.push(measure([process.execPath, '-e', '0']));
        if (n >= 1000) parseFloor.push(measure([process.execPath, floorScript, dir]));
        if (variant.cold) env.NODE_COMPILE_CACHE = mkdtempSync(path.join(tmp, 'compile-cache-'));
        runs.push(measure([process.execPath, cli, '-f', 'json', ...variant.args, target]));
        env.NODE_COMPILE_CACHE = compileCache;
      }
      const ms = median(runs.map((x) => x.ms));
      const rss = Math.max(...runs.map((x) => x.rss));
      const base = median(floor.map((x) => x.ms));
      const cpu = median(runs.map((x) => x.cpu));
      const baseCpu = median(floor.map((x) => x.cpu));
      const floorMs = parseFloor.length ? median(parseFloor.map((x) => x.ms)) : NaN;
      console.log(
        `${variant.label.padStart(5)}   ${ms.toFixed(0).padStart(9)}   ${(n / (ms / 1000)).toFixed(0).padStart(7)}   ${Number.isNaN(rss) ? '      n/a' : rss.toFixed(0).padStart(11)}   ${(ms / base).toFixed(2).padStart(11)}   ${Number.isNaN(cpu) ? 'n/a' : cpu.toFixed(0).padStart(6)}   ${Number.isNaN(floorMs) ? '' : (ms / floorMs).toFixed(2).padStart(13)}  (node -e 0: ${base.toFixed(0)} ms, CPU ${baseCpu.toFixed(0)} ms)`,
      );
      if (parseFloor.length && variant === variants[0]) {
        const floorRss = Math.max(...parseFloor.map((x) => x.rss));
        console.log(`${'floor'.padStart(5)}   ${floorMs.toFixed(0).padStart(9)}   ${(n / (floorMs / 1000)).toFixed(0).padStart(7)}   ${Number.isNaN(floorRss) ? '      n/a' : floorRss.toFixed(0).padStart(11)}   ${(floorMs / base).toFixed(2).padStart(11)}   ${median(parseFloor.map((x) => x.cpu)).toFixed(0).padStart(6)}   ${'1.00'.padStart(13)}  (read + parseDocument only)`);
      }
    }
  }
  console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  if (DATA_CASE) await dataCase(path.join(tmp, 'data-case'));
  if (LSP_CASE) await lspCase(path.join(tmp, 'lsp-case'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/**
 * 1,000,000 training chats against 10,000 eval chats, with every data check
 * on. Prompts are 25 words from a 5,000-word vocabulary with a skewed
 * (Zipf-like) frequency, so unrelated prompts share common words as real
 * ones do. 100 eval prompts are copied into training verbatim and 100 with a
 * small edit at the end; every 50th training prompt repeats one 25 lines
 * earlier (2 % duplicates, under train-duplicates' 5 %); every 1,000th
 * training reply carries a phone number; the goal has a word limit
 * (data-contradicts-goal reads every reply) and a rate target with a prompt
 * baseline (eval-underpowered).
 */
async function dataCase(dir) {
  const { createWriteStream } = await import('node:fs');
  const { once } = await import('node:events');
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  const r = rng(2026);
  const syllables = 'ka ne ro mi tu sa le po vi da re shi an or el it un co pre ment tion ing er ly'.split(' ');
  const vocab = Array.from({ length: 5000 }, () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => syllables[Math.floor(r() * syllables.length)]).join(''));
  const sentence = (n) => Array.from({ length: n }, () => vocab[Math.floor(vocab.length * r() * r())]).join(' ');
  const record = (prompt, reply = sentence(30)) => JSON.stringify({ messages: [{ role: 'system', content: 'You are the support assistant of an online shop.' }, { role: 'user', content: prompt }, { role: 'assistant', content: reply }] });
  async function write(file, n, line) {
    const out = createWriteStream(file);
    for (let i = 0; i < n; i++) if (!out.write(`${line(i)}\n`)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  }
  const evalPrompts = [];
  await write(path.join(dir, 'eval.jsonl'), 10_000, () => {
    const p = `${sentence(25)}?`;
    evalPrompts.push(p);
    return record(p);
  });
  const recent = [];
  await write(path.join(dir, 'train.jsonl'), 1_000_000, (i) => {
    if (i % 10_000 === 0) return record(evalPrompts[i / 10_000]);
    if (i % 10_000 === 5000) return record(`${evalPrompts[5000 + (i - 5000) / 10_000].slice(0, -8)} thanks?`);
    if (i % 50 === 49) return record(recent[(i - 25) % 50]);
    const prompt = `${sentence(25)}?`;
    recent[i % 50] = prompt;
    return record(prompt, i % 1000 === 7 ? `${sentence(12)} call 138${String(10_000_000 + i).slice(-8)} today` : undefined);
  });
  writeFileSync(
    path.join(dir, 'finetune-plan.yaml'),
    [
      'version: 1',
      'name: support-replies',
      'base_model: Qwen/Qwen2.5-7B-Instruct',
      'method: lora',
      'problem: Replies run to three paragraphs; agents need two lines they can paste.',
      'goals:',
      '  - behavior: Replies lead with the answer and follow the tone guide.',
      '    metric: tone_guide_pass_rate',
      '    target: ">= 0.75"',
      '    checks:',
      '      max_words: 80',
      'domain: internal writing assistant',
      'baselines:',
      '  prompt:',
      '    description: System prompt with the tone guide and five examples.',
      '    results:',
      '      tone_guide_pass_rate: 0.71',
      'data:',
      '  train:',
      '    path: train.jsonl',
      '  eval:',
      '    path: eval.jsonl',
      '    examples: 10000',
      'evaluation:',
      '  regression:',
      '    description: 200 cases the model handles well today.',
      '',
    ].join('\n'),
  );
  const { statSync } = await import('node:fs');
  const mb = (f) => (statSync(path.join(dir, f)).size / 2 ** 20).toFixed(0);
  const runData = () => {
    const start = process.hrtime.bigint();
    const res = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, cli, '-f', 'json', path.join(dir, 'finetune-plan.yaml')], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const [rssKb, user, sys] = res.stderr.trim().split('\n').pop().split(' ').map(Number);
    return { ms, rss: rssKb / 1024, cpu: user + sys, out: res.stdout };
  };
  if (!hasTime) {
    console.log('data case skipped: /usr/bin/time is needed for peak RSS');
    return;
  }
  const run = runData();
  const messages = JSON.parse(run.out)[0].messages;
  const overlap = messages.find((m) => m.ruleId === 'eval-train-overlap');
  console.log(`\ndata checks: 1,000,000 train lines (${mb('train.jsonl')} MB) x 10,000 eval lines (${mb('eval.jsonl')} MB)`);
  // CPU time says more than wall time on a shared machine; both are printed.
  console.log(`  ${(run.ms / 1000).toFixed(1)} s wall, ${run.cpu.toFixed(1)} s CPU, peak RSS ${run.rss.toFixed(0)} MB (load average ${os.loadavg()[0].toFixed(1)})`);
  console.log(`  ${overlap ? overlap.message.slice(0, 140) : 'no overlap found (expected 200)'}`);
  for (const id of ['eval-underpowered', 'train-duplicates', 'data-contradicts-goal', 'data-sensitive-content']) {
    const found = messages.find((m) => m.ruleId === id);
    console.log(`  ${id}: ${found ? found.message.slice(0, 140) : 'nothing reported'}`);
  }
}

/** Percentile `p` (0–1) of a list of numbers. */
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

/** The language server: edit-to-diagnostics latency and memory after 1,000 edits (see the top of this file). */
async function lspCase(dir) {
  const { spawn } = await import('node:child_process');
  const { readFileSync } = await import('node:fs');
  const { pathToFileURL } = await import('node:url');
  const rpc = await import('vscode-languageserver-protocol/node');
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  // The corpus's first plan: 50 lines (the corpus's plans have 35 to 54), with findings.
  const text = plan(0);
  const file = path.join(dir, 'finetune-plan.yaml');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const spawned = process.hrtime.bigint();
  const server = spawn(process.execPath, [cli, 'lsp', '--stdio'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  const waiting = new Map();
  let findings = -1;
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri !== uri) return;
    findings = p.diagnostics.length;
    waiting.get(p.version)?.();
    waiting.delete(p.version);
  });
  connection.listen();
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { debounce: 0, locale: 'en' } });
  const startMs = Number(process.hrtime.bigint() - spawned) / 1e6;
  connection.sendNotification('initialized', {});
  let done = published(1);
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await done;
  const memory = async () => {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const usage = await connection.sendRequest('finetune-lint/memoryUsage');
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024, heap: usage.heapUsed / 2 ** 20, heapTotal: usage.heapTotal / 2 ** 20 };
  };
  const opened = await memory();
  // One character typed at the end of the problem line, then deleted: the text alternates, each edit a new version.
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('problem:'));
  const end = lines[line].length;
  let version = 1;
  const edit = async () => {
    version++;
    const typed = version % 2 === 0;
    const change = typed
      ? { range: { start: { line, character: end }, end: { line, character: end } }, text: 'x' }
      : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' };
    const arrived = published(version);
    const start = process.hrtime.bigint();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await arrived;
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < 50; i++) await edit(); // warm-up
  const times = [];
  for (let i = 0; i < 1000; i++) times.push(await edit());
  const after = await memory();
  console.log(`\nlanguage server: a ${lines.length - 1}-line plan with ${findings} findings, 1,000 one-character edits (incremental sync, debounce 0), each awaited`);
  console.log(`  start-up (spawn to the initialize reply): ${startMs.toFixed(0)} ms`);
  console.log(`  didChange -> publishDiagnostics: median ${median(times).toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (load average ${os.loadavg()[0].toFixed(1)})`);
  console.log(`  memory after open: RSS ${opened.rss.toFixed(0)} MB, heap ${opened.heap.toFixed(1)} of ${opened.heapTotal.toFixed(0)} MB`);
  console.log(`  memory after 1,000 edits: RSS ${after.rss.toFixed(0)} MB (peak ${after.peak.toFixed(0)} MB), heap ${after.heap.toFixed(1)} of ${after.heapTotal.toFixed(0)} MB`);
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  connection.dispose();
}
