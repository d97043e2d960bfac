/**
 * Texts from the page (the `strings` property or attribute, the bridge's B2C
 * texts) are data of unknown shape: only own string values of known keys may
 * replace the English defaults. A number, an object or null must never make a
 * render throw or print "[object Object]", and a page whose Object.prototype
 * was polluted (`Object.prototype.qrCode = …`, `Object.prototype.link = …`)
 * must render exactly what a clean page renders.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../src/index.js';
import { qrCodeStrings } from '../../src/elements/qr-code/qr-code.js';
import { authenticatorInfoStrings } from '../../src/elements/authenticator-info/authenticator-info.js';
import { appIconStrings } from '../../src/elements/app-icon/app-icon.js';
import { codeInputStrings, type TotpCodeInputElement } from '../../src/elements/code-input/code-input.js';

const B2C_URI = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';

type Kit = HTMLElement & { strings: unknown; updateComplete: Promise<boolean> };

interface Case {
  readonly tag: string;
  readonly defaults: object;
  readonly properties: Record<string, unknown>;
}

const cases: Case[] = [
  { tag: 'totp-qr-code', defaults: qrCodeStrings, properties: { value: B2C_URI, deepLink: 'always' } },
  { tag: 'totp-qr-code', defaults: qrCodeStrings, properties: { value: 'otpauth://totp/Acme:bob?issuer=Acme' } },
  {
    tag: 'totp-authenticator-info',
    defaults: authenticatorInfoStrings,
    properties: { uri: B2C_URI, periodHint: true, collapsible: true, open: true },
  },
  { tag: 'totp-authenticator-info', defaults: authenticatorInfoStrings, properties: { secret: 'ab$c', collapsible: true } },
  { tag: 'totp-app-icon', defaults: appIconStrings, properties: { platform: 'desktop' } },
  { tag: 'totp-app-icon', defaults: appIconStrings, properties: { platform: 'desktop', app: 'any' } },
  { tag: 'totp-code-input', defaults: codeInputStrings, properties: {} },
];

/** Everything a reader meets: text (through the shadow root), accessible names, and the input's validation message. */
function rendered(element: Kit): string {
  const root = element.shadowRoot ?? element;
  const names = [...root.querySelectorAll('[aria-label]')].map((node) => node.getAttribute('aria-label'));
  const input = (element as unknown as TotpCodeInputElement).input;
  return JSON.stringify([root.textContent, names, input?.validationMessage ?? '']);
}

async function render({ tag, properties }: Case, strings?: unknown, attribute?: string): Promise<Kit> {
  const element = document.createElement(tag) as Kit;
  Object.assign(element, properties);
  if (strings !== undefined) element.strings = strings;
  if (attribute !== undefined) element.setAttribute('strings', attribute);
  return fixture<Kit>(element);
}

/** Runs `body` with `Object.prototype[key] = value` for each entry (enumerable, as assignment makes it). */
async function polluted<T>(entries: Record<string, unknown>, body: () => Promise<T>): Promise<T> {
  for (const [key, value] of Object.entries(entries)) {
    Object.defineProperty(Object.prototype, key, { value, enumerable: true, writable: true, configurable: true });
  }
  try {
    return await body();
  } finally {
    for (const key of Object.keys(entries)) delete (Object.prototype as Record<string, unknown>)[key];
  }
}

describe('page texts of the wrong shape', () => {
  for (const entry of cases) {
    const label = `<${entry.tag}> ${JSON.stringify(entry.properties)}`;
    const keys = Object.keys(entry.defaults);

    describe(label, () => {
      it('ignores texts that are not strings, key by key, and renders the defaults', async () => {
        const expected = rendered(await render(entry));
        for (const value of [5, null, true, {}, { toString: () => 'x' }, ['x']]) {
          const strings = Object.fromEntries(keys.map((key) => [key, value]));
          const element = await render(entry, strings);
          expect(rendered(element), JSON.stringify(value)).to.equal(expected);
        }
      });

      it('ignores strings that are not an object, as a property or as JSON in the attribute', async () => {
        const expected = rendered(await render(entry));
        for (const strings of [null, 42, 'name', ['x']]) expect(rendered(await render(entry, strings)), String(strings)).to.equal(expected);
        for (const json of ['5', 'null', '"text"', '[1]', 'not json', JSON.stringify(Object.fromEntries(keys.map((key) => [key, 7])))]) {
          expect(rendered(await render(entry, undefined, json)), json).to.equal(expected);
        }
      });

      it('takes a good text next to a bad one', async () => {
        const [first, second] = keys;
        const element = await render(entry, { [first]: 'FIRST {issuer}', [second]: 42 });
        const defaultsOnly = await render(entry, { [first]: 'FIRST {issuer}' });
        expect(rendered(element)).to.equal(rendered(defaultsOnly));
      });

      it('fills placeholders from its own values only, never from the prototype chain', async () => {
        const strings = Object.fromEntries(keys.map((key) => [key, `T {constructor}{toString}{evil}`]));
        const [clean, dirty] = [rendered(await render(entry, strings)), await polluted({ evil: 'EVIL' }, async () => rendered(await render(entry, strings)))];
        expect(dirty).to.equal(clean);
        expect(clean).to.not.match(/native code|EVIL|function/);
      });

      it('renders the same on a page whose Object.prototype holds texts', async () => {
        const expected = rendered(await render(entry));
        const pollution = Object.fromEntries(
          [...keys, 'qrCode', 'authenticatorInfo', 'appIcon', 'codeInput'].map((key) => [key, key.endsWith('Code') ? { [keys[0]]: 'EVIL' } : 'EVIL']),
        );
        const dirty = await polluted(pollution, async () => rendered(await render(entry)));
        expect(dirty).to.equal(expected);
      });
    });
  }
});
