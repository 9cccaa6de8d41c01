import { readFile } from 'node:fs/promises';
import { msg, type MessageRef } from '../../core/i18n/message.js';
import { resolveReference } from './references.js';

/**
 * Reads a goal's `json_schema` file (relative to the plan, inside the
 * repository root like every data path) and compiles it with ajv; a message
 * says why it cannot be used. ajv is loaded only when a plan names a schema.
 */
export async function loadSchema(written: string, planDir: string, rootDir: string, allowOutsideRoot: boolean): Promise<((value: unknown) => boolean) | MessageRef> {
  const ref = resolveReference(written, planDir, rootDir, allowOutsideRoot);
  if (ref.status === 'outside') return msg('data-contradicts-goal.schema.outside', { file: written });
  if (ref.status !== 'readable') return msg('data-contradicts-goal.schema.missing', { file: written });
  let schema: unknown;
  try {
    schema = JSON.parse(await readFile(ref.realPath ?? ref.absolute, 'utf8'));
  } catch (err) {
    return msg('data-contradicts-goal.schema.invalid', { file: written, detail: (err as Error).message });
  }
  try {
    const { default: Ajv } = await import('ajv');
    const validate = new Ajv({ strict: false, allErrors: false, validateSchema: true }).compile(schema as object);
    return (value: unknown) => validate(value) === true;
  } catch (err) {
    return msg('data-contradicts-goal.schema.invalid', { file: written, detail: (err as Error).message });
  }
}
