// The kit under strict Content Security Policies and Trusted Types, sent as real headers
// (OWASP ASVS 5.0 V3.4, Lit's CSP guide): no 'unsafe-inline', no 'unsafe-eval', and zero
// violations. And without JavaScript at all, B2C's own page still shows and submits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { buildTemplates } from '../../src/build/tools/build-templates.mjs';
import { b2cMarkup, launchChromium, root, scanQr, serve } from './browser.mjs';

const URI = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';
const NONCE = 'dGVzdC1ub25jZS0xMjM0';
const STRICT = "object-src 'none'; base-uri 'none'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'";
const POLICIES = {
  self: `script-src 'self'; ${STRICT}; trusted-types lit-html`,
  // B2C's form (MicrosoftDocs/azure-docs #83681), enforced, with Trusted Types on top.
  b2c: `script-src 'nonce-${NONCE}' 'strict-dynamic' 'report-sample'; ${STRICT}; trusted-types lit-html b2c`,
  // A page that enforces Trusted Types without allowing Lit's policy: the kit cannot load.
  noLit: `script-src 'self'; ${STRICT}; trusted-types b2c`,
};

// Records every violation where the test can read it; loaded first, same origin.
const PROBE = `window.violations = [];
addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + (e.blockedURI || e.sourceFile)));
window.errors = [];
addEventListener('error', (e) => errors.push(String(e.message)));`;

// Stands in for B2C's own script: it injects the enrollment form into #api, through a
// Trusted Types policy of its own as B2C would have to. B2C's inline style attributes
// are left out: they are B2C's business under its own policy, and would hide the kit's.
const B2C_STANDIN = (markup) => `const policy = trustedTypes.createPolicy('b2c', { createHTML: (html) => html });
document.getElementById('api').innerHTML = policy.createHTML(${JSON.stringify(markup.replace(/ style="[^"]*"/g, ''))});`;

const ELEMENTS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title>
<script src="/probe.js"></script><script type="module" src="/cdn/b2c-totp-kit.js"></script><script type="module" src="/elements.js"></script>
</head><body><form id="form"></form></body></html>`;

const ELEMENTS_SCRIPT = `const form = document.getElementById('form');
const qr = document.createElement('totp-qr-code'); qr.value = ${JSON.stringify(URI)}; qr.deepLink = 'always';
const info = document.createElement('totp-authenticator-info'); info.uri = qr.value; info.countdown = true;
const icon = document.createElement('totp-app-icon');
const code = document.createElement('totp-code-input'); code.name = 'otpCode';
form.append(qr, info, icon, code);`;

const dir = mkdtempSync(join(tmpdir(), 'csp-'));
let server;
let origin;
let browser;
let templateHtml;

before(async () => {
  ({ server, origin } = await serve((path, url) => {
    const policy = POLICIES[url.searchParams.get('csp')];
    const headers = policy ? { 'content-security-policy': policy } : {};
    if (path === '/probe.js') return { body: PROBE };
    if (path === '/submitted') return { body: `<!doctype html><title>posted</title>${url.search}` };
    if (path === '/b2c.js') return { body: B2C_STANDIN(b2cMarkup('totp-enroll', { uri: URI, identifier: 'emily@fabrikam.com', secret: 'fay2lj7ynpntjgqa', qrId: 'qr', infoId: 'info', iconId: 'icon', qrImage: '' })) };
    if (path === '/elements.js') return { body: ELEMENTS_SCRIPT };
    if (path === '/elements.html') return { body: ELEMENTS_PAGE, headers };
    if (path === '/templates/totp.html') {
      // What B2C's server sends: the template with a nonce on each script, and its own scripts first.
      const html = templateHtml
        .replace(/<script /g, `<script nonce="${NONCE}" `)
        .replace('<head>', `<head><script nonce="${NONCE}" src="/probe.js"></script><script nonce="${NONCE}" src="/b2c.js" defer></script>`);
      return { body: html, headers };
    }
    return join(dir, path);
  }));
  await build({ root, mode: 'cdn', logLevel: 'silent', build: { outDir: join(dir, 'cdn') } });
  await buildTemplates({ outDir: join(dir, 'templates'), base: `${origin}/templates/`, logLevel: 'silent' });
  templateHtml = readFileSync(join(dir, 'templates/totp.html'), 'utf8');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(path) {
  const page = await browser.newPage();
  await page.goto(`${origin}${path}`);
  return page;
}

const report = (page) => page.evaluate(() => ({ violations: window.violations, errors: window.errors }));

test("the elements work under script-src 'self', style-src 'self' and Trusted Types, with no violation", async () => {
  const page = await open('/elements.html?csp=self');
  assert.equal(await scanQr(page), URI);
  await page.waitForFunction(() => document.querySelector('totp-authenticator-info')?.shadowRoot?.querySelector('[part="secret"]'));
  // The countdown's timing goes through the CSSOM, which style-src does not block.
  assert.ok(await page.evaluate(() => document.querySelector('totp-authenticator-info').shadowRoot.querySelector('circle')?.style.animationDuration === '30s'));
  await page.focus('input[name="otpCode"]');
  await page.keyboard.type('12 34-56');
  assert.equal(await page.$eval('input[name="otpCode"]', (input) => input.value), '123456');
  assert.deepEqual(await report(page), { violations: [], errors: [] });
  await page.close();
});

test("the template works under B2C's 'strict-dynamic' nonce policy with Trusted Types, with no violation", async () => {
  const page = await open('/templates/totp.html?csp=b2c');
  assert.equal(await scanQr(page), URI);
  await page.waitForFunction(() => document.querySelector('totp-authenticator-info') && document.querySelector('totp-app-icon'));
  assert.deepEqual(await report(page), { violations: [], errors: [] });
  await page.close();
});

test("a policy that refuses Lit's Trusted Types policy stops the kit, not B2C's page", async () => {
  const page = await browser.newPage();
  const warnings = [];
  page.on('console', (message) => message.type() === 'warn' && warnings.push(message.text()));
  await page.goto(`${origin}/templates/totp.html?csp=noLit`);
  await page.waitForFunction(() => document.querySelector('#qr-img'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const { violations } = await report(page);
  assert.ok(violations.some((v) => v.startsWith('trusted-types')), `the harness sees the refusal: ${violations}`);
  assert.ok(warnings.some((text) => /could not load <totp-/.test(text)), `the bridge says so: ${warnings}`);
  assert.equal(await page.evaluate(() => customElements.get('totp-qr-code')), undefined);
  assert.equal(await page.$eval('#qr-img', (image) => image.checkVisibility()), true, "B2C's own QR image still shows");
  await page.close();
});

test("with JavaScript off, B2C's server-rendered page shows its QR image and input, and submits", async () => {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(`${origin}/templates/totp.html`);
  // The same template as a static page, B2C's form already in #api (as B2C's server would send it).
  const withApi = (markup) => templateHtml.replace('<div id="api" role="main"></div>', `<div id="api" role="main">${markup}</div>`);
  const pixel = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==';
  await page.setContent(withApi(b2cMarkup('totp-enroll', { uri: URI, qrId: 'qr', infoId: 'info', iconId: 'icon', qrImage: pixel })));
  assert.equal(await page.$eval('#qr-img', (image) => image.checkVisibility() && image.complete), true);
  assert.equal(await page.$eval('.qrCodeControlContent a', (link) => link.getAttribute('href')), URI);

  const verify = b2cMarkup('totp-verify', { codeId: 'otpCode', codePattern: '^[0-9]{6}$' }).replace('<form id="attributeVerification">', `<form id="attributeVerification" action="${origin}/submitted">`);
  await page.setContent(withApi(verify));
  assert.equal(await page.$eval('#otpCode', (input) => input.checkVisibility()), true);
  await page.type('#otpCode', '123456');
  await Promise.all([page.waitForNavigation(), page.click('#continue')]);
  assert.match(page.url(), /\/submitted/);
  await page.close();
});
