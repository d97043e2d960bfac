/**
 * The language modules of the template build: for each of the kit's languages
 * (src/core/language.ts) and each TOTP page, one chunk holding only that page's
 * texts, `assets/locales-<hash>/<language>-<page>.js`: the verification page,
 * which every sign-in sees, never downloads the enrollment page's texts.
 * The names have no hash of their own, so the template's script can build the
 * URL from the page's language at run time (one list of languages instead of
 * 74 URLs in the script every page loads); the folder's hash covers every
 * language module, so a changed text gets a new URL.
 * The source of each language is one DOM-free data module, src/locales/<language>.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Plugin } from 'vite';
import { LANGUAGES } from '../../core/language.ts';

/** The text groups each page shows: the elements', and the REST-API sample's QR image (the bridge's own, server-qr.ts). */
export const PAGE_GROUPS = {
  verification: ['codeInput'],
  enrollment: ['qrCode', 'authenticatorInfo', 'appIcon'],
  'server-qr': ['serverQr'],
} as const;

export type LocalePage = keyof typeof PAGE_GROUPS;

const PREFIX = '\0b2c-totp-kit:locale:';
const root = resolve(import.meta.dirname, '../../..');

/** The languages that have a module: every one but English, which is the elements' own. */
export const LOCALE_LANGUAGES = LANGUAGES.filter((language) => language !== 'en');

const sourceOf = (language: string) => readFileSync(resolve(root, 'src/locales', `${language}.ts`), 'utf8');

/** The data of a language module: its source is one typed object literal (`const translation: Translation = {…};`) and its export. */
export function readLocale(language: string): Record<string, unknown> {
  const source = sourceOf(language);
  const start = source.indexOf('const translation: Translation = {');
  const end = source.lastIndexOf('};\n\nexport default translation;');
  if (start < 0 || end < 0) throw new Error(`src/locales/${language}.ts is not a language module's data (const translation: Translation = {…}; export default translation;)`);
  const literal = source.slice(source.indexOf('{', start), end + 1);
  // The kit's own source, as data, in a context of its own: never a page's input.
  return runInNewContext(`(${literal})`, Object.create(null), { timeout: 1000 }) as Record<string, unknown>;
}

/** The folder of this build's language modules: its name changes with any of their texts. */
export function localesFolder(): string {
  const hash = createHash('sha256');
  for (const language of LOCALE_LANGUAGES) hash.update(`${language}\n${sourceOf(language)}\n`);
  return `assets/locales-${hash.digest('hex').slice(0, 10)}/`;
}

/** Every element group: the CDN's one module per language (`locales/de.js`). */
export const WHOLE = { '': ['qrCode', 'authenticatorInfo', 'appIcon', 'codeInput'] } as const;

/**
 * Emits `<folder><language>-<page>.js` for each language and page of `pages` (`<language>.js` for the page '').
 * `packed`: each group's texts as their values alone, in the order of the source's keys, which must be the
 * same in every language (the elements take the keys from their English defaults, whose order
 * test/elements/i18n.test.ts holds the languages to): a fifth to a quarter fewer bytes.
 */
export function localeChunks(folder: string, pages: Readonly<Record<string, readonly string[]>> = PAGE_GROUPS, packed = false): Plugin {
  const keyOrder = new Map<string, string>();
  return {
    name: 'b2c-totp-kit:locales',
    apply: 'build',
    buildStart() {
      for (const language of LOCALE_LANGUAGES) {
        for (const page of Object.keys(pages)) {
          this.emitFile({ type: 'chunk', id: `${PREFIX}${language}:${page}`, fileName: `${folder}${language}${page && `-${page}`}.js`, preserveSignature: 'strict' });
        }
      }
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : undefined;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return undefined;
      const [language, page] = id.slice(PREFIX.length).split(':') as [string, string];
      const data = readLocale(language);
      const picked: Record<string, unknown> = { language: data.language };
      if (data.dir) picked.dir = data.dir;
      for (const group of pages[page]) {
        const texts = data[group] as Record<string, string>;
        if (!packed) {
          picked[group] = texts;
          continue;
        }
        const keys = Object.keys(texts).join();
        if ((keyOrder.get(group) ?? keys) !== keys) this.error(`src/locales/${language}.ts: ${group}'s keys are not in the order of the other languages'`);
        keyOrder.set(group, keys);
        picked[group] = Object.values(texts);
      }
      return `export default ${JSON.stringify(picked)};`;
    },
  };
}
