/**
 * Three builds and the designer preview:
 * - `vite build`: the page templates for B2C content definitions, in
 *   dist/templates, every URL absolute under TEMPLATE_BASE_URL, assets hashed.
 * - `vite build --mode cdn`: the self-contained ES module bundle, dist/cdn.
 * - `vite` (dev): the preview.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { basename } from 'node:path';

const TEMPLATES = ['totp', 'selfasserted', 'unified', 'error'];
/** The template script's chunk name; the file is assets/b2c-totp-kit-[hash].js. */
const TEMPLATE_SCRIPT = 'b2c-totp-kit';

// Every byte reaches a sign-in page: minify fully and drop annotation comments.
const minified = { minify: true, comments: false } as const;

/**
 * The URL the built templates will be served from. B2C loads templates from
 * another origin, so a relative URL would resolve against b2clogin.com and
 * fail: refuse to build without an absolute one.
 */
function templateBaseUrl(): string {
  const value = process.env.TEMPLATE_BASE_URL;
  const fail = (why: string): never => {
    throw new Error(
      `${why}\nSet TEMPLATE_BASE_URL to the HTTPS address the templates will be served from, e.g.\n` +
        `  TEMPLATE_BASE_URL=https://contosob2c.blob.core.windows.net/templates/ npm run build\n` +
        `B2C fetches templates from another origin, so their CSS, JS and image URLs must be absolute.`,
    );
  };
  if (!value) return fail('TEMPLATE_BASE_URL is not set.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`TEMPLATE_BASE_URL is not an absolute URL: ${value}`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    return fail(`TEMPLATE_BASE_URL must use https: (B2C only loads templates over HTTPS): ${value}`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * Adds the kit's script to each template's <head>: a classic `<script defer>`
 * in a build (B2C may not keep `type="module"`), the module source in dev.
 * The build's script is one file, wrapped in a function so that none of its
 * minified names can clobber B2C's globals (jQuery's `$`, say).
 */
function templateScript(): Plugin {
  let base = '/';
  return {
    name: 'b2c-totp-kit:template-script',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    renderChunk(code, chunk) {
      if (chunk.name !== TEMPLATE_SCRIPT) return null;
      if (chunk.imports.length > 0 || chunk.exports.length > 0) {
        this.error(`${TEMPLATE_SCRIPT} must build to one self-contained file to run as a classic script`);
      }
      return `(()=>{${code}})();`;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.name === TEMPLATE_SCRIPT);
        const src = context.bundle ? `${base}${chunk?.fileName}` : '/src/b2c/index.ts';
        return {
          // A stylesheet needs no CORS: without `crossorigin` it loads even where the host sends no CORS headers.
          html: html.replace(/(<link rel="stylesheet") crossorigin/g, '$1'),
          tags: [{ tag: 'script', attrs: context.bundle ? { defer: true, src } : { type: 'module', src }, injectTo: 'head' }],
        };
      },
    },
    generateBundle(_options, bundle) {
      // page-templates/totp.html → totp.html
      for (const output of Object.values(bundle)) {
        if (output.fileName.endsWith('.html')) output.fileName = basename(output.fileName);
      }
    },
  };
}

function templatesBuild(): UserConfig {
  return {
    base: templateBaseUrl(),
    plugins: [templateScript()],
    build: {
      target: 'es2022',
      outDir: 'dist/templates',
      emptyOutDir: true,
      assetsInlineLimit: 0, // the logo stays a file B2C's page fetches, cached across pages
      rolldownOptions: {
        input: {
          ...Object.fromEntries(TEMPLATES.map((name) => [name, `page-templates/${name}.html`])),
          [TEMPLATE_SCRIPT]: 'src/b2c/index.ts',
        },
        output: { ...minified, entryFileNames: 'assets/[name]-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
      },
    },
  };
}

const cdnBuild: UserConfig = {
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'b2c-totp-kit.js' },
    rolldownOptions: { output: minified },
  },
};

const preview: UserConfig = {
  plugins: [templateScript()],
};

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return preview;
  if (mode === 'cdn') return cdnBuild;
  return templatesBuild();
});
