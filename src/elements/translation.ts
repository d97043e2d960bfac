/**
 * The kit's texts in other languages than English: translations (DOM-free data
 * modules in src/locales/, one per language) are registered once, and each
 * element takes the one of its language, the `lang` of its closest ancestor
 * that has one (B2C sets `<html lang>`), and falls back to its English defaults
 * key by key. A page's `strings` still win over both.
 */
import { mergeStrings, unpackTexts } from '../core/text.js';
import type { QrCodeStrings } from './qr-code/qr-code.js';
import type { AuthenticatorInfoStrings } from './authenticator-info/authenticator-info.js';
import type { AppIconStrings } from './app-icon/app-icon.js';
import type { CodeInputStrings } from './code-input/code-input.js';
import type { ServerQrStrings } from '../b2c/options.js';

/** One language's texts of every element: every key of the English defaults. */
export interface Translation {
  /** The language, lowercase, as B2C writes it: `de`, `pt-br`, `zh-hant`. */
  readonly language: string;
  /** Set for a language written right to left. */
  readonly dir?: 'rtl';
  readonly qrCode: QrCodeStrings;
  readonly authenticatorInfo: AuthenticatorInfoStrings;
  readonly appIcon: AppIconStrings;
  /** The REST-API sample page's QR image texts: the B2C bridge's own, not an element's (optional for a page of its own). */
  readonly serverQr?: ServerQrStrings;
  readonly codeInput: CodeInputStrings;
}

const registered = new Map<string, Translation>();

/**
 * Makes `translation` the texts of its language and of each of `tags` (say
 * `zh-TW` for `zh-hant`). Register before the elements render: an element
 * already on the page takes it at its next update.
 */
export function registerTranslation(translation: Translation, ...tags: string[]): void {
  for (const tag of [translation.language, ...tags]) registered.set(tag.toLowerCase(), translation);
}

/** The language of `host`'s page: its own or its closest ancestor's `lang`, else English. */
export function languageOf(host: Element): string {
  return host.closest('[lang]')?.getAttribute('lang') || 'en';
}

/** The registered translation for `language`: its own tag or the longest registered prefix ("de-AT" → "de"). */
export function translationFor(language: string): Translation | undefined {
  const parts = language.toLowerCase().split('-');
  for (let n = parts.length; n > 0; n--) {
    const found = registered.get(parts.slice(0, n).join('-'));
    if (found) return found;
  }
  return undefined;
}

// The elements' groups (the REST page's texts are the bridge's).
type Groups = Omit<Translation, 'language' | 'dir' | 'serverQr'>;

/**
 * `host`'s texts of `group`: English `defaults`, then its language's translation, then the page's `overrides`, key by key.
 * A translation the template's build packed holds each group's values alone, in the order of the defaults' keys.
 */
export function localTexts<K extends keyof Groups>(host: Element, group: K, defaults: Groups[K], overrides: unknown): Groups[K] {
  return mergeStrings(mergeStrings(defaults, unpackTexts(defaults, translationFor(languageOf(host))?.[group])), overrides);
}
