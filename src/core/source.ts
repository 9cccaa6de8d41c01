import { isCollection, isNode, isPair, type Node, type Pair } from 'yaml';
import type { Position } from './diagnostic.js';

/** A character range in the source text, as offsets (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/**
 * Anything a diagnostic can point at: a YAML node, a key/value pair (its key
 * is meant) or a raw span. Rules report targets; only this module turns them
 * into lines and columns.
 */
export type Target = Node | Pair | Span;

function isSpan(target: Target): target is Span {
  return typeof (target as Span).start === 'number' && typeof (target as Span).end === 'number';
}

/** The text of one plan file, with an index of where its lines start. */
export class SourceText {
  /** Offsets at which each line starts (line 1 at 0). */
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
  linePos(offset: number): { line: number; col: number } {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: at - this.lineStarts[lo]! + 1 };
  }

  /** The line that holds `offset`, without its line break. */
  lineAt(offset: number): string {
    const { line } = this.linePos(offset);
    const start = this.lineStarts[line - 1]!;
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, '');
  }

  /**
   * The span a diagnostic on `target` should cover. A block mapping or list
   * is narrowed to its first line so a finding about a whole section does not
   * paint the rest of the file.
   */
  spanOf(target: Target): Span {
    if (isSpan(target)) return this.trim(target.start, target.end);
    if (isPair(target)) {
      const key = target.key;
      if (isNode(key) && key.range) return this.trim(key.range[0], key.range[1]);
      if (isNode(target.value) && target.value.range) return this.spanOf(target.value);
      return { start: 0, end: 0 };
    }
    const range = target.range;
    if (!range) return { start: 0, end: 0 };
    if (isCollection(target)) {
      const lineEnd = this.text.indexOf('\n', range[0]);
      const end = lineEnd === -1 ? range[1] : Math.min(range[1], lineEnd);
      return this.trim(range[0], end);
    }
    return this.trim(range[0], range[1]);
  }

  /** 1-based start and end position of `target`. */
  position(target: Target): Position {
    const span = this.spanOf(target);
    const start = this.linePos(span.start);
    const end = this.linePos(span.end);
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  }

  /** Drops trailing white space and line breaks from a span. */
  private trim(start: number, end: number): Span {
    let e = Math.min(end, this.text.length);
    while (e > start && /\s/.test(this.text[e - 1] ?? '')) e--;
    if (e > start || end <= start) return { start, end: Math.max(start, e) };
    // A span of white space only: keep one character (a tab the parser complains about), but
    // never a line break, so that LF and CRLF files report the same positions.
    const first = this.text[start];
    return { start, end: first === undefined || first === '\n' || first === '\r' ? start : start + 1 };
  }
}
