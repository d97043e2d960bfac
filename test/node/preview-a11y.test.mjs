// Accessibility of every page the designer preview shows, in every state, light and dark,
// English and Arabic (right to left): axe finds nothing. And a keyboard-only walk through
// enrollment and verification.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previewSession, root } from './browser.mjs';

// Not the phone-factor page: Microsoft's fragment of it has no <h1> and an unlabelled country list,
// B2C's own markup, which the kit leaves as it is (src/preview/fixtures/phonefactor.html).
const VIEWS = [
  '/page-templates/totp.html?state=enroll',
  '/page-templates/totp.html?state=verify',
  '/page-templates/totp.html?state=wrong-code',
  '/page-templates/totp.html?state=too-many',
  '/page-templates/totp.html?state=server-error',
  '/page-templates/unified.html?state=signin',
  '/page-templates/selfasserted.html?state=profile',
  '/page-templates/error.html?state=error',
  '/page-templates/totp-rest.html?state=rest-enroll',
  '/page-templates/totp-rest.html?state=rest-enroll-uri',
  '/page-templates/selfasserted.html?state=rest-used',
  '/page-templates/selfasserted.html?state=phone-enroll',
  '/page-templates/selfasserted.html?state=phone-sent',
  '/page-templates/selfasserted.html?state=phone-sms-failed',
  '/page-templates/selfasserted.html?state=phone-wrong-code',
  '/page-templates/selfasserted.html?state=phone-too-many',
  '/page-templates/selfasserted.html?state=email-verify',
  '/page-templates/choice.html?state=choice',
  '/src/preview/index.html',
];

const preview = previewSession();

/** Opens `path` and waits until B2C's markup is in, the kit has upgraded every control and its elements have rendered. */
async function openView(page, path) {
  await page.goto(preview.url(path));
  await page.waitForFunction(() => document.querySelector('#api > *') || document.querySelector('nav'));
  await page.waitForFunction(() => !document.querySelector('#api :is(.qrCodeControlContent, li.AuthenticatorInfoControl .attrEntry[id], .authenticatorIconControlContent, input#otpCode, input#strongAuthenticationAppCode, li:has(> .attrEntry > #strongAuthenticationAppQRCodeBitmap), li.VerificationCode > .attrEntry > input, #codeVerification input#verificationCode):not([data-totp-kit])'));
  await page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all([...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('totp-')).map((el) => el.updateComplete));
  });
}

async function axeViolations(page) {
  await page.addScriptTag({ path: `${root}node_modules/axe-core/axe.min.js` });
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

for (const theme of ['light', 'dark']) {
  for (const lang of ['en', 'ar']) {
    test(`axe finds nothing on any page, ${theme}, ${lang}`, async () => {
      const page = await preview.browser.newPage();
      const found = {};
      for (const view of VIEWS) {
        await openView(page, `${view}${view.includes('?') ? '&' : '?'}theme=${theme}&lang=${lang}`);
        const violations = await axeViolations(page);
        if (violations.length) found[view] = violations;
      }
      assert.deepEqual(found, {});
      await page.close();
    });
  }
}

test('axe sees inside the kit: an unnamed QR code is reported', async () => {
  const page = await preview.browser.newPage();
  await openView(page, '/page-templates/totp.html?state=enroll');
  await page.evaluate(async () => {
    const qr = document.querySelector('totp-qr-code');
    qr.strings = { name: '' };
    await qr.updateComplete;
  });
  assert.ok((await axeViolations(page)).some((violation) => violation.startsWith('svg-img-alt')));
  await page.close();
});

/** Tabs until `predicate` holds for the focused element (looking through shadow roots); returns its description. */
async function tabTo(page, predicate, limit = 30) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((source) => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return new Function('el', `return (${source})(el)`)(active) ? `${active.localName}: ${active.textContent.trim()}` : null;
    }, predicate.toString());
    if (found) return found;
  }
  throw new Error(`no focusable element matched ${predicate}`);
}

test('a keyboard-only walk: enrollment, then verification', async () => {
  await preview.reset();
  const page = await preview.browser.newPage();
  await page.goto(`${preview.b2cOrigin}/page-templates/unified.html?journey=signin`);
  await page.waitForSelector('#signInName');
  await page.focus('#signInName');
  await page.keyboard.down('Control'); // the mock fills in the last account: replace it
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type('keyboard@fabrikam.com');
  await tabTo(page, (el) => el.id === 'password'); // past B2C's "Forgot your password?" link
  await page.keyboard.type('password');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await page.waitForFunction(() => document.querySelector('totp-authenticator-info')?.shadowRoot?.querySelector('[part="disclosure"]'));

  // The store links, then the disclosure: open it with the keyboard and reach the copy button.
  assert.match(await tabTo(page, (el) => el.localName === 'a' && /App\sStore/.test(el.textContent)), /App\sStore/);
  await tabTo(page, (el) => el.getAttribute('part') === 'disclosure');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('totp-authenticator-info').open), true);
  await tabTo(page, (el) => el.getAttribute('part') === 'copy-button');
  await tabTo(page, (el) => el.getAttribute('part') === 'toggle-button');
  await page.keyboard.press('Space');
  assert.equal(await page.evaluate(() => document.querySelector('totp-authenticator-info').secretHidden), true);
  await tabTo(page, (el) => el.id === 'continue');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

  // Verification: the code field has focus; a wrong code and Enter show the error, focus stays.
  await page.waitForFunction(() => document.querySelector('totp-code-input')?.input);
  await page.focus('#otpCode');
  await page.keyboard.type('000000');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#otpCode').getAttribute('aria-invalid') === 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'otpCode');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.selectionStart, document.activeElement.selectionEnd]), [0, 6]);
  await page.close();
});
