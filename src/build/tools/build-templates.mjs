// The templates build as `npm run build:templates` runs it (the template script,
// then the pages), into any folder for any base URL: for the tests, the bench and
// `npm run preview:b2c`, which serve the built set from a local origin.
import { join } from 'node:path';
import { build } from 'vite';

export const root = new URL('../../..', import.meta.url).pathname;

/** Builds the page templates into `outDir`, every URL under `base`. */
export async function buildTemplates({ outDir, base, logLevel = 'warn' }) {
  const previous = process.env.TEMPLATE_BASE_URL;
  process.env.TEMPLATE_BASE_URL = base; // vite.config.ts reads it as the config loads
  const configFile = join(root, 'vite.config.ts');
  try {
    await build({ root, configFile, mode: 'template-script', logLevel, build: { outDir, emptyOutDir: true } });
    await build({ root, configFile, logLevel, build: { outDir } });
  } finally {
    if (previous === undefined) delete process.env.TEMPLATE_BASE_URL;
    else process.env.TEMPLATE_BASE_URL = previous;
  }
}
