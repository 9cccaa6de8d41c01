/**
 * A key written with a full-width colon (`name： 客服`, common with Chinese
 * input methods) is no key to YAML: at the top of a plan the line runs on into
 * the next one (a syntax error), and under a key it makes that key's value a
 * string. Both get the same fix: the line with an ASCII colon.
 */
const FULL_WIDTH_KEY = /^\s*(?:-\s+)?([^\s:#"'：][^:#"'：]*?)\s*：\s*(.*?)\s*$/;

/** `line` written with an ASCII colon after its key, when the line is a key and a full-width colon; else undefined. */
export function fullWidthColonFix(line: string): string | undefined {
  const m = FULL_WIDTH_KEY.exec(line);
  return m ? `${m[1]}: ${m[2]}`.trimEnd() : undefined;
}
