/**
 * The secret never goes where it does not belong (security.md §1.11): not to the
 * console, storage, cookies, a title, the QR code's accessible name, or any URL
 * the page requests; and not into an attribute of the kit's nodes at all.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { TotpAuthenticatorInfoElement } from '../../src/elements/authenticator-info/authenticator-info.js';
import type { TotpQrCodeElement } from '../../src/elements/qr-code/qr-code.js';
import { NOT_RECORDED } from '../../src/core/replay.js';
import { bridgedPage, removePages, settle, ENROLL_VALUES } from '../helpers/b2c.js';
import { withClipboard } from '../helpers/navigator.js';

const SECRET = ENROLL_VALUES.secret!; // fay2lj7ynpntjgqa, as B2C issues it
/** The forms a leak could take: as issued, uppercased, grouped, and percent-encoded inside a URI. */
const FORMS = [SECRET, SECRET.toUpperCase(), 'FAY2 LJ7Y', encodeURIComponent(SECRET)];
const leaks = (text: string) => FORMS.some((form) => text.toLowerCase().includes(form.toLowerCase()));

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'table', 'dir'] as const;

/** Every node of the document, through open shadow roots. */
function allNodes(root: ParentNode = document): Element[] {
  return [...root.querySelectorAll('*')].flatMap((node) => [node, ...(node.shadowRoot ? allNodes(node.shadowRoot) : [])]);
}

/** Inside one of the kit's elements (light or shadow DOM), rather than B2C's own markup. */
function isKitNode(node: Element): boolean {
  for (let current: Node | null = node; current; current = (current as Element).parentNode ?? (current as ShadowRoot).host ?? null) {
    if (current instanceof Element && current.localName.startsWith('totp-')) return true;
  }
  return false;
}

describe('the secret stays where it belongs', () => {
  const logged: string[] = [];
  const original = new Map<string, (...args: unknown[]) => void>();
  const before = { local: '', session: '', cookie: '' };

  beforeEach(() => {
    before.local = JSON.stringify({ ...localStorage });
    before.session = JSON.stringify({ ...sessionStorage });
    before.cookie = document.cookie;
    logged.length = 0;
    for (const method of METHODS) {
      original.set(method, console[method] as (...args: unknown[]) => void);
      console[method] = (...args: unknown[]) => logged.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' '));
    }
  });

  afterEach(() => {
    for (const method of METHODS) (console as unknown as Record<string, unknown>)[method] = original.get(method);
    removePages();
  });

  /** Enrollment with the kit, then everything a user does with the secret. */
  async function enrollAndUse(): Promise<HTMLElement> {
    const { api } = await bridgedPage('totp-enroll');
    const info = api.querySelector<TotpAuthenticatorInfoElement>('totp-authenticator-info')!;
    info.open = true;
    await info.updateComplete;
    // Copy: once through a clipboard that takes it, once through one that refuses.
    await withClipboard({ writeText: () => Promise.resolve() }, () => info.copySecret());
    await withClipboard({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }, () => info.copySecret());
    info.secretHidden = true;
    await settle(api);
    return api;
  }

  it('is never logged', async () => {
    await enrollAndUse();
    expect(logged.filter(leaks)).to.deep.equal([]);
  });

  it('is never stored: localStorage, sessionStorage, cookies', async () => {
    await enrollAndUse();
    expect(leaks(JSON.stringify({ ...localStorage }))).to.equal(false);
    expect(leaks(JSON.stringify({ ...sessionStorage }))).to.equal(false);
    expect(leaks(document.cookie)).to.equal(false);
    expect(JSON.stringify({ ...localStorage })).to.equal(before.local);
    expect(JSON.stringify({ ...sessionStorage })).to.equal(before.session);
    expect(document.cookie).to.equal(before.cookie);
  });

  it('is in no URL the page requests', async () => {
    await enrollAndUse();
    const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(urls.length, 'the page did request things (modules, fixtures)').to.be.above(0);
    expect(urls.filter(leaks)).to.deep.equal([]);
  });

  it('is in no performance entry of any type, and in no error or rejection the page sees', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(`${event.message} ${event.error?.stack ?? ''}`);
    const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason?.stack ?? event.reason));
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    try {
      await enrollAndUse();
      removePages(); // one #api at a time, as on B2C
      // What an error tracker would pick up too: a value the kit warns about (issuer and label disagree), with the secret in it.
      const { api } = await bridgedPage('totp-enroll', { ...ENROLL_VALUES, uri: `otpauth://totp/Fabrikam:emily?secret=${SECRET}&issuer=Contoso` });
      await settle(api);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    }
    const entries = performance.getEntries().map((entry) => JSON.stringify(entry.toJSON()));
    expect(entries.length).to.be.above(0);
    expect(entries.filter(leaks)).to.deep.equal([]);
    expect(errors.filter(leaks)).to.deep.equal([]);
    expect(logged.length, 'the warning was logged').to.be.above(0);
    expect(logged.filter(leaks)).to.deep.equal([]);
  });

  it('is in no attribute of the kit, no title, and not the page title', async () => {
    const api = await enrollAndUse();
    for (const node of allNodes(api).filter(isKitNode)) {
      for (const { name, value } of node.attributes) {
        // The QR code's deep link is the one place the otpauth URI (and so the secret) belongs.
        if (node.localName === 'a' && name === 'href' && value.startsWith('otpauth:')) continue;
        expect(leaks(value), `${node.localName}[${name}]`).to.equal(false);
      }
    }
    expect(allNodes().filter((node) => isKitNode(node) && node.hasAttribute('title'))).to.have.length(0);
    expect(leaks(document.title)).to.equal(false);
  });

  it('is not in the QR code\'s accessible name', async () => {
    const { api } = await bridgedPage('totp-enroll');
    const name = api.querySelector('totp-qr-code')!.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')!;
    expect(name).to.include('emily@fabrikam.com');
    expect(leaks(name)).to.equal(false);
    expect(name).to.not.include('otpauth');
  });

  it('leaves the DOM while hidden, and is never in the status region', async () => {
    const api = await enrollAndUse();
    const info = api.querySelector<TotpAuthenticatorInfoElement>('totp-authenticator-info')!;
    expect(leaks(info.shadowRoot!.textContent!)).to.equal(false);
    expect(leaks(info.shadowRoot!.querySelector('[role="status"]')!.textContent!)).to.equal(false);
  });

  it('marks every node that holds the secret, the kit\'s and B2C\'s, for each session-replay tool, within its own tree', async () => {
    const api = await enrollAndUse();
    api.querySelector<TotpQrCodeElement>('totp-qr-code')!.deepLink = 'always';
    await settle(api);
    const holders = allNodes(api).filter((node) => [...node.attributes].some(({ value }) => leaks(value)) || [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && leaks(child.textContent!)));
    // The QR path holds the secret drawn, not written: found by its element.
    const drawn = allNodes(api).filter((node) => node.localName === 'path' && node.closest('svg')?.getAttribute('part') === 'image');
    expect(holders.length, 'the page does hold the secret').to.be.above(3);
    expect(drawn.length).to.equal(1);
    for (const node of [...holders, ...drawn]) {
      // Tools inherit a marker from ancestors in the node's own tree; whether one crosses a shadow boundary differs.
      for (const marker of NOT_RECORDED.split(' ')) {
        const [name, value] = marker.split('=');
        const selector = name.startsWith('.') ? name : value ? `[${name}="${value}"]` : `[${name}]`;
        expect(node.closest(selector), `${node.localName}#${node.id} ${marker}`).to.not.equal(null);
      }
    }
  });

  it("hides B2C's own copies, so that they leave the accessibility tree", async () => {
    const { api } = await bridgedPage('totp-enroll');
    // B2C puts the URI in a tooltip and the secret in an aria-label (src/b2c/CONTRACT.md, the QR code and info controls).
    const b2cCopies = allNodes(api).filter((node) => !isKitNode(node) && [...node.attributes].some(({ value }) => leaks(value)));
    expect(b2cCopies.length).to.be.above(0);
    for (const node of b2cCopies) {
      if (node.localName === 'a') continue; // B2C's otpauth link: hidden below
      expect(node.checkVisibility(), `${node.localName}#${node.id}`).to.equal(false);
    }
    expect(api.querySelector('.qrCodeControlContent a[href^="otpauth:"]')!.checkVisibility()).to.equal(false);
  });
});
