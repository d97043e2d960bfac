// The built bundles, as a page receives them: the CDN module and the template's classic
// script (with qrcode-generator trimmed, see vite.config.ts) draw QR codes that decode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'vite';
import puppeteer from 'puppeteer-core';

const root = new URL('../..', import.meta.url).pathname;
const jsQrSource = readFileSync(join(root, 'node_modules/jsqr/dist/jsQR.js'), 'utf8');
const URI = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml' };

const dir = mkdtempSync(join(tmpdir(), 'bundles-'));
let server;
let browser;
let origin;

before(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/blank.html') return response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title>');
    let body;
    try {
      body = readFileSync(join(dir, path));
    } catch {
      return response.writeHead(404).end();
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  process.env.TEMPLATE_BASE_URL = `${origin}/templates/`;
  await build({ root, mode: 'cdn', logLevel: 'silent', build: { outDir: join(dir, 'cdn') } });
  await build({ root, logLevel: 'silent', build: { outDir: join(dir, 'templates') } });
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Decodes the painted QR code of the first <totp-qr-code> on the page. */
async function decodeQr(page) {
  const svg = await page.waitForFunction(() => document.querySelector('totp-qr-code')?.shadowRoot?.querySelector('svg'));
  const box = await svg.boundingBox();
  const png = await page.screenshot({ clip: box, encoding: 'base64' });
  return page.evaluate(
    async (source, data, width, height) => {
      const jsQR = new Function(`${source}; return jsQR;`)();
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width, height });
      canvas.getContext('2d').drawImage(image, 0, 0);
      return jsQR(canvas.getContext('2d').getImageData(0, 0, width, height).data, width, height)?.data ?? null;
    },
    jsQrSource,
    png,
    Math.round(box.width),
    Math.round(box.height),
  );
}

test('the qrcode-generator trim keeps only what the kit uses', () => {
  const code = readFileSync(join(dir, 'cdn/b2c-totp-kit.js'), 'utf8');
  for (const gone of ['createDataURL', 'createImgTag', 'createSvgTag', 'renderTo2dContext', 'createStringToBytes']) {
    assert.ok(!code.includes(gone), `${gone} is cut`);
  }
});

test('the CDN module defines the elements and draws a QR code that decodes', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/blank.html`);
  await page.addScriptTag({ url: `${origin}/cdn/b2c-totp-kit.js`, type: 'module' });
  await page.waitForFunction(() => customElements.get('totp-qr-code'));
  await page.evaluate((uri) => {
    const qr = document.createElement('totp-qr-code');
    qr.value = uri;
    document.body.append(qr);
  }, URI);
  assert.equal(await decodeQr(page), URI);
  // Loading the bundle a second time must not throw "already defined".
  await page.addScriptTag({ content: `import('${origin}/cdn/b2c-totp-kit.js?again')`, type: 'module' });
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(errors, []);
  await page.close();
});

test("the template's classic script upgrades B2C's enrollment page", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/templates/totp.html`);
  const script = await page.$eval('head script[src]', (element) => ({ defer: element.defer, type: element.type }));
  assert.deepEqual(script, { defer: true, type: '' });
  const fixture = readFileSync(join(root, 'src/preview/fixtures/totp-enroll.html'), 'utf8')
    .replace(/<!--[\s\S]*?-->/, '')
    .replace(/\{\{(\w+)\}\}/g, (_, name) => ({ uri: URI, qrId: 'totpQrCodeControl', infoId: 'info', iconId: 'icon' })[name] ?? name);
  await page.evaluate((markup) => (document.getElementById('api').innerHTML = markup), fixture);
  assert.equal(await decodeQr(page), URI);
  assert.equal(await page.evaluate(() => typeof window.$), 'undefined', 'no global leaks out of the classic script');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the built template set holds hashed assets only', () => {
  const assets = readdirSync(join(dir, 'templates/assets'));
  assert.ok(assets.length >= 3);
  for (const name of assets) assert.match(name, /-[\w-]{8}\.\w+$/, name);
});
