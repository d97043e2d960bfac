/**
 * `vite build --mode cdn`: the self-contained bundle, dist/cdn/b2c-totp-kit.js,
 * one ES module with every element, Lit and the trimmed QR encoder, for a
 * `<script type="module">` from a CDN or a page's own server. Beside it,
 * THIRD-PARTY-LICENSES.txt: the licence of every package bundled into it,
 * since minifying drops their comments.
 */
import type { UserConfig } from 'vite';
import { thirdPartyLicenses } from './plugins/third-party-licenses.ts';
import { minifyCssLiteralsPlugin } from './plugins/minify-css-literals.ts';
import { trimQrcodeGenerator } from './plugins/trim-qrcode-generator.ts';
import { MINIFIED } from './minified.ts';
import { WHOLE, localeChunks } from './plugins/locales.ts';

export function cdnConfig(): UserConfig {
  return {
    publicDir: false,
    plugins: [
      trimQrcodeGenerator(),
      minifyCssLiteralsPlugin(),
      thirdPartyLicenses('b2c-totp-kit.js'),
      // Each language beside the bundle, whole, for a page to import with it: locales/de.js (plugins/locales.ts).
      localeChunks('locales/', WHOLE),
    ],
    build: {
      target: 'es2022',
      outDir: 'dist/cdn',
      emptyOutDir: true,
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'b2c-totp-kit.js' },
      rolldownOptions: { output: MINIFIED },
    },
  };
}
