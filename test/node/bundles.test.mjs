// The built bundles, as a page receives them: the CDN module and the template's classic
// script (with qrcode-generator trimmed, see vite.config.ts) draw QR codes that decode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
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
  ({ server, origin } = await serve((path) => {
    if (path === '/blank.html') return { body: '<!doctype html><title>blank</title>' };
    // The TOTP template as B2C serves it in another language: B2C sets <html lang>.
    const [, template, language] = /^\/templates\/(totp|totp-rest)\.([\w-]+)\.html$/.exec(path) ?? [];
    if (language) return { body: readFileSync(join(dir, `templates/${template}.html`), 'utf8').replace(/<html[^>]*>/, `<html lang="${language}">`) };
    return join(dir, path);
  }));
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
  // The template's script and one module: the shared base with the code input (template-script.config.ts).
  assert.deepEqual(scripts, ['/templates/assets/b2c-totp-kit.js', '/templates/assets/shared.js']);
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
  assert.deepEqual(scripts, ['/templates/assets/b2c-totp-kit.js', '/templates/assets/server-qr.js', '/templates/assets/shared.js']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the built template set holds hashed assets only', () => {
  const assets = readdirSync(join(dir, 'templates/assets'));
  assert.ok(assets.length >= 3);
  // The language modules' folder carries the hash of them all (plugins/locales.ts).
  for (const name of assets) assert.match(name, /-[\w-]{8}\.\w+$|^locales-[0-9a-f]{10}$/, name);
});

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const localesDir = () => join(dir, 'templates/assets', readdirSync(join(dir, 'templates/assets')).find((name) => name.startsWith('locales-')));

test('each language module holds one page\'s texts and is at most 1 KB gzip', async (t) => {
  const { module: locales } = await runnerImport(join(root, 'src/build/plugins/locales.ts'), { configFile: false, logLevel: 'silent' });
  const { module: text } = await runnerImport(join(root, 'src/core/text.ts'), { configFile: false, logLevel: 'silent' });
  const { unpackTexts } = text;
  const files = readdirSync(localesDir());
  const languages = [...new Set(files.map((file) => file.replace(/-(verification|enrollment|server-qr)\.js$/, '')))];
  // B2C's 36 user-flow languages but English, Arabic and Hebrew (src/core/language.ts).
  assert.equal(languages.length, 37);
  assert.equal(files.length, 111);
  const sizes = {};
  for (const language of languages) {
    for (const [page, groups] of [['verification', ['codeInput']], ['enrollment', ['qrCode', 'authenticatorInfo', 'appIcon']], ['server-qr', ['serverQr']]]) {
      const file = join(localesDir(), `${language}-${page}.js`);
      const code = readFileSync(file, 'utf8');
      assert.doesNotMatch(code, /\bimport\b|document|window/, `${language}-${page}: data only`);
      const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)).default;
      assert.deepEqual(Object.keys(module).filter((key) => !['language', 'dir'].includes(key)), groups, `${language}-${page}: that page's texts only`);
      // Packed (build/plugins/locales.ts): each group's values alone, which unpack to the language's source texts.
      const source = locales.readLocale(language);
      for (const group of groups) assert.deepEqual(unpackTexts(source[group], module[group]), { ...source[group] }, `${language}-${page}: ${group} unpacks to its source`);
      sizes[`${language}-${page}`] = gzip(file);
    }
  }
  t.diagnostic(Object.entries(sizes).sort((a, b) => b[1] - a[1]).map(([name, size]) => `${name} ${size} B`).join(', '));
  const over = Object.entries(sizes).filter(([, size]) => size > 1024);
  assert.deepEqual(over, [], 'each language module ≤ 1 KB gzip -9');
});


test("a page in another language asks for its texts with the page's modules, not after them, and shows them", async (t) => {
  const page = await browser.newPage();
  const events = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    events.push(`request ${path}`);
    // The page's module answers late: the texts must be asked for before it arrives.
    if (path.includes('/shared-')) setTimeout(() => request.continue(), 300);
    else request.continue();
  });
  page.on('requestfinished', (request) => events.push(`finished ${new URL(request.url()).pathname}`));
  await page.goto(`${origin}/templates/totp.de-AT.html`);
  await page.evaluate((markup) => (document.getElementById('api').innerHTML = markup), b2cMarkup('totp-verify', { codeId: 'otpCode', codePattern: '^[0-9]{6}$' }));
  await page.waitForFunction(() => document.querySelector('totp-code-input')?.input?.getAttribute('autocomplete') === 'one-time-code');
  const scripts = events.filter((event) => event.startsWith('request') && event.endsWith('.js')).map((event) => event.slice(8).replace(/-[\w-]{8}\.js$/, '.js').replace(/locales-\w+/, 'locales'));
  assert.deepEqual(scripts.sort(), ['/templates/assets/b2c-totp-kit.js', '/templates/assets/locales/de-verification.js', '/templates/assets/shared.js']);
  const asked = events.findIndex((event) => /request .*\/de-verification\.js$/.test(event));
  const arrived = events.findIndex((event) => /finished .*\/shared-[\w-]{8}\.js$/.test(event));
  assert.ok(asked >= 0 && arrived >= 0 && asked < arrived, `the texts are asked for before the page's module arrives: ${events.join(', ')}`);
  const message = await page.$eval('#otpCode', (input) => input.validationMessage);
  assert.match(message, /^Geben Sie den 6-stelligen Code/);
  t.diagnostic(`de-AT: ${message}`);
  await page.close();
});

test("the REST-API sample's QR image speaks the page's language: its texts are asked for with its module", async (t) => {
  const page = await browser.newPage();
  const scripts = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path.replace(/-[\w-]{8}\.js$/, '.js').replace(/locales-\w+/, 'locales'));
  });
  await page.goto(`${origin}/templates/totp-rest.de.html`);
  // An image claim that is no image: the page says so, in German.
  await page.evaluate((markup) => (document.getElementById('api').innerHTML = markup), b2cMarkup('rest-enroll', { qrImageId: 'strongAuthenticationAppQRCodeBitmap', qrBitmap: 'not an image' }));
  await page.waitForSelector('.totp-kit-server-qr-error');
  const error = await page.$eval('.totp-kit-server-qr-error', (node) => node.textContent);
  const { module: locales } = await runnerImport(join(root, 'src/build/plugins/locales.ts'), { configFile: false, logLevel: 'silent' });
  assert.equal(error, locales.readLocale('de').serverQr.error);
  assert.ok(scripts.includes('/templates/assets/locales/de-server-qr.js'), scripts.join(', '));
  assert.ok(!scripts.some((path) => /de-(enrollment|verification)\.js$/.test(path)), `only the image's texts: ${scripts.join(', ')}`);
  t.diagnostic(`de: ${error}`);
  await page.close();
});

test('the verification page stays within its budget in every language', (t) => {
  const assets = join(dir, 'templates/assets');
  const file = (prefix) => join(assets, readdirSync(assets).find((name) => name.startsWith(prefix) && name.endsWith('.js')));
  const page = gzip(file('b2c-totp-kit-')) + gzip(file('shared-'));
  const largest = Math.max(...readdirSync(localesDir()).filter((name) => name.endsWith('-verification.js')).map((name) => gzip(join(localesDir(), name))));
  t.diagnostic(`verification page: ${page} B gzip -9 in English, ${page + largest} B with its largest language module`);
  // The target: 9.5 KB (9,728 B) in English (README, "Targets"; the bench prints it). The bridge's
  // enrollment, REST and sent-code mounts load on demand, and the code input shares one file with the
  // base, which the TOTP template preloads. A language's texts add 0.3–0.45 KB.
  t.diagnostic(`target 9,728 B in English: ${page <= 9_728 ? 'met' : `missed by ${page - 9_728} B`}`);
  assert.ok(page <= 9_728, `${page} B in English`);
  assert.ok(page + largest <= 10_240, `${page + largest} B with the largest language module`);
});
