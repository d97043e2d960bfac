/**
 * The bridge on the REST-API TOTP sample's pages (azure-ad-b2c/samples, policies/custom-mfa-totp),
 * rendered from the fixtures of the old self-asserted contract (src/preview/fixtures/rest-*.html,
 * whose headers cite the captures), with the sample's claims and hostile ones.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { startBridge, type BridgeOptions } from '../../src/b2c/bridge.js';
import { parseClaimMap } from '../../src/core/claim-map.js';
import { showServerError, type PageValues } from '../../src/preview/fixtures.js';
import { base64Of, bitmapQrCode } from '../../src/preview/bmp.js';
import type { TotpCodeInputElement } from '../../src/elements/code-input/code-input.js';
import type { TotpQrCodeElement } from '../../src/elements/qr-code/qr-code.js';
import type { TotpAuthenticatorInfoElement } from '../../src/elements/authenticator-info/authenticator-info.js';
import { b2cPage, removePages, settle } from '../helpers/b2c.js';
import { collectWarnings } from '../helpers/console.js';
import { decodePixels, decodeSvg, screenshotPixels } from '../helpers/qr.js';
import { sendKeys } from '../helpers/commands.js';

/** The URI the sample's Generate endpoint builds: the prefix twice (its format string puts {0} in `issuer=`), `period`. */
const SAMPLE_URI = 'otpauth://totp/B2CDemo:emily@fabrikam.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&period=30&issuer=B2CDemo';
const BITMAP = bitmapQrCode(SAMPLE_URI);
const QR_ID = 'strongAuthenticationAppQRCodeBitmap';

const stops: (() => void)[] = [];

/** A REST page with the bridge on it, once the QR image module has loaded and everything has rendered. */
async function restPage(page: 'rest-enroll' | 'rest-verify', values: PageValues = {}, options: BridgeOptions = {}): Promise<HTMLElement> {
  const api = await b2cPage(page, { qrBitmap: BITMAP, ...values });
  stops.push(startBridge(document, { claims: {}, ...options }));
  await settled(api);
  return api;
}

/** Until the server QR item is upgraded (or there is none) and the kit's elements have rendered. */
async function settled(api: HTMLElement): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await settle(api);
    const item = api.querySelector(`[id="${QR_ID}"], #myQr`)?.closest('li');
    if (!item || item.hasAttribute('data-totp-kit')) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await settle(api);
}

const serverImage = (api: HTMLElement) => api.querySelector<HTMLImageElement>('.totp-kit-server-qr-image');
const codeInputIn = (api: HTMLElement) => api.querySelector<TotpCodeInputElement>('totp-code-input');
const visible = (element: Element | null) => element !== null && element.checkVisibility();

describe('B2C bridge on the REST-API sample', () => {
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    removePages();
  });

  for (const contract of ['1.x', '2.1'] as const) {
    describe(`the enrollment page, sample unchanged (no claim map), selfasserted ${contract}`, () => {
      it('shows the claim as a data: image of exactly its own bytes, typed from them (BMP), that scans to the URI', async () => {
        const api = await restPage('rest-enroll', { contract });
        const img = serverImage(api)!;
        expect(img.getAttribute('src')).to.equal(`data:image/bmp;base64,${BITMAP}`);
        expect(img.alt).to.equal('QR code to add your account to your authenticator app');
        await img.decode();
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect((await decodePixels(await screenshotPixels(img)))!.text).to.equal(SAMPLE_URI);
      });

      it('draws it crisply on a forced light ground with a quiet zone, at a whole multiple of its pixels', async () => {
        const api = await restPage('rest-enroll', { contract });
        const img = serverImage(api)!;
        await img.decode();
        await new Promise((resolve) => setTimeout(resolve, 50));
        const style = getComputedStyle(img);
        expect(style.imageRendering).to.equal('pixelated');
        expect(style.backgroundColor).to.equal('rgb(255, 255, 255)');
        expect(parseFloat(style.paddingTop)).to.be.greaterThan(0);
        expect(img.clientWidth - parseFloat(style.paddingLeft) * 2).to.equal(img.naturalWidth);
      });

      it("hides B2C's field but keeps it in the form with its value, and B2C's label with it", async () => {
        const api = await restPage('rest-enroll', { contract });
        const field = api.querySelector<HTMLInputElement>(`#${QR_ID}`)!;
        expect(field.value).to.equal(BITMAP);
        expect(field.closest('form')!.id).to.equal('attributeVerification');
        // The contract's own markup: the old one has no <claimId>_li class, the form an action.
        expect(field.closest('li')!.classList.contains(`${QR_ID}_li`)).to.equal(contract === '2.1');
        expect(visible(field)).to.equal(false);
        expect(visible(api.querySelector(`label[for="${QR_ID}"]`))).to.equal(false);
        expect(visible(serverImage(api))).to.equal(true);
      });

      it('attaches the code input to strongAuthenticationAppCode (no pattern: 6 digits), and the typed code is what B2C posts', async () => {
        const api = await restPage('rest-enroll', { contract });
        const input = api.querySelector<HTMLInputElement>('#strongAuthenticationAppCode')!;
        const codeInput = codeInputIn(api)!;
        expect(codeInput.input === input).to.equal(true);
        expect(codeInput.length).to.equal(6);
        expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
        expect(input.getAttribute('inputmode')).to.equal('numeric');
        const form = api.querySelector('form')!;
        let posted = '';
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          posted = form.querySelector<HTMLInputElement>('#strongAuthenticationAppCode')!.value;
        });
        input.focus();
        await sendKeys({ type: '123 456' });
        api.querySelector<HTMLButtonElement>('#continue')!.click();
        expect(posted).to.equal('123456');
      });
    });

    describe(`the sign-in challenge, selfasserted ${contract}`, () => {
      it("attaches the code input to strongAuthenticationAppCode and shows the REST API's message on it", async () => {
        const api = await restPage('rest-verify', { contract });
        const codeInput = codeInputIn(api)!;
        expect(codeInput.input!.id).to.equal('strongAuthenticationAppCode');
        expect(api.querySelector('.totp-kit-server-qr')).to.equal(null);
        showServerError(api, 'The verification code has already been used.');
        await settle(api);
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(codeInput.error).to.equal('The verification code has already been used.');
        expect(codeInput.errorKind).to.equal('wrong');
      });
    });

  }

  describe('with a claim map', () => {
    it('reads the map from #totp-kit-claims, as data', async () => {
      const script = Object.assign(document.createElement('script'), { type: 'application/json', id: 'totp-kit-claims', textContent: '{"qrImage":"myQr","code":"myCode"}' });
      document.head.append(script);
      try {
        const api = await b2cPage('rest-enroll', { qrBitmap: BITMAP, qrImageId: 'myQr', codeId: 'myCode' });
        stops.push(startBridge(document));
        await settled(api);
        expect(serverImage(api)!.getAttribute('src')).to.equal(`data:image/bmp;base64,${BITMAP}`);
        expect(codeInputIn(api)!.input!.id).to.equal('myCode');
      } finally {
        script.remove();
      }
    });

    it("puts the kit's QR code, account details and app link where a URI claim is on the page, in the image's place", async () => {
      const api = await restPage('rest-enroll', { readonlyClaims: { otpauthUri: SAMPLE_URI, signInName: 'emily@fabrikam.com' } }, { claims: parseClaimMap({ uri: 'otpauthUri', account: 'signInName' }) });
      const qr = api.querySelector<TotpQrCodeElement>('.totp-kit-server-qr totp-qr-code')!;
      expect(qr.value).to.equal(SAMPLE_URI);
      // The steps of the kit's enrollment page: 1. the app's links, 2. the code, then the details.
      const steps = [...api.querySelector('.totp-kit-server-qr')!.children].filter(visible).map((element) => element.localName);
      expect(steps).to.deep.equal(['totp-app-icon', 'totp-qr-code', 'totp-authenticator-info']);
      expect(api.querySelector<HTMLElement & { step: number }>('totp-app-icon')!.step).to.equal(1);
      expect(qr.step).to.equal(2);
      expect((await decodeSvg(qr.shadowRoot!.querySelector('svg')!))!.text).to.equal(SAMPLE_URI);
      expect(visible(qr)).to.equal(true);
      expect(visible(serverImage(api))).to.equal(false);
      const info = api.querySelector<TotpAuthenticatorInfoElement>('.totp-kit-server-qr totp-authenticator-info')!;
      expect(info.uri).to.equal(SAMPLE_URI);
      expect(info.identifier).to.equal('emily@fabrikam.com');
      // The URI claim's own field is B2C's: it stays in the form with its value, hidden (the secret in a raw field,
      // labelled by its claim id) once the kit shows the same; the account claim's field is left as it is.
      const uriField = api.querySelector<HTMLInputElement>('#otpauthUri')!;
      expect(uriField.value).to.equal(SAMPLE_URI);
      expect(uriField.form, 'still in the form').to.not.equal(null);
      expect(visible(uriField)).to.equal(false);
      expect(visible(api.querySelector('#signInName')!)).to.equal(true);
    });

    it('gives the account details from a secret claim in clear, written in base64, as Base32', async () => {
      const key = base64Of(new Uint8Array([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]));
      const api = await restPage('rest-enroll', { readonlyClaims: { clearSecret: key } }, { claims: parseClaimMap({ secret: { id: 'clearSecret', encoding: 'base64' } }) });
      const info = api.querySelector<TotpAuthenticatorInfoElement>('.totp-kit-server-qr totp-authenticator-info')!;
      expect(info.secret).to.equal('JBSWY3DPEHPK3PXP');
      expect(serverImage(api)).to.not.equal(null);
    });

    it('ignores a URI claim that is not otpauth: (javascript:), and shows the server image instead', async () => {
      const api = await restPage('rest-enroll', { readonlyClaims: { otpauthUri: 'javascript:alert(1)' } }, { claims: parseClaimMap({ uri: 'otpauthUri' }) });
      expect(api.querySelector('totp-qr-code')).to.equal(null);
      expect(visible(serverImage(api))).to.equal(true);
      expect(serverImage(api)!.getAttribute('src')).to.equal(`data:image/bmp;base64,${BITMAP}`);
    });

    it('hides the QR code where the element refuses the URI claim (no secret), and shows the server image', async () => {
      const api = await restPage('rest-enroll', { readonlyClaims: { otpauthUri: 'otpauth://totp/B2CDemo:emily?issuer=B2CDemo' } }, { claims: parseClaimMap({ uri: 'otpauthUri' }) });
      const qr = api.querySelector<TotpQrCodeElement>('totp-qr-code')!;
      expect(qr.problem).to.equal('missing-secret');
      expect(visible(qr)).to.equal(false);
      expect(visible(serverImage(api))).to.equal(true);
    });
  });

  describe('session replays', () => {
    it("marks the image claim's item (B2C's base64 and the kit's image), the URI claim's item, and masks the code field", async () => {
      const api = await b2cPage('rest-enroll', { qrBitmap: BITMAP, readonlyClaims: { otpauthUri: SAMPLE_URI, other: 'kept' } });
      // At once, before the image's module or any element has loaded: a recorder may snapshot meanwhile.
      stops.push(startBridge(document, { claims: parseClaimMap({ uri: 'otpauthUri' }) }));
      const item = api.querySelector(`#${QR_ID}`)!.closest('li')!;
      expect(item.classList.contains('rr-block')).to.equal(true);
      expect(item.hasAttribute('data-private')).to.equal(true);
      expect(api.querySelector('#otpauthUri')!.closest('li')!.classList.contains('rr-block')).to.equal(true);
      expect(api.querySelector('#other')!.closest('li')!.classList.contains('rr-block')).to.equal(false);
      await settled(api);
      expect(api.querySelector('#strongAuthenticationAppCode')!.classList.contains('rr-ignore')).to.equal(true);
      expect(item.contains(api.querySelector('.totp-kit-server-qr'))).to.equal(true);
    });
  });

  describe("the page's language", () => {
    it('says the image, its heading and its error in the texts the template loads for the page (BridgeOptions.serverQrTexts)', async () => {
      const german = (await import('../../src/locales/de.js')).default;
      const options = { serverQrTexts: async () => german.serverQr };
      let api = await restPage('rest-enroll', {}, options);
      expect(serverImage(api)!.alt).to.equal(german.serverQr!.name);
      expect(api.querySelector('.totp-kit-server-qr-heading')!.textContent).to.equal(german.serverQr!.heading);
      for (const stop of stops.splice(0)) stop();
      removePages();
      api = await restPage('rest-enroll', { qrBitmap: 'not base64!' }, options);
      expect(api.querySelector('.totp-kit-server-qr-error')!.textContent).to.equal(german.serverQr!.error);
    });

    it("keeps the template's own texts over the language's, and English where the language's module fails", async () => {
      const german = (await import('../../src/locales/de.js')).default;
      let api = await restPage('rest-enroll', {}, { serverQrTexts: async () => german.serverQr, strings: { serverQr: { heading: 'Unser Code' } } });
      expect(api.querySelector('.totp-kit-server-qr-heading')!.textContent).to.equal('Unser Code');
      expect(serverImage(api)!.alt).to.equal(german.serverQr!.name);
      for (const stop of stops.splice(0)) stop();
      removePages();
      api = await restPage('rest-enroll', {}, { serverQrTexts: () => Promise.reject(new Error('offline')) });
      expect(serverImage(api)!.alt).to.equal('QR code to add your account to your authenticator app');
    });
  });

  describe('hostile image claims', () => {
    const hostile: Record<string, string> = {
      'base64 of a script': btoa('<script>window.__pwned = 1</script>'),
      'base64 of an SVG with onload': btoa('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"/>'),
      'an HTML string': '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>',
      'a javascript: URL': 'javascript:window.__pwned=1',
      'a data: URL of HTML': 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'a huge claim (3 MB)': 'Qk0'.padEnd(3_000_000, 'A'),
      empty: '',
    };
    for (const [name, claim] of Object.entries(hostile)) {
      it(`${name}: a clear message, no image, no script, B2C's form intact`, async () => {
        const warnings = await collectWarnings(async () => {
          const api = await restPage('rest-enroll', { qrBitmap: claim });
          expect(serverImage(api)).to.equal(null);
          const message = api.querySelector('.totp-kit-server-qr-error')!;
          expect(message.textContent).to.include("The QR code can't be shown");
          expect(message.getAttribute('role')).to.equal('alert');
          expect(visible(message)).to.equal(true);
          // Nothing of the claim reached the page but B2C's own field value.
          for (const element of api.querySelectorAll('img, script, iframe, object, embed, svg')) expect(element.localName, element.outerHTML.slice(0, 80)).to.equal('never');
          expect(api.querySelector('.totp-kit-server-qr')!.innerHTML).to.not.include('pwned');
          expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
          // B2C's field keeps the claim (WebKit keeps at most 524,288 characters of an input's value).
          const value = api.querySelector<HTMLInputElement>(`#${QR_ID}`)!.value;
          expect(value === claim || (claim.startsWith(value) && value.length === 524_288)).to.equal(true);
          expect(codeInputIn(api)!.input!.id).to.equal('strongAuthenticationAppCode');
          expect(visible(api.querySelector('#continue'))).to.equal(true);
        });
        // The console says why, never with the claim.
        expect(warnings.some((warning) => /QR image claim is not shown \((empty|not-base64|not-image|too-large)\)/.test(warning))).to.equal(true);
        expect(warnings.join()).to.not.include('pwned');
      });
    }

    it('a hostile claim id in the map is dropped, and the sample id is used', async () => {
      const api = await restPage('rest-enroll', {}, { claims: parseClaimMap({ qrImage: '"], script, [id="x' }) });
      expect(serverImage(api)!.getAttribute('src')).to.equal(`data:image/bmp;base64,${BITMAP}`);
    });
  });

  describe('the display-control pages, with no map', () => {
    it('keep the kit as it was: the QR code control upgraded, no server image module content', async () => {
      const api = await b2cPage('totp-enroll');
      stops.push(startBridge(document, { claims: {} }));
      await settled(api);
      expect(api.querySelector('.qrCodeControlContent totp-qr-code')).to.not.equal(null);
      expect(api.querySelector('.totp-kit-server-qr')).to.equal(null);
    });
  });
});
