/**
 * The bridge: finds what B2C rendered into #api and upgrades it in place with
 * the kit's elements, never breaking B2C's own form.
 *
 * - B2C gives no "rendered" event, so a MutationObserver on #api runs the
 *   upgrade after every change; the upgrade is idempotent (a marker attribute
 *   on each B2C container) and picks up controls that B2C re-renders.
 * - B2C's originals are hidden by a stylesheet scoped to that marker, never
 *   removed, moved or reordered; the marker is set only once the kit's element
 *   is in place, so a failure anywhere leaves B2C's page exactly as it was.
 * - B2C's `#otpCode` keeps its id, name and place: B2C posts it by id. The
 *   code input attaches to it (`for`), it does not replace it.
 * - No click handlers on B2C's links, no writes to window.SETTINGS or
 *   window.CONTENT, no calls to B2C's endpoints.
 */
import { css } from 'lit';
import * as B2C from './contract.js';
import type { TotpQrCodeElement, QrCodeStrings } from '../elements/qr-code/qr-code.js';

/** Set on a B2C container whose original content the kit replaces. */
const MARKER = 'data-totp-kit';

export interface BridgeOptions {
  /** Submit B2C's form when the last digit arrives (off by default: B2C does not, see security.md §2.3). */
  readonly autosubmit?: boolean;
}

// Hides only what the kit replaces, and only where the kit's element is in place.
const styles = css`
  [data-totp-kit] > [id$='-picture'],
  [data-totp-kit] > a[href^='otpauth:' i],
  .attrEntry[data-totp-kit] > :not(totp-authenticator-info),
  .authenticatorIconControlContent[data-totp-kit] > :not(totp-app-icon) {
    display: none !important;
  }
`;

/**
 * Upgrades the B2C page in `document` now and whenever B2C changes #api.
 * Returns a function that stops watching.
 */
export function startBridge(doc: Document = document, options: BridgeOptions = readOptions(doc)): () => void {
  const api = doc.querySelector<HTMLElement>(B2C.API);
  if (!api) return () => undefined;
  const sheet = styles.styleSheet;
  if (sheet && !doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];

  const run = () => upgradePage(api, options);
  const observer = new MutationObserver(run);
  // Attributes too: B2C reveals its server error by changing style and aria-hidden.
  observer.observe(api, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'aria-hidden'] });
  run();
  return () => observer.disconnect();
}

/** Options a template sets on `<html>`: `data-totp-autosubmit`. */
function readOptions(doc: Document): BridgeOptions {
  return { autosubmit: doc.documentElement.hasAttribute('data-totp-autosubmit') };
}

function upgradePage(api: HTMLElement, options: BridgeOptions): void {
  const english = isEnglish(api.ownerDocument);
  for (const container of api.querySelectorAll<HTMLElement>(B2C.QR_CONTROL.container)) {
    upgradeOnce(container, () => mountQrCode(container, english));
  }
  const input = findCodeInput(api);
  if (input) upgradeOnce(input, () => mountCodeInput(input, options));
  syncServerError(api);
}

/** Runs `mount` once per B2C node; on any failure undoes it and leaves B2C's node alone. */
function upgradeOnce(node: HTMLElement, mount: () => Element): void {
  if (node.hasAttribute(MARKER)) return;
  let mounted: Element | undefined;
  try {
    mounted = mount();
    node.setAttribute(MARKER, '');
  } catch (error) {
    mounted?.remove();
    // The name only: a message could quote a claim.
    console.warn(`b2c-totp-kit: left a B2C control as B2C rendered it (${(error as Error)?.name ?? 'error'})`);
  }
}

function isEnglish(doc: Document): boolean {
  return (doc.documentElement.lang || 'en').toLowerCase().startsWith('en');
}

const textOf = (node: Element | null | undefined) => node?.textContent?.trim() ?? '';

/** The otpauth URI: the hidden text, else the link, else the picture's tooltip. */
function readUri(scope: ParentNode): string {
  const { uriText, uriLink, picture } = B2C.QR_CONTROL;
  return (
    textOf(scope.querySelector(`.qrCodeControlContent ${uriText}`)) ||
    scope.querySelector(`.qrCodeControlContent ${uriLink}`)?.getAttribute('href')?.trim() ||
    scope.querySelector(`.qrCodeControlContent ${picture}`)?.getAttribute('title')?.trim() ||
    ''
  );
}

function mountQrCode(container: HTMLElement, english: boolean): Element {
  const qr = document.createElement('totp-qr-code') as TotpQrCodeElement;
  qr.value = readUri(container.parentElement ?? container);
  qr.strings = qrStrings(container, english);
  // B2C's own image stays the fallback: the element shows it in its error state.
  const image = container.querySelector(B2C.QR_CONTROL.image);
  if (image) qr.append(image.cloneNode());
  container.append(qr);
  return qr;
}

/** B2C's localised texts as the element's strings (its title names the code on non-English pages). */
function qrStrings(container: HTMLElement, english: boolean): Partial<QrCodeStrings> {
  const strings: Partial<QrCodeStrings> = {};
  const link = textOf(container.querySelector(B2C.QR_CONTROL.uriLink));
  if (link) strings.link = link;
  const title = textOf(container.querySelector(B2C.QR_CONTROL.title));
  if (title && !english) {
    strings.name = `${title} ({issuer}: {account})`;
    strings.nameWithoutIssuer = `${title} ({account})`;
    strings.nameWithoutAccount = title;
  }
  return strings;
}

function findCodeInput(api: HTMLElement): HTMLInputElement | undefined {
  const byId = api.querySelector<HTMLInputElement>(B2C.CODE_INPUT.byId);
  if (byId) return byId;
  return [...api.querySelectorAll<HTMLInputElement>(B2C.CODE_INPUT.byPattern)].find((input) => codeLength(input.pattern));
}

/** The number of digits a B2C pattern such as `^[0-9]{6}$` or `^\d{8}$` asks for. */
export function codeLength(pattern: string): number | undefined {
  const match = /^\^?(?:\[0-9\]|\\d)\{(\d+)\}\$?$/.exec(pattern);
  return match ? Number(match[1]) : undefined;
}

function mountCodeInput(input: HTMLInputElement, options: BridgeOptions): Element {
  const codeInput = document.createElement('totp-code-input');
  codeInput.setAttribute('for', input.id);
  codeInput.setAttribute('length', String(codeLength(input.pattern) ?? 6));
  codeInput.setAttribute('submit-button', B2C.CONTINUE_BUTTON_ID);
  if (options.autosubmit) codeInput.setAttribute('autosubmit', '');
  input.after(codeInput);
  return codeInput;
}

const shownErrors = new WeakMap<Element, string>();

/** Shows B2C's server error ("Wrong code entered, please try again.") on the code input, once per change. */
function syncServerError(api: HTMLElement): void {
  const error = api.querySelector<HTMLElement>(B2C.SERVER_ERROR);
  const codeInput = api.querySelector('totp-code-input');
  if (!error || !codeInput) return;
  const visible = error.style.display !== 'none' && error.getAttribute('aria-hidden') !== 'true';
  const message = visible ? textOf(error) : '';
  if (shownErrors.get(error) === message) return;
  shownErrors.set(error, message);
  codeInput.setAttribute('error', message);
}
