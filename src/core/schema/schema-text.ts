import { schemaDescriptionsZhCN, schemaTitlesZhCN } from '../i18n/schema-descriptions.zh-CN.js';
import { translate, type Locale } from '../i18n/index.js';
import type { SchemaNode } from './plan-schema.js';
import { valuesAllowedAt } from '../plan-outline.js';

/** A key's description from the plan schema, in the user's language. */
export function schemaDescription(schema: SchemaNode, locale: Locale): string | undefined {
  if (!schema.description) return undefined;
  return locale === 'en' ? schema.description : (schemaDescriptionsZhCN[schema.description] ?? schema.description);
}

/** A key's title (its short name) from the plan schema, in the user's language. */
export function schemaTitle(schema: SchemaNode, locale: Locale): string | undefined {
  if (!schema.title) return undefined;
  return locale === 'en' ? schema.title : (schemaTitlesZhCN[schema.title] ?? schema.title);
}

/** The Markdown shown for a key: `**key** — title`, the description, and the allowed values when there is a list. */
export function keyMarkdown(key: string, schema: SchemaNode, path: ReadonlyArray<string | number>, locale: Locale): string {
  const title = schemaTitle(schema, locale);
  const head = title && title !== key ? `**${key}** — ${title}` : `**${key}**`;
  const parts = [head];
  const description = schemaDescription(schema, locale);
  if (description) parts.push(description);
  const values = valuesAllowedAt(path);
  if (values.length) parts.push(translate(locale, 'lsp.hover.allowed-values', { values: values.map((v) => `\`${String(v)}\``).join(', ') }));
  return parts.join('\n\n');
}
