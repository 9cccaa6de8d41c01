import { eastAsianWidth } from 'get-east-asian-width';

/** ANSI colour and style sequences: they take no columns. */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** Marks, format characters and variation selectors that join the character before them. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\u{FE00}-\u{FE0F}]/u;

/**
 * Columns a string takes in a terminal: East Asian wide and fullwidth
 * characters (Chinese, Japanese, Korean, fullwidth punctuation) take two,
 * combining marks and colour codes none. The widths come from Unicode's East
 * Asian Width data (`get-east-asian-width`); unlike `string-width` this does
 * not segment emoji sequences, which plans rarely hold, and it costs nothing
 * to load — stylish output is on the pre-commit path.
 */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  // Printable ASCII, the common case, is one column a character.
  if (/^[\x20-\x7e]*$/.test(plain)) return plain.length;
  let width = 0;
  for (const ch of plain) {
    if (ZERO_WIDTH.test(ch)) continue;
    width += eastAsianWidth(ch.codePointAt(0)!);
  }
  return width;
}
