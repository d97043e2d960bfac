// The built templates hosted as B2C hosts them, for the page-level figures: the
// same two origins as `npm run preview:b2c` and the hosting tests
// (src/preview/server/serve-b2c.mjs): the templates' storage (storageServer: files
// as stored, no compression, CORS for the B2C origin only) and the B2C stand-in's
// page (createB2COrigin from b2c-origin.ts: B2C's CSP and nonce, the template
// merged into the page, or fetched and re-created by B2C's loader, or re-created
// with only `src`).
//
// One difference from serveB2C(), which serves B2C's own scripts through Vite's
// dev server as unbundled modules: here they are one file each, as B2C's are.
// - The loader is src/preview/template-loader.ts, bundled.
// - B2C's page script renders the page's form into #api as soon as #api is in
//   the page, from markup it carries: the stand-in's own fixture for the
//   gallery state, made by src/preview/fixtures.ts and mock-server.ts (the same
//   markup `?state=verify|enroll` shows). B2C's own script carries its page's
//   content (SETTINGS, CONTENT) in the page; the stand-in's mock-b2c.ts instead
//   is a graph of unbundled modules that then fetches its reply from the mock
//   server and its fixture: on the slow phone its form came 4.9–5.6 s after
//   navigation start (1.4–2.0 s here), long after the kit was ready to upgrade
//   it, which would hide what the kit does.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { build, runnerImport } from 'vite';
import { storageServer } from '../../src/preview/server/serve-b2c.mjs';
import { root } from './build.mjs';

const listen = (server) =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });

const close = (server) => new Promise((resolve) => server.close(resolve));

const load = async (path) => (await runnerImport(join(root, path), { root, configFile: false, logLevel: 'silent' })).module;

/** template-loader.ts as one minified file (it imports nothing). */
async function bundledLoader() {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      target: 'es2022',
      write: false,
      emptyOutDir: false,
      lib: { entry: join(root, 'src/preview/template-loader.ts'), formats: ['es'], fileName: () => 'loader.js' },
      rolldownOptions: { output: { minify: true, comments: false } },
    },
  });
  return [output].flat()[0].output.find((file) => file.type === 'chunk').code;
}

/**
 * The markup the stand-in's mock-b2c.ts renders into #api for `?state=<state>`
 * (the mock server's gallery reply, filled in by fixtures.ts), made here in Node.
 * fixtures.ts fetch()es its fixture next to itself, which Node's fetch cannot do
 * for a file: URL, so it is given a fetch that can, while it runs.
 */
export async function galleryMarkup(states) {
  const fixtures = await load('src/preview/fixtures.ts');
  const { createMockB2C, newSession } = await load('src/preview/mock-server.ts');
  const mock = createMockB2C();
  const fetch = globalThis.fetch;
  globalThis.fetch = async (url) => (String(url).startsWith('file:') ? new Response(readFileSync(new URL(url))) : fetch(url));
  try {
    const markup = {};
    for (const state of states) {
      const reply = await mock.page(new URLSearchParams({ state }), newSession());
      if (reply.template !== 'totp') throw new Error(`the stand-in's state=${state} is not a TOTP page`);
      markup[state] = await fixtures.pageMarkup(reply.page, { ...reply.values, language: 'en' });
    }
    return markup;
  } finally {
    globalThis.fetch = fetch;
  }
}

/**
 * B2C's page script: waits for #api (there at once where the template was
 * merged, later where the loader brings it), then renders the form into it as
 * mock-b2c.ts does (data-name, then innerHTML).
 */
function pageScript(markup) {
  const render = (html) => {
    const put = (api) => {
      api.dataset.name = 'SelfAsserted';
      api.innerHTML = html;
    };
    const found = () => document.getElementById('api');
    if (found()) return put(found());
    const observer = new MutationObserver(() => {
      if (!found()) return;
      observer.disconnect();
      put(found());
    });
    observer.observe(document, { childList: true, subtree: true });
  };
  // `<` escaped, so that no `</script>` in the markup could end anything.
  return `(${render})(${JSON.stringify(markup).replace(/</g, '\\u003c')});`;
}

/**
 * Starts both origins. `templates(dir, base)` puts into `dir` the templates
 * built for `base` (the storage's URL, known once it listens), which the
 * storage then serves. `states`: the gallery states whose pages are served.
 */
export async function startHosting({ dir, templates, states = ['verify', 'enroll'] }) {
  let b2cOrigin = '';
  const storage = storageServer(dir, () => b2cOrigin);
  const templatesOrigin = `http://127.0.0.1:${await listen(storage)}`;
  await templates(dir, `${templatesOrigin}/`);

  const [{ createB2COrigin }, { createMockB2C }, loader, markup] = await Promise.all([
    load('src/preview/server/b2c-origin.ts'),
    load('src/preview/mock-server.ts'),
    bundledLoader(),
    galleryMarkup(states),
  ]);
  const scripts = { page: '/__bench/b2c-page.js', loader: '/__bench/b2c-loader.js' };
  const handler = createB2COrigin({ templates: () => `${templatesOrigin}/`, scripts, mock: createMockB2C() });
  const js = (response, code) => response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(code);
  const b2c = createServer((request, response) => {
    const url = new URL(request.url, 'http://b2c');
    if (url.pathname === scripts.loader) return js(response, loader);
    if (url.pathname === scripts.page) {
      // The page's state, from the page that asks (a same-origin request sends its full URL as the referrer).
      const state = new URL(request.headers.referer ?? 'http://b2c/').searchParams.get('state');
      if (!Object.hasOwn(markup, state ?? '')) return response.writeHead(404).end();
      return js(response, pageScript(markup[state]));
    }
    handler(request, response, () => response.writeHead(404).end());
  });
  const b2cPort = await listen(b2c);
  b2cOrigin = `http://localhost:${b2cPort}`;
  return {
    templatesOrigin,
    b2cOrigin,
    templatesDir: dir,
    // Without `&probe`: the stand-in's error recorder is a parser-blocking script ahead of the template's,
    // and Chromium then held the template's low-priority `<script defer>` until it had loaded (one more
    // round trip before the kit started, measured). page-load.mjs watches for errors through puppeteer.
    url: (state, loading) => `${b2cOrigin}/page-templates/totp.html?state=${state}&loading=${loading}`,
    async close() {
      await Promise.all([close(b2c), close(storage)]);
    },
  };
}
