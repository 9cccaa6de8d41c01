/** The languages finetune-lint speaks. Rule ids, JSON field names and exit codes never change with it. */
export type Locale = 'en' | 'zh-CN';

/** Every supported locale, the default first. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The supported locale a locale name stands for, or undefined when none does.
 * Accepts BCP 47 tags and POSIX locale names alike: `zh`, `zh-CN`, `zh_CN.UTF-8`,
 * `zh-Hans`, `zh_SG` → `zh-CN`; `en`, `en_US.UTF-8`, `C`, `POSIX` → `en`.
 * Every Chinese variant maps to Simplified Chinese, the only Chinese catalogue.
 */
export function normalizeLocale(name: string | undefined): Locale | undefined {
  if (!name) return undefined;
  // Drop the POSIX codeset and modifier (`zh_CN.UTF-8@pinyin` → `zh_CN`).
  const tag = name.trim().replace(/[.@].*$/, '').replace(/_/g, '-').toLowerCase();
  if (tag === 'c' || tag === 'posix') return 'en';
  const language = tag.split('-')[0];
  if (language === 'zh') return 'zh-CN';
  if (language === 'en') return 'en';
  return undefined;
}

/**
 * The locale to speak, from the `--locale` value when given, else from the
 * environment: `FINETUNE_LINT_LOCALE` when it names a supported locale, else
 * the system locale as POSIX defines it (the first non-empty of `LC_ALL`,
 * `LC_MESSAGES`, `LANG`), else English. A system locale finetune-lint has no
 * catalogue for (`fr_FR.UTF-8`) means English. Pure: the caller passes the
 * environment. An unsupported `flag` is not guessed at: it returns undefined,
 * and the caller reports it.
 */
export function resolveLocale(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Locale | undefined {
  if (flag !== undefined) return normalizeLocale(flag);
  const own = normalizeLocale(env.FINETUNE_LINT_LOCALE);
  if (own) return own;
  const system = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return normalizeLocale(system) ?? DEFAULT_LOCALE;
}
