/**
 * What Vite runs, by command and mode; each output's config is a file of its
 * own in src/build/. `npm run build` runs the builds in order.
 * - `vite`: the designer preview (preview.config.ts).
 * - `vite build --mode template-script`, then `vite build`: the page templates
 *   for B2C content definitions, dist/templates (template-script.config.ts,
 *   templates.config.ts; TEMPLATE_BASE_URL is the address they will be served from).
 * - `vite build --mode cdn`: the self-contained bundle, dist/cdn (cdn.config.ts).
 * The npm library, dist/lib, is TypeScript's own output (`npm run build:lib`).
 */
import { defineConfig } from 'vite';
import { cdnConfig } from './src/build/cdn.config.ts';
import { previewConfig } from './src/build/preview.config.ts';
import { templateScriptConfig } from './src/build/template-script.config.ts';
import { templatesConfig } from './src/build/templates.config.ts';

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return previewConfig();
  if (mode === 'template-script') return templateScriptConfig();
  if (mode === 'cdn') return cdnConfig();
  return templatesConfig();
});
