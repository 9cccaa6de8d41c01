import { mkdirSync, symlinkSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkPlanData, ConfigError, dataRules, lintFiles, render, resolveRules, rules } from '../src/index.js';
import { CsvParser } from '../src/node/data/csv.js';
import { elementLines } from '../src/node/data/records.js';
import { methodMismatch, sameBaseModel } from '../src/node/data/compare.js';
import { interpretTrainerConfig, type TrainerConfig } from '../src/node/data/trainer.js';
import { exactKey, fingerprint, minhash, normalizeText, BINS } from '../src/node/data/fingerprint.js';
import { cleanPlan, tempTree } from './cli-helpers.js';

const chat = (user: string, answer = 'OK.'): string => JSON.stringify({ messages: [{ role: 'user', content: user }, { role: 'assistant', content: answer }] });

/** A temporary repository (it has .git) holding the clean plan and the given files. */
function repo(files: Record<string, string>, plan = cleanPlan): string {
  const dir = tempTree({ 'finetune-plan.yaml': plan, ...files });
  mkdirSync(path.join(dir, '.git'));
  return dir;
}

/**
 * The data findings for the plan in `dir`. The eval files here hold a handful of records, far too few
 * to tell the clean plan's target from its baseline: eval-underpowered is off unless a test sets it.
 */
async function check(dir: string, options: Parameters<typeof checkPlanData>[2] = {}) {
  const planPath = path.join(dir, 'finetune-plan.yaml');
  const { readFileSync } = await import('node:fs');
  return checkPlanData(readFileSync(planPath, 'utf8'), planPath, { ...options, rules: { 'eval-underpowered': 'off', ...options.rules } });
}

const line = (n: number): string => `line ${n}`;

describe('path safety', () => {
  it('reports ../ escapes and absolute paths, names them, and never reads them', async () => {
    const outer = tempTree({ 'secret.jsonl': 'not json at all\n' });
    const dir = path.join(outer, 'repo');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    writeFileSync(
      path.join(dir, 'finetune-plan.yaml'),
      cleanPlan.replace('path: data/train.jsonl', 'path: ../secret.jsonl').replace('path: data/eval.jsonl', `path: ${path.join(outer, 'secret.jsonl')}`),
    );
    const found = await check(dir);
    expect(found.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual([
      ['data-path-outside-root', 18, 11, `data.train.path "../secret.jsonl" (${path.join(outer, 'secret.jsonl')}) is outside the repository root ${dir}; it was not read`],
      ['data-path-outside-root', 20, 11, `data.eval.path "${path.join(outer, 'secret.jsonl')}" (${path.join(outer, 'secret.jsonl')}) is outside the repository root ${dir}; it was not read`],
    ]);
    // With the restriction lifted the file is read: its bad record is reported.
    const allowed = await check(dir, { allowOutsideRoot: true });
    const messages = allowed.filter((m) => m.ruleId === 'dataset-format').map((m) => m.message.replace(/\(.*\)$/, '(…)'));
    expect(messages).toEqual([`../secret.jsonl ${line(1)}: not valid JSON (…)`, `${path.join(outer, 'secret.jsonl')} ${line(1)}: not valid JSON (…)`]);
  });

  it('reports ../../etc/passwd without touching it', async () => {
    const dir = repo({}, cleanPlan.replace('path: data/train.jsonl', 'path: ../../../../../../../../../../etc/passwd'));
    const found = await check(dir);
    expect(found.find((m) => m.ruleId === 'data-path-outside-root')?.message).toBe(
      `data.train.path "../../../../../../../../../../etc/passwd" (/etc/passwd) is outside the repository root ${dir}; it was not read`,
    );
    expect(found.some((m) => m.ruleId === 'dataset-format')).toBe(false);
  });

  it('follows symbolic links: a link inside the repository that points out is outside; one that stays in is read', async () => {
    const outer = tempTree({ 'elsewhere/train.jsonl': `${chat('outside')}\n` });
    const dir = path.join(outer, 'repo');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'finetune-plan.yaml'), cleanPlan);
    symlinkSync(path.join(outer, 'elsewhere', 'train.jsonl'), path.join(dir, 'data', 'train.jsonl'));
    writeFileSync(path.join(dir, 'data', 'real-eval.jsonl'), `${chat('inside')}\n`);
    symlinkSync('real-eval.jsonl', path.join(dir, 'data', 'eval.jsonl'));
    const found = await check(dir);
    expect(found.map((m) => [m.ruleId, m.message])).toEqual([
      ['data-path-outside-root', `data.train.path "data/train.jsonl", a symbolic link to ${path.join(outer, 'elsewhere', 'train.jsonl')}, is outside the repository root ${dir}; it was not read`],
      ['eval-set-size', 'data/eval.jsonl holds 1 example, fewer than 50: too few to tell a change from noise'],
    ]);
  });

  it('a link to a folder outside counts too', async () => {
    const outer = tempTree({ 'shared/train.jsonl': `${chat('x')}\n` });
    const dir = path.join(outer, 'repo');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    writeFileSync(path.join(dir, 'finetune-plan.yaml'), cleanPlan);
    symlinkSync(path.join(outer, 'shared'), path.join(dir, 'data'));
    const found = await check(dir);
    // data/eval.jsonl does not exist either, but it would be outside too: that is all the report says.
    expect(found.map((m) => m.message)).toEqual([
      `data.train.path "data/train.jsonl", a symbolic link to ${path.join(outer, 'shared', 'train.jsonl')}, is outside the repository root ${dir}; it was not read`,
      `data.eval.path "data/eval.jsonl", a symbolic link to ${path.join(outer, 'shared', 'eval.jsonl')}, is outside the repository root ${dir}; it was not read`,
    ]);
  });

  it('without .git, the root is the current folder, or the plan folder when the plan lies outside it', async () => {
    const dir = tempTree({ 'finetune-plan.yaml': cleanPlan.replace('path: data/train.jsonl', 'path: ../train.jsonl'), 'data/eval.jsonl': `${chat('q')}\n` });
    const asPlanFolder = await check(dir, { cwd: '/' === path.parse(dir).root ? path.join(dir, 'elsewhere') : dir });
    expect(asPlanFolder.map((m) => m.ruleId)).toEqual(['data-path-outside-root', 'eval-set-size']);
    const asCwd = await check(dir, { cwd: path.dirname(dir) });
    expect(asCwd.map((m) => m.ruleId)).toEqual(['data-file-missing', 'eval-set-size']);
  });
});

describe('dataset reading', () => {
  it('parses CSV with quoted commas, doubled quotes, line breaks in fields and CRLF, whatever the chunking', () => {
    const text = 'prompt,completion\r\n"a, b","say ""hi"""\r\n"two\nlines",x\nlast,row';
    const whole = new CsvParser();
    const rows = [...whole.push(text), ...whole.end()];
    expect(rows).toEqual([
      { line: 1, fields: ['prompt', 'completion'] },
      { line: 2, fields: ['a, b', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'x'] },
      { line: 5, fields: ['last', 'row'] },
    ]);
    const byChar = new CsvParser();
    const pieces = [...text].flatMap((c) => byChar.push(c));
    expect([...pieces, ...byChar.end()]).toEqual(rows);
  });

  it('flags malformed CSV quotes', () => {
    const p = new CsvParser();
    const rows = [...p.push('a,b"c\n"x"y,z\n"open,\n'), ...p.end()];
    expect(rows.map((r) => r.error && render('en', r.error))).toEqual(['a quote inside an unquoted field on line 1', 'text after a closing quote on line 2', 'a quoted field opened on line 3 is never closed']);
  });

  it('finds the line each JSON array element starts on', () => {
    expect(elementLines('[\n  {"a": "[,]"},\n  {"b": [1,\n 2]},\n\n  3\n]')).toEqual([2, 3, 6]);
  });

  it('reports empty files and header-only CSVs as having no records', async () => {
    const dir = repo({ 'data/train.jsonl': '', 'data/eval.csv': 'prompt,completion\n' }, cleanPlan.replace('data/eval.jsonl', 'data/eval.csv'));
    const found = await check(dir, { rules: { 'eval-set-size': 'off' } });
    expect(found.map((m) => [m.ruleId, m.message])).toEqual([
      ['dataset-format', 'data/train.jsonl has no records: the file is empty'],
      ['dataset-format', 'data/eval.csv has no records: the file is empty'],
    ]);
  });

  it('streams a large generated training file with the right line numbers for a bad record and an overlap deep inside', async () => {
    const dir = repo({ 'data/eval.jsonl': `${Array.from({ length: 60 }, (_, i) => chat(`Eval question ${i}: what is the status of shipment ${i * 7919}?`)).join('\n')}\n` });
    const out = createWriteStream(path.join(dir, 'data', 'train.jsonl'));
    const n = 300_000;
    for (let i = 1; i <= n; i++) {
      const record = i === 123_457 ? '{"messages": [' : i === 250_000 ? chat('EVAL question 17:  what is the status of shipment 134623?') : chat(`Training prompt ${i} about order ${i * 31}`);
      if (!out.write(`${record}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    // The generated prompts differ only in their numbers: near-duplicates of each other by design.
    const found = await check(dir, { rules: { 'train-duplicates': 'off' } });
    expect(found.map((m) => [m.ruleId, m.message])).toEqual([
      ['dataset-format', 'data/train.jsonl line 123457: not valid JSON (Unexpected end of JSON input)'],
      ['eval-train-overlap', '1 of 60 eval examples (1.7%) also occurs in data/train.jsonl (exact): eval line 18 ~ train line 250000'],
    ]);
  }, 60_000);
});

describe('large and structured files', () => {
  it('streams a large generated CSV across chunk boundaries, with quoted line breaks, and finds a bad row by its line', async () => {
    const dir = repo({ 'data/eval.jsonl': `${chat('Held-out question')}\n` }, cleanPlan.replace('data/train.jsonl', 'data/train.csv'));
    const out = createWriteStream(path.join(dir, 'data', 'train.csv'));
    out.write('prompt,completion\n');
    let line = 2;
    let badLine = 0;
    for (let i = 0; i < 100_000; i++) {
      // Every 7th row has a quoted field spanning two lines, with a doubled quote.
      const row = i === 77_777 ? 'only one field' : i % 7 === 0 ? `"Row ${i}, with ""quotes""\nand a second line",done` : `Row ${i} prompt,done`;
      if (i === 77_777) badLine = line;
      line += i % 7 === 0 && i !== 77_777 ? 2 : 1;
      if (!out.write(`${row}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    // The generated rows differ only in their numbers: near-duplicates of each other by design.
    const found = await check(dir, { rules: { 'eval-set-size': 'off', 'train-duplicates': 'off' } });
    expect(found.map((m) => m.message)).toEqual([`data/train.csv line ${badLine}: 1 fields where the header has 2`]);
  }, 60_000);

  it('gives the line each element of a JSON array starts on', async () => {
    const records = [chat('first'), '{\n  "messages": [\n    {"role": "user", "content": "no answer"}\n  ]\n}', chat('third'), '{"text": ""}'];
    const dir = repo({ 'data/train.json': `[\n${records.join(',\n')}\n]\n`, 'data/eval.jsonl': `${chat('q')}\n` }, cleanPlan.replace('data/train.jsonl', 'data/train.json'));
    const found = await check(dir, { rules: { 'eval-set-size': 'off' } });
    expect(found.map((m) => m.message)).toEqual([
      'data/train.json line 3: the conversation has no assistant turn to learn from',
      'data/train.json line 9: "text" is empty',
    ]);
  });
});

describe('eval-train-overlap', () => {
  const trainLines = [
    chat('My order number 3 has not arrived after two weeks, where is it?'),
    chat('我在上个月十五号买的蓝色羽绒服尺码偏小，已经按照页面提示寄回仓库了，请问退货需要多久才能退款到我的银行卡上？请告诉我具体的到账时间。'),
    JSON.stringify({ instruction: 'Classify the ticket', input: 'The parcel is late and the box was wet.', output: 'shipping' }),
  ];
  const evalLines = [
    chat('How do I change the delivery address on an open order?'),
    chat('ＭＹ order   number 3 has not arrived after two weeks, where is it?'),
    chat('我在上个月十五号买的蓝色羽绒服尺码偏小，已经按照页面提示寄回仓库了，请问退货需要多久才能退款到我的银行卡上？请告诉我具体到账时间。'),
    JSON.stringify({ prompt: 'Classify the ticket\nThe parcel is late and the box was wet!', completion: 'shipping' }),
  ];
  const dir = repo({ 'data/train.jsonl': `${trainLines.join('\n')}\n`, 'data/eval.jsonl': `${evalLines.join('\n')}\n` });

  it('finds exact (after NFKC, case, white space) and near-duplicate prompts, in Chinese too, across record shapes', async () => {
    const found = await check(dir, { rules: { 'eval-set-size': 'off' } });
    expect(found.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual([
      ['eval-train-overlap', 20, 11, '3 of 4 eval examples (75.0%) also occur in data/train.jsonl (1 exact, 2 near-duplicates): eval line 2 ~ train line 1, eval line 3 ~ train line 2 (near), eval line 4 ~ train line 3 (near)'],
    ]);
  });

  it('threshold 1 keeps exact matches only; maxListed shortens the list', async () => {
    const exact = await check(dir, { rules: { 'eval-set-size': 'off', 'eval-train-overlap': ['error', { threshold: 1 }] } });
    expect(exact.map((m) => m.message)).toEqual(['1 of 4 eval examples (25.0%) also occurs in data/train.jsonl (exact): eval line 2 ~ train line 1']);
    const short = await check(dir, { rules: { 'eval-set-size': 'off', 'eval-train-overlap': ['error', { maxListed: 1 }] } });
    expect(short.map((m) => m.message)).toEqual(['3 of 4 eval examples (75.0%) also occur in data/train.jsonl (1 exact, 2 near-duplicates): eval line 2 ~ train line 1, and 2 more']);
  });

  it('estimates Jaccard similarity: a one-character edit of a long text agrees in most bins, unrelated texts in few', () => {
    const a = new Uint32Array(BINS);
    const b = new Uint32Array(BINS);
    const text = normalizeText('The quick brown fox jumps over the lazy dog while the farmer watches from the porch of his old house.');
    minhash(text, 5, a);
    minhash(text.replace('lazy', 'hazy'), 5, b);
    const same = a.filter((v, i) => v === b[i]).length / BINS;
    expect(same).toBeGreaterThan(0.75);
    minhash(normalizeText('Completely different sentence about quarterly invoices and tax rules in Norway.'), 5, b);
    expect(a.filter((v, i) => v === b[i]).length / BINS).toBeLessThan(0.2);
  });

  it('fingerprint() gives the exact key and signature of the normalised text in one pass, for any text', () => {
    const alphabet = ['a', 'B', 'z', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\ufeff', 'Ｆ', 'ｑ', '中', '文', 'İ', 'É', '1', '.', '-', '😀'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const a = new Uint32Array(BINS);
    const b = new Uint32Array(BINS);
    for (let t = 0; t < 3000; t++) {
      const text = Array.from({ length: next(40) }, () => alphabet[next(alphabet.length)]).join('');
      for (const k of [1, 3, 5, 8]) {
        const norm = normalizeText(text);
        minhash(norm, k, a);
        const key = fingerprint(text, k, b);
        expect(key, JSON.stringify(text)).toBe(norm ? exactKey(norm) : -1);
        expect([...b], JSON.stringify(text)).toEqual([...a]);
      }
    }
  });
});

describe('trainer comparisons', () => {
  it('compares base models without case, trailing slash, or by their last segment', () => {
    expect(sameBaseModel('Qwen/Qwen2.5-7B-Instruct', '/models/qwen2.5-7b-instruct/')).toBe(true);
    expect(sameBaseModel('Qwen/Qwen2.5-7B-Instruct', 'qwen/Qwen2.5-7B-Instruct')).toBe(true);
    expect(sameBaseModel('Qwen/Qwen2.5-7B-Instruct', 'Qwen/Qwen2.5-7B')).toBe(false);
    expect(sameBaseModel('meta-llama/Llama-3.1-8B', 'meta-llama/Llama-3.1-8B-Instruct')).toBe(false);
  });

  it('compares lora/qlora/full with the adapter and the objectives with the stage', () => {
    const config = (adapter: string, objective: string) => ({
      framework: 'axolotl' as const,
      detectedBy: 'plan' as const,
      adapter: { value: adapter as 'lora', source: 'adapter (line 3)' },
      objective: { value: objective as 'sft', source: 'rl (line 4)' },
      evaluation: { outcome: 'runs' as const, why: '' },
    });
    expect(methodMismatch('lora', config('lora', 'dpo'))).toBeUndefined();
    expect(render('en', methodMismatch('qlora', config('lora', 'sft'))!)).toBe('trains a LoRA adapter (adapter (line 3))');
    expect(render('en', methodMismatch('full', config('qlora', 'sft'))!)).toBe('trains a QLoRA adapter (adapter (line 3))');
    expect(render('en', methodMismatch('lora', config('full', 'sft'))!)).toBe('runs full fine-tuning (adapter (line 3))');
    expect(render('en', methodMismatch('full', config('freeze', 'sft'))!)).toBe('trains some layers only, the rest frozen (adapter (line 3))');
    expect(render('en', methodMismatch('lora', { ...config('lora', 'sft'), adapter: { value: 'qlora', source: 'x', dora: true } })!)).toBe('trains a QDoRA adapter (x)');
    expect(render('en', methodMismatch('sft', config('lora', 'rm'))!)).toBe('runs reward modelling (rl (line 4))');
    expect(render('zh-CN', methodMismatch('sft', config('lora', 'cpt'))!)).toBe('运行的是 继续预训练（rl (line 4)）');
    expect(render('en', methodMismatch('dpo', config('lora', 'sft'))!)).toBe('runs SFT (rl (line 4))');
    expect(methodMismatch('other', config('full', 'dpo'))).toBeUndefined();
  });
});

describe('reading trainer configs', () => {
  const read = (text: string, declared?: string, fileName = 'x.yaml'): TrainerConfig => {
    const r = interpretTrainerConfig(text, declared, fileName);
    if (!('config' in r)) throw new Error(render('en', r.unreadable));
    return r.config;
  };
  const en = (p: unknown): string => (typeof p === 'string' ? p : render('en', p as Parameters<typeof render>[1]));

  it('tells the framework from the keys, and keeps the declared one only as a disagreement', () => {
    expect(read('model: Qwen/Qwen3-4B\npeft_config:\n  name: lora\ntrain_dataset: data/x.yaml\n')).toMatchObject({ framework: 'llama-factory', format: 'v1', detectedBy: 'keys' });
    expect(read('policy_model:\n  _component_: torchtune.models.mistral.mistral_7b\noptimizer:\n  _component_: torch.optim.AdamW\n')).toMatchObject({ framework: 'torchtune', adapter: { value: 'full' } });
    const c = read('base_model: Qwen/Qwen2.5-7B\nval_set_size: 0.1\nevals_per_epoch: 4\n', 'torchtune');
    expect(c.framework).toBe('axolotl');
    expect(c.declaredOther).toEqual({ declared: 'torchtune', keys: ['base_model', 'val_set_size'] });
    expect(c.evaluation.outcome).toBe('runs');
  });

  it('reports an alias bomb and a launcher config as unreadable, with the reason', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    const r = interpretTrainerConfig(bomb, 'axolotl');
    expect('unreadable' in r && render('en', r.unreadable)).toMatch(/^it is not valid YAML \(line \?: .*alias/i);
    const launcher = interpretTrainerConfig('compute_environment: LOCAL_MACHINE\ndistributed_type: FSDP\n', undefined);
    expect('unreadable' in launcher && render('en', launcher.unreadable)).toBe('it does not train: it is a launcher config (compute_environment, distributed_type), not the trainer\'s own');
  });

  it('resolves ${…} from the config itself, nested too, and names no base model when a reference cannot be resolved', () => {
    const tt = (dir: string, extra = ''): TrainerConfig =>
      read(`${extra}root: /ckpt\nname: \${root}/Llama-3.2-3B\nmodel:\n  _component_: torchtune.models.llama3_2.llama3_2_3b\noptimizer:\n  _component_: torch.optim.AdamW\ncheckpointer:\n  checkpoint_dir: ${dir}\n`);
    expect(tt('${name}/original/').baseModel?.value).toBe('/ckpt/Llama-3.2-3B');
    expect(en(tt('${name}/original/').baseModel?.source)).toBe('checkpointer.checkpoint_dir ${name}/original/, the original/ folder of that model');
    expect(tt('${oc.env:CKPT_DIR}').baseModel).toBeUndefined();
    expect(tt('${missing}').baseModel).toBeUndefined();
  });

  it('reads LLaMA-Factory lists and comma strings alike, and an eval dataset that is also trained on', () => {
    const lf = (dataset: string, evalDataset: string): TrainerConfig =>
      read(`model_name_or_path: m\nstage: sft\ndo_train: true\ndataset: ${dataset}\neval_dataset: ${evalDataset}\neval_strategy: steps\n`);
    expect(lf('a, b', '[c]').trainData).toMatchObject({ kind: 'dataset-names', names: ['a', 'b'] });
    expect(lf('[a, b]', 'c').trainData).toMatchObject({ kind: 'dataset-names', names: ['a', 'b'] });
    expect(lf('[a, b]', 'c').evaluation.outcome).toBe('runs');
    const shared = lf('a,b', 'b, c');
    expect(shared.evaluation.outcome).toBe('train-data');
    expect(en(shared.evaluation.why)).toBe('eval_dataset (line 5) names "b", which dataset (line 4) also trains on');
  });

  it('takes the torchtune recipe from the tune run line that names this config', () => {
    const text = (recipeLine: string): string =>
      `# ${recipeLine}\n#   tune run --nnodes 1 --nproc_per_node 2 lora_finetune_distributed --config qwen2/1.5B_lora\nmodel:\n  _component_: torchtune.models.qwen2.lora_qwen2_0_5b\noptimizer:\n  _component_: torch.optim.AdamW\ndataset_val:\n  _component_: torchtune.datasets.alpaca_dataset\n  split: train[95%:]\nrun_val_every_n_steps: 10\n`;
    const own = read(text('tune run lora_finetune_single_device --config=qwen2/0.5B_lora_single_device'), undefined, '0.5B_lora_single_device.yaml');
    expect(own.evaluation.outcome).toBe('never');
    expect(en(own.evaluation.why)).toBe('dataset_val (line 7) is set, but its recipe lora_finetune_single_device (line 1) does not read it (only the distributed fine-tuning recipes validate)');
    expect(read(text('a comment'), undefined, 'other.yaml').evaluation.outcome).toBe('runs');
  });
});

describe('settings', () => {
  it('one settings object covers plan rules and data rules; unknown ids are still refused', async () => {
    expect(() => resolveRules(rules, { 'eval-set-size': 'off', 'no-eval-set': 'warn' })).not.toThrow();
    expect(() => resolveRules(dataRules, { 'eval-set-size': ['warn', { minExamples: 0 }] })).toThrow(ConfigError);
    // The options of the data checks on the data itself are validated the same way.
    for (const bad of [
      { 'data-sensitive-content': ['warn', { kinds: ['fax'] }] },
      { 'data-sensitive-content': ['warn', { allow: 'support@example.com' }] },
      { 'train-duplicates': ['warn', { maxShare: 1.5 }] },
      { 'data-contradicts-goal': ['warn', { errorShare: -1 }] },
      { 'eval-underpowered': ['warn', { power: 0.3 }] },
      { 'eval-underpowered': ['warn', { beta: 0.2 }] },
    ] as const) {
      expect(() => resolveRules(dataRules, bad as unknown as Parameters<typeof resolveRules>[1]), JSON.stringify(bad)).toThrow(ConfigError);
    }
    expect(() => resolveRules(rules, { 'eval-set-sise': 'off' })).toThrow('unknown rule "eval-set-sise" — did you mean "eval-set-size"?');
    const dir = repo({ 'data/train.jsonl': `${chat('a')}\n`, 'data/eval.jsonl': `${chat('b')}\n` });
    const [result] = await lintFiles([path.join(dir, 'finetune-plan.yaml')], { rules: { 'eval-set-size': ['error', { minExamples: 5 }] }, dataChecks: {} });
    expect(result!.messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([
      [
        'eval-underpowered',
        'warning',
        "with 1 eval example, the prompt baseline 0.71 is known only to ±0.44 (95% Wilson interval 0.11–0.98); goal 1's target >= 0.9 cannot be told apart from it — about 68 examples would be needed (two-proportion z-test, two-sided α = 0.05, power 0.8)",
      ],
      ['eval-set-size', 'error', 'data/eval.jsonl holds 1 example, fewer than 5: too few to tell a change from noise'],
    ]);
    expect(result!.errorCount).toBe(1);
    expect(result!.verdict).toBe('fix-first');
    const [off] = await lintFiles([path.join(dir, 'finetune-plan.yaml')]);
    expect(off!.messages).toEqual([]);
  });
});

describe('a data rule that fails', () => {
  it('is an internal-error in the locale, its own error text as it is; the other data rules still run', async () => {
    const dir = repo({ 'data/eval.jsonl': `${chat('q')}\n` });
    const missing = dataRules.find((r) => r.meta.id === 'data-file-missing')!;
    const spy = vi.spyOn(missing, 'check').mockRejectedValue(new Error('boom'));
    try {
      const show = (ms: Awaited<ReturnType<typeof check>>): string[][] => ms.map((m) => [m.ruleId, m.severity, m.message, m.hint]);
      expect(show(await check(dir, { locale: 'zh-CN' }))).toEqual([
        ['internal-error', 'error', '规则「data-file-missing」在检查此文件时出错：boom', '这是 finetune-lint 的缺陷，不是你的计划的问题；请附上计划报告给我们。'],
        ['eval-set-size', 'warning', 'data/eval.jsonl 只有 1 条样本，少于 50 条：太少，无法区分真实变化与噪声', '收集更多留出样本（几百条才能让几个百分点的变化可以测出来），并让 data.eval.examples 与文件保持一致。'],
      ]);
      expect(show(await check(dir)).slice(0, 1)).toEqual([
        ['internal-error', 'error', 'rule "data-file-missing" failed while checking this file: boom', 'This is a bug in finetune-lint, not in your plan; please report it with the plan attached.'],
      ]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('data-sensitive-content', () => {
  const fixtureDir = path.join(import.meta.dirname, '..', 'fixtures', 'data', 'content');
  const only = { 'eval-set-size': 'off', 'eval-train-overlap': 'off', 'train-duplicates': 'off' } as const;

  it('counts each kind, confirmed by its checksum, with line numbers and masked samples', async () => {
    const { readFileSync } = await import('node:fs');
    const dir = repo({
      'data/train.jsonl': readFileSync(path.join(fixtureDir, 'data', 'pii-train.jsonl'), 'utf8'),
      'data/eval.jsonl': readFileSync(path.join(fixtureDir, 'data', 'pii-eval.jsonl'), 'utf8'),
    });
    const found = await check(dir, { rules: only });
    expect(found.map((m) => [m.ruleId, m.severity, m.line, m.message])).toEqual([
      [
        'data-sensitive-content',
        'warning',
        18,
        '8 of 12 records in data/train.jsonl hold personal data or secrets (values masked): 2 e-mail addresses (lines 6, 7; e.g. j***@gmail.com), 3 phone numbers (lines 1, 12; e.g. 138****5678), 1 resident ID number (line 4; 110****002X), 1 payment card number (line 2; 4111****1111), 1 IBAN (line 8; GB82****5432), 1 key or token (line 10; AKIA****)',
      ],
      ['data-sensitive-content', 'warning', 20, '1 of 2 records in data/eval.jsonl holds personal data or secrets (values masked): 1 e-mail address (line 1; l***@163.com), 1 phone number (line 1; 139****5678)'],
    ]);
    // Look-alikes whose checksums fail (line 3: Luhn, line 5: ID check digit, line 9: IBAN mod 97) and ordinary numbers are not counted.
    const zh = await check(dir, { rules: only, locale: 'zh-CN' });
    expect(zh[1]!.message).toBe('data/eval.jsonl 的 2 条记录中有 1 条含有个人信息或密钥（已遮盖）：1 个电子邮件地址（第 1 行；l***@163.com）、1 个电话号码（第 1 行；139****5678）');
  });

  it('leaves out allowed values and kinds turned off; kinds: [] turns the check off', async () => {
    const dir = repo({ 'data/train.jsonl': `${chat('Mail support@Example.com or jane.doe@gmail.com, call 13812345678')}\n`, 'data/eval.jsonl': `${chat('Hello')}\n` });
    const rule = (o: Record<string, unknown>) => ({ rules: { ...only, 'data-sensitive-content': ['warn', o] as ['warn', Record<string, unknown>] } });
    expect((await check(dir, rule({ allow: ['SUPPORT@example.com', 'jane.doe@gmail.com'] }))).map((m) => m.message)).toEqual([
      '1 of 1 records in data/train.jsonl holds personal data or secrets (values masked): 1 phone number (line 1; 138****5678)',
    ]);
    expect((await check(dir, rule({ kinds: ['email'], allow: ['138-1234-5678'] }))).map((m) => m.message)).toEqual([
      '1 of 1 records in data/train.jsonl holds personal data or secrets (values masked): 2 e-mail addresses (line 1; e.g. s***@Example.com)',
    ]);
    expect(await check(dir, rule({ kinds: [] }))).toEqual([]);
  });

  it('reads CSV and JSON array records too, with the line each record starts on', async () => {
    const csv = 'prompt,completion\n"Hello,\nthere",Hi\nMail me,"at jane.doe@gmail.com please"\n';
    const json = `[\n${chat('first')},\n${chat('Call 13812345678')}\n]\n`;
    const dir = repo({ 'data/train.csv': csv, 'data/eval.json': json }, cleanPlan.replace('data/train.jsonl', 'data/train.csv').replace('data/eval.jsonl', 'data/eval.json'));
    expect((await check(dir, { rules: only })).map((m) => m.message)).toEqual([
      '1 of 2 records in data/train.csv holds personal data or secrets (values masked): 1 e-mail address (line 4; j***@gmail.com)',
      '1 of 2 records in data/eval.json holds personal data or secrets (values masked): 1 phone number (line 3; 138****5678)',
    ]);
  });

  it('is an error for a high-risk plan (risk.level high, or a high-risk domain without a level), unless highRiskError is false', async () => {
    const files = { 'data/train.jsonl': `${chat('My number is 13812345678')}\n`, 'data/eval.jsonl': `${chat('Hello')}\n` };
    const severity = async (plan: string, options: Record<string, unknown> = {}) =>
      (await check(repo(files, plan), { rules: { ...only, 'data-sensitive-content': ['warn', options] } })).map((m) => [m.severity, m.hint]);
    const warn = [['warning', "Remove or mask these values in the data before training (a model can repeat what it trained on); list known public values, such as a support address, under the rule's allow option."]];
    const error = [['error', 'The plan is for a high-risk setting: remove or mask these values before any training run, and record who checked the data.']];
    expect(await severity(cleanPlan)).toEqual(warn);
    expect(await severity(cleanPlan.replace('domain: internal writing assistant', 'domain: 银行客服'))).toEqual(error);
    expect(await severity(cleanPlan.replace('domain: internal writing assistant', 'domain: retail banking\nrisk:\n  level: low'))).toEqual(warn);
    expect(await severity(`${cleanPlan}risk:\n  level: high\n`)).toEqual(error);
    expect(await severity(`${cleanPlan}risk:\n  level: high\n`, { highRiskError: false })).toEqual(warn);
  });

  it('never prints a found value, in any output format', async () => {
    const secrets = ['13812345678', '4111 1111 1111 1111', '4111111111111111', '11010519491231002X', 'jane.doe@gmail.com', 'GB82 WEST 1234 5698 7654 32', 'AKIAIOSFODNN7EXAMPLE', 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB'];
    const dir = repo({ 'data/train.jsonl': `${secrets.map((s) => chat(`value: ${s}`)).join('\n')}\n`, 'data/eval.jsonl': `${chat(secrets.join(' and '))}\n` });
    const { runCli } = await import('./cli-helpers.js');
    for (const format of ['stylish', 'json', 'compact', 'github', 'sarif', 'junit']) {
      const r = runCli(['-f', format, 'finetune-plan.yaml'], { cwd: dir });
      expect(r.stdout, format).toContain('data-sensitive-content');
      for (const s of secrets) {
        expect(r.stdout, `${format}: ${s}`).not.toContain(s);
        expect(r.stdout, `${format}: ${s}`).not.toContain(s.replace(/ /g, ''));
      }
    }
  }, 60_000);
});

describe('train-duplicates', () => {
  const only = { 'eval-set-size': 'off', 'eval-train-overlap': 'off', 'data-sensitive-content': 'off' } as const;

  it('counts exact and near-duplicate prompts, and names the largest groups by their lines', async () => {
    const train = [
      chat('My parcel arrived broken, I want a refund.'),
      chat('Can I change the size of my order?'),
      chat('MY PARCEL arrived broken,   I want a refund.'),
      chat('How do I return a gift?'),
      chat('My parcel arrived broken, I want a refund!'),
      chat('我在上个月买的蓝色羽绒服尺码偏小，已经寄回仓库了，请问退款多久到账？'),
      chat('我在上个月买的蓝色羽绒服尺码偏小，已经寄回仓库了，请问退款多久到账。'),
      chat('What are your opening hours?'),
    ];
    const dir = repo({ 'data/train.jsonl': `${train.join('\n')}\n`, 'data/eval.jsonl': `${chat('Hello')}\n` });
    const found = await check(dir, { rules: only });
    expect(found.map((m) => [m.ruleId, m.severity, m.line, m.message])).toEqual([
      [
        'train-duplicates',
        'warning',
        18,
        '3 of 8 training examples in data/train.jsonl (37.5%, 1 exact, 2 near-duplicates) repeat another, more than 5%; largest groups: 3 copies (lines 1, 3, 5), 2 copies (lines 6, 7): duplicated examples over-weight one behaviour',
      ],
    ]);
    expect(await check(dir, { rules: { ...only, 'train-duplicates': ['warn', { maxShare: 0.4 }] } })).toEqual([]);
    const exactOnly = await check(dir, { rules: { ...only, 'train-duplicates': ['warn', { threshold: 1, maxGroups: 1 }] } });
    expect(exactOnly.map((m) => m.message)).toEqual([
      '1 of 8 training examples in data/train.jsonl (12.5%, exact) repeats another, more than 5%; largest groups: 2 copies (lines 1, 3): duplicated examples over-weight one behaviour',
    ]);
    // The same findings whether the fingerprints are shared with eval-train-overlap, computed for this check alone,
    // or computed twice because the two checks use different shingle sizes.
    const expected = found.map((m) => m.message);
    expect((await check(dir, { rules: { ...only, 'eval-train-overlap': 'error' } })).filter((m) => m.ruleId === 'train-duplicates').map((m) => m.message)).toEqual(expected);
    const otherShingles = await check(dir, { rules: { ...only, 'eval-train-overlap': ['error', { shingleSize: 3 }] } });
    expect(otherShingles.filter((m) => m.ruleId === 'train-duplicates').map((m) => m.message)).toEqual(expected);
  });

  it('streams a large generated training file and finds planted copies far apart', async () => {
    const dir = repo({ 'data/eval.jsonl': `${chat('Held-out question')}\n` });
    const out = createWriteStream(path.join(dir, 'data', 'train.jsonl'));
    const n = 200_000;
    // Distinct prompts (a counter spelt out in words); every 10th record repeats the one 5 lines up,
    // and past line 100,000 one nearly 100,000 lines up, so that groups of three span the file.
    const words = 'amber birch cedar delta ember fjord grove harbor island juniper kestrel lagoon meadow'.split(' ');
    const prompt = (i: number): string => `Tell me about ${Array.from({ length: 6 }, (_, d) => words[Math.floor(i / 13 ** d) % 13]).join(' ')} today`;
    for (let i = 1; i <= n; i++) {
      const record = i % 10 !== 0 ? chat(prompt(i)) : chat(prompt(i > 100_000 ? i - 99_995 : i - 5));
      if (!out.write(`${record}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const found = await check(dir, { rules: { ...only, 'train-duplicates': ['warn', { threshold: 1 }] } });
    expect(found.map((m) => m.message)).toEqual([
      '20000 of 200000 training examples in data/train.jsonl (10.0%, exact) repeat another, more than 5%; largest groups: 3 copies (lines 15, 20, 100010), 3 copies (lines 25, 30, 100020), 3 copies (lines 35, 40, 100030): duplicated examples over-weight one behaviour',
    ]);
  }, 60_000);
});

describe('data-contradicts-goal', () => {
  it('infers checks only from text that states one unambiguously, in English and Chinese', async () => {
    const { inferChecks } = await import('../src/node/data/goal-checks.js');
    const infer = (t: string) => inferChecks(t).map((c) => `${c.kind}=${c.value}`);
    expect(infer('Replies are at most 120 words and lead with the answer.')).toEqual(['max_words=120']);
    expect(infer('Summaries under 280 characters.')).toEqual(['max_chars=279']);
    expect(infer('Answer in one sentence, no more than 40 words.')).toEqual(['max_words=40', 'max_sentences=1']);
    expect(infer('回复不超过 100 字，先给结论。')).toEqual(['max_chars=100']);
    expect(infer('摘要控制在80字以内，最多两句话。')).toEqual(['max_chars=80', 'max_sentences=2']);
    expect(infer('Refund replies are valid JSON in the helpdesk reply schema.')).toEqual(['format=json']);
    expect(infer('严格按照定义的 JSON 格式输出。')).toEqual(['format=json']);
    expect(infer('Always reply in English, even to questions in German.')).toEqual(['language=en']);
    expect(infer('无论用户用什么语言提问，都用中文回答。')).toEqual(['language=zh']);
    expect(infer('Replies never include ticket numbers like ABC-123.')).toEqual(['must_not_match=\\b[A-Z]{3}-\\d+\\b']);
    for (const vague of ['Replies are shorter and more concise.', '回答更简洁。', 'Make it better.', 'Never mention competitors like Acme.', 'Replies mention the JSON API when relevant.']) {
      expect(infer(vague), vague).toEqual([]);
    }
  });

  it('counts words, characters and sentences as readers do, and tells languages by script', async () => {
    const { countWords, countChars, countSentences, inLanguage } = await import('../src/node/data/goal-checks.js');
    expect(countWords("It's a well-known fact: 3.5 million users, don't panic!")).toBe(9);
    expect(countWords('今天已出库，预计周五送达。')).toBe(11);
    expect(countWords('使用 API 调用 v2 接口')).toBe(8);
    expect(countChars('今天已出库， 预计 周五送达。')).toBe(13);
    expect(countChars('a b\tc😀')).toBe(4);
    expect(countSentences('First one. Second one! Third? Version 3.5 is out')).toBe(4);
    expect(countSentences('今天已出库。预计周五送达！')).toBe(2);
    expect(inLanguage('今天已出库，API 调用正常。', 'zh')).toBe(true);
    expect(inLanguage('It left the warehouse today.', 'zh')).toBe(false);
    expect(inLanguage('It left the warehouse today.', 'en')).toBe(true);
    expect(inLanguage('今日出荷しました。', 'ja')).toBe(true);
    expect(inLanguage('今天已出库。', 'ja')).toBe(false);
    expect(inLanguage('{"id": 42}', 'zh')).toBe(false);
    expect(inLanguage('42 / 7', 'zh')).toBe(true);
  });

  it('runs patterns in linear time: a catastrophic pattern on a long reply finishes at once', async () => {
    const train = `${chat('Hi', `${'a'.repeat(30_000)}b`)}\n${chat('Hi', 'aaa')}\n`;
    const plan = cleanPlan.replace('    target: ">= 0.9"', '    target: ">= 0.9"\n    checks:\n      must_match: "^(a+)+$"');
    const dir = repo({ 'data/train.jsonl': train, 'data/eval.jsonl': `${chat('Hello', 'aaaa')}\n` }, plan);
    const start = Date.now();
    const found = await check(dir, { rules: { 'eval-set-size': 'off', 'train-duplicates': 'off' } });
    expect(Date.now() - start).toBeLessThan(3000);
    expect(found.map((m) => [m.ruleId, m.severity, m.line, m.message])).toEqual([
      ['data-contradicts-goal', 'error', 11, "50% of 2 training replies in data/train.jsonl do not match goal 1's pattern /^(a+)+$/ (line 1): the data teaches what the goal forbids"],
    ]);
  });

  it('reports a pattern that needs backtracking, or is invalid, even when the data files are missing', async () => {
    const plan = cleanPlan.replace('    target: ">= 0.9"', '    target: ">= 0.9"\n    checks:\n      must_not_match: ["(a)\\\\1", "([a-z", "ok"]');
    const found = await check(repo({}, plan), { rules: { 'data-file-missing': 'off' } });
    expect(found.map((m) => [m.ruleId, m.line, m.message])).toEqual([
      ['data-contradicts-goal', 11, 'this check cannot be used: /(a)\\1/ needs backtracking (a backreference, lookahead or lookbehind), which could make a run hang'],
      ['data-contradicts-goal', 11, 'this check cannot be used: /([a-z/ is not a valid regular expression (/([a-z/: Unterminated character class)'],
    ]);
  });

  it('checks replies against a JSON schema next to the plan, and says when the schema cannot be used', async () => {
    const schema = JSON.stringify({ type: 'object', required: ['action'], properties: { action: { enum: ['refund', 'replace'] } } });
    const plan = (p: string) => cleanPlan.replace('    target: ">= 0.9"', `    target: ">= 0.9"\n    checks:\n      json_schema: ${p}`);
    const files = {
      'schemas/reply.json': schema,
      'data/train.jsonl': [chat('a', '{"action": "refund"}'), chat('b', '{"action": "cancel"}'), chat('c', 'not json'), chat('d', '{"action": "replace"}')].join('\n'),
      'data/eval.jsonl': `${chat('e', '{"action": "refund"}')}\n`,
    };
    const rules = { 'eval-set-size': 'off', 'train-duplicates': 'off' } as const;
    expect((await check(repo(files, plan('schemas/reply.json')), { rules })).map((m) => [m.severity, m.message])).toEqual([
      ['error', "50% of 4 training replies in data/train.jsonl do not match goal 1's JSON schema schemas/reply.json (lines 2, 3): the data teaches what the goal forbids"],
    ]);
    expect((await check(repo(files, plan('schemas/missing.json')), { rules })).map((m) => m.message)).toEqual(['this check cannot be used: the JSON schema schemas/missing.json does not exist']);
  });

  it('stays quiet at or below maxShare, warns above it, and is an error from errorShare on', async () => {
    const replies = Array.from({ length: 20 }, (_, i) => chat(`Question ${i}`, i < 3 ? 'one two three four five six' : 'one two'));
    const dir = repo({ 'data/train.jsonl': `${replies.join('\n')}\n`, 'data/eval.jsonl': `${chat('Hello', 'Hi there')}\n` }, cleanPlan.replace('at most 120 words', 'at most 4 words'));
    const run = async (options: Record<string, unknown>) =>
      (await check(dir, { rules: { 'eval-set-size': 'off', 'train-duplicates': 'off', 'data-contradicts-goal': ['warn', options] } })).map((m) => [m.severity, m.hint]);
    expect(await run({ maxShare: 0.15 })).toEqual([]);
    const explicit = 'Fix or drop the replies that break the goal. This check was read from the goal\'s text; write checks: { max_words: 4 } under goal 1 to make it explicit (or change it).';
    expect(await run({ maxShare: 0.1 })).toEqual([['warning', explicit]]);
    expect(await run({ maxShare: 0.1, errorShare: 0.15 })).toEqual([['error', explicit]]);
  });
});

describe('reply extraction (what data-contradicts-goal reads)', () => {
  it('takes the target side of every record shape the data checks know', async () => {
    const { replyTexts } = await import('../src/node/data/replies.js');
    expect(replyTexts({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'Q' }, { role: 'assistant', content: 'A1' }, { role: 'user', content: 'Q2' }, { role: 'assistant', content: [{ type: 'text', text: 'A2' }] }] })).toEqual(['A1', 'A2']);
    expect(replyTexts({ conversations: [{ from: 'human', value: 'Q' }, { from: 'gpt', value: 'A' }] })).toEqual(['A']);
    expect(replyTexts({ conversations: [{ from: 'human', value: 'Q' }], chosen: { from: 'gpt', value: 'good' }, rejected: { from: 'gpt', value: 'bad' } })).toEqual(['good']);
    expect(replyTexts({ instruction: 'I', input: 'X', output: 'O' })).toEqual(['O']);
    expect(replyTexts({ prompt: 'P', completion: 'C' })).toEqual(['C']);
    expect(replyTexts({ prompt: [{ role: 'user', content: 'P' }], completion: [{ role: 'assistant', content: 'C' }] })).toEqual(['C']);
    expect(replyTexts({ prompt: 'P', chosen: 'yes', rejected: 'no' })).toEqual(['yes']);
    expect(replyTexts({ chosen: [{ role: 'user', content: 'P' }, { role: 'assistant', content: 'yes' }], rejected: [] })).toEqual(['yes']);
    expect(replyTexts({ text: 'plain pre-training text' })).toEqual([]);
    expect(replyTexts({ messages: [{ role: 'assistant', content: '   ' }] })).toEqual([]);
    expect(replyTexts('not a record')).toEqual([]);
  });
});
