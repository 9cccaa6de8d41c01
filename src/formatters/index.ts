import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext, RuleDescription } from './types.js';

/** Output formats by the name given to `--format`. */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json, sarif, github, junit, compact };
