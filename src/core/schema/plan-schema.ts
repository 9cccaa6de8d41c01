import schemaJson from '../../../schemas/finetune-plan.schema.json' with { type: 'json' };

/** The parts of JSON Schema the plan schema uses. */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  minItems?: number;
  minLength?: number;
  minimum?: number;
  examples?: unknown[];
  definitions?: Record<string, SchemaNode>;
}

/** The plan JSON Schema (`schemas/finetune-plan.schema.json`). */
export const planSchema = schemaJson as unknown as SchemaNode;

/** Follows a local `$ref`, keeping the referring node's own title and description. */
export function deref(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace(/^#\/definitions\//, '');
  const target = planSchema.definitions?.[name];
  if (!target) return node;
  const { $ref: _ref, ...own } = node;
  return { ...deref(target), ...own };
}

/** The schema of the value at a data path (`['goals', 0, 'metric']`), if the schema describes it. */
export function schemaAt(path: ReadonlyArray<string | number>): SchemaNode | undefined {
  let node: SchemaNode | undefined = planSchema;
  for (const seg of path) {
    if (!node) return undefined;
    node = deref(node);
    if (typeof seg === 'number' || /^\d+$/.test(seg)) node = node.items;
    else {
      const extra: SchemaNode | undefined = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
      node = node.properties?.[seg] ?? extra;
    }
  }
  return node && deref(node);
}

let keyIndex: Map<string, string[]> | undefined;

/**
 * Where each key name is allowed in the plan, as display paths (`goals[].metric`),
 * so that a key written at the wrong level can be pointed to its place.
 */
export function placesOfKey(key: string): string[] {
  if (!keyIndex) {
    keyIndex = new Map();
    const walk = (node: SchemaNode, prefix: string, depth: number): void => {
      const n = deref(node);
      if (depth > 8) return;
      for (const [name, child] of Object.entries(n.properties ?? {})) {
        const here = prefix ? `${prefix}.${name}` : name;
        const list = keyIndex!.get(name) ?? [];
        list.push(here);
        keyIndex!.set(name, list);
        walk(child, here, depth + 1);
      }
      if (n.items) walk(n.items, `${prefix}[]`, depth + 1);
      for (const branch of n.anyOf ?? []) walk(branch, prefix, depth + 1);
    };
    walk(planSchema, '', 0);
  }
  return keyIndex.get(key) ?? [];
}
