// The embedding examples of the designer preview (src/preview/examples/), served by
// Vite's dev server as `npm run dev` serves them, in Debian's Chromium: the plain HTML
// sign-in page posts the code from a real form, the React 19 page passes properties,
// hears the kit's events and sees the form value; both wear the example brand theme
// and axe finds nothing on them, light or dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previewSession, root, scanQr } from './browser.mjs';

const DEMO_URI = 'otpauth://totp/Northwind:emily@fabrikam.com?secret=JBSWY3DPEHPK3PXP&issuer=Northwind';
const PAGES = { plain: '/src/preview/examples/sign-in.html', react: '/src/preview/examples/react.html' };
const TAGS = ['totp-qr-code', 'totp-authenticator-info', 'totp-app-icon', 'totp-code-input'];

const preview = previewSession();

/** Opens an example and waits until the four elements have rendered. */
async function open(path) {
  const page = await preview.open(path, { width: 900, height: 1600 }, (tab, errors) =>
    // Any failed load but the browser's own favicon request.
    tab.on('response', (response) => response.status() >= 400 && !response.url().endsWith('/favicon.ico') && errors.push(`${response.status()} ${response.url()}`)),
  );
  await page.evaluate((tags) => Promise.all(tags.map(async (tag) => { await customElements.whenDefined(tag); await document.querySelector(tag).updateComplete; })), TAGS);
  return page;
}

const text = (page, selector) => page.$eval(selector, (element) => element.textContent.trim());

async function retype(page, code) {
  await page.click('#otp');
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.type('#otp', code);
}

test('the plain sign-in page: four elements in a real form; an incomplete code is not posted, the complete one is', async () => {
  const page = await open(PAGES.plain);
  assert.equal(await scanQr(page), DEMO_URI);
  assert.deepEqual(await page.$eval('#enroll', (form) => [form.method, new URL(form.action).pathname]), ['post', '/account/two-step/verify']);
  assert.ok(await page.$eval('totp-app-icon', (icon) => icon.shadowRoot.querySelectorAll('a[part~="link"]').length > 0), 'store links');
  assert.equal(await page.$eval('#otp', (input) => input.getAttribute('autocomplete')), 'one-time-code');

  await page.type('#otp', '12 34');
  await page.click('.submit');
  assert.equal(await page.$eval('#otp', (input) => input.validity.valid), false);
  assert.match(await text(page, '#posted'), /^Nothing yet/, 'an incomplete code is not submitted');

  await page.type('#otp', '56');
  assert.equal(await page.$eval('#otp', (input) => input.value), '123456');
  assert.deepEqual(await page.$$eval('#events li', (items) => items.map((item) => item.textContent)), ['totp-complete: code 123456']);
  await page.click('.submit');
  assert.equal(await text(page, '#posted'), 'enrollment=demo-7f3a\notpCode=123456\nintent=verify');

  // Copy fires totp-copy (the disclosure first: the details are collapsible).
  await page.$eval('totp-authenticator-info', (info) => info.shadowRoot.querySelector('[part="disclosure"]').click());
  await page.$eval('totp-authenticator-info', (info) => info.updateComplete);
  await page.$eval('totp-authenticator-info', (info) => info.shadowRoot.querySelector('[part="copy-button"]').click());
  await page.waitForFunction(() => document.querySelectorAll('#events li').length === 2);
  assert.match(await text(page, '#events li:last-child'), /^totp-copy: /);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the example brand theme restyles the elements through custom properties, parts and the complete state', async () => {
  const page = await open(PAGES.plain);
  const looks = await page.evaluate(() => {
    const qr = document.querySelector('totp-qr-code').shadowRoot.querySelector('svg');
    const icon = document.querySelector('totp-app-icon').shadowRoot.querySelector('[part="icon"]');
    const input = document.getElementById('otp');
    return {
      qrWidth: qr.getBoundingClientRect().width,
      qrOutline: getComputedStyle(qr).outlineStyle,
      iconRadius: getComputedStyle(icon).borderTopLeftRadius,
      iconWidth: getComputedStyle(icon).width,
      inputFont: getComputedStyle(input).fontSize,
      slotBefore: getComputedStyle(document.querySelector('totp-code-input')).getPropertyValue('--totp-code-input-slot-background').trim(),
    };
  });
  assert.deepEqual(looks, { qrWidth: 176, qrOutline: 'solid', iconRadius: '12px', iconWidth: '44px', inputFont: '28px', slotBefore: '#ccfbf1' });
  await page.type('#otp', '123456');
  const slotAfter = await page.$eval('totp-code-input', (input) => getComputedStyle(input).getPropertyValue('--totp-code-input-slot-background').trim());
  assert.equal(slotAfter, '#99f6e4', 'totp-code-input:state(complete) applies');
  await page.close();
});

test('the React 19 page: properties reach the elements, ontotp-complete hears the event, the form value and the post carry the code', async () => {
  const page = await open(PAGES.react);
  assert.equal(await scanQr(page), DEMO_URI);
  // Set as properties, not attributes: React 19 sees that the elements have them.
  assert.deepEqual(
    await page.evaluate(() => {
      const info = document.querySelector('totp-authenticator-info');
      return [info.uri, info.periodHint, info.hasAttribute('uri'), document.querySelector('totp-qr-code').hasAttribute('value')];
    }),
    [DEMO_URI, true, false, false],
  );

  await page.type('#otp', '123456');
  assert.equal(await text(page, '#value'), 'otpCode = 123456');
  assert.deepEqual(await page.$$eval('#events li', (items) => items.map((item) => item.textContent)), ['totp-complete: code 123456']);
  await page.click('.submit');
  await page.waitForFunction(() => document.getElementById('posted').textContent.includes('otpCode='));
  assert.equal(await text(page, '#posted'), 'otpCode=123456\nintent=verify');

  // A server error from React state shows on the input; typing clears it.
  await page.click('#server-error');
  await page.waitForFunction(() => document.getElementById('otp').getAttribute('aria-invalid') === 'true');
  assert.match(await text(page, 'totp-code-input [role="alert"]'), /did not work/);
  await page.type('#otp', '1');
  await page.waitForFunction(() => !document.getElementById('otp').hasAttribute('aria-invalid'));

  // `autosubmit` as a boolean property: the last digit submits the form.
  await page.click('input[type="checkbox"]');
  await page.waitForFunction(() => document.querySelector('totp-code-input').autosubmit === true);
  await retype(page, '654321');
  await page.waitForFunction(() => document.getElementById('posted').textContent.includes('654321'));
  assert.equal(await text(page, '#posted'), 'otpCode=654321');
  assert.equal((await page.$$eval('#events li', (items) => items.map((item) => item.textContent))).at(-1), 'totp-complete: code 654321');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('axe finds nothing on the examples, light and dark; the preview links to them', async () => {
  const found = {};
  for (const [name, path] of Object.entries(PAGES)) {
    for (const theme of ['light', 'dark']) {
      const page = await open(`${path}?theme=${theme}`);
      await page.addScriptTag({ path: `${root}node_modules/axe-core/axe.min.js` });
      const violations = await page.evaluate(async () => {
        const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
        return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      if (violations.length) found[`${name} ${theme}`] = violations;
      await page.close();
    }
  }
  assert.deepEqual(found, {});
  const index = await preview.browser.newPage();
  await index.goto(`${preview.origin}/src/preview/index.html`);
  const hrefs = await index.$$eval('nav a', (links) => links.map((link) => link.getAttribute('href')));
  for (const path of Object.values(PAGES)) assert.ok(hrefs.includes(path), `the preview's nav links to ${path}`);
  await index.close();
});
