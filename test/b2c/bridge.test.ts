import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { codeLength, startBridge } from '../../src/b2c/bridge.js';
import { renderPage } from '../../src/preview/fixtures.js';
import type { TotpQrCodeElement } from '../../src/elements/qr-code/qr-code.js';
import { b2cPage, bridgedPage, ENROLL_URI, ENROLL_VALUES, removePages, settle } from '../helpers/b2c.js';
import { decodeSvg } from '../helpers/qr.js';

const qrIn = (api: HTMLElement) => api.querySelector<TotpQrCodeElement>('.qrCodeControlContent totp-qr-code');
const visible = (element: Element | null) => element !== null && element.checkVisibility();

describe('B2C bridge', () => {
  afterEach(removePages);

  describe('the QR code control', () => {
    it('mounts <totp-qr-code> in B2C\'s control, drawing the qrCodeContent claim', async () => {
      const { api } = await bridgedPage('totp-enroll');
      const qr = qrIn(api)!;
      expect(qr.parentElement!.id).to.equal('totpQrCodeControl');
      expect((await decodeSvg(qr.shadowRoot!.querySelector('svg')!))!.text).to.equal(ENROLL_URI);
    });

    it('hides B2C\'s image and link but keeps them, in their order, and keeps its title', async () => {
      const api = await b2cPage('totp-enroll');
      const control = api.querySelector('.qrCodeControlContent')!;
      const before = [...control.children];
      const stop = startBridge(document);
      await settle(api);
      stop();
      const after = [...control.children];
      expect(after).to.have.length(before.length + 1);
      before.forEach((child, i) => expect(after[i] === child, `child ${i}`).to.equal(true));
      expect(control.lastElementChild!.localName).to.equal('totp-qr-code');
      expect(visible(api.querySelector('#totpQrCodeControl-img'))).to.equal(false);
      expect(visible(api.querySelector('.qrCodeControlContent a[href^="otpauth:"]'))).to.equal(false);
      expect(visible(api.querySelector('#totpQrCodeControl-title'))).to.equal(true);
      expect(visible(qrIn(api))).to.equal(true);
    });

    it('finds the control by class whatever id the policy gave it', async () => {
      const { api } = await bridgedPage('totp-enroll', { ...ENROLL_VALUES, qrId: 'mfaQr', infoId: 'mfaInfo', iconId: 'mfaApps' });
      expect(qrIn(api)!.parentElement!.id).to.equal('mfaQr');
      expect(qrIn(api)!.value).to.equal(ENROLL_URI);
    });

    it('reads the URI from the link, then from the picture\'s title, when the hidden text is missing', async () => {
      const api = await b2cPage('totp-enroll');
      api.querySelector('[id$="-text"]')!.remove();
      let stop = startBridge(document);
      await settle(api);
      stop();
      expect(qrIn(api)!.value).to.equal(ENROLL_URI);

      await renderPage(api, 'totp-enroll', ENROLL_VALUES);
      api.querySelector('[id$="-text"]')!.remove();
      api.querySelector('.qrCodeControlContent a[href^="otpauth:"]')!.remove();
      stop = startBridge(document);
      await settle(api);
      stop();
      expect(qrIn(api)!.value).to.equal(ENROLL_URI);
    });

    it('keeps B2C\'s image as the fallback the element shows when the URI cannot be drawn', async () => {
      const { api } = await bridgedPage('totp-enroll', { ...ENROLL_VALUES, uri: 'javascript:alert(1)' });
      const qr = qrIn(api)!;
      expect(qr.shadowRoot!.querySelector('svg')).to.equal(null);
      expect(visible(qr.querySelector('img'))).to.equal(true);
      expect(qr.querySelector('img')!.alt).to.equal('Scan me!');
    });

    it('takes B2C\'s localised link text, and its title as the name on a non-English page', async () => {
      document.documentElement.lang = 'ar';
      try {
        const { api } = await bridgedPage('totp-enroll', { ...ENROLL_VALUES, language: 'ar' });
        const qr = qrIn(api)!;
        qr.deepLink = 'always';
        await qr.updateComplete;
        expect(qr.shadowRoot!.querySelector('a')!.textContent).to.equal('لا يمكنك المسح؟ جرّب هذا');
        expect(qr.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).to.equal('امسح رمز QR (Contoso demo: emily@fabrikam.com)');
      } finally {
        document.documentElement.lang = 'en';
      }
    });
  });

  describe('lifecycle', () => {
    it('upgrades content that B2C injects after the bridge started', async () => {
      const api = document.createElement('div');
      api.id = 'api';
      document.body.append(api);
      const stop = startBridge(document);
      try {
        expect(qrIn(api)).to.equal(null);
        await renderPage(api, 'totp-enroll', ENROLL_VALUES);
        await settle(api);
        expect(qrIn(api)!.value).to.equal(ENROLL_URI);
      } finally {
        stop();
      }
    });

    it('is idempotent: a second start or a re-render leaves one element per control', async () => {
      const { api } = await bridgedPage('totp-enroll');
      const stop = startBridge(document);
      await settle(api);
      expect(api.querySelectorAll('totp-qr-code')).to.have.length(1);
      await renderPage(api, 'totp-enroll', ENROLL_VALUES);
      await settle(api);
      stop();
      expect(api.querySelectorAll('totp-qr-code')).to.have.length(1);
      expect(qrIn(api)!.value).to.equal(ENROLL_URI);
    });

    it('changes nothing on a page without TOTP controls', async () => {
      const api = await b2cPage('selfasserted');
      const before = api.innerHTML;
      const stop = startBridge(document);
      await settle(api);
      stop();
      expect(api.innerHTML).to.equal(before);
    });

    it('does nothing on a page without #api', () => {
      const stop = startBridge(document);
      expect(stop).to.be.a('function');
      stop();
    });
  });

  describe("B2C's rules for scripts", () => {
    it('never changes window.SETTINGS or window.CONTENT', async () => {
      const globals = window as unknown as Record<string, unknown>;
      globals.SETTINGS = Object.freeze({ api: 'SelfAsserted', locale: Object.freeze({ lang: 'en' }) });
      globals.CONTENT = Object.freeze({ button_continue: 'Continue' });
      try {
        const { api } = await bridgedPage('totp-enroll');
        expect(qrIn(api)).to.not.equal(null);
        expect(globals.SETTINGS).to.deep.equal({ api: 'SelfAsserted', locale: { lang: 'en' } });
        expect(globals.CONTENT).to.deep.equal({ button_continue: 'Continue' });
      } finally {
        delete globals.SETTINGS;
        delete globals.CONTENT;
      }
    });

    it("binds no handler on B2C's links and makes no request", async () => {
      const api = await b2cPage('totp-enroll');
      const b2cLinks = new Set(api.querySelectorAll('a'));
      const bound: string[] = [];
      const requests: string[] = [];
      const { addEventListener } = EventTarget.prototype;
      const { fetch } = window;
      const { open } = XMLHttpRequest.prototype;
      EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
        if (b2cLinks.has(this as HTMLAnchorElement)) bound.push(type);
        return (addEventListener as (...args: unknown[]) => void).call(this, type, ...rest);
      } as typeof addEventListener;
      window.fetch = ((input: RequestInfo | URL) => (requests.push(String(input)), fetch(input))) as typeof fetch;
      XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
        requests.push(String(args[1]));
        return (open as (...a: unknown[]) => void).apply(this, args);
      } as typeof open;
      try {
        const stop = startBridge(document);
        await settle(api);
        stop();
      } finally {
        EventTarget.prototype.addEventListener = addEventListener;
        window.fetch = fetch;
        XMLHttpRequest.prototype.open = open;
      }
      expect(qrIn(api)).to.not.equal(null);
      expect(bound).to.deep.equal([]);
      expect(requests).to.deep.equal([]);
    });
  });

  describe('codeLength', () => {
    it('reads the digit count from B2C patterns', () => {
      expect(codeLength('^[0-9]{6}$')).to.equal(6);
      expect(codeLength('^\\d{8}$')).to.equal(8);
      expect(codeLength('[0-9]{6}')).to.equal(6);
      expect(codeLength('^[a-z]{6}$')).to.equal(undefined);
      expect(codeLength('')).to.equal(undefined);
    });
  });
});
