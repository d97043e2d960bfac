/**
 * The kit's languages for pages outside B2C (`b2c-totp-kit/locales`): each is
 * a module of its own, loaded only when asked for. On B2C's pages the template's
 * script loads the page's language itself.
 *
 * ```js
 * import { registerTranslation } from 'b2c-totp-kit';
 * import { loadTranslation } from 'b2c-totp-kit/locales';
 * const translation = await loadTranslation(document.documentElement.lang);
 * if (translation) registerTranslation(translation, document.documentElement.lang);
 * ```
 */
import { matchLanguage, type Language } from '../core/language.js';
import type { Translation } from '../elements/translation.js';

export { LANGUAGES, matchLanguage, isRightToLeft, type Language } from '../core/language.js';

/** Every language but English (the elements' own defaults), by its code. */
export const translations: Readonly<Record<Exclude<Language, 'en'>, () => Promise<{ default: Translation }>>> = {
  ar: () => import('./ar.js'),
  bn: () => import('./bn.js'),
  cs: () => import('./cs.js'),
  da: () => import('./da.js'),
  de: () => import('./de.js'),
  el: () => import('./el.js'),
  es: () => import('./es.js'),
  fi: () => import('./fi.js'),
  fr: () => import('./fr.js'),
  gu: () => import('./gu.js'),
  he: () => import('./he.js'),
  hi: () => import('./hi.js'),
  hr: () => import('./hr.js'),
  hu: () => import('./hu.js'),
  it: () => import('./it.js'),
  ja: () => import('./ja.js'),
  kn: () => import('./kn.js'),
  ko: () => import('./ko.js'),
  ml: () => import('./ml.js'),
  mr: () => import('./mr.js'),
  ms: () => import('./ms.js'),
  nb: () => import('./nb.js'),
  nl: () => import('./nl.js'),
  pa: () => import('./pa.js'),
  pl: () => import('./pl.js'),
  'pt-br': () => import('./pt-br.js'),
  'pt-pt': () => import('./pt-pt.js'),
  ro: () => import('./ro.js'),
  ru: () => import('./ru.js'),
  sk: () => import('./sk.js'),
  sv: () => import('./sv.js'),
  ta: () => import('./ta.js'),
  te: () => import('./te.js'),
  th: () => import('./th.js'),
  tr: () => import('./tr.js'),
  'zh-hans': () => import('./zh-hans.js'),
  'zh-hant': () => import('./zh-hant.js'),
};

/** The translation for a page's language tag (`pt-BR`, `zh-TW`, `nb-NO`…), or undefined for English or a language the kit lacks. */
export async function loadTranslation(tag: string): Promise<Translation | undefined> {
  const language = matchLanguage(tag);
  return language === 'en' ? undefined : (await translations[language as Exclude<Language, 'en'>]()).default;
}
