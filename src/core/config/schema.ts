/**
 * The configuration file format, as a JSON Schema (draft-07). The rule ids
 * listed under `rules` come from the rule registry, so editors complete them;
 * other ids (plugin rules) are allowed by the schema and checked against the
 * rules actually loaded, with a did-you-mean.
 */

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = [
  'finetune-lint.config.yaml',
  'finetune-lint.config.json',
  '.finetunelintrc.yaml',
  '.finetunelintrc.json',
] as const;

/** The key holding the configuration inside `package.json`. */
export const PACKAGE_JSON_KEY = 'finetune-lint';

export const PRESETS = ['recommended', 'strict'] as const;
export type PresetName = (typeof PRESETS)[number];

export const CONFIG_SCHEMA_ID = 'https://github.com/finetune-lint/finetune-lint/blob/main/schemas/finetune-lint.config.schema.json';

/** What the schema says of a rule: its id, and for editors its description and options. */
export interface RuleSchemaEntry {
  id: string;
  description?: string;
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: object;
}

/**
 * The configuration schema. `rules` lists the rules editors should complete,
 * each with its description and, for a rule with options, the schema of its
 * options object; the code validates with the schema of no listed rule (any
 * id, any options object) and checks ids and options against the rules
 * actually loaded.
 */
export function configSchema(rules: readonly RuleSchemaEntry[]): Record<string, unknown> {
  const setting = { $ref: '#/definitions/ruleSetting' };
  const entry = (rule: RuleSchemaEntry): Record<string, unknown> => {
    const described = rule.description ? { description: rule.description } : {};
    if (!rule.optionsSchema) return { ...described, allOf: [setting] };
    const options = { ...rule.optionsSchema, ...(rule.defaultOptions && Object.keys(rule.defaultOptions).length ? { default: rule.defaultOptions } : {}) };
    return {
      ...described,
      anyOf: [
        { $ref: '#/definitions/severity' },
        { type: 'array', minItems: 1, maxItems: 2, items: [{ $ref: '#/definitions/severity' }, options], additionalItems: false },
      ],
    };
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'finetune-lint configuration',
    description: 'finetune-lint.config.yaml / .finetunelintrc.json / the "finetune-lint" key of package.json.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop looking for configuration files in parent folders.' },
      extends: {
        description: 'Presets applied before this file\'s rules: recommended (default severities) or strict (every rule an error).',
        anyOf: [
          { enum: [...PRESETS] },
          { type: 'array', items: { enum: [...PRESETS] } },
        ],
      },
      rules: { $ref: '#/definitions/rules' },
      overrides: {
        type: 'array',
        description: 'Rule settings for the plans matching `files` (globs relative to this file); later entries win.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: {
              anyOf: [
                { type: 'string', minLength: 1 },
                { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
              ],
            },
            rules: { $ref: '#/definitions/rules' },
          },
        },
      },
      ignores: {
        type: 'array',
        description: 'Plans never linted: .gitignore-style patterns relative to this file.',
        items: { type: 'string', minLength: 1 },
      },
      plugins: {
        type: 'array',
        description: 'Local modules exporting `rules`, relative to this file.',
        items: { type: 'string', minLength: 1 },
      },
      reportUnusedDisableDirectives: {
        enum: ['off', 'warn', 'error'],
        description: 'How a # finetune-lint-disable comment that suppresses nothing is reported (default warn).',
      },
      requireReason: {
        type: 'boolean',
        description: 'Make a # finetune-lint-disable comment without "-- reason" an error.',
      },
      locale: {
        enum: ['en', 'zh-CN'],
        description:
          'Language of messages and hints for the whole team (en or zh-CN); --locale and FINETUNE_LINT_LOCALE win over it, and it wins over LC_ALL, LC_MESSAGES and LANG. Read from the configuration that applies to the current folder.',
      },
    },
    definitions: {
      severity: { enum: ['off', 'warn', 'error', 0, 1, 2] },
      ruleSetting: {
        anyOf: [
          { $ref: '#/definitions/severity' },
          {
            type: 'array',
            minItems: 1,
            maxItems: 2,
            items: [{ $ref: '#/definitions/severity' }, { type: 'object' }],
            additionalItems: false,
          },
        ],
      },
      rules: {
        type: 'object',
        properties: Object.fromEntries(rules.map((rule) => [rule.id, entry(rule)])),
        additionalProperties: setting,
      },
    },
  };
}

export type SeverityValue = 'off' | 'warn' | 'error' | 0 | 1 | 2;
export type RuleSettingValue = SeverityValue | [SeverityValue] | [SeverityValue, Record<string, unknown>];

/** A configuration file's contents once it passed the schema. */
export interface ConfigData {
  root?: boolean;
  extends?: PresetName | PresetName[];
  rules?: Record<string, RuleSettingValue>;
  overrides?: Array<{ files: string | string[]; rules?: Record<string, RuleSettingValue> }>;
  ignores?: string[];
  plugins?: string[];
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
  requireReason?: boolean;
  locale?: 'en' | 'zh-CN';
}
