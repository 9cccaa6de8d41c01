import { Composer, isMap, isScalar, Parser, visit, type Document, type Scalar, type YAMLMap } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { SourceText, type Span, type Target } from './source.js';

/** A plan file that parsed into one YAML document whose root is a mapping. */
export interface ParsedPlan {
  source: SourceText;
  document: Document.Parsed;
  root: YAMLMap;
  /** The plan as plain data, for schema validation. */
  data: unknown;
  /** Whether `<FILL: …>` placeholders from the starter plan are left (each is a diagnostic). */
  hasPlaceholders: boolean;
  /** Comments that may be finetune-lint directives (`# finetune-lint-…`), in source order. */
  directiveComments: Span[];
}

export interface ParseOutcome {
  source: SourceText;
  /** Present when rules and the schema can run on the file. */
  plan?: ParsedPlan;
  diagnostics: Diagnostic[];
}

/**
 * Alias expansion cap: a plan has no reason to repeat a node more than a few
 * times, and a "billion laughs" file must not expand.
 */
const MAX_ALIAS_COUNT = 100;

/** Parses plan text. Never throws: every failure becomes a diagnostic. */
export function parsePlan(rawText: string): ParseOutcome {
  // A byte-order mark is not part of the text a person sees; positions are
  // reported as if it were not there.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const source = new SourceText(text);
  const diagnostics: Diagnostic[] = [];
  const error = (target: Target, ruleId: string, message: string, hint: string, fatal = false): void => {
    diagnostics.push({ ruleId, severity: 'error', message, hint, ...source.position(target), ...(fatal ? { fatal } : {}) });
  };

  // parseAllDocuments, unrolled to keep the syntax tree: directive comments are read from it.
  const tokens = Array.from(new Parser().parse(text));
  const docs = Array.from(new Composer({ prettyErrors: false, uniqueKeys: true, merge: false }).compose(tokens));

  // Syntax errors: report the first one only. Later ones are usually
  // consequences of it, and the file is not checked further.
  for (const doc of docs) {
    const syntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    if (syntax) {
      // The parser reports a stack overflow on absurdly deep nesting as an error of its own.
      const tooDeep = /call stack/i.test(syntax.message);
      // Where the stack runs out depends on the machine: report a deep file at its first content instead.
      const contentStart = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*/.exec(text)![0].length;
      error(
        tooDeep ? { start: contentStart, end: contentStart + 1 } : { start: syntax.pos[0], end: syntax.pos[1] },
        'syntax-error',
        tooDeep ? 'the plan is nested too deeply to read' : `YAML syntax error: ${syntax.message.replace(/\.$/, '')}`,
        tooDeep
          ? 'A plan needs only a few levels of nesting; remove the deeply nested value.'
          : 'Fix the YAML syntax at this position; nothing else in the file is checked until it parses.',
        true,
      );
      return { source, diagnostics };
    }
  }

  const first = docs[0];
  if (!first || first.contents === null) {
    error(
      { start: 0, end: 0 },
      'invalid-document',
      docs.length === 0 && text.trim() === '' ? 'the file is empty' : 'the file holds no YAML content, only comments',
      'Write the plan as a YAML mapping; `finetune-lint init` writes a starter plan.',
      true,
    );
    return { source, diagnostics };
  }

  if (!isMap(first.contents)) {
    const kind = first.contents && 'items' in first.contents ? 'a list' : 'a single value';
    error(
      first.contents,
      'invalid-document',
      `the plan must be a mapping of keys (version, name, goals, …), but its root is ${kind}`,
      'Write the plan as a YAML mapping, one key per line: `version: 1`, `name: …`.',
      true,
    );
    return { source, diagnostics };
  }

  for (const extra of docs.slice(1)) {
    const start = extra.range[0];
    error(
      { start, end: text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start) },
      'invalid-document',
      'the file holds more than one YAML document; only the first is checked',
      'Keep one plan per file: move each further document (after `---`) into a file of its own.',
    );
  }

  const walked = walk(first.contents);
  for (const key of walked.duplicateKeys) {
    error(
      key,
      'duplicate-key',
      `duplicate key "${String(key.value)}": only one of its values can be meant`,
      'Remove one of the two entries, or merge their contents under one key.',
    );
  }
  for (const { node, placeholder } of walked.placeholders) {
    error(
      node,
      'unfilled-placeholder',
      `unfilled placeholder ${placeholder}`,
      `Replace it with the plan's answer: ${placeholder.replace(/^<FILL:\s*/i, '').replace(/>$/, '')}.`,
    );
  }
  for (const w of first.warnings) {
    if (w.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = w.message.replace(/^Unresolved tag:\s*/, '').replace(/^tag:yaml\.org,2002:/, '!!');
    error(
      { start: w.pos[0], end: w.pos[1] },
      'unsupported-tag',
      `unsupported YAML tag "${tag}"; plans hold plain text, numbers, lists and mappings`,
      'Remove the tag and write the value as plain YAML.',
    );
  }

  let data: unknown;
  try {
    data = first.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const reason = /alias count/i.test((err as Error).message)
      ? `its aliases (*name) expand more than ${MAX_ALIAS_COUNT} times`
      : (err as Error).message.replace(/\.$/, '');
    error(
      first.contents,
      'syntax-error',
      `the plan cannot be read: ${reason}`,
      'Remove the aliases (*name) that cannot be resolved or that expand too far, and write the values out.',
      true,
    );
    return { source, diagnostics };
  }

  return {
    source,
    plan: {
      source,
      document: first,
      root: first.contents,
      data,
      hasPlaceholders: walked.placeholders.length > 0,
      directiveComments: text.includes('finetune-lint-') ? directiveComments(tokens) : [],
    },
    diagnostics,
  };
}

const PLACEHOLDER = /<FILL:[^>]*>/i;

/**
 * Spans of the comments in the syntax tree that start with `finetune-lint-`.
 * Only real comments count: a `#` inside a quoted or block scalar is text.
 */
function directiveComments(tokens: readonly unknown[]): Span[] {
  const found: Span[] = [];
  // Iterative: a deeply nested plan must not exhaust the call stack here.
  const stack: unknown[] = [...tokens];
  while (stack.length) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      stack.push(...item);
    } else if (item && typeof item === 'object') {
      const token = item as { type?: unknown; offset?: unknown; source?: unknown };
      if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
        if (/^#\s*finetune-lint-/.test(token.source)) found.push({ start: token.offset, end: token.offset + token.source.length });
        continue;
      }
      for (const value of Object.values(item)) if (value && typeof value === 'object') stack.push(value);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * One walk over the document: every key that repeats an earlier key of the
 * same mapping, and every `<FILL: …>` placeholder left from the starter plan
 * (`finetune-lint init`), in keys and values, at any depth.
 */
function walk(root: YAMLMap): { duplicateKeys: Scalar[]; placeholders: Array<{ node: Scalar; placeholder: string }> } {
  const duplicateKeys: Scalar[] = [];
  const placeholders: Array<{ node: Scalar; placeholder: string }> = [];
  visit(root, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        if (seen.has(name)) duplicateKeys.push(pair.key);
        else seen.add(name);
      }
    },
    Scalar(_, node) {
      if (typeof node.value !== 'string') return;
      const m = PLACEHOLDER.exec(node.value);
      if (m) placeholders.push({ node, placeholder: m[0] });
    },
  });
  return { duplicateKeys, placeholders };
}
