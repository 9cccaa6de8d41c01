import { readFileSync } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAMES } from '../src/core/config/schema.js';
import { STARTER_PLANS } from '../src/core/init-template.js';
import { isPlanPath } from '../src/core/plan-patterns.js';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const entries = read('schemas/schemastore/catalog-entries.json') as Array<{ name: string; description: string; fileMatch: string[]; url: string }>;
/** Where a schema file is published: the raw file on the main branch. */
const published = (file: string): string => `https://raw.githubusercontent.com/finetune-lint/finetune-lint/main/${file}`;

describe('the Schema Store catalog entries', () => {
  it('have the fields Schema Store requires, and point at the published schemas', () => {
    expect(entries.map((e) => e.url)).toEqual([published('schemas/finetune-plan.schema.json'), published('schemas/finetune-lint.config.schema.json')]);
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(['description', 'fileMatch', 'name', 'url']);
      expect(e.name.length).toBeGreaterThan(0);
      expect(e.description).not.toMatch(/\.$/);
    }
  });

  it('match by name exactly the plan files finetune-lint picks by name, and no configuration file', () => {
    const [plan] = entries;
    const matches = (name: string): boolean => plan!.fileMatch.some((g) => minimatch(name, g));
    for (const name of ['finetune-plan.yaml', 'finetune-plan.yml', 'support-tone.finetune-plan.yaml', 'x.finetune-plan.yml']) {
      expect(matches(name), name).toBe(true);
      expect(isPlanPath(name), name).toBe(true);
    }
    for (const name of ['finetune-lint.config.yaml', 'plan.yaml', 'finetune-plan.json', 'train.yaml']) expect(matches(name), name).toBe(false);
  });

  it('match every configuration file name finetune-lint looks for', () => {
    expect(entries[1]!.fileMatch).toEqual([...CONFIG_FILE_NAMES]);
  });
});

describe('the starter plan', () => {
  it('names the published plan schema for the YAML language server, in both languages', () => {
    for (const plan of Object.values(STARTER_PLANS)) {
      expect(plan.split('\n')).toContain(`# yaml-language-server: $schema=${published('schemas/finetune-plan.schema.json')}`);
    }
  });
});
