/**
 * `vite build`, the second half of the templates build (run after
 * `--mode template-script`; `npm run build` runs both): the page templates B2C
 * content definitions point at, in dist/templates, with their stylesheet and
 * public/ files, every URL absolute under TEMPLATE_BASE_URL, hashed where built.
 * Each template gets the template's script and the preloads of its page modules.
 */
import type { UserConfig } from 'vite';
import { templateBaseUrl } from './base-url.ts';
import { templateTags } from './plugins/template-tags.ts';
import { TEMPLATE_SCRIPT_ENTRY, TEMPLATE_SCRIPT_MANIFEST } from './template-script.config.ts';

/**
 * Each page template and the page modules it preloads. The TOTP template serves
 * B2C's enrollment and verification pages both; it preloads the verification
 * page's module, the `shared` chunk with the code input (the page every sign-in
 * shows, and the page after enrollment: template-script.config.ts) but never
 * the QR encoder, which the script loads only once B2C shows a QR code.
 */
export const TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  totp: ['shared'],
  // The REST-API sample's enrollment page: its code input and its QR image module, never the QR encoder.
  'totp-rest': ['shared', 'src/b2c/controls/server-qr.ts'],
  selfasserted: [],
  choice: [],
  unified: [],
  error: [],
};

export function templatesConfig(): UserConfig {
  const base = templateBaseUrl();
  return {
    base,
    plugins: [templateTags({ entry: TEMPLATE_SCRIPT_ENTRY, manifest: TEMPLATE_SCRIPT_MANIFEST, preloads: TEMPLATES })],
    build: {
      target: 'es2022',
      outDir: 'dist/templates',
      emptyOutDir: false, // the template script's build is there already
      assetsInlineLimit: 0, // images stay files, cached across pages
      rolldownOptions: {
        input: Object.fromEntries(Object.keys(TEMPLATES).map((name) => [name, `page-templates/${name}.html`])),
        output: { assetFileNames: 'assets/[name]-[hash][extname]' },
      },
    },
  };
}
