// The built bundles, as a page receives them: the CDN module and the template's classic
// script (with qrcode-generator trimmed, see vite.config.ts) draw QR codes that decode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, runnerImport } from 'vite';
import { buildTemplates } from '../../src/build/tools/build-templates.mjs';
import { b2cMarkup, launchChromium, root, scanQr, serve } from './browser.mjs';
import { decodeQrPng } from './journey.mjs';

const URI = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';

const dir = mkdtempSync(join(tmpdir(), 'bundles-'));
let server;
let browser;
let origin;

before(async () => {
  ({ server, origin } = await serve((path) => (path === '/blank.html' ? { body: '<!doctype html><title>blank</title>' } : join(dir, path))));
  await build({ root, mode: 'cdn', logLevel: 'silent', build: { outDir: join(dir, 'cdn') } });
  await buildTemplates({ outDir: join(dir, 'templates'), base: `${origin}/templates/`, logLevel: 'silent' });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the qrcode-generator trim keeps only what the kit uses', () => {
  const code = readFileSync(join(dir, 'cdn/b2c-totp-kit.js'), 'utf8');
  for (const gone of ['createDataURL', 'createImgTag', 'createSvgTag', 'renderTo2dContext', 'createStringToBytes', 'MODE_KANJI', 'PATTERN000']) {
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
  assert.equal(await scanQr(page), URI);
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
  const fixture = b2cMarkup('totp-enroll', { uri: URI, qrId: 'totpQrCodeControl', infoId: 'info', iconId: 'icon' });
  await page.evaluate((markup) => (document.getElementById('api').innerHTML = markup), fixture);
  assert.equal(await scanQr(page), URI);
  assert.equal(await page.evaluate(() => typeof window.$), 'undefined', 'no global leaks out of the classic script');
  assert.deepEqual(errors, []);
  await page.close();
});

test("the verification page loads the code input and never the QR encoder", async () => {
  const page = await browser.newPage();
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname.replace(/-[\w-]{8}\.js$/, '.js')));
  await page.goto(`${origin}/templates/totp.html`);
  await page.evaluate((markup) => (document.getElementById('api').innerHTML = markup), b2cMarkup('totp-verify', { codeId: 'otpCode', codePattern: '^[0-9]{6}$' }));
  await page.waitForFunction(() => document.querySelector('totp-code-input')?.input?.getAttribute('autocomplete') === 'one-time-code');
  const scripts = requested.filter((path) => path.endsWith('.js')).sort();
  assert.deepEqual(scripts, ['/templates/assets/b2c-totp-kit.js', '/templates/assets/shared.js', '/templates/assets/verification.js']);
  await page.close();
});

test("the REST-API sample's template upgrades its enrollment page: the server's image, scanned, and the code input, with only that page's modules", async () => {
  const { module: bmp } = await runnerImport(join(root, 'src/preview/bmp.ts'), { configFile: false, logLevel: 'silent' });
  const sampleUri = 'otpauth://totp/B2CDemo:emily@fabrikam.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&period=30&issuer=B2CDemo';
  const page = await browser.newPage();
  const errors = [];
  const requested = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requested.push(new URL(request.url()).pathname.replace(/-[\w-]{8}\.js$/, '.js')));
  await page.goto(`${origin}/templates/totp-rest.html`);
  const markup = b2cMarkup('rest-enroll', {
    codeId: 'strongAuthenticationAppCode',
    qrImageId: 'strongAuthenticationAppQRCodeBitmap',
    qrBitmap: bmp.bitmapQrCode(sampleUri),
    extraClaims: '',
    headingBlock: '',
    formAction: ' action="JavaScript:void(0);"',
    codeItemClass: '',
    qrItemClass: '',
  });
  await page.evaluate((html) => (document.getElementById('api').innerHTML = html), markup);
  await page.waitForFunction(() => document.querySelector('#strongAuthenticationAppCode + totp-code-input'));
  await page.waitForFunction(() => {
    const img = document.querySelector('.totp-kit-server-qr-image');
    return img && img.complete && img.naturalWidth > 0;
  });
  const box = await (await page.$('.totp-kit-server-qr-image')).boundingBox();
  assert.equal(await decodeQrPng(Buffer.from(await page.screenshot({ clip: box }))), sampleUri);
  const scripts = [...new Set(requested.filter((path) => path.endsWith('.js')))].sort();
  assert.deepEqual(scripts, ['/templates/assets/b2c-totp-kit.js', '/templates/assets/server-qr.js', '/templates/assets/shared.js', '/templates/assets/verification.js']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the built template set holds hashed assets only', () => {
  const assets = readdirSync(join(dir, 'templates/assets'));
  assert.ok(assets.length >= 3);
  for (const name of assets) assert.match(name, /-[\w-]{8}\.\w+$/, name);
});
