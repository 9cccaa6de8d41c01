import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { repoRoot, runCli, tempTree } from './cli-helpers.js';

const dir = path.join(repoRoot, 'fixtures', 'not-a-plan');

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; severity: number; message: string; line: number; column: number }>;
}

describe('a YAML file that is clearly not a plan', () => {
  it('gets one finding naming what it looks like, not a schema error per key', () => {
    const r = runCli(['-f', 'json', dir]);
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as JsonResult[];
    const byFile = Object.fromEntries(results.map((x) => [path.basename(x.filePath), x.messages]));
    expect(byFile).toEqual({
      'axolotl-lora-1b.yml': [
        expect.objectContaining({
          ruleId: 'not-a-plan',
          severity: 2,
          line: 1,
          column: 1,
          message: 'this looks like an Axolotl config, not a fine-tuning plan: it has no "version" or "goals", and has load_in_8bit, load_in_4bit, datasets, dataset_prepared_path',
        }),
      ],
      'docker-compose.yaml': [expect.objectContaining({ ruleId: 'not-a-plan', message: expect.stringMatching(/^this looks like a Docker Compose file, /) })],
      'llama3_lora_sft.yaml': [
        expect.objectContaining({
          ruleId: 'not-a-plan',
          severity: 2,
          line: 2,
          column: 1,
          message: 'this looks like a LLaMA-Factory config, not a fine-tuning plan: it has no "version" or "goals", and has model_name_or_path, stage, do_train, finetuning_type',
        }),
      ],
      'workflow.yml': [expect.objectContaining({ ruleId: 'not-a-plan', message: expect.stringMatching(/^this looks like a GitHub Actions workflow, /) })],
    });
  });

  it('says so in the stylish report with the fix, and in Chinese', () => {
    const r = runCli([path.join(dir, 'llama3_lora_sft.yaml')], { cwd: repoRoot });
    expect(r.stdout).toContain(
      '↳ Leave it out of the files you lint (the hook\'s files:, the Action\'s patterns), or name it in "ignores" of finetune-lint.config.yaml; a plan points at a trainer config with training.config.',
    );
    const zh = runCli(['--locale', 'zh-CN', path.join(dir, 'llama3_lora_sft.yaml')]);
    expect(zh.stdout).toContain('这看起来是 LLaMA-Factory 配置文件，不是微调计划：没有 "version" 和 "goals"，却有 model_name_or_path, stage, do_train, finetuning_type');
  });

  it('does not run the data checks on it', () => {
    const tree = tempTree({ 'plans/lf.yaml': 'stage: sft\ndo_train: true\ndataset: missing\n' });
    const r = runCli(['-f', 'json', 'plans/lf.yaml'], { cwd: tree });
    const [result] = JSON.parse(r.stdout) as JsonResult[];
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['not-a-plan']);
  });

  it('leaves a draft plan to the plan checks: a plan key, or no tell-tale keys, is enough', () => {
    const ids = (text: string): string[] => lintText(text).messages.map((m) => m.ruleId);
    // `version` makes it a plan, even with trainer keys in it.
    expect(ids('version: 1\nstage: sft\ndo_train: true\n')).toContain('schema');
    // A draft without version or goals that names only plan keys.
    expect(ids('name: x\nbase_model: m\nmethod: lora\n')).not.toContain('not-a-plan');
    expect(ids('name: x\nproblem: p\nservices: 1\n')).not.toContain('not-a-plan');
    // One trainer key alone is not clear enough.
    expect(ids('name: x\nstage: sft\n')).not.toContain('not-a-plan');
  });

  it('is not suppressed by a disable comment (it is not a rule)', () => {
    const r = lintText('# finetune-lint-disable not-a-plan\nstage: sft\ndo_train: true\n');
    expect(r.messages.map((m) => m.ruleId)).toEqual(['not-a-plan']);
  });
});
