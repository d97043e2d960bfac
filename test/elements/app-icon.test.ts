import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/app-icon/app-icon.js';
import type { TotpAppIconElement } from '../../src/elements/app-icon/app-icon.js';
import { axeViolations } from '../helpers/axe.js';
import { withUserAgent } from '../helpers/navigator.js';
import { collectWarnings } from '../helpers/console.js';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const ANDROID = 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';
const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

const MS_APP_STORE = 'https://apps.apple.com/app/microsoft-authenticator/id983156458';
const MS_PLAY = 'https://play.google.com/store/apps/details?id=com.azure.authenticator';
const GOOGLE_APP_STORE = 'https://apps.apple.com/app/google-authenticator/id388497605';
const GOOGLE_PLAY = 'https://play.google.com/store/apps/details?id=com.google.android.apps.authenticator2';

async function appIcon(attributes: Record<string, string> = {}): Promise<TotpAppIconElement> {
  const element = document.createElement('totp-app-icon');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return fixture(element);
}

/** Each link as a reader meets it: its accessible name (text content) and where it goes. */
const links = (element: TotpAppIconElement) =>
  // The stores' names hold together with a no-break space (tested in rendering): compared here as spaces.
  [...element.shadowRoot!.querySelectorAll('a')].map((link) => [link.textContent!.replaceAll('\u00a0', ' '), link.getAttribute('href')]);
const noteOf = (element: TotpAppIconElement) => element.shadowRoot!.querySelector('[part="note"]')?.textContent ?? null;

describe('<totp-app-icon>', () => {
  describe('defaults', () => {
    it('offers Microsoft Authenticator on both stores on a desktop, with the note that any app works', async () => {
      const element = await appIcon();
      expect(element.app).to.equal('microsoft');
      expect(element.platform).to.equal('auto');
      expect(links(element)).to.deep.equal([
        ['Get Microsoft Authenticator on the App Store (opens in a new tab)', MS_APP_STORE],
        ['Get Microsoft Authenticator on Google Play (opens in a new tab)', MS_PLAY],
      ]);
      expect(noteOf(element)).to.equal('Any other authenticator app works too.');
    });

    it('makes real links that open a new tab without an opener or referrer', async () => {
      for (const link of (await appIcon()).shadowRoot!.querySelectorAll('a')) {
        expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
        expect(link.getAttribute('target')).to.equal('_blank');
        expect(link.tabIndex).to.equal(0);
      }
    });
  });

  describe('attributes', () => {
    it('offers Google Authenticator with app="google"', async () => {
      expect(links(await appIcon({ app: 'google' }))).to.deep.equal([
        ['Get Google Authenticator on the App Store (opens in a new tab)', GOOGLE_APP_STORE],
        ['Get Google Authenticator on Google Play (opens in a new tab)', GOOGLE_PLAY],
      ]);
    });

    it('offers any authenticator app, without store links, with app="any"', async () => {
      const element = await appIcon({ app: 'any' });
      expect(links(element)).to.deep.equal([]);
      expect(noteOf(element)).to.equal('Any authenticator app works.');
      const mobile = await appIcon({ app: 'any', platform: 'ios' });
      expect(noteOf(mobile), 'also on a phone').to.equal('Any authenticator app works.');
    });

    it("takes the page's app name and https links", async () => {
      const element = await appIcon({
        app: 'any',
        'app-name': 'Contoso Keys',
        'app-store-href': 'https://apps.apple.com/app/contoso-keys/id1',
        'play-store-href': 'https://play.google.com/store/apps/details?id=com.contoso.keys',
      });
      expect(links(element)).to.deep.equal([
        ['Get Contoso Keys on the App Store (opens in a new tab)', 'https://apps.apple.com/app/contoso-keys/id1'],
        ['Get Contoso Keys on Google Play (opens in a new tab)', 'https://play.google.com/store/apps/details?id=com.contoso.keys'],
      ]);
    });

    it('names the generic app when the page gives links but no name', async () => {
      const element = await appIcon({ app: 'any', 'play-store-href': 'https://play.google.com/store/apps/details?id=x', platform: 'android' });
      expect(links(element)).to.deep.equal([['Get an authenticator app on Google Play (opens in a new tab)', 'https://play.google.com/store/apps/details?id=x']]);
    });

    it('treats an unknown app as microsoft', async () => {
      expect(links(await appIcon({ app: 'authy' }))[0][1]).to.equal(MS_APP_STORE);
    });

    it('takes localised strings as JSON in the strings attribute', async () => {
      const element = await appIcon({
        strings: JSON.stringify({
          appStore: '{app} im App Store laden',
          googlePlay: '{app} bei Google Play laden',
          newTab: '(öffnet einen neuen Tab)',
          otherApps: 'Jede andere Authenticator-App geht auch.',
        }),
      });
      expect(links(element).map(([name]) => name)).to.deep.equal([
        'Microsoft Authenticator im App Store laden (öffnet einen neuen Tab)',
        'Microsoft Authenticator bei Google Play laden (öffnet einen neuen Tab)',
      ]);
      expect(noteOf(element)).to.equal('Jede andere Authenticator-App geht auch.');
      const generic = await appIcon({ app: 'any', strings: JSON.stringify({ anyApp: 'Jede Authenticator-App geht.' }) });
      expect(noteOf(generic)).to.equal('Jede Authenticator-App geht.');
    });
  });

  describe('platform', () => {
    it('chooses the App Store on iOS and Google Play on Android from the user agent', async () => {
      const iphone = await withUserAgent(IPHONE, () => appIcon());
      expect(links(iphone)).to.deep.equal([['Get Microsoft Authenticator on the App Store (opens in a new tab)', MS_APP_STORE]]);
      expect(noteOf(iphone)).to.equal(null);
      const android = await withUserAgent(ANDROID, () => appIcon({ app: 'google' }));
      expect(links(android)).to.deep.equal([['Get Google Authenticator on Google Play (opens in a new tab)', GOOGLE_PLAY]]);
      expect(noteOf(android)).to.equal(null);
      const windows = await withUserAgent(WINDOWS, () => appIcon());
      expect(links(windows)).to.have.length(2);
      expect(noteOf(windows)).to.equal('Any other authenticator app works too.');
    });

    it('takes the platform from the attribute over the user agent', async () => {
      expect(links(await withUserAgent(IPHONE, () => appIcon({ platform: 'android' })))).to.deep.equal([
        ['Get Microsoft Authenticator on Google Play (opens in a new tab)', MS_PLAY],
      ]);
      expect(links(await withUserAgent(ANDROID, () => appIcon({ platform: 'desktop' })))).to.have.length(2);
      expect(links(await appIcon({ platform: 'ios' })).map(([, href]) => href)).to.deep.equal([MS_APP_STORE]);
      expect(links(await withUserAgent(IPHONE, () => appIcon({ platform: 'bogus' }))), 'unknown means auto').to.have.length(1);
    });
  });

  describe('rendering', () => {
    it("never breaks a store's name across lines", async () => {
      const element = await fixture<TotpAppIconElement>(html`<totp-app-icon platform="desktop"></totp-app-icon>`);
      const [appStore, googlePlay] = element.shadowRoot!.querySelectorAll('a');
      expect(appStore.textContent).to.include('App\u00a0Store');
      expect(googlePlay.textContent).to.include('Google\u00a0Play');
    });

    it('heads its part of a set-up with the step, and has no heading without one', async () => {
      const element = await fixture<TotpAppIconElement>(html`<totp-app-icon step="1"></totp-app-icon>`);
      const heading = element.shadowRoot!.querySelector('h2')!;
      expect(heading.textContent).to.equal('1. Get an authenticator app');
      expect(heading.compareDocumentPosition(element.shadowRoot!.querySelector('a')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      element.strings = { heading: 'Installez une application' };
      await element.updateComplete;
      expect(heading.textContent).to.equal('1. Installez une application');
      const none = await fixture<TotpAppIconElement>(html`<totp-app-icon></totp-app-icon>`);
      expect(none.shadowRoot!.querySelector('h2') === null).to.equal(true);
    });

    it('writes the number plainly where the page has a lang that is no language tag', async () => {
      const container = await fixture(html`<div lang="not a tag!"><totp-app-icon step="1"></totp-app-icon></div>`);
      const element = container.querySelector('totp-app-icon')!;
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('h2')!.textContent).to.equal('1. Get an authenticator app');
    });

    it('draws a decorative icon of its own beside the text', async () => {
      for (const app of ['microsoft', 'google', 'any']) {
        const element = await appIcon({ app });
        const icon = element.shadowRoot!.querySelector('[part="icon"]')!;
        expect(icon.getAttribute('aria-hidden'), app).to.equal('true');
        const svg = icon.querySelector('svg')!;
        expect(svg.getBoundingClientRect().width, app).to.equal(48);
        expect(svg.querySelectorAll('circle, path').length, app).to.be.greaterThan(0);
      }
      const drawings = await Promise.all(['microsoft', 'google', 'any'].map(async (app) => (await appIcon({ app })).shadowRoot!.querySelector('svg')!.innerHTML));
      expect(new Set(drawings).size, 'one drawing per app').to.equal(3);
    });

    it("shows the page's image in the icon slot instead of the drawing", async () => {
      const element = await fixture<TotpAppIconElement>(
        html`<totp-app-icon><img slot="icon" alt="" width="10" height="10" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /></totp-app-icon>`,
      );
      const image = element.querySelector('img')!;
      expect(image.checkVisibility()).to.equal(true);
      expect(image.getBoundingClientRect().width).to.equal(48);
      expect(element.shadowRoot!.querySelector('svg')!.checkVisibility()).to.equal(false);
    });

    it('takes its size and colour from custom properties', async () => {
      const element = await appIcon();
      element.style.setProperty('--totp-app-icon-size', '20px');
      element.style.setProperty('--totp-app-icon-color', 'rgb(255, 0, 0)');
      const svg = element.shadowRoot!.querySelector('svg')!;
      expect(svg.getBoundingClientRect().width).to.equal(20);
      expect(getComputedStyle(svg).stroke).to.equal('rgb(255, 0, 0)');
    });

    it('puts the icon on the right of the links on a right-to-left page', async () => {
      const container = await fixture<HTMLDivElement>(html`<div dir="rtl"><totp-app-icon></totp-app-icon></div>`);
      const element = container.querySelector('totp-app-icon')!;
      const icon = element.shadowRoot!.querySelector('[part="icon"]')!.getBoundingClientRect();
      const link = element.shadowRoot!.querySelector('a')!.getBoundingClientRect();
      expect(icon.left).to.be.greaterThan(link.right);
      expect(Math.round(icon.right)).to.equal(Math.round(element.getBoundingClientRect().right));
    });
  });

  describe('bad input', () => {
    const unsafe: [string, string][] = [
      ['javascript:', 'javascript:alert(1)'],
      ['javascript: hidden by a tab and a space', ' java\tscript:alert(1)'],
      ['data:', 'data:text/html,<script>alert(1)</script>'],
      ['http:', 'http://apps.apple.com/app/id1'],
      ['a relative path', '/download'],
      ['not a URL', 'apps.apple.com'],
    ];
    for (const [name, value] of unsafe) {
      it(`drops ${name} and warns once, naming the attribute and not the value`, async () => {
        let element!: TotpAppIconElement;
        const warned = await collectWarnings(async () => {
          element = await appIcon({ app: 'any', 'app-store-href': value, 'play-store-href': value });
        });
        expect(element.shadowRoot!.querySelectorAll('a, [href]').length).to.equal(0);
        expect(warned).to.have.length(2);
        expect(warned[0]).to.include('app-store-href');
        expect(warned[1]).to.include('play-store-href');
        for (const line of warned) expect(line).to.not.include(value.trim().slice(0, 8));
      });
    }

    it('refuses a link with a user name or password, and warns without the value', async () => {
      // https://apps.apple.com@evil.example/ goes to evil.example: apps.apple.com is only its user name.
      for (const value of [
        'https://apps.apple.com@evil.example/app/id1',
        'https://user:pass@apps.apple.com/app/id1',
        'https://user@play.google.com/store/apps/details?id=x',
        'https://:secret@apps.apple.com/app/id1',
      ]) {
        let element!: TotpAppIconElement;
        const warned = await collectWarnings(async () => {
          element = await appIcon({ app: 'any', 'app-store-href': value, 'play-store-href': value });
        });
        expect(element.shadowRoot!.querySelectorAll('a, [href]').length, value).to.equal(0);
        expect(warned, value).to.have.length(2);
        for (const line of warned) {
          for (const piece of ['evil', 'user', 'pass', 'secret', 'apple', 'google']) expect(line, value).to.not.include(piece);
        }
      }
    });

    it("names the host a page's link leads to where it is not the store's", async () => {
      const lookAlike = 'https://\u0430pps.apple.com/app/id1'; // a Cyrillic а
      const cases: [string, string, string][] = [
        ['app-store-href', 'https://evil.example/app/id1', 'evil.example'],
        ['app-store-href', lookAlike, new URL(lookAlike).host],
        ['app-store-href', 'https://apps.apple.com.evil.example/app/id1', 'apps.apple.com.evil.example'],
        ['app-store-href', 'https://apps.apple.com:8443/app/id1', 'apps.apple.com:8443'],
        ['play-store-href', 'https://apps.apple.com/app/id1', 'apps.apple.com'],
      ];
      for (const [attribute, href, host] of cases) {
        const element = await appIcon({ app: 'any', platform: attribute === 'app-store-href' ? 'ios' : 'android', [attribute]: href });
        const store = attribute === 'app-store-href' ? 'the App Store' : 'Google Play';
        expect(links(element), href).to.deep.equal([[`Get an authenticator app on ${store} (${host}) (opens in a new tab)`, new URL(href).href]]);
      }
      // The look-alike shows as the URL parser's ASCII form, which no Latin a can imitate.
      expect(new URL(lookAlike).host).to.match(/^xn--/);
    });

    it("names no host for the stores' own sites, in any case", async () => {
      const element = await appIcon({
        app: 'any',
        'app-store-href': 'HTTPS://APPS.APPLE.COM/app/id1',
        'play-store-href': 'https://play.google.com/store/apps/details?id=x',
      });
      expect(links(element).map(([name]) => name)).to.deep.equal([
        'Get an authenticator app on the App Store (opens in a new tab)',
        'Get an authenticator app on Google Play (opens in a new tab)',
      ]);
    });

    it('takes the words around the host from strings', async () => {
      const element = await appIcon({ app: 'any', platform: 'ios', 'app-store-href': 'https://evil.example/', strings: JSON.stringify({ host: '– vers {host}' }) });
      expect(links(element)[0][0]).to.equal('Get an authenticator app on the App Store – vers evil.example (opens in a new tab)');
    });

    it('keeps the built-in link when a page link is refused', async () => {
      let element!: TotpAppIconElement;
      await collectWarnings(async () => {
        element = await appIcon({ 'app-store-href': 'javascript:alert(1)', 'play-store-href': 'http://example.com/' });
      });
      expect(links(element).map(([, href]) => href)).to.deep.equal([MS_APP_STORE, MS_PLAY]);
    });

    it('drops a link set as a property too, and takes a good one after a bad one', async () => {
      const element = await appIcon({ app: 'any', platform: 'ios' });
      const warned = await collectWarnings(async () => {
        element.appStoreHref = 'javascript:alert(1)';
        await element.updateComplete;
      });
      expect(warned).to.have.length(1);
      expect(links(element)).to.deep.equal([]);
      element.appStoreHref = 'https://apps.apple.com/app/id2';
      await element.updateComplete;
      expect(links(element).map(([, href]) => href)).to.deep.equal(['https://apps.apple.com/app/id2']);
    });

    it('renders HTML in the app name as text', async () => {
      const element = await appIcon({ 'app-name': '<img src=x onerror="window.pwned=1">', platform: 'ios' });
      expect(element.shadowRoot!.querySelectorAll('img, [onerror]').length).to.equal(0);
      expect(links(element)[0][0]).to.equal('Get <img src=x onerror="window.pwned=1"> on the App Store (opens in a new tab)');
    });

    it('uses the built-in name for an empty app-name and never prints undefined', async () => {
      const element = await appIcon({ 'app-name': '  ' });
      expect(links(element)[0][0]).to.equal('Get Microsoft Authenticator on the App Store (opens in a new tab)');
      const unset = document.createElement('totp-app-icon');
      Object.assign(unset, { appName: undefined, appStoreHref: undefined, playStoreHref: null, strings: {} });
      await fixture(unset);
      expect(unset.shadowRoot!.textContent).to.not.match(/undefined|null/);
      expect(links(unset)).to.have.length(2);
    });
  });

  describe('accessibility', () => {
    it('passes axe for every app and platform', async () => {
      for (const app of ['microsoft', 'google', 'any']) {
        for (const platform of ['ios', 'android', 'desktop']) {
          expect(await axeViolations(await appIcon({ app, platform })), `${app} on ${platform}`).to.deep.equal([]);
        }
      }
    });

    it("passes axe with the page's image and on a right-to-left page", async () => {
      const element = await fixture<TotpAppIconElement>(
        html`<totp-app-icon><img slot="icon" alt="" width="10" height="10" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /></totp-app-icon>`,
      );
      expect(await axeViolations(element)).to.deep.equal([]);
      const container = await fixture(html`<div dir="rtl" lang="he"><totp-app-icon app="google"></totp-app-icon></div>`);
      expect(await axeViolations(container)).to.deep.equal([]);
    });

    it('fails axe when a link has no name, which proves axe looks inside the shadow root', async () => {
      const element = await appIcon({ platform: 'ios', strings: JSON.stringify({ appStore: '', newTab: '' }) });
      expect(await axeViolations(element)).to.include('link-name');
    });
  });
});
