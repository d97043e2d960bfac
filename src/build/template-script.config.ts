/**
 * `vite build --mode template-script`, the first half of the templates build:
 * the template's script (the bridge, src/b2c/index.ts) and the page modules it
 * loads, in dist/templates/assets. A library build, not an app build: Vite's
 * app build would add its module preload helper (0.8 KB gzip) to the script,
 * and the templates preload for themselves (plugins/template-tags.ts).
 * It writes a manifest (`.vite/template-script.json`) that `vite build`, the
 * second half, reads to put the script and its preloads into the templates.
 */
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';
import { templateBaseUrl } from './base-url.ts';
import { classicEntry } from './plugins/classic-entry.ts';
import { selfContained } from './plugins/self-contained.ts';
import { minifyCssLiteralsPlugin } from './plugins/minify-css-literals.ts';
import { trimQrcodeGenerator } from './plugins/trim-qrcode-generator.ts';
import { MINIFIED } from './minified.ts';
import { PAGE_GROUPS, localeChunks, localesFolder } from './plugins/locales.ts';

/** The template's script: assets/b2c-totp-kit-[hash].js. */
export const TEMPLATE_SCRIPT = 'b2c-totp-kit';
export const TEMPLATE_SCRIPT_ENTRY = 'src/b2c/index.ts';
/** The modules the bridge loads where a page needs them (src/b2c/bridge.ts, `onDemand`). */
const BRIDGE_PAGE_MODULES = ['src/b2c/controls/enrollment-mounts.ts', 'src/b2c/controls/sent-code.ts', 'src/b2c/controls/server-qr.ts'];
/** Where the manifest goes, relative to the templates' outDir; the templates build removes it. */
export const TEMPLATE_SCRIPT_MANIFEST = '.vite/template-script.json';

export function templateScriptConfig(): UserConfig {
  const base = templateBaseUrl();
  const locales = localesFolder();
  return {
    publicDir: false, // the templates build copies public/
    plugins: [
      trimQrcodeGenerator(),
      minifyCssLiteralsPlugin(),
      // The script, and each of the bridge's page modules, shares no module with any other chunk: each has copies of its own.
      selfContained(...[TEMPLATE_SCRIPT_ENTRY, ...BRIDGE_PAGE_MODULES].map((path) => resolve(path))),
      classicEntry(TEMPLATE_SCRIPT, () => base),
      localeChunks(locales, PAGE_GROUPS, true),
    ],
    // The template's script builds a language module's URL from the page's language (plugins/locales.ts).
    define: { __TOTP_KIT_LOCALES__: JSON.stringify(new URL(locales, base).href) },
    build: {
      target: 'es2022',
      outDir: 'dist/templates',
      emptyOutDir: true,
      manifest: TEMPLATE_SCRIPT_MANIFEST,
      lib: { entry: { [TEMPLATE_SCRIPT]: TEMPLATE_SCRIPT_ENTRY }, formats: ['es'] },
      rolldownOptions: {
        output: {
          ...MINIFIED,
          entryFileNames: 'assets/[name]-[hash].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          // What every page loads, in one chunk with a plain name: the reactive base, the css tag,
          // registration, the shared styles, the text helpers, and the code input with its page module
          // (the verification page's one file; the TOTP template preloads it for its enrollment page too,
          // and every other page of the kit asks for a code). Not lit-html: only the enrollment page's
          // elements use templates, so the page every sign-in shows never loads it.
          codeSplitting: {
            groups: [
              { name: 'shared', test: /elements[\\/](reactive-element|css|define|translation|visually-hidden\.styles|code-input[\\/][\w.-]+)\.ts$|core[\\/](text|replay|code)\.ts$|b2c[\\/]verification\.ts$/ },
            ],
          },
        },
      },
    },
  };
}
