/**
 * Progressive enhancement: the real TOTP template with B2C's rendered #api,
 * in a frame, when the kit's script is missing (404), when it throws, and when
 * it works. Without the kit, B2C's own QR image, link and input must work.
 */
import { expect } from '@open-wc/testing';
import { pageMarkup, type B2CPage } from '../../src/preview/fixtures.js';
import { ENROLL_VALUES } from '../helpers/b2c.js';

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

/** The template with `script` in its head and B2C's markup for `page` in #api, loaded in a frame. */
async function templatePage(page: B2CPage, script: string): Promise<Document> {
  const template = await (await fetch('/page-templates/totp.html')).text();
  const html = template
    .replace('<head>', `<head><base href="/page-templates/">${script}`)
    .replace('<div id="api" role="main"></div>', `<div id="api" role="main" data-name="SelfAsserted">${await pageMarkup(page, ENROLL_VALUES)}</div>`);
  const frame = document.createElement('iframe');
  frame.style.setProperty('width', '800px');
  frame.style.setProperty('height', '1200px');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  await new Promise((resolve) => setTimeout(resolve, 300)); // a deferred script and its upgrade
  return frame.contentDocument!;
}

async function expectB2CWorks(doc: Document): Promise<void> {
  const image = doc.querySelector<HTMLImageElement>('#totpQrCodeControl-img')!;
  await image.decode();
  expect(image.checkVisibility(), "B2C's QR image is visible").to.equal(true);
  expect(image.naturalWidth).to.be.above(0);
  expect(doc.querySelector('.qrCodeControlContent a[href^="otpauth:"]') !== null).to.equal(true);
  expect(doc.querySelector('totp-qr-code:defined') === null, 'no kit element').to.equal(true);
}

const scripts = {
  missing: '<script defer src="/no-such-kit.js"></script>',
  throwing: `<script defer src="data:text/javascript,${encodeURIComponent("throw new Error('the kit failed to start')")}"></script>`,
  working: '<script type="module" src="/src/b2c/index.ts"></script>',
};

describe('without a working kit script', () => {
  for (const kind of ['missing', 'throwing'] as const) {
    it(`shows B2C's own enrollment page when the script is ${kind}`, async () => {
      await expectB2CWorks(await templatePage('totp-enroll', scripts[kind]));
    });

    it(`lets B2C's verification form post the code when the script is ${kind}`, async () => {
      const doc = await templatePage('totp-verify', scripts[kind]);
      const input = doc.querySelector<HTMLInputElement>('#otpCode')!;
      expect(input.checkVisibility()).to.equal(true);
      input.value = '123456';
      let posted: string | undefined;
      doc.querySelector('form')!.addEventListener('submit', (event) => {
        event.preventDefault();
        posted = doc.querySelector<HTMLInputElement>('#otpCode')!.value;
      });
      doc.querySelector<HTMLButtonElement>('#continue')!.click();
      expect(posted).to.equal('123456');
    });
  }

  it('upgrades the same page when the script works (the harness tells the difference)', async () => {
    const doc = await templatePage('totp-enroll', scripts.working);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const qr = doc.querySelector('totp-qr-code');
    expect(qr !== null).to.equal(true);
    expect(qr!.shadowRoot!.querySelector('svg') !== null).to.equal(true);
    expect(doc.querySelector('#totpQrCodeControl-img')!.checkVisibility()).to.equal(false);
  });
});
