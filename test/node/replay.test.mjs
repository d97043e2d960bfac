// A tenant's session recorder on the built TOTP template, hosted as B2C hosts it
// (the page on one origin under B2C's nonce policy, the template and its assets on
// another, merged into B2C's page), in every engine: rrweb (the npm package, its
// UMD build, served from the tenant's storage) starts in the template's <head>,
// before the kit's script, with its default options, as a tenant would add it.
// What it records of the enrollment page holds neither the secret nor the URI; of
// the verification page, not the code as it is typed. The control: the same
// template without the kit, whose recording does hold the secret.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serveB2C } from '../../src/preview/server/serve-b2c.mjs';
import { ENGINES, launch } from './engines.mjs';

let hosted;
before(async () => {
  hosted = await serveB2C();
  const { templatesDir, templatesOrigin } = hosted;
  copyFileSync(createRequire(import.meta.url).resolve('rrweb').replace(/rrweb\.cjs$/, 'rrweb.umd.min.cjs'), join(templatesDir, 'rrweb.js'));
  const recorder = `<script src="${templatesOrigin}/rrweb.js"></script><script>window.__recorded = []; rrweb.record({ emit: (event) => window.__recorded.push(event) });</script>`;
  const template = readFileSync(join(templatesDir, 'totp.html'), 'utf8');
  assert.match(template, /<script defer src="[^"]+b2c-totp-kit-/);
  // The recorder first in <head>: it runs before the kit's deferred script.
  writeFileSync(join(templatesDir, 'totp-recorded.html'), template.replace(/<head>/, `<head>${recorder}`));
  writeFileSync(
    join(templatesDir, 'totp-recorded-without-kit.html'),
    template
      .replace(/<head>/, `<head>${recorder}`)
      .replace(/\s*<script defer src="[^"]+b2c-totp-kit-[^"]+"><\/script>/, '')
      .replace(/\s*<link rel="modulepreload"[^>]*>/g, ''),
  );
});
after(() => hosted?.close());

/** The secret and URI as the page holds them (B2C's hidden URI text), and every form of them a recording could hold. */
function formsOf(uri) {
  const secret = new URL(uri).searchParams.get('secret');
  const grouped = secret.toLowerCase().match(/.{1,4}/g).join(' ');
  return [secret.toLowerCase(), grouped, encodeURIComponent(secret).toLowerCase(), 'otpauth://'];
}

/** What the recorder holds, as it would send it, lowercased. */
const recorded = (page) => page.evaluate(() => JSON.stringify(window.__recorded).toLowerCase());

for (const engine of ENGINES) {
  describe(`${engine}: rrweb in the template's head`, () => {
    let browser;
    before(async () => {
      browser = await launch(engine);
    });
    after(() => browser?.close());

    test('the enrollment page is recorded without the secret or the URI; without the kit, the recording has them', async () => {
      for (const template of ['totp-recorded', 'totp-recorded-without-kit']) {
        const page = await browser.newPage({ width: 1024, height: 1100 });
        try {
          await page.goto(`${hosted.b2cOrigin}/page-templates/${template}.html?state=enroll&loading=merged`);
          await page.waitFor(() => window.__recorded?.some((event) => event.type === 2) && document.querySelector('.qrCodeControlContent'));
          if (template === 'totp-recorded') {
            await page.waitFor(() => document.querySelector('totp-qr-code')?.shadowRoot?.querySelector('svg') && document.querySelector('totp-authenticator-info'));
            // The user opens the manual details and shows the key.
            await page.evaluate(() => {
              const info = document.querySelector('totp-authenticator-info');
              info.open = true;
              info.secretHidden = false;
            });
            await page.waitFor(() => document.querySelector('totp-authenticator-info').shadowRoot.querySelector('[part="secret"] .groups'));
          }
          await new Promise((resolve) => setTimeout(resolve, 300)); // the recorder's mutation callbacks
          const uri = await page.evaluate(() => document.querySelector('.qrCodeControlContent > [id$="-text"]').textContent.trim());
          const text = await recorded(page);
          assert.match(text, /qrcodecontrolcontent/, 'the recorder saw B2C render its form');
          const found = formsOf(uri).filter((form) => text.includes(form));
          if (template === 'totp-recorded') assert.deepEqual(found, [], 'nothing of the secret in the recording');
          else assert.ok(found.length >= 2, `the control's recording holds the secret and the URI: ${found.join(', ')}`);
        } finally {
          await page.close();
        }
      }
    });

    test('the verification page is recorded without the code as it is typed', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`${hosted.b2cOrigin}/page-templates/totp-recorded.html?state=verify&loading=merged`);
        await page.waitFor(() => document.querySelector('#otpCode')?.getAttribute('autocomplete') === 'one-time-code' && window.__recorded?.some((event) => event.type === 2));
        await page.type('#otpCode', '493027');
        assert.equal(await page.evaluate(() => document.querySelector('#otpCode').value.replace(/\D/g, '')), '493027');
        await new Promise((resolve) => setTimeout(resolve, 300));
        const inputs = await page.evaluate(() => window.__recorded.filter((event) => event.type === 3 && event.data.source === 5).length);
        assert.equal(inputs, 0, 'no input event recorded');
        assert.doesNotMatch(await recorded(page), /493/);
      } finally {
        await page.close();
      }
    });
  });
}
