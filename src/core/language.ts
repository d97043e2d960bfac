/**
 * Which of the kit's languages a page's language tag gets. DOM-free.
 *
 * The kit speaks the 36 languages B2C translates its user flows into
 * (language-customization.md, "Supported languages", the "User flows" column),
 * plus Arabic and Hebrew, which B2C lists for MFA notifications and pages are
 * often customised into. English is built into the elements.
 */

/** The kit's languages, as B2C writes them (lowercase). `en` is the elements' own defaults. */
export const LANGUAGES = [
  'ar', 'bn', 'cs', 'da', 'de', 'el', 'en', 'es', 'fi', 'fr', 'gu', 'he', 'hi', 'hr', 'hu', 'it', 'ja', 'kn', 'ko',
  'ml', 'mr', 'ms', 'nb', 'nl', 'pa', 'pl', 'pt-br', 'pt-pt', 'ro', 'ru', 'sk', 'sv', 'ta', 'te', 'th', 'tr',
  'zh-hans', 'zh-hant',
] as const;

export type Language = (typeof LANGUAGES)[number];

/** Tags that name one of the kit's languages another way: regions, scripts, older codes. */
const ALIASES: Readonly<Record<string, Language>> = {
  pt: 'pt-br', // .NET's neutral "pt" is Brazilian Portuguese, as B2C's "pt-br" is its first Portuguese
  no: 'nb',
  nn: 'nb',
  iw: 'he',
  zh: 'zh-hans',
  'zh-cn': 'zh-hans',
  'zh-sg': 'zh-hans',
  'zh-tw': 'zh-hant',
  'zh-hk': 'zh-hant',
  'zh-mo': 'zh-hant',
};

/**
 * The kit's language for `tag` (`<html lang>`, BCP 47 or B2C's own spelling):
 * the longest of its prefixes that is one of `available` or an alias of one
 * ("pt-BR" → "pt-br", "pt" → "pt-br", "zh-Hant-TW" → "zh-hant", "zh-TW" →
 * "zh-hant", "no" → "nb", "de-AT" → "de"), else `en`.
 */
export function matchLanguage(tag: string | null | undefined, available: readonly string[] = LANGUAGES): string {
  const parts = (tag ?? '').trim().toLowerCase().replace(/_/g, '-').split('-');
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('-');
    for (const candidate of [prefix, ALIASES[prefix]]) if (candidate && available.includes(candidate)) return candidate;
  }
  return 'en';
}

/** Whether `language` is written right to left. */
export const isRightToLeft = (language: string) => /^(ar|he|iw|fa|ur)(-|$)/i.test(language);
