/**
 * Four builds and the designer preview:
 * - `vite build`: the page templates for B2C content definitions, in
 *   dist/templates, every URL absolute under TEMPLATE_BASE_URL, assets hashed.
 * - `vite build --mode cdn`: the self-contained ES module bundle, dist/cdn,
 *   with the licences of what it bundles beside it.
 * - `vite build --mode lib`: the npm library, dist/lib (see `npm run build:lib`
 *   for its declarations and custom-elements.json).
 * - `vite` (dev): the preview.
 */
import { build, defineConfig, type Plugin, type Rolldown, type UserConfig } from 'vite';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const TEMPLATES = ['totp', 'selfasserted', 'unified', 'error'];
/** The template script's entry name; the file is assets/b2c-totp-kit-[hash].js. */
const TEMPLATE_SCRIPT = 'b2c-totp-kit';

// Every byte reaches a sign-in page: minify fully and drop annotation comments.
const minified = { minify: true, comments: false } as const;

/**
 * qrcode-generator builds everything inside one factory closure, so what the
 * kit never calls cannot be tree-shaken: its output helpers (GIF and Base64
 * encoders, SVG, table and ASCII output, canvas drawing), its Shift_JIS table
 * builder, and the numeric, alphanumeric and Kanji modes (the kit encodes UTF-8
 * bytes). Cutting them saves 2.9 KB gzip of the 16 KB budget (7.2 KB → 4.3 KB,
 * measured). The build fails if the library's text moves, and
 * test/node/bundles.test.mjs decodes QR codes drawn by the built bundles.
 */
function trimQrcodeGenerator(): Plugin {
  const cuts: [start: string, end: string, replacement: string][] = [
    ['  _this.createTableTag = function', '  return _this;\n};\n', ''],
    ['qrcode.createStringToBytes = function', '//---------------------------------------------------------------------\n// QRMode', ''],
    ["    switch(mode) {\n    case 'Numeric' :", '    _dataList.push(newData);', '    newData = qr8BitByte(data);\n'],
  ];
  return {
    name: 'b2c-totp-kit:trim-qrcode-generator',
    transform(code, id) {
      if (!/qrcode-generator[\\/]dist[\\/]qrcode\.mjs$/.test(id)) return null;
      for (const [start, end, replacement] of cuts) {
        const from = code.indexOf(start);
        const to = from < 0 ? -1 : code.indexOf(end, from);
        if (to < 0) this.error(`qrcode-generator has changed: "${start.trim()}" is gone; update trimQrcodeGenerator in vite.config.ts`);
        code = code.slice(0, from) + replacement + code.slice(to); // keeps `end`
      }
      return { code, map: null };
    },
  };
}

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
 * Builds the template's script: the bridge as the entry, and the enrollment and
 * verification elements as ES modules it import()s when B2C shows that page, so
 * the verification page of every sign-in never downloads the QR encoder.
 * A library build of its own (Vite's app build would add its preload helper),
 * run from inside the templates build; the entry is wrapped in a function so
 * that it runs as a classic script and none of its minified names can clobber
 * B2C's globals (jQuery's `$`, say).
 */
async function buildTemplateScript(root: string): Promise<Rolldown.OutputChunk[]> {
  const wrapEntry: Plugin = {
    name: 'b2c-totp-kit:classic-entry',
    renderChunk(code, chunk) {
      if (!chunk.isEntry) return null;
      // A classic script may import() modules, but may not import or export statically.
      if (chunk.imports.length > 0 || chunk.exports.length > 0) {
        this.error(`${TEMPLATE_SCRIPT} must have no static imports or exports to run as a classic script`);
      }
      return `(()=>{${code}})();`;
    },
  };
  const output = (await build({
    root, // not the working directory: the bench and tests build from elsewhere
    configFile: false,
    logLevel: 'warn',
    plugins: [trimQrcodeGenerator(), wrapEntry],
    build: {
      target: 'es2022',
      write: false,
      lib: { entry: { [TEMPLATE_SCRIPT]: 'src/b2c/index.ts' }, formats: ['es'] },
      rolldownOptions: {
        output: {
          ...minified,
          entryFileNames: 'assets/[name]-[hash].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          // What both pages share in one chunk with a plain name: Lit, the modules directly in
          // src/elements/ (registration, shared styles) and the text helpers.
          codeSplitting: {
            groups: [{ name: 'shared', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]|elements[\\/][\w.-]+\.ts$|core[\\/]text\.ts$/ }],
          },
        },
      },
    },
  })) as Rolldown.RolldownOutput[];
  return output[0].output.filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
}

/**
 * Adds the kit's script to each template's <head>: a classic `<script defer>`
 * in a build (B2C may not keep `type="module"`), the module source in dev.
 */
function templateScript(): Plugin {
  let base = '/';
  let root = '.';
  let entry = '';
  return {
    name: 'b2c-totp-kit:template-script',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
      root = config.root;
    },
    async buildStart() {
      if (this.meta.watchMode || base === '/') return;
      for (const chunk of await buildTemplateScript(root)) {
        this.emitFile({ type: 'asset', fileName: chunk.fileName, source: chunk.code });
        if (chunk.isEntry) entry = chunk.fileName;
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.path.startsWith('/page-templates/')) return undefined;
        // A stylesheet needs no CORS: without `crossorigin` it loads even where the host sends no CORS headers.
        html = html.replace(/(<link rel="stylesheet") crossorigin/g, '$1');
        if (context.bundle) return { html, tags: [{ tag: 'script', attrs: { defer: true, src: `${base}${entry}` }, injectTo: 'head' }] };
        // The preview: the mock plays B2C's scripts, then the kit comes unless `kit=off`.
        const kitOff = new URL(context.originalUrl ?? context.path, 'http://preview').searchParams.get('kit') === 'off';
        const script = (src: string) => ({ tag: 'script', attrs: { type: 'module', src }, injectTo: 'head' as const });
        return { html, tags: [script('/src/preview/mock-b2c.ts'), ...(kitOff ? [] : [script('/src/b2c/index.ts')])] };
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
        input: Object.fromEntries(TEMPLATES.map((name) => [name, `page-templates/${name}.html`])),
        output: { assetFileNames: 'assets/[name]-[hash][extname]' },
      },
    },
  };
}

/**
 * Writes THIRD-PARTY-LICENSES.txt beside a bundle: the licence of every package
 * bundled into it (Lit's BSD-3-Clause, qrcode-generator's MIT), found from the
 * modules in the output, since minifying drops their comments. A package without
 * a LICENSE file (qrcode-generator) gets its SPDX licence text with the
 * copyright line from its source's header; the build fails if neither exists.
 */
function thirdPartyNotice(): Plugin {
  const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;
  return {
    name: 'b2c-totp-kit:third-party-notice',
    generateBundle(_options, bundle) {
      const packages = new Map<string, { name: string; version: string; license: string; text: string }>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
          if (!match || packages.has(match[1])) continue;
          const dir = match[1];
          const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
          const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].map((f) => join(dir, f)).find(existsSync);
          let text = file ? readFileSync(file, 'utf8').trim() : '';
          if (!text && license === 'MIT') {
            const copyright = /Copyright \(c\)[^\n]*/.exec(readFileSync(id.replace(/\?.*$/, ''), 'utf8'))?.[0];
            if (copyright) text = `MIT License\n\n${copyright}\n\n${MIT}`;
          }
          if (!text) this.error(`${name} is bundled into ${output.fileName} but its licence text was not found`);
          packages.set(dir, { name, version, license, text });
        }
      }
      // Packages with the same text (lit, lit-html, lit-element, @lit/reactive-element) share one copy.
      const byText = new Map<string, string[]>();
      for (const { name, version, license, text } of [...packages.values()].sort((a, b) => a.name.localeCompare(b.name))) {
        byText.set(text, [...(byText.get(text) ?? []), `${name}@${version} (${license})`]);
      }
      const notice = [...byText].map(([text, names]) => `${names.join('\n')}\n\n${text}\n`).join(`\n${'-'.repeat(72)}\n\n`);
      const bundles = Object.values(bundle).filter((output) => output.type === 'chunk').map((output) => output.fileName);
      this.emitFile({
        type: 'asset',
        fileName: 'THIRD-PARTY-LICENSES.txt',
        source: `${bundles.join(', ')} bundles the following packages, under these licences.\n\n${notice}`,
      });
    },
  };
}

const cdnBuild: UserConfig = {
  plugins: [trimQrcodeGenerator(), thirdPartyNotice()],
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'b2c-totp-kit.js' },
    rolldownOptions: { output: minified },
  },
};

/**
 * The npm library: ES modules with lit and qrcode-generator left as imports (the
 * package's dependencies, which the app's bundler dedupes and minifies), one
 * entry per element plus the index and the B2C bridge, what they share in
 * chunks under shared/. Not minified: the app's bundler minifies, and readable
 * modules are easier to debug and review. Element entries define their element
 * on import (package.json `sideEffects`); `b2c` and the shared chunks do not.
 * Declarations come from `tsc -p src/tsconfig.lib.json` (`npm run build:lib`).
 */
export const LIB_ENTRIES = {
  index: 'src/index.ts',
  'qr-code': 'src/elements/qr-code/qr-code.ts',
  'authenticator-info': 'src/elements/authenticator-info/authenticator-info.ts',
  'app-icon': 'src/elements/app-icon/app-icon.ts',
  'code-input': 'src/elements/code-input/code-input.ts',
  b2c: 'src/b2c/bridge.ts',
};

const libBuild: UserConfig = {
  build: {
    target: 'es2022',
    outDir: 'dist/lib',
    emptyOutDir: true,
    minify: false,
    lib: { entry: LIB_ENTRIES, formats: ['es'] },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^lit-(html|element)($|\/)/, /^@lit\//, /^qrcode-generator($|\/)/],
      // An entry another entry imports (index imports every element) keeps its
      // code, rather than becoming a facade over a shared chunk: each element
      // and its definition stay in its own file, the one `sideEffects` names.
      preserveEntrySignatures: 'allow-extension',
      output: { entryFileNames: '[name].js', chunkFileNames: 'shared/[name].js', minifyInternalExports: false },
    },
  },
};

/**
 * The preview's server side: `/` opens the preview, and /__mock-b2c/ answers
 * for B2C (src/preview/mock-server.ts). Loaded through Vite, dev only.
 */
function mockB2C(): Plugin {
  return {
    name: 'b2c-totp-kit:mock-b2c',
    apply: 'serve',
    configureServer(server) {
      const mock = server
        .ssrLoadModule('/src/preview/mock-server.ts')
        .then((module) => (module as typeof import('./src/preview/mock-server.ts')).createMockB2C());
      server.middlewares.use(async (request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://preview');
        const json = (value: unknown) => {
          response.setHeader('content-type', 'application/json');
          response.setHeader('cache-control', 'no-store');
          response.end(JSON.stringify(value));
        };
        try {
          if (url.pathname === '/') {
            response.writeHead(302, { location: '/src/preview/index.html' }).end();
          } else if (url.pathname === '/__mock-b2c/page') {
            json((await mock).page(url.searchParams));
          } else if (url.pathname === '/__mock-b2c/submit' && request.method === 'POST') {
            let body = '';
            for await (const chunk of request) body += chunk;
            json(await (await mock).submit(url.searchParams, new URLSearchParams(body)));
          } else if (url.pathname === '/__mock-b2c/reset' && request.method === 'POST') {
            (await mock).reset();
            json({ ok: true });
          } else {
            next();
          }
        } catch (error) {
          next(error);
        }
      });
    },
  };
}

const preview: UserConfig = {
  plugins: [templateScript(), mockB2C()],
  server: { open: process.env.CI ? false : '/src/preview/index.html' },
};

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return preview;
  if (mode === 'cdn') return cdnBuild;
  if (mode === 'lib') return libBuild;
  return templatesBuild();
});
