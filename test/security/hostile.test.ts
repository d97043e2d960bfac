/**
 * Hostile claims (security.md §3 A-E): values that try to run script, smuggle a
 * link, break an attribute, exhaust the parser or confuse the text, thrown at
 * every element and at the bridge. For each: no script runs (a trap), no href
 * but otpauth: or https:, no exception escapes to the page, and where the
 * value cannot be used a clear message is shown.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../src/index.js';
import type { TotpQrCodeElement } from '../../src/elements/qr-code/qr-code.js';
import type { TotpAuthenticatorInfoElement } from '../../src/elements/authenticator-info/authenticator-info.js';
import type { TotpAppIconElement } from '../../src/elements/app-icon/app-icon.js';
import type { TotpCodeInputElement } from '../../src/elements/code-input/code-input.js';
import { bridgedPage, removePages, settle } from '../helpers/b2c.js';
import { sendCode, showControlMessage, type B2CPage } from '../../src/preview/fixtures.js';
import { collectWarnings } from '../helpers/console.js';
import { withClipboard } from '../helpers/navigator.js';

declare global {
  interface Window {
    pwned?: string;
  }
}

const TRAP = 'window.pwned="yes"';
const SECRET = 'JBSWY3DPEHPK3PXP';
const MEGABYTE = 'a'.repeat(1 << 20);
const TEN_KB = 'b'.repeat(10 * 1024);
const uri = (label: string, query = `secret=${SECRET}`) => `otpauth://totp/${label}?${query}`;

/** Every element under `root` (and in its own shadow root), through open shadow roots. */
function kitNodes(root: ParentNode): Element[] {
  const nodes: Element[] = [];
  if (root instanceof Element && root.shadowRoot) nodes.push(...kitNodes(root.shadowRoot));
  for (const node of root.querySelectorAll('*')) {
    nodes.push(node);
    if (node.shadowRoot) nodes.push(...kitNodes(node.shadowRoot));
  }
  return nodes;
}

/** What must hold after any hostile input. */
function expectContained(root: Element, errors: unknown[]): void {
  expect(window.pwned, 'no script ran').to.equal(undefined);
  expect(errors.map(String), 'no exception escaped').to.deep.equal([]);
  for (const node of [root, ...kitNodes(root)]) {
    expect(['script', 'iframe', 'object', 'embed', 'foreignobject'], `no <${node.localName}>`).to.not.include(node.localName);
    for (const { name, value } of node.attributes) {
      expect(name.startsWith('on'), `no ${name} handler on <${node.localName}>`).to.equal(false);
      if (name === 'href' || name === 'src' || name === 'xlink:href') {
        // The QR link may only be otpauth:, the store links https:; images only the page's own.
        const url = new URL(value, location.href);
        const { protocol } = url;
        expect(url.username + url.password, `${node.localName}[${name}] has no user name or password`).to.equal('');
        expect(['otpauth:', 'https:', 'data:'].includes(protocol) || node.localName === 'img', `${node.localName}[${name}]=${value.slice(0, 40)}`).to.equal(true);
        if (node.localName === 'a') expect(['otpauth:', 'https:'], `a[href]=${value.slice(0, 40)}`).to.include(protocol);
      }
    }
  }
}

/** Runs `body` and collects what escapes to the page: errors and unhandled rejections. */
async function escaped(body: () => Promise<unknown>): Promise<unknown[]> {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  try {
    await body();
    // Long enough for an injected <img onerror> to fire (it does within 20 ms here).
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}

const shadowText = (element: Element) => kitNodes(element).map((node) => (node.children.length ? '' : node.textContent)).join(' ');

const codeInputIn = (api: HTMLElement) => api.querySelector<TotpCodeInputElement>('totp-code-input');

afterEach(() => {
  delete window.pwned;
  removePages();
});

describe('hostile input', () => {
  describe('<totp-qr-code> value', () => {
    const cases: [string, unknown, 'error' | 'drawn'][] = [
      ['javascript:', `javascript:${TRAP}`, 'error'],
      ['javascript: behind a space and a tab', ` java\tscript:${TRAP}`, 'error'],
      ['javascript: behind a NUL', `\u0000javascript:${TRAP}`, 'error'],
      ['mixed-case javascript:', `JaVaScRiPt:${TRAP}`, 'error'],
      ['a data: URL with script', `data:text/html,<script>${TRAP}</script>`, 'error'],
      ['vbscript:', 'vbscript:msgbox(1)', 'error'],
      ['an https: URL carrying the secret', `https://evil.example/?secret=${SECRET}`, 'error'],
      ['otpauth-migration:', 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8', 'error'],
      ['an intent: URL', 'intent://totp/x#Intent;scheme=otpauth;end', 'error'],
      ['otpauth without slashes', `otpauth:totp/x?secret=${SECRET}`, 'error'],
      ['a 10 KB value', uri('a', `secret=${SECRET}&x=${TEN_KB}`), 'error'],
      ['a 1 MB value', uri('a', `secret=${SECRET}&x=${MEGABYTE}`), 'error'],
      ['invalid percent-encoding', uri('Acme:bob%E0%A4%A'), 'drawn'],
      ['a lone surrogate', `${uri('Acme:bob')}&issuer=A\uD800B`, 'drawn'],
      ['bidi overrides', uri('%E2%80%AEAcme%E2%81%A6:bob'), 'drawn'],
      ['a NUL in the label', uri('Acme%00:bob'), 'drawn'],
      ['emoji', uri('%F0%9F%A6%8A%20Fox:%F0%9F%91%A9%E2%80%8D%F0%9F%92%BB'), 'drawn'],
      ['HTML in the label', uri(encodeURIComponent(`<img src=x onerror=${TRAP}>`)), 'drawn'],
      ['attribute-breaking quotes in the issuer', `${uri('Acme:bob')}&issuer=${encodeURIComponent(`"><svg onload=${TRAP}>`)}`, 'drawn'],
      ['no secret', uri('Acme:bob', 'issuer=Acme'), 'error'],
      ['a repeated secret', uri('Acme:bob', `secret=${SECRET}&secret=AAAAAAAA`), 'error'],
      ['a TAB that the URL parser would drop', uri('PayPal:bob', `secret=${SECRET}&iss\tuer=Contoso`), 'error'],
      ['a dot-dot segment that the URL parser would resolve', uri('PayPal/../Contoso:bob'), 'error'],
      ['a repeated issuer', uri('Acme:bob', `secret=${SECRET}&issuer=A&issuer=B`), 'error'],
      ['non-numeric digits', uri('Acme:bob', `secret=${SECRET}&digits=abc`), 'error'],
      ['huge digits', uri('Acme:bob', `secret=${SECRET}&digits=99999999999999999999`), 'error'],
      ['period 0', uri('Acme:bob', `secret=${SECRET}&period=0`), 'error'],
      ['a negative period', uri('Acme:bob', `secret=${SECRET}&period=-30`), 'error'],
      ['algorithm MD5', uri('Acme:bob', `secret=${SECRET}&algorithm=MD5`), 'error'],
      ['an object whose toString says javascript:', { toString: () => `javascript:${TRAP}` }, 'error'],
      ['a number', 123456, 'error'],
    ];
    for (const [name, value, outcome] of cases) {
      it(`${name}: ${outcome === 'error' ? 'a clear message' : 'drawn, inert'}`, async () => {
        let element!: TotpQrCodeElement;
        const errors = await escaped(async () => {
          element = document.createElement('totp-qr-code');
          element.deepLink = 'always';
          (element as unknown as { value: unknown }).value = value;
          await fixture(element);
        });
        expectContained(element, errors);
        const error = element.shadowRoot!.querySelector('[part="error"]');
        if (outcome === 'error') {
          expect(error?.textContent ?? '').to.match(/setup code/);
          expect(element.shadowRoot!.querySelector('svg, a') === null).to.equal(true);
        } else {
          expect(element.shadowRoot!.querySelector('svg') !== null).to.equal(true);
          expect(element.shadowRoot!.querySelector('a')!.href.startsWith('otpauth:')).to.equal(true);
        }
      });
    }
  });

  describe('<totp-authenticator-info> claims', () => {
    const cases: [string, Partial<Record<'identifier' | 'issuer' | 'secret' | 'uri', unknown>>][] = [
      ['HTML in the identifier', { identifier: `<img src=x onerror=${TRAP}>`, secret: SECRET }],
      ['attribute-breaking quotes in the issuer', { issuer: `"><svg onload=${TRAP}>`, identifier: 'bob', secret: SECRET }],
      ['a script in the secret', { identifier: 'bob', secret: `<script>${TRAP}</script>` }],
      ['a 10 KB secret', { identifier: 'bob', secret: TEN_KB }],
      ['a 1 MB identifier', { identifier: MEGABYTE, secret: SECRET }],
      ['a lone surrogate in the secret', { identifier: 'bob', secret: 'ABCD\uD800EFGH' }],
      ['bidi overrides in the identifier', { identifier: '\u202Eevil\u2066@example.com', secret: SECRET }],
      ['a NUL in the secret', { identifier: 'bob', secret: 'ABCD\u0000EFGH' }],
      ['a javascript: URI', { uri: `javascript:${TRAP}` }],
      ['an identifier that is not a string', { identifier: { toString: () => `<img src=x onerror=${TRAP}>` }, secret: null }],
    ];
    for (const [name, claims] of cases) {
      it(name, async () => {
        let element!: TotpAuthenticatorInfoElement;
        const errors = await escaped(async () => {
          element = document.createElement('totp-authenticator-info');
          Object.assign(element, claims);
          await fixture(element);
          // Exercise the copy path too: it must not throw with hostile text either.
          await withClipboard({ writeText: () => Promise.resolve() }, () => element.copySecret());
        });
        expectContained(element, errors);
        expect(shadowText(element)).to.not.include('undefined');
        expect(shadowText(element)).to.not.include('[object Object]');
      });
    }
  });

  describe('<totp-app-icon> links and names', () => {
    const cases: [string, Record<string, string>][] = [
      ['a javascript: App Store link', { 'app-store-href': `javascript:${TRAP}` }],
      ['a data: Google Play link', { 'play-store-href': `data:text/html,<script>${TRAP}</script>` }],
      ['a vbscript: link', { 'app-store-href': 'vbscript:msgbox(1)' }],
      ['a plain http: link', { 'play-store-href': 'http://evil.example/app' }],
      ['a relative link', { 'app-store-href': '/evil' }],
      ['a store host as the user name of another host', { 'app-store-href': 'https://apps.apple.com@evil.example/app/id1' }],
      ['a user name and password', { 'play-store-href': 'https://user:pass@play.google.com/store/apps/details?id=x' }],
      ['HTML in the app name', { 'app-name': `<img src=x onerror=${TRAP}>`, app: 'any' }],
    ];
    for (const [name, attributes] of cases) {
      it(name, async () => {
        let element!: TotpAppIconElement;
        let errors: unknown[] = [];
        // The element warns about a refused link; that is expected here.
        await collectWarnings(async () => {
          errors = await escaped(async () => {
            element = document.createElement('totp-app-icon');
            element.setAttribute('platform', 'desktop');
            for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, value);
            await fixture(element);
          });
        });
        expectContained(element, errors);
      });
    }
  });

  describe('<totp-code-input> paste and autofill', () => {
    const cases: [string, string, string][] = [
      ['HTML', `<img src=x onerror=${TRAP}>`, ''],
      ['a megabyte of digits', '1'.repeat(1 << 20), ''],
      ['NUL and bidi marks around digits', '\u0000\u202E123\u2066456', '123456'],
      ['a javascript: URL', `javascript:${TRAP}`, ''],
    ];
    for (const [name, pasted, value] of cases) {
      it(name, async () => {
        let element!: TotpCodeInputElement;
        const errors = await escaped(async () => {
          element = await fixture<TotpCodeInputElement>('<totp-code-input><input name="otpCode"></totp-code-input>');
          const input = element.input!;
          input.value = pasted;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: pasted.slice(0, 100) }));
          await element.updateComplete;
        });
        expectContained(element, errors);
        expect(element.input!.value).to.equal(value);
      });
    }
  });

  describe('the bridge on a B2C page with hostile claims', () => {
    const cases: [string, Record<string, string>][] = [
      ['a javascript: qrCodeContent', { uri: `javascript:${TRAP}` }],
      ['HTML in totpIdentifier', { identifier: `<img src=x onerror=${TRAP}>` }],
      ['quotes in secretKey', { secret: `"><img src=x onerror=${TRAP}>` }],
      ['a 10 KB qrCodeContent', { uri: uri('a', `secret=${SECRET}&x=${TEN_KB}`) }],
    ];
    for (const [name, claims] of cases) {
      it(name, async () => {
        let api!: HTMLElement;
        const errors = await escaped(async () => {
          ({ api } = await bridgedPage('totp-enroll', { uri: uri('Acme:bob'), identifier: 'bob', secret: SECRET, ...claims }));
          await settle(api);
        });
        // B2C's own markup is B2C's (its javascript: help links among it): check the kit's elements.
        for (const element of api.querySelectorAll('totp-qr-code, totp-authenticator-info, totp-app-icon')) expectContained(element, errors);
        expect(window.pwned).to.equal(undefined);
      });
    }
  });

  describe('the bridge on the codes B2C sends, with hostile texts and ids', () => {
    const pages: B2CPage[] = ['email-verify', 'phone-verify', 'phonefactor'];
    const cases: [string, Record<string, string>, string][] = [
      ['HTML in the help text (UserHelpText)', { strings: JSON.stringify({ vcCodeHelp: `"><img src=x onerror=${TRAP}>` }) }, 'That code is incorrect.'],
      ['HTML as the error text', {}, `<img src=x onerror=${TRAP}>`],
      ['a 10 KB error', {}, TEN_KB],
      ['quotes and markup in the claim and control ids', { codeClaim: `c"><img src=x onerror=${TRAP}>`, controlId: `v'><svg onload=${TRAP}>` }, 'x'],
    ];
    for (const page of pages) {
      for (const [name, values, message] of cases) {
        it(`${page}: ${name}`, async () => {
          let api!: HTMLElement;
          const { strings, ...ids } = values;
          const errors = await escaped(async () => {
            ({ api } = await bridgedPage(page, { ...ids, ...(strings ? { strings: JSON.parse(strings) as Record<string, string> } : {}) }));
            sendCode(api, `<b onclick=${TRAP}>sent</b>`);
            await settle(api);
            showControlMessage(api, 'error', message);
            await settle(api);
          });
          const codeInput = api.querySelector<TotpCodeInputElement>('totp-code-input')!;
          expect(codeInput, 'mounted').to.not.equal(null);
          expectContained(codeInput, errors);
          // B2C's texts reach the page as text only.
          expect(codeInput.querySelector('.totp-code-input-error')!.textContent).to.equal(message);
          expect(codeInput.querySelectorAll('img, svg, b')).to.have.length(0);
        });
      }
    }

    it('a hostile data-totp-code-length means 6', async () => {
      for (const codeLength of [1e9, -3, Number.NaN, 6.5]) {
        const { api, remove } = await bridgedPage('email-verify', {}, { codeLength });
        expect(codeInputIn(api)!.input!.style.getPropertyValue('--totp-n'), String(codeLength)).to.equal('6');
        remove();
      }
    });
  });
});
