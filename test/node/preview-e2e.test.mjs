// End to end through the designer preview, in Debian's Chromium driven by puppeteer-core:
// sign in, scan the QR code from a screenshot, compute the code, verify it, and reach the app;
// a wrong code shows B2C's error; a used code cannot be replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { previewSession, root, scanQr } from './browser.mjs';
import { decodeQrPng, totpCode } from './journey.mjs';

const preview = previewSession();

const openPage = (path) => preview.open(path);

async function signIn(page, email) {
  await page.waitForSelector('#signInName');
  await page.$eval('#signInName', (input) => (input.value = ''));
  await page.type('#signInName', email);
  await page.type('#password', 'correct horse battery staple');
  await Promise.all([page.waitForNavigation(), page.click('#next')]);
}

async function enterCode(page, code) {
  await page.waitForSelector('#otpCode');
  await page.click('#otpCode', { clickCount: 3 });
  await page.type('#otpCode', code);
  await page.click('#continue');
}

const serverError = (page) =>
  page.waitForFunction(() => {
    const error = document.querySelector('#claimVerificationServerError');
    return error && error.getAttribute('aria-hidden') === 'false' && error.textContent;
  });

test('first sign-in enrolls by scanning the QR code; later sign-ins verify; codes are single use', async () => {
  await preview.reset();
  const email = `e2e-${Date.now()}@fabrikam.com`;
  const page = await openPage('/page-templates/unified.html?journey=signin');

  await signIn(page, email);
  assert.match(page.url(), /totp\.html\?journey=signin&step=enroll/);
  const uri = await scanQr(page);
  assert.ok(uri, 'the QR code in the screenshot decodes');
  const parsed = new URL(uri);
  assert.equal(parsed.protocol, 'otpauth:');
  assert.equal(decodeURIComponent(parsed.pathname), `/Contoso demo:${email}`);
  const secret = parsed.searchParams.get('secret');
  assert.match(secret, /^[a-z2-7]{32}$/, 'a fresh 160-bit secret');

  await Promise.all([page.waitForNavigation(), page.click('#continue')]);
  assert.match(page.url(), /step=verify/);
  const now = Date.now() / 1000;
  const code = totpCode(secret, now);
  await Promise.all([page.waitForNavigation(), enterCode(page, code)]);
  assert.match(page.url(), /done\.html\?outcome=enrolled/);
  assert.equal(await page.$eval('#outcome-title', (h1) => h1.textContent), "You're signed in");

  // A later sign-in asks only for a code: the one just used is refused.
  await page.goto(`${preview.b2cOrigin}/page-templates/unified.html?journey=signin`);
  await signIn(page, email);
  assert.match(page.url(), /step=verify/);
  await enterCode(page, code);
  assert.equal(await (await serverError(page)).jsonValue(), 'Wrong code entered, please try again.');

  // A wrong code shows B2C's error, on the code input too.
  await enterCode(page, code === '000000' ? '111111' : '000000');
  assert.equal(await (await serverError(page)).jsonValue(), 'Wrong code entered, please try again.');
  assert.equal(await page.$eval('#otpCode', (input) => input.getAttribute('aria-invalid')), 'true');

  // The next step's code (within the one-step window) is accepted.
  await Promise.all([page.waitForNavigation(), enterCode(page, totpCode(secret, now + 30))]);
  assert.match(page.url(), /done\.html\?outcome=signed-in/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Types `code` into the REST-API sample's code field and presses B2C's Continue. */
async function enterRestCode(page, code) {
  await page.waitForSelector('#strongAuthenticationAppCode');
  await page.click('#strongAuthenticationAppCode', { clickCount: 3 });
  await page.type('#strongAuthenticationAppCode', code);
  await page.click('#continue');
}

test("the REST-API sample: the first sign-in enrolls from the server's QR image, scanned from a screenshot; the sample's messages; a used code is refused", async () => {
  await preview.reset();
  const email = `rest-${Date.now()}@fabrikam.com`;
  const page = await openPage('/page-templates/unified.html?journey=rest');

  await signIn(page, email);
  assert.match(page.url(), /totp-rest\.html\?journey=rest&step=rest-enroll/);
  // The server's bitmap, as the kit shows it: a data: image typed from its bytes (a BMP), fully loaded.
  await page.waitForFunction(() => {
    const img = document.querySelector('.totp-kit-server-qr-image');
    return img && img.complete && img.naturalWidth > 0;
  });
  const src = await page.$eval('.totp-kit-server-qr-image', (img) => (img.scrollIntoView({ block: 'center' }), img.getAttribute('src')));
  assert.match(src, /^data:image\/bmp;base64,Qk/);
  const box = await (await page.$('.totp-kit-server-qr-image')).boundingBox();
  const uri = await decodeQrPng(Buffer.from(await page.screenshot({ clip: box })));
  assert.ok(uri, 'the QR image in the screenshot decodes');
  const parsed = new URL(uri);
  assert.equal(parsed.protocol, 'otpauth:');
  assert.equal(decodeURIComponent(parsed.pathname), `/B2CDemo:${email}`);
  assert.equal(parsed.searchParams.get('period'), '30');
  assert.equal(parsed.searchParams.get('issuer'), 'B2CDemo');
  const secret = parsed.searchParams.get('secret');
  assert.match(secret, /^[A-Z2-7]{32}$/, "a fresh 160-bit secret, in the sample's uppercase Base32");
  // The secret is nowhere in the page as text: only inside the image.
  assert.equal(await page.evaluate((key) => document.documentElement.outerHTML.includes(key), secret), false);

  // A wrong code: the sample's own message, on the code input too.
  const now = Date.now() / 1000;
  const code = totpCode(secret, now);
  await enterRestCode(page, code === '000000' ? '111111' : '000000');
  assert.equal(await (await serverError(page)).jsonValue(), 'The verification code is invalid.');
  assert.equal(await page.$eval('#strongAuthenticationAppCode', (input) => input.getAttribute('aria-invalid')), 'true');
  await Promise.all([page.waitForNavigation(), enterRestCode(page, code)]);
  assert.match(page.url(), /done\.html\?outcome=enrolled/);

  // A later sign-in: the sample's challenge (api.selfasserted), the code alone; the one just used is refused.
  await page.goto(`${preview.b2cOrigin}/page-templates/unified.html?journey=rest`);
  await signIn(page, email);
  assert.match(page.url(), /selfasserted\.html\?journey=rest&step=rest-verify/);
  await page.waitForFunction(() => document.querySelector('#strongAuthenticationAppCode + totp-code-input'));
  await enterRestCode(page, code);
  assert.equal(await (await serverError(page)).jsonValue(), 'The verification code has already been used.');
  await Promise.all([page.waitForNavigation(), enterRestCode(page, totpCode(secret, now + 30))]);
  assert.match(page.url(), /done\.html\?outcome=signed-in/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the REST-API sample with README's URI claim: the kit's own QR code, scanned, enrolls", async () => {
  await preview.reset();
  const email = `rest-uri-${Date.now()}@fabrikam.com`;
  const page = await openPage('/page-templates/unified.html?journey=rest-uri');
  await signIn(page, email);
  assert.match(page.url(), /totp-rest\.html\?journey=rest-uri&step=rest-enroll/);
  const uri = await scanQr(page);
  const parsed = new URL(uri);
  assert.equal(decodeURIComponent(parsed.pathname), `/B2CDemo:${email}`);
  const secret = parsed.searchParams.get('secret');
  // The server's image gives way to the kit's code; the same key behind both.
  assert.equal(await page.$eval('.totp-kit-server-qr-image', (img) => img.checkVisibility()), false);
  await Promise.all([page.waitForNavigation(), enterRestCode(page, totpCode(secret, Date.now() / 1000))]);
  assert.match(page.url(), /done\.html\?outcome=enrolled/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('turning authenticator MFA on is refused when enrolled; turning it off asks for a code first', async () => {
  await preview.reset();
  const email = `toggle-${Date.now()}@fabrikam.com`;
  const page = await openPage('/page-templates/unified.html?journey=enable');
  await signIn(page, email);
  assert.match(page.url(), /step=enroll/);
  const secret = new URL(await scanQr(page)).searchParams.get('secret');
  await Promise.all([page.waitForNavigation(), page.click('#continue')]);
  const now = Date.now() / 1000;
  await Promise.all([page.waitForNavigation(), enterCode(page, totpCode(secret, now))]);
  assert.match(page.url(), /outcome=enabled/);

  await page.goto(`${preview.b2cOrigin}/page-templates/unified.html?journey=enable`);
  await signIn(page, email);
  assert.match(page.url(), /error\.html\?journey=enable&step=already-enrolled/);
  await page.waitForFunction(() => document.querySelector('#api .error-container'));
  assert.match(await page.$eval('#api', (api) => api.textContent), /already registered/);

  await page.goto(`${preview.b2cOrigin}/page-templates/unified.html?journey=disable`);
  await signIn(page, email);
  assert.match(page.url(), /step=verify/);
  await enterCode(page, '999999' === totpCode(secret, now + 30) ? '999998' : '999999');
  await serverError(page);
  await Promise.all([page.waitForNavigation(), enterCode(page, totpCode(secret, now + 30))]);
  assert.match(page.url(), /outcome=disabled/);

  // Removed: the next sign-in enrolls again.
  await page.goto(`${preview.b2cOrigin}/page-templates/unified.html?journey=signin`);
  await signIn(page, email);
  assert.match(page.url(), /step=enroll/);
  await page.close();
});

test('the phone mode: a first sign-in registers a phone by a texted code, the next verifies it; B2C\'s messages show on the kit\'s code input', async () => {
  await preview.reset();
  const email = `phone-${Date.now()}@fabrikam.com`;
  const page = await openPage('/page-templates/unified.html?journey=phone');
  const texted = () => page.waitForFunction(() => /(\d{6}) is your/.exec(document.querySelector('#mock-phone')?.textContent ?? '')?.[1]).then((code) => code.jsonValue());
  const codeInput = '.VerificationCode totp-code-input';
  const typeCode = async (code) => {
    await page.waitForFunction(() => document.querySelector('#verificationCode') && !document.querySelector('#verificationCode').disabled);
    await page.click('#verificationCode', { clickCount: 3 });
    await page.type('#verificationCode', code);
  };
  await signIn(page, email);
  assert.match(page.url(), /selfasserted\.html\?journey=phone&step=phone-enroll/);
  await page.waitForSelector(codeInput);
  assert.equal(await page.$eval('#verificationCode', (input) => input.getAttribute('autocomplete')), 'one-time-code');
  // A number B2C cannot text: its message stays above the number, the code field still hidden.
  await page.type('#nationalNumber', '555 0000');
  await page.click('#phoneVerificationControl_but_send_code');
  await page.waitForFunction(() => document.querySelector('#phoneVerificationControl_error_message')?.checkVisibility());
  assert.match(await page.$eval('#phoneVerificationControl_error_message', (node) => node.textContent), /Cannot Send SMS/);
  await page.$eval('#nationalNumber', (input) => (input.value = ''));
  await page.type('#nationalNumber', '555 0142');
  await page.click('#phoneVerificationControl_but_send_code');
  const code = await texted();
  // A wrong code: B2C's message on the kit's input, said once.
  await typeCode(code === '000000' ? '111111' : '000000');
  await page.click('#phoneVerificationControl_but_verify_code');
  await page.waitForFunction((selector) => document.querySelector(selector)?.error, {}, codeInput);
  assert.equal(await page.$eval(codeInput, (element) => element.error), 'Wrong code entered, please try again.');
  assert.equal(await page.$eval('#phoneVerificationControl_error_message', (node) => node.checkVisibility()), false);
  await typeCode(code);
  await page.click('#phoneVerificationControl_but_verify_code');
  await page.waitForFunction(() => document.querySelector('#continue')?.getAttribute('aria-disabled') === 'false');
  await Promise.all([page.waitForNavigation(), page.click('#continue')]);
  assert.match(page.url(), /done\.html\?outcome=phone-enrolled/);

  // The next sign-in finds the registered phone: a code is sent to it, no number asked for.
  await page.goto(`${preview.b2cOrigin}/page-templates/unified.html?journey=phone`);
  await signIn(page, email);
  assert.match(page.url(), /step=phone-verify/);
  await page.waitForSelector(codeInput);
  assert.equal(await page.$eval('#nationalNumber', (input) => input.value), '555 0142');
  await page.click('#phoneVerificationControl_but_send_code');
  await typeCode(await texted());
  await page.click('#phoneVerificationControl_but_verify_code');
  await page.waitForFunction(() => document.querySelector('#continue')?.getAttribute('aria-disabled') === 'false');
  await Promise.all([page.waitForNavigation(), page.click('#continue')]);
  assert.match(page.url(), /done\.html\?outcome=signed-in/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the choice page: option cards over B2C\'s own radios, chosen with the keyboard, lead to the phone or the TOTP journey', async () => {
  await preview.reset();
  const email = `choice-${Date.now()}@fabrikam.com`;
  const page = await openPage('/page-templates/unified.html?journey=choose');
  await signIn(page, email);
  assert.match(page.url(), /choice\.html\?journey=choose&step=choose/);
  await page.waitForSelector('#mfaMethod_phone');
  // B2C's radios, as B2C rendered them: one group, each named by its card (its label).
  const radios = await page.$$eval('li.RadioSingleSelect input', (inputs) => inputs.map((input) => [input.type, input.name, input.labels[0].textContent]));
  assert.deepEqual(radios, [['radio', 'mfaMethod', 'Text message to my phone'], ['radio', 'mfaMethod', 'Authenticator app']]);
  // Each card: an icon, one line, the whole card a target; the radio inside the card.
  const cards = await page.$$eval('li.RadioSingleSelect input + label', (labels) => labels.map((label) => {
    const card = label.getBoundingClientRect();
    const radio = label.previousElementSibling.getBoundingClientRect();
    const icon = getComputedStyle(label, '::before');
    const inside = radio.left >= card.left && radio.right <= card.right && radio.top >= card.top && radio.bottom <= card.bottom;
    return { inside, icon: icon.maskImage || icon.webkitMaskImage, tall: card.height >= 44, line: card.height < 80 };
  }));
  for (const card of cards) assert.deepEqual({ ...card, icon: card.icon.startsWith('url(') }, { inside: true, icon: true, tall: true, line: true });
  assert.notEqual(cards[0].icon, cards[1].icon, 'each option its own icon');
  // Keyboard only: Tab into the group, an arrow key picks the next option, Enter submits.
  await page.focus('#mfaMethod_phone');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.$eval('input[name="mfaMethod"]:checked', (input) => input.value), 'totp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.$eval('input[name="mfaMethod"]:checked', (input) => input.value), 'phone');
  const ring = await page.$eval('#mfaMethod_phone + label', (label) => getComputedStyle(label).outlineStyle);
  assert.equal(ring, 'solid', 'the focused option\'s card shows the focus ring');
  await Promise.all([page.waitForNavigation(), page.click('#continue')]);
  assert.match(page.url(), /selfasserted\.html\?journey=phone&step=phone-enroll/);

  await page.goto(`${preview.b2cOrigin}/page-templates/unified.html?journey=choose`);
  await signIn(page, email);
  await page.waitForSelector('#mfaMethod_totp');
  await page.click('label[for="mfaMethod_totp"]');
  await Promise.all([page.waitForNavigation(), page.click('#continue')]);
  assert.match(page.url(), /totp\.html\?journey=signin&step=enroll/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('editing a template or a style reloads the preview', async () => {
  // Scratch copies beside the real template, so the test never edits files people work on.
  const name = `hmr-check-${process.pid}`;
  const html = `${root}page-templates/${name}.html`;
  const css = `${root}page-templates/${name}.css`;
  writeFileSync(css, '.brand { outline: 3px solid rgb(1, 2, 3); }\n');
  writeFileSync(html, readFileSync(`${root}page-templates/totp.html`, 'utf8').replace('./brand.css', `./${name}.css`));
  const page = await openPage(`/page-templates/${name}.html?state=enroll`);
  try {
    // The template's stylesheet loads after its markup is in (B2C's loader adopts both): wait for it.
    const outlined = (color) => page.waitForFunction((expected) => {
      const brand = document.querySelector('.brand');
      return brand && getComputedStyle(brand).outlineColor === expected;
    }, { timeout: 10000 }, color);
    await outlined('rgb(1, 2, 3)');
    // An edit made before the page's HMR socket is connected is not sent to it (a loaded machine can take
    // seconds to connect): the edit is made again, once a second, until the page shows it, for up to 20 s.
    const edit = async (write, shown) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        write(attempt);
        if (await page.waitForFunction(shown, { timeout: 1000 }).then(() => true, () => false)) return;
      }
      assert.fail('the preview did not reload within 20 s of the edit');
    };
    await edit(
      (attempt) => writeFileSync(css, `.brand { outline: 3px solid rgb(4, 5, 6); } /* ${attempt} */\n`),
      () => getComputedStyle(document.querySelector('.brand')).outlineColor === 'rgb(4, 5, 6)',
    );
    const template = readFileSync(html, 'utf8');
    await edit(
      (attempt) => writeFileSync(html, template.replace('<title>', `<title>Edited ${attempt} `)),
      () => document.title.startsWith('Edited '),
    );
  } finally {
    await page.close();
    rmSync(html, { force: true });
    rmSync(css, { force: true });
  }
});
