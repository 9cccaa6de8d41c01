import { Composer, isMap, isScalar, isSeq, Parser, type Document, type Scalar, type YAMLMap } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { recognizeForeignYaml } from './foreign-yaml.js';
import { DEFAULT_LOCALE, hasMessage, msg, render, type Locale, type MessageKey, type MessageRef } from './i18n/index.js';
import { fullWidthColonFix } from './full-width-colon.js';
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

/** Parses plan text. Never throws: every failure becomes a diagnostic, worded in `locale`. */
export function parsePlan(rawText: string, locale: Locale = DEFAULT_LOCALE): ParseOutcome {
  // A byte-order mark is not part of the text a person sees; positions are
  // reported as if it were not there.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const source = new SourceText(text);
  const diagnostics: Diagnostic[] = [];
  const error = (target: Target, ruleId: string, message: MessageRef, hint: MessageRef, fatal = false): void => {
    diagnostics.push({
      ruleId,
      severity: 'error',
      message: render(locale, message),
      hint: render(locale, hint),
      ...source.position(target),
      ...(fatal ? { fatal } : {}),
    });
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
        tooDeep ? msg('syntax-error.too-deep') : msg('syntax-error.yaml', { detail: syntaxDetail(syntax.code, syntax.message) }),
        tooDeep ? msg('syntax-error.too-deep.hint') : syntaxHint(syntax.code, source, syntax.pos[0]),
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
      msg(docs.length === 0 && text.trim() === '' ? 'invalid-document.empty' : 'invalid-document.only-comments'),
      msg('invalid-document.empty.hint'),
      true,
    );
    return { source, diagnostics };
  }

  if (!isMap(first.contents)) {
    const kind = msg(first.contents && 'items' in first.contents ? 'invalid-document.kind.list' : 'invalid-document.kind.value');
    error(
      first.contents,
      'invalid-document',
      msg('invalid-document.not-mapping', { kind }),
      msg('invalid-document.not-mapping.hint'),
      true,
    );
    return { source, diagnostics };
  }

  // A trainer config or another tool's file: one finding, not a schema error per key.
  const rootKeys = first.contents.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []));
  const foreign = recognizeForeignYaml(rootKeys);
  if (foreign) {
    const firstKey = first.contents.items[0]?.key;
    error(
      isScalar(firstKey) ? firstKey : first.contents,
      'not-a-plan',
      msg('not-a-plan.found', { kind: msg(`not-a-plan.kind.${foreign.kind}` as MessageKey), keys: foreign.evidence.slice(0, 4).join(', ') }),
      msg('not-a-plan.hint'),
      true,
    );
    return { source, diagnostics };
  }

  for (const extra of docs.slice(1)) {
    const start = extra.range[0];
    error(
      { start, end: text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start) },
      'invalid-document',
      msg('invalid-document.several'),
      msg('invalid-document.several.hint'),
    );
  }

  const walked = walk(first.contents);
  for (const key of walked.duplicateKeys) {
    error(
      key,
      'duplicate-key',
      msg('duplicate-key.found', { key: String(key.value) }),
      msg('duplicate-key.hint'),
    );
  }
  for (const { node, placeholder } of walked.placeholders) {
    error(
      node,
      'unfilled-placeholder',
      msg('unfilled-placeholder.found', { placeholder }),
      msg('unfilled-placeholder.hint', { answer: placeholder.replace(/^<FILL:\s*/i, '').replace(/>$/, '') }),
    );
  }
  for (const w of first.warnings) {
    if (w.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = w.message.replace(/^Unresolved tag:\s*/, '').replace(/^tag:yaml\.org,2002:/, '!!');
    error(
      { start: w.pos[0], end: w.pos[1] },
      'unsupported-tag',
      msg('unsupported-tag.found', { tag }),
      msg('unsupported-tag.hint'),
    );
  }

  let data: unknown;
  try {
    data = first.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const reason = /alias count/i.test((err as Error).message)
      ? msg('syntax-error.alias-limit', { max: MAX_ALIAS_COUNT })
      : (err as Error).message.replace(/\.$/, '');
    error(
      first.contents,
      'syntax-error',
      msg('syntax-error.unreadable', { reason }),
      msg('syntax-error.unreadable.hint'),
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

/**
 * The parser's explanation of a syntax error: its own English text, with the
 * gist of its error code in front of it in other languages.
 */
function syntaxDetail(code: string, message: string): MessageRef {
  const key = `syntax-error.detail.${code}`;
  return msg(hasMessage(key) ? key : 'syntax-error.detail.unknown-code', { text: message.replace(/\.$/, '') });
}

/**
 * The fix for a syntax error. A key followed by a full-width colon gets the
 * line written with an ASCII one. An unquoted ": " inside a value (`behavior:
 * Replies: shorter`) reads as a nested key; the hint shows the line with its
 * value quoted.
 */
function syntaxHint(code: string, source: SourceText, offset: number): MessageRef {
  const line = source.lineAt(offset);
  const fix = fullWidthColonFix(line);
  if (fix) return msg('syntax-error.full-width-colon.hint', { fix });
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    const m = /^\s*(?:-\s+)?([^\s:#"'][^:#]*?):\s+([^"'\s].*?)\s*(?:\s#.*)?$/.exec(line);
    if (m) {
      const quoted = `${m[1]}: "${m[2]!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      return msg('syntax-error.quote-value.hint', { fix: quoted });
    }
  }
  return msg('syntax-error.yaml.hint');
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
  // Every node once, depth first, a key before its value (as yaml's `visit` goes), without
  // recursion: a deeply nested plan must not exhaust the call stack here either.
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        if (seen.has(name)) duplicateKeys.push(pair.key);
        else seen.add(name);
      }
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!.value, node.items[i]!.key);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isScalar(node) && typeof node.value === 'string') {
      const m = PLACEHOLDER.exec(node.value);
      if (m) placeholders.push({ node, placeholder: m[0] });
    }
  }
  return { duplicateKeys, placeholders };
}
