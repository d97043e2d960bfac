/**
 * `vite` (`npm run dev`): the designer preview. Vite's dev server is the
 * templates' host (the templates, the kit's sources, live reload); the B2C
 * stand-in beside it is B2C's origin, whose pages load the templates from it
 * (plugins/b2c-stand-in.ts).
 */
import type { UserConfig } from 'vite';
import { b2cStandIn } from './plugins/b2c-stand-in.ts';
import { templateTags } from './plugins/template-tags.ts';
import { TEMPLATE_SCRIPT_ENTRY, TEMPLATE_SCRIPT_MANIFEST } from './template-script.config.ts';

export function previewConfig(): UserConfig {
  return {
    plugins: [templateTags({ entry: TEMPLATE_SCRIPT_ENTRY, manifest: TEMPLATE_SCRIPT_MANIFEST, preloads: {} }), b2cStandIn()],
    server: { open: process.env.CI ? false : '/src/preview/index.html' },
    // What to pre-bundle, found from the start: B2C's scripts are served to the stand-in's pages, which
    // no HTML here names; discovering their imports on a first visit would reload that page.
    optimizeDeps: { entries: ['page-templates/*.html', 'src/preview/**/*.html', 'src/preview/mock-b2c.ts', 'src/preview/template-loader.ts'] },
  };
}
