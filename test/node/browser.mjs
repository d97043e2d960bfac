// Shared by the Node suites that drive Debian's Chromium: launching it, serving files,
// and decoding a QR code from a screenshot of what the page painted.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { before, after } from 'node:test';
import puppeteer from 'puppeteer-core';
import { createServer as createViteServer } from 'vite';
import { decodeQrPng } from './journey.mjs';

export const root = new URL('../..', import.meta.url).pathname;

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml', '.json': 'application/json' };

const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * B2C's #api markup for a fixture page (src/preview/fixtures/<page>.html), filled
 * Node-side: `values` by placeholder name, escaped as B2C escapes claims;
 * other placeholders show their own name.
 */
export function b2cMarkup(page, values = {}) {
  return readFileSync(`${root}src/preview/fixtures/${page}.html`, 'utf8')
    .replace(/<!--[\s\S]*?-->/, '')
    .replace(/\{\{(\w+)\}\}/g, (_, name) => escapeHtml(values[name] ?? name));
}

/** Debian's Chromium, headless, with the flags this closed network and root need. Nothing downloads a browser. */
export function launchChromium() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * An HTTP server on a free local port. `route(path, url)` returns
 * `{ body, type?, headers? }`, or a file path to send, or undefined for a 404.
 */
export async function serve(route) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let reply = route(url.pathname, url);
    if (typeof reply === 'string') {
      try {
        reply = { body: readFileSync(reply), type: TYPES[extname(reply)] };
      } catch {
        reply = undefined;
      }
    }
    if (!reply) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': reply.type ?? TYPES[extname(url.pathname)] ?? 'text/html', ...reply.headers }).end(reply.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/**
 * Screenshots the painted QR code of the first <totp-qr-code> and decodes it with
 * jsQR and with ZXing, which must agree (decodeQrPng): returns what both read, or
 * null when neither reads a code, and throws when they differ. Both decode here in
 * Node: the page under test may have a CSP that forbids a decoder, and must not be
 * touched by one either.
 */
export async function scanQr(page) {
  const svg = await page.waitForFunction(() => document.querySelector('totp-qr-code')?.shadowRoot?.querySelector('svg'));
  const box = await svg.boundingBox();
  return decodeQrPng(Buffer.from(await page.screenshot({ clip: box })));
}

/**
 * The designer preview (Vite's dev server, as `npm run dev` serves it, with its
 * B2C stand-in on a second origin) and Chromium, started before a test file's
 * tests and stopped after them. Read `origin` (the templates' and the preview's
 * own pages), `b2cOrigin` (B2C's pages) and `browser` inside the tests.
 */
export function previewSession() {
  const session = {
    origin: '',
    b2cOrigin: '',
    browser: undefined,
    server: undefined,
    /** B2C's pages (/page-templates/…) on the B2C origin, the rest on the preview's. */
    url: (path) => `${path.startsWith('/page-templates/') ? session.b2cOrigin : session.origin}${path}`,
    /** The mock forgets every enrolled user. */
    reset: () => fetch(`${session.origin}/__preview/reset`, { method: 'POST' }),
    /** A new tab at `path`, its uncaught page errors collected in `page.errors`. */
    async open(path, viewport = { width: 1024, height: 1400 }, beforeLoad = () => undefined) {
      const page = await session.browser.newPage();
      await page.setViewport(viewport);
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      beforeLoad(page, errors);
      await page.goto(session.url(path));
      return Object.assign(page, { errors });
    },
  };
  before(async () => {
    session.server = await createViteServer({ root, logLevel: 'error', server: { port: 0, open: false } });
    await session.server.listen();
    session.origin = `http://localhost:${session.server.httpServer.address().port}`;
    const standIn = session.server.config.plugins.find((plugin) => plugin.name === 'b2c-totp-kit:b2c-stand-in');
    session.b2cOrigin = `http://localhost:${await standIn.api.started}`;
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
