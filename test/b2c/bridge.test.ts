import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { digitsOfPattern, startBridge } from '../../src/b2c/bridge.js';
import { hideServerError, renderPage, showServerError } from '../../src/preview/fixtures.js';
import type { TotpQrCodeElement } from '../../src/elements/qr-code/qr-code.js';
import type { TotpAuthenticatorInfoElement } from '../../src/elements/authenticator-info/authenticator-info.js';
import type { TotpAppIconElement } from '../../src/elements/app-icon/app-icon.js';
import type { TotpCodeInputElement } from '../../src/elements/code-input/code-input.js';
import { collectWarnings } from '../helpers/console.js';
import { b2cPage, bridgedPage, ENROLL_URI, ENROLL_VALUES, removePages, settle } from '../helpers/b2c.js';
import { decodeSvg } from '../helpers/qr.js';
import { sendKeys } from '../helpers/commands.js';
import { readOptions } from '../../src/b2c/options.js';
import { registerTranslation } from '../../src/elements/translation.js';
import german from '../../src/locales/de.js';
import hebrew from '../../src/locales/he.js';

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

    it('hides B2C\'s title, image and link but keeps them, in their order', async () => {
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
      expect(visible(api.querySelector('#totpQrCodeControl-title'))).to.equal(false);
      // B2C's default note that any app works: the step before says it.
      expect(visible(api.querySelector('#totpQrCodeControl_info_message'))).to.equal(false);
      expect(visible(qrIn(api))).to.equal(true);
    });

    it("keeps a tenant's own note above the code", async () => {
      const { api } = await bridgedPage('totp-enroll', { ...ENROLL_VALUES, strings: { qrInfo: 'Use Contoso Keys for your work account.' } });
      expect(visible(api.querySelector('#totpQrCodeControl_info_message'))).to.equal(true);
    });

    it("heads the enrollment's steps in B2C's order: get the app, then add the account", async () => {
      const { api } = await bridgedPage('totp-enroll');
      const icon = api.querySelector<TotpAppIconElement>('totp-app-icon')!;
      expect(icon.shadowRoot!.querySelector('h2')!.textContent).to.equal('1. Get an authenticator app');
      expect(qrIn(api)!.shadowRoot!.querySelector('h2')!.textContent).to.equal('2. Scan the QR code with your authenticator app');
      // The manual details come next, in step 2: no "3." between them and the code.
      expect(qrIn(api)!.shadowRoot!.querySelector('[part="next"]') === null).to.equal(true);
    });

    it('numbers the QR code 1 on a page without the app icon control, and says what comes next where no manual details follow', async () => {
      const api = await b2cPage('totp-enroll');
      api.querySelector('li.AuthenticatorAppIconControl')!.remove();
      api.querySelector('li.AuthenticatorInfoControl')!.remove();
      const stop = startBridge(document);
      await settle(api);
      stop();
      expect(qrIn(api)!.shadowRoot!.querySelector('h2')!.textContent).to.equal('1. Scan the QR code with your authenticator app');
      expect(qrIn(api)!.shadowRoot!.querySelector('[part="next"]')!.textContent).to.equal('2. Then continue, and enter the code the app shows.');
    });

    it("heads the steps with a tenant's own titles", async () => {
      const { api } = await bridgedPage('totp-enroll', { ...ENROLL_VALUES, strings: { qrTitle: 'Link your Contoso account', iconTitle: 'Install Contoso Keys' } });
      expect(qrIn(api)!.shadowRoot!.querySelector('h2')!.textContent).to.equal('2. Link your Contoso account');
      expect(api.querySelector<TotpAppIconElement>('totp-app-icon')!.shadowRoot!.querySelector('h2')!.textContent).to.equal('1. Install Contoso Keys');
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

    it("keeps B2C's image as the fallback for a URI too long to draw, and shows none for a refused one", async () => {
      // 2,400 bytes: more than version 40 holds at M, as the element draws it; B2C's own image is drawn at L.
      const long = `${ENROLL_URI}&x=${'y'.repeat(2400)}`;
      let { api } = await bridgedPage('totp-enroll', { ...ENROLL_VALUES, uri: long });
      let qr = qrIn(api)!;
      expect(qr.problem).to.equal('too-long');
      expect(visible(qr.querySelector('img'))).to.equal(true);
      expect(qr.querySelector('img')!.alt).to.equal('Scan me!');
      await removePages();
      ({ api } = await bridgedPage('totp-enroll', { ...ENROLL_VALUES, uri: 'javascript:alert(1)' }));
      qr = qrIn(api)!;
      expect(qr.shadowRoot!.querySelector('svg') === null).to.equal(true);
      expect(visible(qr.querySelector('img'))).to.equal(false);
      expect(qr.shadowRoot!.querySelector('[part="error"]')!.textContent).to.include('not valid');
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

  describe('the authenticator info control', () => {
    const infoIn = (api: HTMLElement) => api.querySelector<TotpAuthenticatorInfoElement>('li.AuthenticatorInfoControl totp-authenticator-info');

    it("mounts <totp-authenticator-info> with B2C's claims, as properties only", async () => {
      const { api } = await bridgedPage('totp-enroll');
      const info = infoIn(api)!;
      expect(info.parentElement!.id).to.equal('authenticatorInfoControl');
      expect(info.identifier).to.equal('emily@fabrikam.com');
      expect(info.secret).to.equal('fay2lj7ynpntjgqa');
      expect(info.uri).to.equal(ENROLL_URI);
      expect(info.collapsible).to.equal(true);
      expect([...info.attributes].map((attribute) => attribute.value).join(' ')).to.not.include('fay2lj7ynpntjgqa');
    });

    it("hides B2C's rows and its javascript: link, and shows the disclosure", async () => {
      const { api } = await bridgedPage('totp-enroll');
      // B2C's own script reveals its rows with inline styles: they must stay hidden.
      for (const row of api.querySelectorAll<HTMLElement>('#authenticatorInfoControl > [id]')) row.style.display = 'block';
      for (const id of ['-title', '-account_name', '-secret', '-collapse_text']) {
        expect(visible(api.querySelector(`#authenticatorInfoControl${id}`)), id).to.equal(false);
      }
      const disclosure = infoIn(api)!.shadowRoot!.querySelector('button[aria-expanded]')!;
      expect(visible(disclosure)).to.equal(true);
      // B2C's default collapse_text ("Still having trouble?") gives way to the kit's clearer label.
      expect(disclosure.textContent!.trim()).to.equal("Can't scan the code? Enter the details manually");
    });

    it("keeps a tenant's own texts: a customised collapse_text and labels win over the kit's", async () => {
      const api = await b2cPage('totp-enroll', { ...ENROLL_VALUES, strings: { infoCollapse: 'Type the key instead', infoAccount: 'Sign-in name:' } });
      const stop = startBridge(document);
      await settle(api);
      stop();
      expect(infoIn(api)!.strings).to.deep.equal({ disclosure: 'Type the key instead', account: 'Sign-in name' });
    });

    it('reads the claims from the URI when the control has no aria-labels', async () => {
      const api = await b2cPage('totp-enroll');
      for (const row of api.querySelectorAll('[aria-label]')) row.removeAttribute('aria-label');
      const stop = startBridge(document);
      await settle(api);
      stop();
      expect(infoIn(api)!.identifier).to.equal('emily@fabrikam.com');
      expect(infoIn(api)!.secret).to.equal('fay2lj7ynpntjgqa');
    });

    it("takes B2C's localised labels on a non-English page", async () => {
      document.documentElement.lang = 'ar';
      try {
        const { api } = await bridgedPage('totp-enroll', { ...ENROLL_VALUES, language: 'ar' });
        expect(infoIn(api)!.strings).to.deep.equal({ disclosure: 'هل ما زلت تواجه مشكلة؟', account: 'اسم الحساب', secret: 'المفتاح السري' });
      } finally {
        document.documentElement.lang = 'en';
      }
    });
  });

  describe('the app icon control', () => {
    it("mounts <totp-app-icon> with B2C's store links, before B2C's instruction", async () => {
      const { api } = await bridgedPage('totp-enroll');
      const icon = api.querySelector<TotpAppIconElement>('.authenticatorIconControlContent totp-app-icon')!;
      expect(icon.nextElementSibling!.id).to.equal('authenticatorAppIconControl-instruction');
      expect(icon.appStoreHref).to.equal('https://apps.apple.com/us/app/microsoft-authenticator/id983156458');
      expect(icon.playStoreHref).to.equal('https://play.google.com/store/apps/details?id=com.azure.authenticator');
      expect(visible(api.querySelector('#authenticatorAppIconControl-google'))).to.equal(false);
      expect(visible(api.querySelector('#authenticatorAppIconControl-apple'))).to.equal(false);
      expect(visible(api.querySelector('#authenticatorAppIconControl-title'))).to.equal(false);
      expect(visible(api.querySelector('#authenticatorAppIconControl-instruction'))).to.equal(true);
      const links = [...icon.shadowRoot!.querySelectorAll('a')].map((link) => link.href);
      expect(links).to.have.members([icon.appStoreHref, icon.playStoreHref]);
    });
  });

  describe('the code input', () => {
    const codeInputIn = (api: HTMLElement) => api.querySelector<TotpCodeInputElement>('totp-code-input');

    it("attaches to B2C's #otpCode without moving it or changing its id", async () => {
      const api = await b2cPage('totp-verify');
      const input = api.querySelector<HTMLInputElement>('#otpCode')!;
      const parent = input.parentElement!;
      const index = [...parent.children].indexOf(input);
      const stop = startBridge(document);
      await settle(api);
      stop();
      expect(input.id).to.equal('otpCode');
      expect(input.parentElement === parent).to.equal(true);
      expect([...parent.children].indexOf(input)).to.equal(index);
      expect(codeInputIn(api)!.input === input).to.equal(true);
      expect(input.nextElementSibling!.localName).to.equal('totp-code-input');
      expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(input.getAttribute('inputmode')).to.equal('numeric');
      expect(input.getAttribute('pattern')).to.equal('^[0-9]{6}$');
    });

    it("keeps B2C's post working: the typed code is in #otpCode when Verify submits", async () => {
      const { api } = await bridgedPage('totp-verify');
      const input = api.querySelector<HTMLInputElement>('#otpCode')!;
      const form = api.querySelector('form')!;
      let posted = '';
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        posted = (form.querySelector('#otpCode') as HTMLInputElement).value;
      });
      input.focus();
      await sendKeys({ type: '123 456' });
      api.querySelector<HTMLButtonElement>('#continue')!.click();
      expect(posted).to.equal('123456');
    });

    it("takes the length from B2C's pattern and the hint from the claim's help text", async () => {
      const { api } = await bridgedPage('totp-verify', { codePattern: '^\\d{8}$' });
      const codeInput = codeInputIn(api)!;
      expect(codeInput.length).to.equal(8);
      expect(codeInput.strings.hint).to.equal('Enter the 6-digit verification code generated by the authenticator app.');
    });

    it('finds a renamed code claim by its digits pattern', async () => {
      const { api } = await bridgedPage('totp-verify', { codeId: 'verificationCode' });
      expect(codeInputIn(api)!.input!.id).to.equal('verificationCode');
    });

    it("leaves a digits-only field among others alone (a sign-up page's postal code is no code)", async () => {
      const api = await b2cPage('selfasserted');
      const list = api.querySelector('#attributeList > ul')!;
      const item = Object.assign(document.createElement('li'), { className: 'TextBox postalCode_li' });
      item.innerHTML = '<div class="attrEntry"><label for="postalCode">Postal code</label><input id="postalCode" class="textInput" type="text" pattern="^[0-9]{5}$"></div>';
      list.append(item);
      const stop = startBridge(document);
      await settle(api);
      expect(api.querySelector('totp-code-input')).to.equal(null);
      expect(api.querySelector('#postalCode')!.hasAttribute('inputmode')).to.equal(false);
      // The same field alone on its page is the code: the control that the rule above is not too strict.
      for (const other of api.querySelectorAll<HTMLInputElement>('#attributeList input:not(#postalCode)')) other.closest('li')!.remove();
      await settle(api);
      expect(api.querySelector('totp-code-input')?.input?.id).to.equal('postalCode');
      stop();
    });

    it("shows B2C's server error on the input, once per change", async () => {
      const { api } = await bridgedPage('totp-verify');
      const codeInput = codeInputIn(api)!;
      const input = codeInput.input!;
      showServerError(api, 'Wrong code entered, please try again.');
      await settle(api);
      expect(codeInput.error).to.equal('Wrong code entered, please try again.');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      // Shown once, on the input: B2C's page-level copy is hidden (and so not announced twice).
      expect(visible(api.querySelector('#claimVerificationServerError'))).to.equal(false);
      expect(visible(api.querySelector('.totp-code-input-error'))).to.equal(true);
      // The user types: the element clears the error, and B2C's unchanged message does not bring it back.
      input.focus();
      await sendKeys({ type: '1' });
      await settle(api);
      expect(codeInput.error).to.equal('');
      hideServerError(api);
      await settle(api);
      showServerError(api, 'Wrong code entered, please try again.');
      await settle(api);
      expect(codeInput.error).to.equal('Wrong code entered, please try again.');
    });

    it("tells a lockout and a service error from a wrong code, and then hides B2C's Verify", async () => {
      const cases = [
        ['Wrong code entered, please try again.', 'wrong', true],
        ['Wrong code entered too many times, please try again later.', 'locked', false],
        ['Your request has been throttled, please try again later.', 'locked', false],
        ['Cannot use MFA service, please try again later.', 'unavailable', false],
      ] as const;
      for (const [message, kind, verifyShown] of cases) {
        const { api, remove } = await bridgedPage('totp-verify');
        const codeInput = codeInputIn(api)!;
        showServerError(api, message);
        await settle(api);
        expect(codeInput.errorKind, message).to.equal(kind);
        expect(visible(api.querySelector('#continue')), `Verify shown after: ${message}`).to.equal(verifyShown);
        expect(visible(api.querySelector('#cancel')), 'Cancel stays').to.equal(true);
        remove();
      }
    });

    it("takes a policy's own lockout message from the template's errors list", async () => {
      const script = Object.assign(document.createElement('script'), {
        type: 'application/json',
        id: 'totp-kit-strings',
        textContent: JSON.stringify({ errors: { locked: ['Trop de tentatives. Réessayez plus tard.', 7], unavailable: 'not a list' } }),
      });
      document.head.append(script);
      try {
        const api = await b2cPage('totp-verify');
        const stop = startBridge(document);
        await settle(api);
        showServerError(api, 'Trop de tentatives. Réessayez plus tard.');
        await settle(api);
        stop();
        expect(codeInputIn(api)!.errorKind).to.equal('locked');
      } finally {
        script.remove();
      }
    });

    it('autosubmits through B2C\'s own button only when the template asks', async () => {
      for (const autosubmit of [false, true]) {
        const { api, remove } = await bridgedPage('totp-verify', ENROLL_VALUES, { autosubmit });
        let submits = 0;
        api.querySelector('form')!.addEventListener('submit', (event) => (event.preventDefault(), submits++));
        codeInputIn(api)!.input!.focus();
        await sendKeys({ type: '654321' });
        expect(submits, `autosubmit ${autosubmit}`).to.equal(autosubmit ? 1 : 0);
        remove();
      }
    });
  });

  describe("the page's language", () => {
    before(() => {
      registerTranslation(german);
      registerTranslation(hebrew);
    });
    afterEach(() => {
      document.documentElement.lang = 'en';
      document.documentElement.removeAttribute('data-totp-lang');
    });

    const headingOf = (element: Element | null) => element!.shadowRoot!.querySelector('h2')!.textContent;

    it("shows the kit's texts in <html lang>'s language where B2C's are its defaults", async () => {
      document.documentElement.lang = 'de-AT';
      const { api } = await bridgedPage('totp-enroll');
      expect(headingOf(api.querySelector('totp-app-icon'))).to.equal('1. Authenticator-App herunterladen');
      expect(headingOf(qrIn(api))).to.equal('2. Scannen Sie den QR-Code mit Ihrer Authenticator-App');
      const info = api.querySelector<TotpAuthenticatorInfoElement>('totp-authenticator-info')!;
      expect(info.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Scannen nicht möglich? Daten manuell eingeben');
      // Nothing forced: the elements take the page's own lang.
      expect(qrIn(api)!.hasAttribute('lang')).to.equal(false);
    });

    it("lets a tenant's own B2C text win over the kit's translation, and the template's texts over both", async () => {
      document.documentElement.lang = 'de';
      const { api } = await bridgedPage('totp-enroll', { ...ENROLL_VALUES, strings: { qrTitle: 'Contoso-Code scannen' } }, { strings: { appIcon: { heading: 'Contoso Keys holen' } } });
      expect(headingOf(qrIn(api))).to.equal('2. Contoso-Code scannen');
      expect(headingOf(api.querySelector('totp-app-icon'))).to.equal('1. Contoso Keys holen');
    });

    it('takes the language the template forces (data-totp-lang) over B2C\'s, on every element', async () => {
      document.documentElement.setAttribute('data-totp-lang', 'de');
      const options = readOptions(document);
      expect(options.language).to.equal('de');
      const { api } = await bridgedPage('totp-verify', ENROLL_VALUES, options);
      const code = api.querySelector<TotpCodeInputElement>('totp-code-input')!;
      expect(code.getAttribute('lang')).to.equal('de');
      expect(code.input!.validationMessage).to.match(/^Geben Sie den 6-stelligen Code/);
    });

    it('lays the elements out right to left in Hebrew, the code left to right', async () => {
      document.documentElement.lang = 'he';
      const { api } = await bridgedPage('totp-verify');
      const code = api.querySelector<TotpCodeInputElement>('totp-code-input')!;
      expect(code.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(code).direction).to.equal('rtl');
      expect(getComputedStyle(code.input!).direction).to.equal('ltr');
      expect(code.input!.validationMessage).to.match(/^יש להזין את הקוד/);
    });

    it('keeps English where the page\'s language has no translation registered', async () => {
      document.documentElement.lang = 'cy';
      const { api } = await bridgedPage('totp-enroll');
      expect(headingOf(api.querySelector('totp-app-icon'))).to.equal('1. Get an authenticator app');
      expect(api.querySelector('totp-app-icon')!.hasAttribute('dir')).to.equal(false);
    });
  });

  describe('texts from the template', () => {
    it('reads #totp-kit-strings and lets them win', async () => {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.id = 'totp-kit-strings';
      script.textContent = JSON.stringify({ qrCode: { link: 'Open the app' }, authenticatorInfo: { copy: 'Copier' }, codeInput: { hint: 'Code à 6 chiffres' } });
      document.head.append(script);
      try {
        const api = await b2cPage('totp-enroll');
        const stop = startBridge(document);
        await settle(api);
        stop();
        expect(qrIn(api)!.strings.link).to.equal('Open the app');
        expect(api.querySelector<TotpAuthenticatorInfoElement>('totp-authenticator-info')!.strings.copy).to.equal('Copier');
      } finally {
        script.remove();
      }
    });

    it('warns about invalid JSON and carries on', async () => {
      const script = Object.assign(document.createElement('script'), { type: 'application/json', id: 'totp-kit-strings', textContent: '{oops' });
      document.head.append(script);
      try {
        let api!: HTMLElement;
        const warnings = await collectWarnings(async () => {
          api = await b2cPage('totp-enroll');
          const stop = startBridge(document);
          await settle(api);
          stop();
        });
        expect(qrIn(api) !== null).to.equal(true);
        expect(warnings.join()).to.include('#totp-kit-strings is not valid JSON');
      } finally {
        script.remove();
      }
    });
  });

  describe('failures', () => {
    it("undoes a mount that throws and leaves B2C's control as it was", async () => {
      const api = await b2cPage('totp-enroll');
      const { append } = Element.prototype;
      Element.prototype.append = function (this: Element, ...nodes: (Node | string)[]) {
        if (nodes.some((node) => node instanceof Element && node.localName === 'totp-qr-code')) {
          append.apply(this, nodes);
          throw new TypeError('simulated failure');
        }
        return append.apply(this, nodes);
      };
      let warnings: string[];
      try {
        warnings = await collectWarnings(async () => {
          const stop = startBridge(document);
          await settle(api);
          stop();
        });
      } finally {
        Element.prototype.append = append;
      }
      expect(api.querySelector('totp-qr-code') === null).to.equal(true);
      expect(api.querySelector('.qrCodeControlContent')!.hasAttribute('data-totp-kit')).to.equal(false);
      expect(visible(api.querySelector('#totpQrCodeControl-img'))).to.equal(true);
      expect(visible(api.querySelector('.qrCodeControlContent a[href^="otpauth:"]'))).to.equal(true);
      expect(warnings).to.deep.equal(["b2c-totp-kit: left a B2C control as B2C rendered it (TypeError)"]);
      // The other controls were upgraded all the same.
      expect(api.querySelector('totp-authenticator-info') !== null).to.equal(true);
    });
  });

  describe('what looks like a control but is not one (a claim rendered as markup)', () => {
    /** A B2C Paragraph claim, first in the list, whose value came out as markup shaped like B2C's controls. */
    const FAKE = `<li class="Paragraph fake_li"><div class="attrEntry"><p class="textInParagraph">
      <span class="qrCodeControlContent" id="fakeQr"><span id="fakeQr-text">otpauth://totp/Evil:eve?secret=JBSWY3DPEHPK3PXP&amp;issuer=Evil&amp;digits=8&amp;period=60</span></span>
      <span class="attrEntry" id="fakeInfo"><span id="fakeInfo-secret" aria-label="JBSWY3DPEHPK3PXP">Secret: JBSWY3DPEHPK3PXP</span></span>
      <input id="otpCode" class="textInput" pattern="^[0-9]{6}$"></p></div></li>`;

    it('mounts nothing on it, and reads no URI, secret or code field from it', async () => {
      for (const page of ['totp-enroll', 'totp-verify'] as const) {
        const api = await b2cPage(page);
        api.querySelector('#attributeList > ul')!.insertAdjacentHTML('afterbegin', FAKE);
        const stop = startBridge(document);
        await settle(api);
        stop();
        expect(api.querySelectorAll('totp-qr-code, totp-authenticator-info, totp-code-input').length, page).to.equal(page === 'totp-enroll' ? 2 : 1);
        expect(api.querySelector('.fake_li totp-qr-code, .fake_li totp-authenticator-info, .fake_li totp-code-input') === null, page).to.equal(true);
        if (page === 'totp-enroll') {
          expect(qrIn(api)!.value).to.equal(ENROLL_URI);
          const info = api.querySelector<TotpAuthenticatorInfoElement>('totp-authenticator-info')!;
          expect([info.uri, info.secret]).to.deep.equal([ENROLL_URI, 'fay2lj7ynpntjgqa']);
        } else {
          expect(api.querySelector<TotpCodeInputElement>('totp-code-input')!.input!.closest('.fake_li') === null).to.equal(true);
        }
        removePages();
      }
    });
  });

  describe('texts of the wrong type from the template', () => {
    it('keeps only own string values, renders, and hides B2C\'s originals only once the kit\'s element rendered', async () => {
      const script = Object.assign(document.createElement('script'), {
        type: 'application/json',
        id: 'totp-kit-strings',
        textContent: JSON.stringify({ qrCode: { link: 42, name: { x: 1 } }, authenticatorInfo: ['Copy'], codeInput: { hint: null, empty: 'Type it' }, unknown: { a: 'b' } }),
      });
      document.head.append(script);
      try {
        for (const page of ['totp-enroll', 'totp-verify'] as const) {
          const api = await b2cPage(page);
          const stop = startBridge(document);
          await settle(api);
          stop();
          if (page === 'totp-enroll') {
            expect(qrIn(api)!.strings).to.deep.equal({ next: '' }); // the bridge's own: the manual details follow
            expect(qrIn(api)!.shadowRoot!.querySelector('svg') !== null).to.equal(true);
            expect(api.querySelector<TotpAuthenticatorInfoElement>('totp-authenticator-info')!.strings).to.deep.equal({});
          } else {
            const codeInput = api.querySelector<TotpCodeInputElement>('totp-code-input')!;
            expect(codeInput.strings).to.deep.equal({ hint: 'Enter the 6-digit verification code generated by the authenticator app.', empty: 'Type it' });
          }
          removePages();
        }
      } finally {
        script.remove();
      }
    });

    it("leaves B2C's control visible and unmarked when the kit's element fails to render", async () => {
      const api = await b2cPage('totp-enroll');
      const qr = customElements.get('totp-qr-code')!.prototype as { render: () => unknown };
      const render = qr.render;
      qr.render = () => {
        throw new TypeError('simulated render failure');
      };
      let warnings: string[];
      try {
        warnings = await collectWarnings(async () => {
          const stop = startBridge(document);
          await settle(api).catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, 50));
          stop();
        });
      } finally {
        qr.render = render;
      }
      expect(api.querySelector('.qrCodeControlContent')!.hasAttribute('data-totp-kit')).to.equal(false);
      expect(api.querySelector('.qrCodeControlContent totp-qr-code') === null).to.equal(true);
      expect(visible(api.querySelector('#totpQrCodeControl-img'))).to.equal(true);
      expect(warnings!).to.include("b2c-totp-kit: left a B2C control as B2C rendered it (TypeError)");
    });
  });

  describe('lifecycle', () => {
    it('upgrades content that B2C injects after the bridge started', async () => {
      const api = document.createElement('div');
      api.id = 'api';
      document.body.append(api);
      const stop = startBridge(document);
      try {
        expect(qrIn(api) === null).to.equal(true);
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
        expect(qrIn(api) !== null).to.equal(true);
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
      expect(qrIn(api) !== null).to.equal(true);
      expect(bound).to.deep.equal([]);
      expect(requests).to.deep.equal([]);
    });
  });

  describe('digitsOfPattern', () => {
    it('reads the digit count from B2C patterns', () => {
      expect(digitsOfPattern('^[0-9]{6}$')).to.equal(6);
      expect(digitsOfPattern('^\\d{8}$')).to.equal(8);
      expect(digitsOfPattern('[0-9]{6}')).to.equal(6);
      expect(digitsOfPattern('^[a-z]{6}$')).to.equal(undefined);
      expect(digitsOfPattern('')).to.equal(undefined);
    });
  });
});
