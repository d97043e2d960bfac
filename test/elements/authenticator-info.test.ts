import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/authenticator-info/authenticator-info.js';
import type { TotpAuthenticatorInfoElement, TotpCopyEvent } from '../../src/elements/authenticator-info/authenticator-info.js';
import { axeViolations } from '../helpers/axe.js';
import { withUserAgent, withClipboard } from '../helpers/navigator.js';
import { pressWithControl, sendKeys } from '../helpers/commands.js';
import { collectWarnings } from '../helpers/console.js';

const B2C_URI = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';
const SECRET = 'fay2lj7ynpntjgqa'; // as B2C issues it: lowercase, ungrouped
const RAW = 'FAY2LJ7YNPNTJGQA';
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';

async function info(properties: Record<string, unknown> = {}, attributes: Record<string, string> = {}) {
  const element = document.createElement('totp-authenticator-info');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  Object.assign(element, properties);
  return fixture<TotpAuthenticatorInfoElement>(element);
}

const root = (element: TotpAuthenticatorInfoElement) => element.shadowRoot!;
const part = (element: TotpAuthenticatorInfoElement, name: string) => root(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const statusOf = (element: TotpAuthenticatorInfoElement) => root(element).querySelector('[role="status"]')!;
const notes = (element: TotpAuthenticatorInfoElement) => [...root(element).querySelectorAll('[part="note"]')].map((note) => note.textContent);
/** Every dt's text with its dd's text: the rows as a reader meets them. */
const rows = (element: TotpAuthenticatorInfoElement) =>
  Object.fromEntries([...root(element).querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]));

/** The button whose accessible name (its text) is `name`. */
function button(element: TotpAuthenticatorInfoElement, name: string): HTMLButtonElement {
  const found = [...root(element).querySelectorAll('button')].find((candidate) => candidate.textContent!.trim() === name);
  if (!found) throw new Error(`no button named "${name}"`);
  return found;
}

/** A real click, with the user activation the Clipboard API asks for. */
async function click(target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Clicks the copy button for real and waits for the attempt to end. */
async function clickCopy(element: TotpAuthenticatorInfoElement): Promise<TotpCopyEvent> {
  const event = oneEvent(element, 'totp-copy') as Promise<TotpCopyEvent>;
  await click(button(element, 'Copy key'));
  return event;
}

/** Puts `value` on the real clipboard the way a user would: select it and press Ctrl+C. */
async function seedClipboard(value: string): Promise<void> {
  const area = document.createElement('textarea');
  area.value = value;
  document.body.append(area);
  area.select();
  await pressWithControl('c');
  area.remove();
}

/** What the real clipboard holds, read the way a user would: Ctrl+V into a field. */
async function pasted(): Promise<string> {
  const area = document.createElement('textarea');
  document.body.append(area);
  area.focus();
  await pressWithControl('v');
  area.remove();
  return area.value;
}

/** Fails if any attribute of the host or of any node in its shadow root holds the secret, in any case. */
function expectSecretInNoAttribute(element: TotpAuthenticatorInfoElement, secret = SECRET): void {
  for (const node of [element, ...root(element).querySelectorAll('*')]) {
    for (const attribute of node.attributes) {
      expect(attribute.value.toLowerCase(), `${node.localName}[${attribute.name}]`).to.not.include(secret.toLowerCase());
    }
  }
}

/** The visible characters under `root` in the order the eye meets them, left to right on one line. */
function readLeftToRight(root: Element): string {
  const seen: { left: number; char: string }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!;
    for (let i = 0; i < text.length; ) {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + char.length);
      const box = range.getBoundingClientRect();
      if (box.width > 0) seen.push({ left: box.left, char });
      i += char.length;
    }
  }
  return seen.sort((a, b) => a.left - b.left).map(({ char }) => char).join('');
}

describe('<totp-authenticator-info>', () => {
  afterEach(() => getSelection()?.removeAllRanges());

  describe('defaults', () => {
    it('shows every detail at once, with the secret visible, and is not collapsible', async () => {
      const element = await info({ identifier: 'emily@fabrikam.com', secret: SECRET });
      expect(element.collapsible).to.equal(false);
      expect(element.open).to.equal(false);
      expect(element.secretHidden).to.equal(false);
      expect(element.periodHint).to.equal(false);
      expect(element.countdown).to.equal(false);
      expect(part(element, 'disclosure')?.localName).to.equal(undefined);
      expect(rows(element)).to.deep.equal({
        'Account name': 'emily@fabrikam.com',
        'Secret key': `${RAW}F A Y 2, L J 7 Y, N P N T, J G Q A`,
        Settings: 'Time-based, 6 digits, every 30 seconds, SHA-1',
      });
      expect(part(element, 'period')?.localName).to.equal(undefined);
      expect(notes(element)).to.deep.equal([]);
    });

    it('has an empty status region from the first render, collapsed or not', async () => {
      for (const collapsible of [false, true]) {
        const element = await info({ identifier: 'bob', secret: SECRET, collapsible });
        expect(statusOf(element).textContent, `collapsible: ${collapsible}`).to.equal('');
        expect(statusOf(element).checkVisibility(), 'visually hidden, not display:none').to.equal(true);
      }
    });
  });

  describe('attributes', () => {
    it('reads identifier, secret and issuer from attributes', async () => {
      const element = await fixture<TotpAuthenticatorInfoElement>(
        html`<totp-authenticator-info identifier="bob@example.com" secret="JBSWY3DPEHPK3PXP" issuer="Acme"></totp-authenticator-info>`,
      );
      expect(rows(element)).to.deep.include({ Service: 'Acme', 'Account name': 'bob@example.com' });
      expect(part(element, 'secret')!.querySelector('.groups')!.textContent).to.equal('JBSWY3DPEHPK3PXP');
    });

    it('derives issuer, account, secret and settings from uri', async () => {
      const element = await info({}, { uri: B2C_URI });
      expect(rows(element)).to.deep.include({
        Service: 'Contoso demo',
        'Account name': 'emily@fabrikam.com',
        Settings: 'Time-based, 6 digits, every 30 seconds, SHA-1',
      });
      expect(part(element, 'secret')!.querySelector('.groups')!.textContent).to.equal(RAW);
    });

    it('lets the issuer attribute win over the URI', async () => {
      const element = await info({}, { uri: B2C_URI, issuer: 'Fabrikam' });
      expect(rows(element)).to.deep.include({ Service: 'Fabrikam', 'Account name': 'emily@fabrikam.com' });
      expect(element.problem).to.equal(undefined);
    });

    it('shows the claims when they agree with the URI, however they are spelled', async () => {
      const warnings = await collectWarnings(async () => {
        const element = await info({ uri: B2C_URI, identifier: ' emily@fabrikam.com ', secret: 'FAY2 LJ7Y NPNT JGQA' });
        expect(element.problem).to.equal(undefined);
        expect(part(element, 'secret')!.querySelector('.groups')!.textContent).to.equal(RAW);
      });
      expect(warnings).to.deep.equal([]);
    });

    it("shows the URI's secret when the secret claim differs, warns without the secret and says so in problem", async () => {
      let element!: TotpAuthenticatorInfoElement;
      const warnings = await collectWarnings(async () => {
        element = await info({ uri: B2C_URI, identifier: 'emily@fabrikam.com', secret: 'JBSWY3DPEHPK3PXP' });
      });
      // The QR code beside it carries the URI: scanning and typing must enroll one and the same key.
      expect(part(element, 'secret')!.querySelector('.groups')!.textContent).to.equal(RAW);
      expect(element.problem).to.equal('secret-mismatch');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<totp-authenticator-info>: .*secret/);
      for (const form of ['JBSW', 'jbsw', 'FAY2', 'fay2']) expect(warnings[0]).to.not.include(form);
      expectSecretInNoAttribute(element, 'JBSWY3DPEHPK3PXP');
      let copied = '';
      await withClipboard({ writeText: (value: string) => ((copied = value), Promise.resolve()) }, () => element.copySecret());
      expect(copied).to.equal(RAW);
    });

    it("shows the URI's account when the identifier claim differs, and says so", async () => {
      let element!: TotpAuthenticatorInfoElement;
      const warnings = await collectWarnings(async () => {
        element = await info({ uri: B2C_URI, identifier: 'other@example.com', secret: SECRET });
      });
      expect(rows(element)['Account name']).to.equal('emily@fabrikam.com');
      expect(element.problem).to.equal('identifier-mismatch');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<totp-authenticator-info>: .*identifier/);
      for (const value of ['other', 'emily', 'fabrikam']) expect(warnings[0]).to.not.include(value);
    });

    it('takes the claims when the URI is missing or unusable, and clears problem once they agree', async () => {
      for (const uri of ['', 'javascript:alert(1)', 'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&digits=5']) {
        const element = await info({ uri, identifier: 'bob', secret: 'ovq4wt2oe2ywptos' });
        expect(rows(element)['Account name'], uri).to.equal('bob');
        expect(part(element, 'secret')!.querySelector('.groups')!.textContent, uri).to.equal('OVQ4WT2OE2YWPTOS');
        expect(element.problem, uri).to.equal(undefined);
      }
      let element!: TotpAuthenticatorInfoElement;
      await collectWarnings(async () => {
        element = await info({ uri: B2C_URI, identifier: 'bob', secret: SECRET });
      });
      expect(element.problem).to.equal('identifier-mismatch');
      element.identifier = 'emily@fabrikam.com';
      await element.updateComplete;
      expect(element.problem).to.equal(undefined);
      expect(element.hasAttribute('problem')).to.equal(false);
    });

    it('puts non-default settings into plain words', async () => {
      const element = await info({ uri: 'otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&digits=8&period=60&algorithm=sha256' });
      expect(rows(element).Settings).to.equal('Time-based, 8 digits, every 60 seconds, SHA-256');
      element.uri = 'otpauth://hotp/Acme:bob?secret=JBSWY3DPEHPK3PXP&counter=3&algorithm=SHA512';
      element.periodHint = true;
      await element.updateComplete;
      expect(rows(element).Settings).to.equal('Counter-based, 6 digits, SHA-512');
      expect(part(element, 'period')?.localName, 'HOTP codes do not change with time').to.equal(undefined);
    });

    it('starts hidden with secret-hidden and reflects the toggle', async () => {
      const element = await info({ identifier: 'bob' }, { secret: 'JBSWY3DPEHPK3PXP', 'secret-hidden': '' });
      expect(element.secretHidden).to.equal(true);
      expect(part(element, 'secret')!.textContent).to.equal('Hidden');
      button(element, 'Show key').click();
      await element.updateComplete;
      expect(element.hasAttribute('secret-hidden')).to.equal(false);
      expect(part(element, 'secret')!.querySelector('.groups')!.textContent).to.equal('JBSWY3DPEHPK3PXP');
    });

    it('takes localised strings as JSON in the strings attribute', async () => {
      const element = await info(
        { identifier: 'bob', secret: SECRET },
        {
          'period-hint': '',
          strings: JSON.stringify({
            account: 'Kontoname',
            secret: 'Geheimer Schlüssel',
            settings: 'Einstellungen',
            totp: 'Zeitbasiert, {digits} Ziffern, alle {period} Sekunden, {algorithm}',
            copy: 'Schlüssel kopieren',
            hide: 'Schlüssel verbergen',
            period: 'Codes wechseln etwa alle {period} Sekunden',
          }),
        },
      );
      expect(rows(element)).to.deep.include({ Kontoname: 'bob', Einstellungen: 'Zeitbasiert, 6 Ziffern, alle 30 Sekunden, SHA-1' });
      expect(rows(element)).to.have.property('Geheimer Schlüssel');
      button(element, 'Schlüssel kopieren'); // throws when no button has that name
      button(element, 'Schlüssel verbergen');
      expect(part(element, 'period')!.textContent).to.equal('Codes wechseln etwa alle 30 Sekunden');
    });
  });

  describe('rendering', () => {
    it('shows the secret uppercase in a monospace face, in groups of four made by spacing alone', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET });
      const groups = [...part(element, 'secret')!.querySelectorAll('.groups > span')];
      expect(groups.map((group) => group.textContent)).to.deep.equal(['FAY2', 'LJ7Y', 'NPNT', 'JGQA']);
      expect(part(element, 'secret')!.querySelector('.groups')!.textContent, 'no space characters').to.equal(RAW);
      expect(getComputedStyle(part(element, 'secret')!).fontFamily).to.match(/monospace/);
      const [first, second] = groups.map((group) => group.getBoundingClientRect());
      expect(second.left - first.right, 'visible gap between groups').to.be.greaterThan(4);
    });

    it('yields the raw value when the visible secret is selected and copied', async () => {
      const element = await info({ identifier: 'bob', secret: 'jbsw y3dp ehpk 3pxp' });
      await seedClipboard('sentinel');
      getSelection()!.selectAllChildren(part(element, 'secret')!.querySelector('.groups')!);
      expect(getSelection()!.toString()).to.equal('JBSWY3DPEHPK3PXP');
      await pressWithControl('c');
      expect(await pasted()).to.equal('JBSWY3DPEHPK3PXP');
    });

    it('gives screen readers the secret character by character in its groups, and hides the visual groups', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET });
      const secret = part(element, 'secret')!;
      expect(secret.querySelector('.groups')!.getAttribute('aria-hidden')).to.equal('true');
      expect(secret.querySelector('.sr')!.textContent).to.equal('F A Y 2, L J 7 Y, N P N T, J G Q A');
    });

    it('wraps a long secret between groups instead of overflowing a narrow column', async () => {
      const element = await info({ identifier: 'bob', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
      element.style.width = '10rem';
      const secret = part(element, 'secret')!;
      expect(secret.scrollWidth).to.be.at.most(secret.clientWidth);
      const tops = new Set([...secret.querySelectorAll('.groups > span')].map((group) => Math.round(group.getBoundingClientRect().top)));
      expect(tops.size).to.be.greaterThan(1);
    });

    it('keeps the secret left to right and isolates names on a right-to-left page', async () => {
      const container = await fixture<HTMLDivElement>(
        html`<div dir="rtl"><totp-authenticator-info identifier="مستخدم@example.com" issuer="شركة" secret=${SECRET}></totp-authenticator-info></div>`,
      );
      const element = container.querySelector('totp-authenticator-info')!;
      const [first, second] = [...part(element, 'secret')!.querySelectorAll('.groups > span')].map((group) => group.getBoundingClientRect());
      expect(first.left).to.be.lessThan(second.left);
      expect(part(element, 'secret')!.getAttribute('dir')).to.equal('ltr');
      expect(part(element, 'account')!.firstElementChild!.localName).to.equal('bdi');
      // the row starts at the right edge, as the page's text does
      const dt = root(element).querySelector('dt')!.getBoundingClientRect();
      expect(Math.round(dt.right)).to.equal(Math.round(element.getBoundingClientRect().right));
    });

    it('shows the period hint, labelled approximate, with no live region', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET }, { 'period-hint': '' });
      expect(part(element, 'period')!.textContent).to.equal('Codes change about every 30 seconds');
      expect(part(element, 'countdown')?.localName).to.equal(undefined);
      expect(part(element, 'period')!.closest('[aria-live], [role="status"], [role="timer"]')?.localName).to.equal(undefined);
    });

    it('draws a decorative countdown ring in phase with the clock, set through the CSSOM', async () => {
      const element = await info({ uri: 'otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&period=60' }, { countdown: '' });
      const ring = part(element, 'countdown')!;
      expect(ring.getAttribute('aria-hidden')).to.equal('true');
      expect(part(element, 'period')!.textContent).to.equal('Codes change about every 60 seconds');
      const circle = ring.querySelector('circle')!;
      const style = getComputedStyle(circle);
      expect(style.animationDuration).to.equal('60s');
      const delay = Number.parseFloat(style.animationDelay);
      const expected = -((Date.now() / 1000) % 60);
      expect(delay).to.be.within(-60, 0);
      const off = Math.abs(delay - expected);
      expect(Math.min(off, 60 - off), 'seconds out of phase').to.be.below(1);
      expect(ring.checkVisibility()).to.equal(true);
    });

    it('hides the countdown ring for users who ask for reduced motion', async function () {
      try {
        await emulateMedia({ reducedMotion: 'reduce' });
      } catch {
        // Media emulation needs CDP: Chromium only. Firefox (puppeteer over BiDi) has no
        // such command, nor has WebDriver classic (WebKit): WebKitGTK follows GTK's
        // gtk-enable-animations setting, which no WebDriver command changes.
        this.skip();
      }
      try {
        const element = await info({ identifier: 'bob', secret: SECRET }, { countdown: '' });
        expect(part(element, 'countdown')!.checkVisibility()).to.equal(false);
        expect(part(element, 'period')!.textContent).to.equal('Codes change about every 30 seconds');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });

  describe('copy', () => {
    it('copies the raw secret on a click and announces it', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET });
      await seedClipboard('sentinel');
      const event = oneEvent(element, 'totp-copy') as Promise<TotpCopyEvent>;
      await click(button(element, 'Copy key'));
      expect((await event).ok).to.equal(true);
      expect(await pasted()).to.equal(RAW);
      expect(statusOf(element).textContent).to.equal('Key copied');
      expect(part(element, 'message')!.textContent).to.equal('Key copied');
      expect(part(element, 'message')!.getAttribute('aria-hidden'), 'announced once, by the status region').to.equal('true');
    });

    it('sends no secret in the event', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET });
      const event = oneEvent(element, 'totp-copy') as Promise<TotpCopyEvent>;
      await click(button(element, 'Copy key'));
      const fired = await event;
      expect(fired.bubbles && fired.composed).to.equal(true);
      for (const name in fired) {
        const value = (fired as unknown as Record<string, unknown>)[name];
        if (typeof value === 'string') expect(value.toLowerCase(), name).to.not.include(SECRET);
      }
    });

    it('copies a secret that is not Base32 exactly as given', async () => {
      const given = 'ab$c d189';
      const element = await info({ identifier: 'bob', secret: given });
      await seedClipboard('sentinel');
      await clickCopy(element);
      expect(await pasted()).to.equal(given);
    });

    it('copies while the secret is hidden, without showing it', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET, secretHidden: true });
      await seedClipboard('sentinel');
      await clickCopy(element);
      expect(await pasted()).to.equal(RAW);
      expect(element.secretHidden).to.equal(true);
      expect(root(element).textContent).to.not.include(RAW);
    });

    it('selects the secret and says to press Ctrl+C where the Clipboard API is missing', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET });
      await seedClipboard('sentinel');
      const event = oneEvent(element, 'totp-copy') as Promise<TotpCopyEvent>;
      const ok = await withClipboard(undefined, () => element.copySecret());
      expect(ok).to.equal(false);
      expect((await event).ok).to.equal(false);
      expect(statusOf(element).textContent).to.equal('Press Ctrl+C to copy');
      expect(getSelection()!.toString()).to.equal(RAW);
      // what the user does next: the element's own selection is what Ctrl+C copies
      await pressWithControl('c');
      expect(await pasted()).to.equal(RAW);
    });

    it('falls back the same way when writeText rejects, and never says copied', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET });
      let written = '';
      const refusing = {
        writeText: (value: string) => {
          written = value;
          return Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
        },
      };
      const event = oneEvent(element, 'totp-copy') as Promise<TotpCopyEvent>;
      await withClipboard(refusing, async () => {
        await click(button(element, 'Copy key'));
        expect((await event).ok).to.equal(false);
      });
      expect(written).to.equal(RAW);
      expect(statusOf(element).textContent).to.equal('Press Ctrl+C to copy');
      expect(root(element).textContent).to.not.include('Key copied');
      expect(getSelection()!.toString()).to.equal(RAW);
    });

    it('shows a hidden secret so that it can be selected when the clipboard refuses', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET, secretHidden: true, collapsible: true });
      expect(await withClipboard(undefined, () => element.copySecret())).to.equal(false);
      expect(element.secretHidden).to.equal(false);
      expect(element.open).to.equal(true);
      expect(getSelection()!.toString()).to.equal(RAW);
    });

    it('says ⌘C on Apple devices', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET });
      await withUserAgent(MAC, () => withClipboard(undefined, () => element.copySecret()));
      expect(statusOf(element).textContent).to.equal('Press ⌘C to copy');
    });

    it('announces every attempt through the same persistent status node', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET, collapsible: true, open: true });
      const status = statusOf(element);
      const texts: string[] = [];
      for (let i = 0; i < 3; i++) {
        await clickCopy(element);
        await element.updateComplete;
        texts.push(status.textContent!);
      }
      expect(texts.map((text) => text.trim())).to.deep.equal(['Key copied', 'Key copied', 'Key copied']);
      expect(new Set(texts).size, 'a repeated message still changes, so it is announced again').to.equal(2);
      element.secretHidden = true;
      element.open = false;
      await element.updateComplete;
      expect(statusOf(element) === status, 'the same node').to.equal(true);
      expect(status.textContent).to.not.include(RAW);
    });
  });

  describe('in a form', () => {
    it("never submits B2C's form, whichever button is pressed", async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><totp-authenticator-info collapsible identifier="bob" secret=${SECRET}></totp-authenticator-info></form>`,
      );
      let submitted = 0;
      form.addEventListener('submit', (event) => {
        submitted++;
        event.preventDefault();
      });
      const element = form.querySelector('totp-authenticator-info')!;
      await click(button(element, "Can't scan the code? Enter the details manually"));
      await element.updateComplete;
      await clickCopy(element);
      await click(button(element, 'Hide key'));
      button(element, 'Show key').focus();
      await sendKeys({ press: 'Enter' });
      expect(submitted).to.equal(0);
      expect(element.open && !element.secretHidden).to.equal(true);
    });
  });

  describe('keyboard', () => {
    it('opens and closes the disclosure with Enter and Space', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET, collapsible: true });
      const disclosure = button(element, "Can't scan the code? Enter the details manually");
      const details = root(element).getElementById(disclosure.getAttribute('aria-controls')!)!;
      expect(disclosure.getAttribute('aria-expanded')).to.equal('false');
      expect(details.hidden).to.equal(true);
      expect(root(element).textContent, 'no secret in the DOM while collapsed').to.not.include(RAW);
      disclosure.focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(disclosure.getAttribute('aria-expanded')).to.equal('true');
      expect(element.open).to.equal(true);
      expect(element.hasAttribute('open')).to.equal(true);
      expect(details.checkVisibility()).to.equal(true);
      expect(details.textContent).to.include(RAW);
      await sendKeys({ press: ' ' });
      await element.updateComplete;
      expect(disclosure.getAttribute('aria-expanded')).to.equal('false');
      expect(details.checkVisibility()).to.equal(false);
      expect(root(element).activeElement === disclosure, 'focus stays on the disclosure').to.equal(true);
    });

    it('hides and shows the secret with the toggle, leaving nothing of it in the DOM while hidden', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET });
      button(element, 'Hide key').focus();
      await sendKeys({ press: ' ' });
      await element.updateComplete;
      expect(element.secretHidden).to.equal(true);
      expect(element.hasAttribute('secret-hidden')).to.equal(true);
      expect(part(element, 'secret')!.textContent).to.equal('Hidden');
      expect(root(element).textContent).to.not.include(RAW);
      expect(root(element).textContent).to.not.include('F A Y 2');
      expect(root(element).activeElement!.textContent!.trim()).to.equal('Show key');
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(element.secretHidden).to.equal(false);
      expect(part(element, 'secret')!.querySelector('.groups')!.textContent).to.equal(RAW);
    });

    it('copies with Enter on the copy button', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET });
      await seedClipboard('sentinel');
      button(element, 'Copy key').focus();
      const event = oneEvent(element, 'totp-copy') as Promise<TotpCopyEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await event).ok).to.equal(true);
      expect(await pasted()).to.equal(RAW);
    });

    it('has no positive tabindex and no javascript: link', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET, collapsible: true, open: true, countdown: true });
      for (const node of root(element).querySelectorAll('[tabindex]')) expect(node.getAttribute('tabindex')).to.not.match(/^[1-9]/);
      expect(root(element).querySelectorAll('a, [href]').length).to.equal(0);
      const focusable = [...root(element).querySelectorAll('button')].map((node) => node.textContent!.trim());
      expect(focusable).to.deep.equal(["Can't scan the code? Enter the details manually", 'Copy key', 'Hide key']);
    });
  });

  describe('bad input', () => {
    it('omits a missing identifier with a visible note', async () => {
      const element = await info({ secret: SECRET });
      expect(rows(element)).to.not.have.property('Account name');
      expect(notes(element)).to.deep.equal(['No account name was given.']);
    });

    it('omits a missing secret with a visible note, and offers nothing to copy', async () => {
      let fired = false;
      const element = await info({ identifier: 'bob' });
      element.addEventListener('totp-copy', () => (fired = true));
      expect(rows(element)).to.not.have.property('Secret key');
      expect(notes(element)).to.deep.equal(['No secret key was given.']);
      expect(root(element).querySelectorAll('button').length).to.equal(0);
      expect(await element.copySecret()).to.equal(false);
      expect(fired).to.equal(false);
    });

    it('never prints undefined or null for values that are not strings', async () => {
      for (const value of [undefined, null, 42, {}]) {
        const element = await info({ identifier: value, secret: value, issuer: value, uri: value });
        const shown = root(element).textContent!;
        expect(shown, String(value)).to.not.match(/undefined|null|42|object/);
        expect(notes(element), String(value)).to.deep.equal(['No account name was given.', 'No secret key was given.']);
      }
    });

    it('treats a secret of spaces as missing, and an unusable URI as no URI', async () => {
      const element = await info({ identifier: 'bob', secret: '   ', uri: 'javascript:alert(1)' });
      expect(notes(element)).to.deep.equal(['No secret key was given.']);
    });

    it('shows a secret that is not Base32 as given, flagged', async () => {
      const element = await info({ identifier: 'bob', secret: 'ab$c d189' });
      expect(part(element, 'secret')!.querySelector('.groups')!.textContent).to.equal('ab$c d189');
      expect(notes(element)).to.deep.equal(['This key is not in the usual format. Enter it exactly as shown.']);
    });

    it('renders HTML and script in every value as text', async () => {
      const element = await info({
        identifier: '<img src=x onerror="window.pwned=1">',
        issuer: '<script>window.pwned=1</script><b>Acme</b>',
        secret: '<svg onload="window.pwned=1">',
      });
      expect(root(element).querySelectorAll('img, script, b, [onerror], [onload]').length).to.equal(0);
      expect(root(element).querySelectorAll('svg')).to.have.length(0);
      expect(rows(element)).to.deep.include({
        Service: '<script>window.pwned=1</script><b>Acme</b>',
        'Account name': '<img src=x onerror="window.pwned=1">',
      });
      expect(part(element, 'secret')!.querySelector('.groups')!.textContent).to.equal('<svg onload="window.pwned=1">');
      expect((window as unknown as { pwned?: number }).pwned).to.equal(undefined);
    });

    it('shows and copies the same characters of a secret, in the order the eye reads them', async () => {
      // U+202E inside the secret showed ABCD87654321HGFE while Copy wrote the original.
      for (const secret of ['ABCD\u202EEFGH12345678', '\u2067ABCD\u2069EFGH', 'ABCDאבגד1234EFGH', 'AB\u200BCD\u00ADEF\uFEFFGH']) {
        const element = await info({ identifier: 'bob', secret });
        let copied = '';
        await withClipboard({ writeText: (value: string) => ((copied = value), Promise.resolve()) }, () => element.copySecret());
        const groups = part(element, 'secret')!.querySelector('.groups')!;
        expect(copied, JSON.stringify(secret)).to.not.match(/\p{Cf}/u);
        expect(groups.textContent, JSON.stringify(secret)).to.equal(copied);
        expect(readLeftToRight(groups), JSON.stringify(secret)).to.equal(copied);
      }
    });

    it('drops zero-width and other format characters from the labels, keeping emoji whole', async () => {
      const element = await info({ identifier: 'b\u200Bo\u00ADb\uFEFF@example.com', issuer: 'Pay\u200DPal 👩\u200D💻', secret: SECRET });
      expect(rows(element)).to.deep.include({ Service: 'PayPal 👩\u200D💻', 'Account name': 'bob@example.com' });
    });

    it('strips bidi controls that would disguise the account name', async () => {
      const element = await info({ identifier: 'bob\u202Emoc.evil@x', secret: SECRET });
      expect(part(element, 'account')!.textContent).to.equal('bobmoc.evil@x');
    });

    it('keeps the secret out of every attribute and out of the status region in every state', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET, collapsible: true, open: true, countdown: true });
      expectSecretInNoAttribute(element);
      await clickCopy(element);
      expectSecretInNoAttribute(element);
      await withClipboard(undefined, () => element.copySecret());
      expectSecretInNoAttribute(element);
      element.secretHidden = true;
      await element.updateComplete;
      expectSecretInNoAttribute(element);
      expect(statusOf(element).textContent!.toLowerCase()).to.not.include(SECRET);
      expect(root(element).querySelectorAll('[title], [aria-label], [aria-description]').length).to.equal(0);
    });
  });

  describe('accessibility', () => {
    it('passes axe shown, hidden, collapsed and expanded', async () => {
      const element = await info({ identifier: 'emily@fabrikam.com', issuer: 'Contoso', secret: SECRET, periodHint: true, countdown: true });
      expect(await axeViolations(element), 'shown').to.deep.equal([]);
      element.secretHidden = true;
      await element.updateComplete;
      expect(await axeViolations(element), 'hidden').to.deep.equal([]);
      element.collapsible = true;
      await element.updateComplete;
      expect(await axeViolations(element), 'collapsed').to.deep.equal([]);
      element.open = true;
      await element.updateComplete;
      expect(await axeViolations(element), 'expanded').to.deep.equal([]);
    });

    it('passes axe after a copy and after a refused copy', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET });
      await clickCopy(element);
      expect(await axeViolations(element), 'copied').to.deep.equal([]);
      await withClipboard(undefined, () => element.copySecret());
      expect(await axeViolations(element), 'refused').to.deep.equal([]);
    });

    it('passes axe with missing and unusual values', async () => {
      expect(await axeViolations(await info())).to.deep.equal([]);
      expect(await axeViolations(await info({ identifier: 'bob', secret: 'ab$c d189' }))).to.deep.equal([]);
    });

    it('passes axe on a right-to-left page', async () => {
      const container = await fixture<HTMLDivElement>(
        html`<div dir="rtl" lang="ar"><totp-authenticator-info identifier="مستخدم" secret=${SECRET}></totp-authenticator-info></div>`,
      );
      expect(await axeViolations(container)).to.deep.equal([]);
    });

    it('fails axe when a button has no name, which proves axe looks inside the shadow root', async () => {
      const element = await info({ identifier: 'bob', secret: SECRET }, { strings: JSON.stringify({ copy: '' }) });
      expect(await axeViolations(element)).to.include('button-name');
    });
  });
});
