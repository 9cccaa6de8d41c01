import pkg from '../../package.json' with { type: 'json' };

/** The finetune-lint version, from package.json. */
export const VERSION: string = pkg.version;
