import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for the CLI process (and its worker threads), applied before
 * any regular expression runs. Imported first by the CLI entry points only:
 * a library does not change its host's engine settings.
 *
 * `--no-regexp-tier-up`: by default V8 first compiles each regular expression
 * to bytecode for its interpreter, then compiles it again to machine code once
 * it has run. The detection rules' phrase lists are large alternations used on
 * every plan, so they always reach machine code; compiling them straight to it
 * cuts the first plan's cost by about 40 ms (measured: 74 ms → 19 ms for all
 * lexicons) and changes no match.
 *
 * The start-up script (scripts/cli-loader.cjs) sets the same flag before it
 * compiles the bundle, and `--no-regexp-optimization` too when the command
 * names only a few plan files.
 */
setFlagsFromString('--no-regexp-tier-up');
