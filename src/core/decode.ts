import type { Diagnostic } from './diagnostic.js';
import { DEFAULT_LOCALE, msg, render, type Locale, type MessageRef } from './i18n/index.js';

/** The text of a plan file, or the reason it has none. */
export type Decoded = { text: string } | { diagnostic: Diagnostic };

/** How many leading bytes are looked at to tell a binary file from text. */
const SNIFF_BYTES = 8192;

/**
 * Turns the bytes of a plan file into text. UTF-8 (with or without a
 * byte-order mark) is read as is; UTF-16 with a byte-order mark is decoded;
 * a file with NUL bytes is binary and invalid UTF-8 is reported at the line
 * and column of the first bad byte — never decoded into replacement
 * characters that would shift positions.
 */
export function decodePlanBytes(bytes: Uint8Array, locale: Locale = DEFAULT_LOCALE): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) {
    return {
      diagnostic: encodingError(locale, 1, 1, msg('encoding-error.binary'), msg('encoding-error.binary.hint')),
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      diagnostic: encodingError(
        locale,
        line,
        column,
        msg('encoding-error.invalid-utf8', { byte: hex, line, column }),
        msg('encoding-error.invalid-utf8.hint'),
      ),
    };
  }
}

function encodingError(locale: Locale, line: number, column: number, message: MessageRef, hint: MessageRef): Diagnostic {
  return {
    ruleId: 'encoding-error',
    severity: 'error',
    fatal: true,
    message: render(locale, message),
    hint: render(locale, hint),
    line,
    column,
    endLine: line,
    endColumn: column + 1,
  };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}
