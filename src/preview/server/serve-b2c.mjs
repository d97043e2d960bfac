#!/usr/bin/env node
// `npm run preview:b2c [-- --host]`: the built templates through the mock B2C, on
// two origins, as B2C hosts them. The templates are built for a local base URL
// and served as Azure Blob Storage serves files: as stored (no compression),
// with CORS for the B2C origin only. The B2C stand-in (b2c-origin.ts) serves the
// pages a user opens, under B2C's policy, and loads the templates from there.
// The tests (test/node/hosting.test.mjs) start the same two servers.
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createServer as createViteServer } from 'vite';
import { buildTemplates, root } from '../../build/tools/build-templates.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

/** Listens on `port`, or on any free port where that one is taken (or 0). */
const listen = (server, host, port = 0) =>
  new Promise((resolve, reject) => {
    server.once('error', (error) => (error.code === 'EADDRINUSE' && port !== 0 ? resolve(listen(server, host, 0)) : reject(error)));
    server.listen(port, host, () => resolve(server.address().port));
  });

/**
 * A folder served as a storage account serves it: files as stored, `ETag` and
 * `Last-Modified`, and CORS for exactly one origin (`allowOrigin()`), GET and OPTIONS.
 * Every request is passed to `onRequest` first, which may delay the answer by
 * returning a promise (the tests slow one file down to see what was requested before it).
 */
export function storageServer(dir, allowOrigin, onRequest = () => undefined) {
  return createServer(async (request, response) => {
    const url = new URL(request.url, 'http://storage');
    await onRequest(request);
    const cors = { 'access-control-allow-origin': allowOrigin(), 'access-control-allow-methods': 'GET, OPTIONS', vary: 'origin' };
    if (request.method === 'OPTIONS') return response.writeHead(204, { ...cors, 'access-control-allow-headers': '*', 'access-control-max-age': '200' }).end();
    const file = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return response.writeHead(404, cors).end();
    const stat = statSync(file);
    response.writeHead(200, {
      ...cors,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      etag: `"${stat.mtimeMs.toString(16)}-${stat.size.toString(16)}"`,
      'last-modified': stat.mtime.toUTCString(),
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).pipe(response);
  });
}

/** This machine's first non-internal IPv4 address: what a phone on the network reaches. */
function networkAddress() {
  return Object.values(networkInterfaces()).flat().find((entry) => entry?.family === 'IPv4' && !entry.internal)?.address;
}

/**
 * Builds the templates and starts both origins: the templates' storage and the
 * B2C stand-in (with Vite, in middleware mode, for B2C's own scripts and the
 * preview's pages). `host`: the name both are reached by; `ports`: the B2C
 * origin's and the storage's (any free one where 0 or taken). Resolves to their
 * origins, the templates' folder and `close()`.
 */
export async function serveB2C({ host = '127.0.0.1', listenHost = host, b2cHost = host === '127.0.0.1' ? 'localhost' : host, ports = [0, 0], outDir, onRequest } = {}) {
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'b2c-templates-'));
  let b2cOrigin = '';
  const storage = storageServer(dir, () => b2cOrigin, onRequest);
  const storagePort = await listen(storage, listenHost, ports[1]);
  const templatesOrigin = `http://${host}:${storagePort}`;
  await buildTemplates({ outDir: dir, base: `${templatesOrigin}/` });

  const vite = await createViteServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'mpa',
    server: { middlewareMode: true, hmr: false },
    plugins: [
      {
        // The chrome finds the B2C origin by its port: here, its own.
        name: 'b2c-port',
        transformIndexHtml: (html, context) =>
          context.path === '/src/preview/index.html' ? [{ tag: 'meta', attrs: { name: 'b2c-port', content: String(b2cPort) }, injectTo: 'head' }] : undefined,
      },
    ],
  });
  const { createB2COrigin, resetHandler } = await vite.ssrLoadModule('/src/preview/server/b2c-origin.ts');
  const { createMockB2C } = await vite.ssrLoadModule('/src/preview/mock-server.ts');
  const mock = createMockB2C();
  const handler = createB2COrigin({
    templates: () => `${templatesOrigin}/`,
    scripts: { page: '/src/preview/mock-b2c.ts', loader: '/src/preview/template-loader.ts' },
    mock,
  });
  const reset = resetHandler(mock);
  const b2c = createServer((request, response) => {
    if (request.url === '/') return response.writeHead(302, { location: '/src/preview/index.html' }).end();
    handler(request, response, () => reset(request, response, () => vite.middlewares(request, response)));
  });
  const b2cPort = await listen(b2c, listenHost, ports[0]);
  b2cOrigin = `http://${b2cHost}:${b2cPort}`;
  return {
    templatesOrigin,
    b2cOrigin,
    templatesDir: dir,
    async close() {
      await new Promise((resolve) => b2c.close(resolve));
      await new Promise((resolve) => storage.close(resolve));
      await vite.close();
      if (!outDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const onNetwork = process.argv.includes('--host');
  const host = onNetwork ? (networkAddress() ?? '127.0.0.1') : '127.0.0.1';
  const { templatesOrigin, b2cOrigin, templatesDir } = await serveB2C({ host, listenHost: onNetwork ? '0.0.0.0' : host, ports: [4173, 4174], outDir: join(root, 'dist/preview-b2c') });
  const pages = readFileSync(join(templatesDir, 'totp.html'), 'utf8').includes(templatesOrigin) ? 'absolute' : 'NOT absolute';
  console.log(`The built templates, served as a storage account serves them: ${templatesOrigin}/ (${pages} URLs, CORS for ${b2cOrigin} only)`);
  console.log(`The B2C stand-in (open this): ${b2cOrigin}/`);
  console.log(`  e.g. ${b2cOrigin}/page-templates/unified.html?journey=signin  (add &loading=merged or &loading=bare to change how B2C loads the template)`);
  if (!onNetwork) console.log('  To scan the QR code with a phone on the same network: npm run preview:b2c -- --host');
}
