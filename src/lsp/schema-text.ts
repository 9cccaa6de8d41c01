import { schemaDescriptionsZhCN } from '../core/i18n/schema-descriptions.zh-CN.js';
import { translate, type Locale } from '../core/i18n/index.js';
import type { SchemaNode } from '../core/schema/plan-schema.js';
import { valuesAllowedAt } from './plan-outline.js';

/**
 * What the plan schema says about a key, in the user's language: its title
 * (English only: titles are short names, and the schema has no translation
 * of them) and its description.
 */
export function schemaDescription(schema: SchemaNode, locale: Locale): string | undefined {
  if (!schema.description) return undefined;
  return locale === 'en' ? schema.description : (schemaDescriptionsZhCN[schema.description] ?? schema.description);
}

/** The Markdown shown for a key: `**key** — title`, the description, and the allowed values when there is a list. */
export function keyMarkdown(key: string, schema: SchemaNode, path: ReadonlyArray<string | number>, locale: Locale): string {
  const head = schema.title && locale === 'en' && schema.title !== key ? `**${key}** — ${schema.title}` : `**${key}**`;
  const parts = [head];
  const description = schemaDescription(schema, locale);
  if (description) parts.push(description);
  const values = valuesAllowedAt(path);
  if (values.length) parts.push(translate(locale, 'lsp.hover.allowed-values', { values: values.map((v) => `\`${String(v)}\``).join(', ') }));
  return parts.join('\n\n');
}
