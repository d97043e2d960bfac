/**
 * Every state of every element in which a text shows or is spoken, for tests
 * that run them all in one language after another (test/elements/i18n.test.ts,
 * test/elements/pseudo-locale.test.ts). Each state puts its element in
 * `container` and returns it once it has rendered.
 */
import '../../src/index.js';
import type { TotpQrCodeElement } from '../../src/elements/qr-code/qr-code.js';
import type { TotpAuthenticatorInfoElement } from '../../src/elements/authenticator-info/authenticator-info.js';
import type { TotpAppIconElement } from '../../src/elements/app-icon/app-icon.js';
import type { TotpCodeInputElement } from '../../src/elements/code-input/code-input.js';
import { withClipboard, withUserAgent } from './navigator.js';

export type Group = 'qrCode' | 'authenticatorInfo' | 'appIcon' | 'codeInput';

export interface KitState {
  readonly group: Group;
  readonly name: string;
  readonly make: (container: HTMLElement) => Promise<HTMLElement>;
}

/** The claims' values, which stay as they are in every language (the tests take them out before looking for English). */
export const ISSUER = 'Contoso';
export const ACCOUNT = 'emily@fabrikam.example';
export const SECRET = 'JBSWY3DPEHPK3PXP';
export const SERVER_ERROR = '⟦server⟧';
const URI = `otpauth://totp/${ISSUER}:${ACCOUNT}?secret=${SECRET}&issuer=${ISSUER}`;
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

type Kit = HTMLElement & { updateComplete: Promise<boolean> };

async function put<T extends Kit>(container: HTMLElement, element: T, after?: (element: T) => unknown): Promise<T> {
  container.append(element);
  await element.updateComplete;
  await after?.(element);
  await element.updateComplete;
  return element;
}

const qr = (properties: Partial<TotpQrCodeElement>) => Object.assign(document.createElement('totp-qr-code'), properties);
const info = (properties: Partial<TotpAuthenticatorInfoElement>) => Object.assign(document.createElement('totp-authenticator-info'), properties);
const icon = (properties: Partial<TotpAppIconElement>) => Object.assign(document.createElement('totp-app-icon'), properties);
const clickAll = (element: HTMLElement, selector: string) => {
  for (const button of element.shadowRoot!.querySelectorAll<HTMLElement>(selector)) button.click();
};

function typed(element: TotpCodeInputElement, text: string): void {
  const input = element.input!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}

export const STATES: readonly KitState[] = [
  { group: 'qrCode', name: 'a code with its step, the link and the next step', make: (c) => put(c, qr({ value: URI, step: 2, deepLink: 'always' })) },
  { group: 'qrCode', name: 'a code without an issuer', make: (c) => put(c, qr({ value: `otpauth://totp/${ACCOUNT}?secret=${SECRET}`, deepLink: 'always' })) },
  { group: 'qrCode', name: 'a code without a label', make: (c) => put(c, qr({ value: `otpauth://totp/?secret=${SECRET}` })) },
  {
    group: 'qrCode',
    name: 'on a phone: the link first, the code shown',
    make: (c) => withUserAgent(IPHONE, () => put(c, qr({ value: URI, step: 2 }), (e) => clickAll(e, 'button[aria-expanded="false"]'))),
  },
  { group: 'qrCode', name: 'on a phone: the code hidden', make: (c) => withUserAgent(IPHONE, () => put(c, qr({ value: URI, step: 2 }))) },
  { group: 'qrCode', name: 'no value', make: (c) => put(c, qr({ value: '', step: 2 })) },
  { group: 'qrCode', name: 'no secret', make: (c) => put(c, qr({ value: `otpauth://totp/${ISSUER}:${ACCOUNT}?issuer=${ISSUER}` })) },
  { group: 'qrCode', name: 'too long', make: (c) => put(c, qr({ value: `otpauth://totp/${ISSUER}:${'a'.repeat(3000)}?secret=${SECRET}` })) },
  { group: 'qrCode', name: 'not otpauth', make: (c) => put(c, qr({ value: 'https://example.com/' })) },

  { group: 'authenticatorInfo', name: 'collapsed', make: (c) => put(c, info({ uri: URI, collapsible: true })) },
  { group: 'authenticatorInfo', name: 'expanded, with the period hint', make: (c) => put(c, info({ uri: URI, collapsible: true, periodHint: true }), (e) => clickAll(e, 'button[aria-expanded="false"]')) },
  { group: 'authenticatorInfo', name: 'the key hidden', make: (c) => put(c, info({ uri: URI, secretHidden: true })) },
  { group: 'authenticatorInfo', name: 'a counter-based key', make: (c) => put(c, info({ uri: `otpauth://hotp/${ISSUER}:${ACCOUNT}?secret=${SECRET}&issuer=${ISSUER}&counter=1` })) },
  { group: 'authenticatorInfo', name: 'no account, no secret', make: (c) => put(c, info({})) },
  { group: 'authenticatorInfo', name: 'a key that is not Base32', make: (c) => put(c, info({ identifier: ACCOUNT, secret: 'not-base32!' })) },
  {
    group: 'authenticatorInfo',
    name: 'copied',
    make: (c) => put(c, info({ uri: URI }), (e) => withClipboard({ writeText: () => Promise.resolve() }, () => e.copySecret())),
  },
  { group: 'authenticatorInfo', name: 'the clipboard refused', make: (c) => put(c, info({ uri: URI }), (e) => withClipboard(undefined, () => e.copySecret())) },

  { group: 'appIcon', name: 'Microsoft Authenticator on a computer, with its step', make: (c) => put(c, icon({ app: 'microsoft', platform: 'desktop', step: 1 })) },
  { group: 'appIcon', name: 'any app', make: (c) => put(c, icon({ app: 'any', platform: 'desktop' })) },
  { group: 'appIcon', name: 'on an iPhone', make: (c) => put(c, icon({ app: 'google', platform: 'ios' })) },
  { group: 'appIcon', name: "a store link on another host", make: (c) => put(c, icon({ app: 'any', platform: 'android', playStoreHref: 'https://keys.contoso.example/app' })) },

  { group: 'codeInput', name: 'empty', make: (c) => put(c, document.createElement('totp-code-input')) },
  { group: 'codeInput', name: 'too few digits', make: (c) => put(c, document.createElement('totp-code-input'), (e) => typed(e, '123')) },
  { group: 'codeInput', name: 'letters dropped', make: (c) => put(c, document.createElement('totp-code-input'), (e) => typed(e, '12a')) },
  { group: 'codeInput', name: 'too many digits', make: (c) => put(c, document.createElement('totp-code-input'), (e) => typed(e, '1234567')) },
  { group: 'codeInput', name: 'locked', make: (c) => put(c, Object.assign(document.createElement('totp-code-input'), { error: SERVER_ERROR, errorKind: 'locked' as const })) },
  { group: 'codeInput', name: 'the service down', make: (c) => put(c, Object.assign(document.createElement('totp-code-input'), { error: SERVER_ERROR, errorKind: 'unavailable' as const })) },
];

/** Every text of `root` that shows or is spoken: text nodes (shadow roots included), names and descriptions, validation messages. */
export function textsOf(root: Element): string[] {
  const texts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!(node.parentElement instanceof HTMLStyleElement)) texts.push(node.textContent ?? '');
      return;
    }
    if (node instanceof Element) {
      for (const name of ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder']) {
        const value = node.getAttribute(name);
        if (value) texts.push(value);
      }
      if (node instanceof HTMLInputElement && node.validationMessage) texts.push(node.validationMessage);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return texts.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
}
