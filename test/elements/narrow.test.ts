/**
 * Long labels on narrow phones: an account name, an app name, a link's host or
 * a server message without a single break opportunity wraps inside the
 * element, so neither its container nor the page scrolls sideways (security.md
 * B7: a 124-character account made a 360 px page scroll 1,331 px).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { TotpQrCodeElement } from '../../src/elements/qr-code/qr-code.js';
import type { TotpAppIconElement } from '../../src/elements/app-icon/app-icon.js';
import type { TotpCodeInputElement } from '../../src/elements/code-input/code-input.js';
import { setViewport } from '../helpers/commands.js';

/** 124 characters and not one place where a line may break. */
const ACCOUNT = `${'a'.repeat(112)}@example.com`;
const LONG_HOST = `${'b'.repeat(60)}.example`;
const SECRET = 'JBSWY3DPEHPK3PXP';

type Kit = HTMLElement & { updateComplete: Promise<boolean> };

const cases: [string, () => Kit][] = [
  [
    '<totp-authenticator-info> with a 124-character account and issuer',
    () => Object.assign(document.createElement('totp-authenticator-info'), { identifier: ACCOUNT, issuer: ACCOUNT, secret: SECRET.repeat(4), periodHint: true }),
  ],
  [
    '<totp-authenticator-info> with the account from the uri',
    () => Object.assign(document.createElement('totp-authenticator-info'), { uri: `otpauth://totp/${ACCOUNT}:${ACCOUNT}?secret=${SECRET}` }),
  ],
  [
    '<totp-qr-code> with a 124-character account',
    () => Object.assign(document.createElement('totp-qr-code') as TotpQrCodeElement, { value: `otpauth://totp/${ACCOUNT}:${ACCOUNT}?secret=${SECRET}`, deepLink: 'always' as const }),
  ],
  ['<totp-qr-code> in its error state', () => Object.assign(document.createElement('totp-qr-code') as TotpQrCodeElement, { value: ACCOUNT })],
  [
    '<totp-app-icon> with a 124-character app name and a long host',
    () =>
      Object.assign(document.createElement('totp-app-icon') as TotpAppIconElement, {
        app: 'any' as const,
        appName: ACCOUNT,
        platform: 'desktop' as const,
        appStoreHref: `https://${LONG_HOST}/app`,
        playStoreHref: 'https://play.google.com/store/apps/details?id=x',
      }),
  ],
  [
    // `spaced`: the six default boxes are 340 px wide by themselves (1.5rem digits), which is
    // the input's own width, not a label's; that one is reported separately.
    '<totp-code-input> with a 124-character label and server message',
    () => Object.assign(document.createElement('totp-code-input') as TotpCodeInputElement, { appearance: 'spaced' as const, error: ACCOUNT, strings: { label: ACCOUNT } }),
  ],
];

describe('long labels at 320 and 360 px', () => {
  const original = { width: innerWidth, height: innerHeight };
  after(() => setViewport(original));

  for (const width of [320, 360]) {
    describe(`${width} px`, () => {
      before(async () => {
        try {
          await setViewport({ width, height: 640 });
        } catch {
          // WebKitGTK's MiniBrowser keeps its window at least 447 px wide: there the
          // container alone is as narrow as the page of a phone would be.
        }
      });

      for (const [name, make] of cases) {
        it(`${name}: no sideways scrolling`, async () => {
          const container = await fixture<HTMLDivElement>(html`<div></div>`);
          // The content box of a phone's page that is `width` wide, with the body's 8 px margins.
          container.style.width = `${width - 16}px`;
          const element = make();
          container.append(element);
          await element.updateComplete;
          expect(innerWidth, 'the viewport').to.be.at.least(width);
          expect(container.scrollWidth, 'the container scrolls sideways').to.be.at.most(container.clientWidth);
          const root = document.documentElement;
          expect(root.scrollWidth, 'the page scrolls sideways').to.be.at.most(root.clientWidth);
          expect(element.getBoundingClientRect().height).to.be.above(0);
          expect(element.getBoundingClientRect().right, 'the element stays inside the page').to.be.at.most(root.clientWidth);
        });
      }
    });
  }
});
