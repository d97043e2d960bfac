/**
 * The script a B2C page template loads (`<script defer>` in `<head>`): the
 * bridge, which loads the elements a page needs once B2C shows it. The TOTP
 * template serves both B2C's enrollment page (QR code, account details, app
 * links) and its verification page (the code); the verification page is the
 * one every sign-in sees, and it never downloads the QR encoder.
 *
 * The page's language (`<html lang>`, or the template's `data-totp-lang`) is
 * known here, before anything loads: its texts for the page B2C shows are asked
 * for together with the page's modules, never after them, and only that page's
 * texts in that language (a few hundred bytes; English is in the elements).
 */
import { readOptions, startBridge, type KitTag } from './bridge.js';
import { matchLanguage } from '../core/language.js';
import type { Translation } from '../elements/translation.js';

/** Where the language modules are: an absolute URL prefix, set by the templates build (plugins/locales.ts). */
declare const __TOTP_KIT_LOCALES__: string | undefined;

const options = readOptions(document);
const tag = options.language || document.documentElement.lang;
const language = matchLanguage(tag);

const texts = (page: 'verification' | 'enrollment' | 'server-qr'): Promise<{ default: Partial<Translation> } | undefined> | undefined =>
  language === 'en'
    ? undefined
    : // English texts rather than none where the module does not load: the page works without it.
      // The URL is the build's own base and one of the kit's languages (matchLanguage returns nothing else):
      // the build's page module (<language>-<page>.js), or, in the preview's dev server, which defines
      // nothing, the language's whole source module.
      // eslint-disable-next-line no-unsanitized/method
      import(/* @vite-ignore */ typeof __TOTP_KIT_LOCALES__ === 'string' ? `${__TOTP_KIT_LOCALES__}${language}-${page}.js` : `/src/locales/${language}.ts`).catch(
        () => undefined,
      );

startBridge(document, {
  ...options,
  load: (element: KitTag) => {
    const page = element === 'totp-code-input' ? 'verification' : 'enrollment';
    // The page's module (which registers the languages too), and its texts with it.
    return Promise.all([page === 'verification' ? import('./verification.js') : import('./enrollment.js'), texts(page)]).then(([elements, module]) => {
      if (module) elements.registerTranslation(module.default as Translation, tag);
    });
  },
  // The REST page's QR image and its texts are the bridge's own, not an element's.
  serverQrTexts: async () => (await texts('server-qr'))?.default.serverQr,
});
