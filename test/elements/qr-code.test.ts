import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/qr-code/qr-code.js';
import type { TotpQrCodeElement } from '../../src/elements/qr-code/qr-code.js';
import { encodeQr, type ErrorCorrection } from '../../src/core/qr.js';
import { corpus } from '../fixtures/otpauth-corpus.js';
import { decodePixels, decodeSvg, decodeSvgBoth, modulesOfPath, screenshotPixels, utf8 } from '../helpers/qr.js';
import { expectProvenSymbol, minimalVersion, nearCapacity } from '../helpers/qr-proof.js';
import { axeViolations } from '../helpers/axe.js';
import { withUserAgent } from '../helpers/navigator.js';
import { collectWarnings } from '../helpers/console.js';

const B2C_URI = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';
const LEVELS: ErrorCorrection[] = ['L', 'M', 'Q', 'H'];

const svgOf = (element: TotpQrCodeElement) => element.shadowRoot!.querySelector('svg');
const linkOf = (element: TotpQrCodeElement) => element.shadowRoot!.querySelector('a');
const errorOf = (element: TotpQrCodeElement) => element.shadowRoot!.querySelector('[part="error"]');
const toggleOf = (element: TotpQrCodeElement) => element.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]');
/** Whether the element matches :state(invalid), or undefined in an engine without custom states. */
const invalidState = (element: TotpQrCodeElement) => {
  try {
    return element.matches(':state(invalid)');
  } catch {
    return undefined;
  }
};

async function qrCode(value: unknown, attributes: Record<string, string> = {}): Promise<TotpQrCodeElement> {
  const element = document.createElement('totp-qr-code');
  for (const [name, attributeValue] of Object.entries(attributes)) element.setAttribute(name, attributeValue);
  (element as unknown as { value: unknown }).value = value;
  return fixture(element);
}

describe('<totp-qr-code>', () => {
  describe('defaults', () => {
    it('uses error correction M and an automatic link', async () => {
      const element = await qrCode(B2C_URI);
      expect(element.errorCorrection).to.equal('M');
      expect(element.deepLink).to.equal('auto');
      // version 6 at M: 41 modules and a quiet zone of 4 on each side
      expect(svgOf(element)!.getAttribute('viewBox')).to.equal('-4 -4 49 49');
    });

    it('shows the error state when it has no value', async () => {
      const element = await fixture<TotpQrCodeElement>(html`<totp-qr-code></totp-qr-code>`);
      expect(svgOf(element) === null).to.equal(true);
      expect(errorOf(element)!.textContent).to.equal('There is no setup code to show.');
    });
  });

  describe('attributes', () => {
    it('reads value and error-correction from attributes', async () => {
      const element = await fixture<TotpQrCodeElement>(
        html`<totp-qr-code value=${B2C_URI} error-correction="H"></totp-qr-code>`,
      );
      expect(svgOf(element)!.getAttribute('viewBox')).to.equal('-4 -4 61 61');
      expect((await decodeSvg(svgOf(element)!))?.text).to.equal(B2C_URI);
    });

    it('treats an unknown error-correction level as M', async () => {
      const element = await qrCode(B2C_URI, { 'error-correction': 'X' });
      expect(svgOf(element)!.getAttribute('viewBox')).to.equal('-4 -4 49 49');
    });

    it('takes localised strings as JSON in the strings attribute', async () => {
      const element = await qrCode(B2C_URI, {
        'deep-link': 'always',
        strings: JSON.stringify({ name: 'QR-Code für {issuer} ({account})', link: 'In der App öffnen' }),
      });
      expect(svgOf(element)!.getAttribute('aria-label')).to.equal('QR-Code für Contoso demo (emily@fabrikam.com)');
      expect(linkOf(element)!.textContent).to.equal('In der App öffnen');
    });

    it('re-renders when the value changes, dropping the old link', async () => {
      const element = await qrCode(B2C_URI, { 'deep-link': 'always' });
      const next = corpus[3].uri;
      element.value = next;
      await element.updateComplete;
      expect((await decodeSvg(svgOf(element)!))?.text).to.equal(next);
      expect(linkOf(element)!.getAttribute('href')).to.equal(next);
      element.value = 'javascript:alert(1)';
      await element.updateComplete;
      expect(linkOf(element) === null).to.equal(true);
      expect(svgOf(element) === null).to.equal(true);
    });
  });

  describe('rendering', () => {
    // The corpus proof through the element: every URI at every level, as the
    // browser rasterises the element's SVG, read back exactly by jsQR and by ZXing,
    // with no ECI, the requested level and the smallest version (qr-proof.ts).
    // The element encodes the URI as the URL parser serialises it (the link's href): for
    // all but two corpus entries (an uppercase scheme, raw non-ASCII text) that is the
    // server's exact text.
    for (const { name, uri: raw } of [...corpus, ...nearCapacity]) {
      it(`proves the code at every level: ${name}`, async () => {
        const uri = new URL(raw).href;
        const element = await qrCode(raw);
        for (const level of LEVELS) {
          element.errorCorrection = level;
          await element.updateComplete;
          if (minimalVersion(utf8(uri).length, level) === null) {
            expect(svgOf(element) === null, `level ${level}`).to.equal(true);
            expect(errorOf(element)!.textContent, `level ${level}`).to.equal('The setup code is too long to show as a QR code.');
            continue;
          }
          const svg = svgOf(element)!;
          const modules = modulesOfPath(svg.querySelector('path')!.getAttribute('d')!, svg.viewBox.baseVal.width - 8);
          try {
            expectProvenSymbol(modules, await decodeSvgBoth(svg, 640), uri, level);
          } catch (error) {
            throw Object.assign(error as Error, { message: `level ${level}: ${(error as Error).message}` });
          }
        }
      });
    }

    it('draws the code as one path on one light rectangle', async () => {
      const svg = svgOf(await qrCode(B2C_URI))!;
      expect(svg.querySelectorAll('path')).to.have.length(1);
      expect(svg.querySelectorAll('rect')).to.have.length(1);
      expect(svg.querySelector('rect')!.getAttribute('fill')).to.equal('#fff');
      expect(svg.querySelector('path')!.getAttribute('fill')).to.equal('#000');
    });

    it('takes its size from --totp-qr-code-size', async () => {
      const element = await qrCode(B2C_URI);
      element.style.setProperty('--totp-qr-code-size', '300px');
      expect(svgOf(element)!.getBoundingClientRect().width).to.equal(300);
      expect(svgOf(element)!.getBoundingClientRect().height).to.equal(300);
    });

    it('paints dark modules on a light quiet zone of 4 modules on a dark page', async () => {
      const style = document.createElement('style');
      style.textContent = ':root { color-scheme: dark; background: #000; color: #fff } svg, path, rect { fill: red !important }';
      document.head.append(style);
      try {
        const element = await qrCode(B2C_URI);
        element.style.setProperty('--totp-qr-code-size', '245px'); // 49 modules of 5 px
        const pixels = await screenshotPixels(svgOf(element)!);
        expect((await decodePixels(pixels))?.text).to.equal(B2C_URI);
        const quietZone = 4 * 5;
        for (let y = 0; y < pixels.height; y++) {
          for (let x = 0; x < pixels.width; x++) {
            const inZone = x < quietZone || y < quietZone || x >= pixels.width - quietZone || y >= pixels.height - quietZone;
            if (!inZone) continue;
            const i = (y * pixels.width + x) * 4;
            expect(Math.min(pixels.data[i], pixels.data[i + 1], pixels.data[i + 2]), `pixel ${x},${y}`).to.be.above(240);
          }
        }
      } finally {
        style.remove();
      }
    });

    it('shows slotted fallback content only for a value too long to draw, never beside a refused one', async () => {
      const element = await fixture<TotpQrCodeElement>(
        html`<totp-qr-code value=${B2C_URI}><img alt="B2C's QR code" width="50" height="50" /></totp-qr-code>`,
      );
      const fallback = element.querySelector('img')!;
      expect(fallback.checkVisibility()).to.equal(false);
      element.value = `otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&x=${'y'.repeat(2400)}`;
      await element.updateComplete;
      expect(element.problem).to.equal('too-long');
      expect(fallback.checkVisibility()).to.equal(true);
      for (const refused of ['', 'https://evil.example/?secret=JBSWY3DPEHPK3PXP', 'otpauth://totp/Acme:bob?secret=0189']) {
        element.value = refused;
        await element.updateComplete;
        expect(fallback.checkVisibility(), refused).to.equal(false);
      }
    });

    it('shows light-DOM content before the element is defined', async () => {
      const container = await fixture(html`<div><totp-qr-code-undefined><img alt="B2C's QR code" width="50" height="50" /></totp-qr-code-undefined></div>`);
      expect(container.querySelector('img')!.checkVisibility()).to.equal(true);
    });
  });

  describe('one string in the code and the link', () => {
    it("carries exactly the link's href in the code, for the whole corpus", async () => {
      for (const { name, uri } of corpus) {
        const element = await qrCode(uri, { 'deep-link': 'always' });
        const href = linkOf(element)!.getAttribute('href');
        expect((await decodeSvg(svgOf(element)!))?.text, name).to.equal(href);
        expect(href, name).to.equal(new URL(uri).href);
      }
    });

    it("carries the server's exact text when it is already canonical, as B2C's is", async () => {
      const element = await qrCode(B2C_URI, { 'deep-link': 'always' });
      expect((await decodeSvg(svgOf(element)!))?.text).to.equal(B2C_URI);
      expect(linkOf(element)!.getAttribute('href')).to.equal(B2C_URI);
    });

    it('draws nothing for a value the URL parser would rewrite into something else', async () => {
      for (const value of [
        'otpauth://totp/PayPal:bob?secret=JBSWY3DPEHPK3PXP&iss\tuer=Contoso',
        'otpauth://totp/PayPal/../Contoso:bob?secret=JBSWY3DPEHPK3PXP&issuer=Contoso',
        'otpauth://totp/PayPal/%2E%2E/Contoso:bob?secret=JBSWY3DPEHPK3PXP',
        'otpauth://totp/Contoso:b\nob?secret=JBSWY3DPEHPK3PXP',
      ]) {
        const element = document.createElement('totp-qr-code');
        element.deepLink = 'always';
        element.value = value;
        await fixture(element);
        expect(element.problem, JSON.stringify(value)).to.equal('ambiguous');
        expect(element.shadowRoot!.querySelector('svg, a') === null, JSON.stringify(value)).to.equal(true);
        expect(errorOf(element)!.textContent).to.equal('The setup code is not valid, so it cannot be shown as a QR code.');
      }
    });
  });

  describe('deep link', () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
    const android = 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';

    it('is hidden on a desktop', async () => {
      const element = await qrCode(B2C_URI);
      expect(linkOf(element) === null).to.equal(true);
      expect(toggleOf(element) === null).to.equal(true);
    });

    it('is the main action on a phone, with the code behind a button for another device', async () => {
      for (const userAgent of [iphone, android]) {
        const element = await withUserAgent(userAgent, () => qrCode(B2C_URI));
        const link = linkOf(element)!;
        expect(link.getAttribute('href')).to.equal(B2C_URI);
        expect(link.textContent).to.equal('Add to my authenticator app');
        // the link comes first, in the order of the page and of the keyboard
        const toggle = toggleOf(element)!;
        expect(link.compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
        expect(svgOf(element) === null).to.equal(true);
        expect(toggle.getAttribute('aria-expanded')).to.equal('false');
        expect(toggle.textContent).to.equal('Setting up another device? Show the QR code');
        toggle.click();
        await element.updateComplete;
        expect(toggle.getAttribute('aria-expanded')).to.equal('true');
        expect(toggle.textContent).to.equal('Hide the QR code');
        expect(element.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!.contains(svgOf(element))).to.equal(true);
        expect((await decodeSvg(svgOf(element)!))?.text).to.equal(B2C_URI);
        toggle.click();
        await element.updateComplete;
        expect(svgOf(element) === null).to.equal(true);
      }
    });

    it('is forced on or off by deep-link', async () => {
      const always = await qrCode(B2C_URI, { 'deep-link': 'always' });
      expect(linkOf(always)!.textContent).to.equal("Can't scan? Open in your authenticator app");
      expect(svgOf(always) !== null).to.equal(true);
      const never = await withUserAgent(iphone, () => qrCode(B2C_URI, { 'deep-link': 'never' }));
      expect(linkOf(never) === null).to.equal(true);
      expect(toggleOf(never) === null).to.equal(true);
      expect(svgOf(never) !== null).to.equal(true);
    });

    it('never links anything but otpauth:', async () => {
      for (const value of ['https://example.com/', 'javascript:alert(1)', ' java\tscript:alert(1)', 'data:text/html,x', 'hello']) {
        const element = await qrCode(value, { 'deep-link': 'always' });
        expect(linkOf(element) === null, value).to.equal(true);
        expect(element.shadowRoot!.querySelector('[href]') === null, value).to.equal(true);
      }
    });
  });

  describe('step', () => {
    it('heads the part of a set-up with its number, and says what comes next', async () => {
      const element = await qrCode(B2C_URI, { step: '2' });
      const heading = element.shadowRoot!.querySelector('h2')!;
      expect(heading.textContent).to.equal('2. Scan the QR code with your authenticator app');
      expect(element.shadowRoot!.querySelector('[part="next"]')!.textContent).to.equal('3. Then continue, and enter the code the app shows.');
      expect(heading.compareDocumentPosition(svgOf(element)!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    });

    it("asks a phone to add the account, not to scan its own screen, and writes the number in the page's language", async () => {
      const container = await fixture(html`<div lang="ar-EG"></div>`);
      const element = await withUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
        async () => {
          const qr = document.createElement('totp-qr-code');
          qr.step = 2;
          qr.value = B2C_URI;
          container.append(qr);
          await qr.updateComplete;
          return qr;
        },
      );
      expect(element.shadowRoot!.querySelector('h2')!.textContent).to.equal(
        `${new Intl.NumberFormat('ar-EG').format(2)}. Add the account to your authenticator app`,
      );
    });

    it('keeps the heading above an error, and has none without a step', async () => {
      const element = await qrCode('javascript:alert(1)', { step: '2' });
      expect(element.shadowRoot!.querySelector('h2')!.textContent).to.include('Scan the QR code');
      expect((await qrCode(B2C_URI)).shadowRoot!.querySelector('h2, [part="next"]') === null).to.equal(true);
    });
  });

  describe('bad input', () => {
    const cases: [string, unknown, string, string][] = [
      ['empty', '', 'empty', 'There is no setup code to show.'],
      ['spaces', '   ', 'empty', 'There is no setup code to show.'],
      ['plain text', 'hello world', 'not-otpauth', 'The setup code is not valid, so it cannot be shown as a QR code.'],
      ['javascript:', 'javascript:alert(1)', 'not-otpauth', 'The setup code is not valid, so it cannot be shown as a QR code.'],
      ['https:', 'https://example.com/?secret=JBSWY3DPEHPK3PXP', 'not-otpauth', 'The setup code is not valid, so it cannot be shown as a QR code.'],
      ['a number', 42, 'not-otpauth', 'The setup code is not valid, so it cannot be shown as a QR code.'],
      ['no secret', 'otpauth://totp/Acme:bob?issuer=Acme', 'missing-secret', 'The setup code has no secret key, so it cannot be shown as a QR code.'],
      ['a bad secret', 'otpauth://totp/Acme:bob?secret=0189', 'invalid-secret', 'The setup code is not valid, so it cannot be shown as a QR code.'],
      ['two secrets', 'otpauth://totp/Acme:bob?secret=AAAA&secret=BBBB', 'duplicate-parameter', 'The setup code is not valid, so it cannot be shown as a QR code.'],
      ['too long for any version at M', `otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&x=${'y'.repeat(2400)}`, 'too-long', 'The setup code is too long to show as a QR code.'],
      ['a megabyte', `otpauth://totp/a?secret=A&x=${'y'.repeat(1 << 20)}`, 'too-long', 'The setup code is too long to show as a QR code.'],
    ];
    for (const [name, value, reason, message] of cases) {
      it(`shows a message and reports ${reason} for ${name}`, async () => {
        const element = document.createElement('totp-qr-code');
        (element as unknown as { value: unknown }).value = value;
        await fixture(element);
        expect(element.problem).to.equal(reason);
        expect(invalidState(element)).to.equal(true);
        expect(svgOf(element) === null).to.equal(true);
        expect(errorOf(element)!.textContent).to.equal(message);
        expect(errorOf(element)!.getAttribute('role')).to.equal('alert');
      });
    }

    it('draws a value too long for M at L, where it fits', async () => {
      const uri = `otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&x=${'y'.repeat(2400)}`;
      const element = await qrCode(uri, { 'error-correction': 'L' });
      const side = encodeQr(uri, 'L').size + 8;
      expect(svgOf(element)!.getAttribute('viewBox')).to.equal(`-4 -4 ${side} ${side}`);
    });

    it('names the issuer parameter, as apps do, and reports issuer-mismatch while drawing the code', async () => {
      const value = 'otpauth://totp/PayPal:bob@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Contoso';
      const element = document.createElement('totp-qr-code');
      const warnings = await collectWarnings(async () => {
        element.value = value;
        await fixture(element);
      });
      expect(element.problem).to.equal('issuer-mismatch');
      expect(invalidState(element)).to.equal(false);
      expect(svgOf(element)!.getAttribute('aria-label')).to.equal('QR code to add Contoso (bob@example.com) to your authenticator app');
      expect((await decodeSvg(svgOf(element)!))?.text).to.equal(value);
      expect(errorOf(element) === null).to.equal(true);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<totp-qr-code>: .*issuer/);
      for (const claim of ['PayPal', 'Contoso', 'bob', 'JBSW']) expect(warnings[0]).to.not.include(claim);
    });

    it('reports no problem for a value it can draw, and leaves the invalid state when one comes', async () => {
      const element = await qrCode('');
      expect(invalidState(element)).to.equal(true);
      const events: string[] = [];
      for (const type of ['totp-invalid', 'invalid', 'change']) element.addEventListener(type, () => events.push(type));
      element.value = B2C_URI;
      await element.updateComplete;
      expect(element.problem).to.equal(undefined);
      expect(invalidState(element)).to.equal(false);
      // a property set is the page's own doing: no event tells it back
      expect(events).to.deep.equal([]);
    });

    it('renders HTML in the label as text in the accessible name', async () => {
      const element = await qrCode('otpauth://totp/%3Cimg%20src%3Dx%3E:%3Cb%3Ebob?secret=JBSWY3DPEHPK3PXP');
      expect(svgOf(element)!.getAttribute('aria-label')).to.equal('QR code to add <img src=x> (<b>bob) to your authenticator app');
      expect(element.shadowRoot!.querySelector('img, b') === null).to.equal(true);
    });
  });

  describe('accessibility', () => {
    it('names the code by purpose and account', async () => {
      const svg = svgOf(await qrCode(B2C_URI))!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(svg.getAttribute('aria-label')).to.equal('QR code to add Contoso demo (emily@fabrikam.com) to your authenticator app');
    });

    it('uses the shorter names when the label lacks an issuer or account', async () => {
      expect(svgOf(await qrCode('otpauth://totp/bob@example.com?secret=JBSWY3DPEHPK3PXP'))!.getAttribute('aria-label')).to.equal(
        'QR code to add bob@example.com to your authenticator app',
      );
      expect(svgOf(await qrCode('otpauth://totp/?secret=JBSWY3DPEHPK3PXP'))!.getAttribute('aria-label')).to.equal(
        'QR code to add this account to your authenticator app',
      );
    });

    it('never puts the secret or the URI into an attribute other than the link', async () => {
      const element = await qrCode(B2C_URI, { 'deep-link': 'always' });
      const nodes = [element, ...element.shadowRoot!.querySelectorAll('*')];
      for (const node of nodes) {
        for (const attribute of node.attributes) {
          if (node.localName === 'a' && attribute.name === 'href') continue;
          expect(attribute.value.toLowerCase(), `${node.localName}[${attribute.name}]`).to.not.include('fay2lj7ynpntjgqa');
          expect(attribute.value, `${node.localName}[${attribute.name}]`).to.not.include('otpauth');
        }
      }
      expect(element.shadowRoot!.querySelector('[title], title') === null).to.equal(true);
    });

    it('passes axe with the code, the link and the error state', async () => {
      expect(await axeViolations(await qrCode(B2C_URI, { 'deep-link': 'always', step: '2' }))).to.deep.equal([]);
      expect(await axeViolations(await qrCode('javascript:alert(1)'))).to.deep.equal([]);
    });

    it('fails axe when the code has no name, which proves axe looks inside the shadow root', async () => {
      const element = await qrCode(B2C_URI, { strings: JSON.stringify({ name: '' }) });
      expect(await axeViolations(element)).to.include('svg-img-alt');
    });
  });
});
