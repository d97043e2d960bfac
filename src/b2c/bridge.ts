/**
 * The bridge: finds what B2C rendered into #api and upgrades it in place with
 * the kit's elements, never breaking B2C's own form.
 *
 * - B2C gives no "rendered" event, so a MutationObserver on #api runs the
 *   upgrade after every change; the upgrade is idempotent (a marker attribute
 *   on each B2C node it upgraded) and picks up controls B2C renders anew.
 * - B2C's originals are hidden by a stylesheet scoped to that marker, never
 *   removed, moved or reordered; the marker is set only once the kit's element
 *   is in place, so a failure anywhere leaves B2C's page exactly as it was.
 * - B2C's `#otpCode` keeps its id, name and place: B2C posts it by id. The
 *   code input attaches to it (`for`), it does not replace it.
 * - No click handlers on B2C's links, no writes to window.SETTINGS or
 *   window.CONTENT, no calls to B2C's endpoints.
 */
import * as B2C from './contract.js';
import type { TotpQrCodeElement, QrCodeStrings } from '../elements/qr-code/qr-code.js';
import type { TotpAuthenticatorInfoElement, AuthenticatorInfoStrings } from '../elements/authenticator-info/authenticator-info.js';
import type { TotpAppIconElement, AppIconStrings } from '../elements/app-icon/app-icon.js';
import type { TotpCodeInputElement, CodeInputStrings } from '../elements/code-input/code-input.js';

/** Set on each B2C node the kit upgraded. */
const MARKER = 'data-totp-kit';

/** Texts a template gives the elements, for languages B2C's own strings do not cover. */
export interface PageStrings {
  qrCode?: Partial<QrCodeStrings>;
  authenticatorInfo?: Partial<AuthenticatorInfoStrings>;
  appIcon?: Partial<AppIconStrings>;
  codeInput?: Partial<CodeInputStrings>;
}

/** The kit's elements the bridge mounts. */
export type KitTag = 'totp-qr-code' | 'totp-authenticator-info' | 'totp-app-icon' | 'totp-code-input';

export interface BridgeOptions {
  /** Submit B2C's form when the last digit arrives (off by default: B2C does not auto-submit this page, and a second post of a single-use code fails). */
  readonly autosubmit?: boolean;
  /** Texts that win over B2C's and the kit's defaults. */
  readonly strings?: PageStrings;
  /**
   * Defines an element the page needs and is not yet defined: the template's
   * script loads the enrollment or the verification elements only when B2C
   * shows that page. Without it, the elements must already be defined.
   */
  readonly load?: (tag: KitTag) => Promise<unknown>;
}

// Hides only what the kit replaces, and only where the kit's element is in place.
// B2C's page-level server error shows on the code input instead: once, not twice.
// A sheet of its own, not Lit's `css`: the bridge must not pull Lit into the entry.
const HIDE_REPLACED = `
form:has(input[${MARKER}]) > ${B2C.SERVER_ERROR},
[${MARKER}] > ${B2C.QR_CONTROL.picture},
[${MARKER}] > ${B2C.QR_CONTROL.uriLink},
${B2C.INFO_CONTROL.containerClass}[${MARKER}] > :not(totp-authenticator-info),
${B2C.APP_ICON_CONTROL.containerClass}[${MARKER}] > a { display: none !important }`;

/**
 * Upgrades the B2C page in `doc` now and whenever B2C changes #api.
 * Returns a function that stops watching.
 */
export function startBridge(doc: Document = document, options: BridgeOptions = readOptions(doc)): () => void {
  const api = doc.querySelector<HTMLElement>(B2C.API);
  if (!api) return () => undefined;
  adoptSheet(doc);
  const run = () => upgradePage(api, options);
  const observer = new MutationObserver(run);
  // Attributes too: B2C reveals its server error by changing style and aria-hidden.
  observer.observe(api, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'aria-hidden'] });
  run();
  return () => observer.disconnect();
}

const sheets = new WeakMap<Document, CSSStyleSheet>();

function adoptSheet(doc: Document): void {
  if (sheets.has(doc)) return;
  const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
  sheet.replaceSync(HIDE_REPLACED);
  sheets.set(doc, sheet);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/**
 * What a template sets: `data-totp-autosubmit` on `<html>`, and texts in
 * `<script type="application/json" id="totp-kit-strings">` (JSON, never run).
 */
export function readOptions(doc: Document): BridgeOptions {
  let strings: PageStrings = {};
  const json = doc.getElementById('totp-kit-strings')?.textContent;
  try {
    if (json) strings = JSON.parse(json) as PageStrings;
  } catch {
    console.warn('b2c-totp-kit: #totp-kit-strings is not valid JSON; using B2C\'s and the kit\'s texts');
  }
  return { autosubmit: doc.documentElement.hasAttribute('data-totp-autosubmit'), strings };
}

function upgradePage(api: HTMLElement, options: BridgeOptions): void {
  const context: Context = { english: isEnglish(api.ownerDocument), uri: readUri(api), strings: options.strings ?? {} };
  const upgrade = (tag: KitTag, nodes: Iterable<HTMLElement>, prepare: (node: HTMLElement) => Mount) => {
    for (const node of nodes) {
      // B2C's node stays as it is until the element is defined (or forever, if it cannot be).
      if (whenDefined(tag, api, options)) upgradeOnce(node, () => prepare(node));
    }
  };
  upgrade('totp-qr-code', api.querySelectorAll<HTMLElement>(B2C.QR_CONTROL.container), (node) => mountQrCode(node, context));
  upgrade('totp-authenticator-info', api.querySelectorAll<HTMLElement>(B2C.INFO_CONTROL.container), (node) => mountAuthenticatorInfo(node, context));
  upgrade('totp-app-icon', api.querySelectorAll<HTMLElement>(B2C.APP_ICON_CONTROL.container), (node) => mountAppIcon(node, context));
  const input = findCodeInput(api);
  upgrade('totp-code-input', input ? [input] : [], (node) => mountCodeInput(node as HTMLInputElement, options, context));
  syncServerError(api);
}

const loading = new Map<KitTag, Promise<unknown>>();

/**
 * Whether `tag` is defined; if not, has `options.load` define it and upgrades
 * the page again once it is. A load that fails leaves B2C's controls alone.
 */
function whenDefined(tag: KitTag, api: HTMLElement, options: BridgeOptions): boolean {
  if (customElements.get(tag)) return true;
  if (!options.load || loading.has(tag)) return false;
  loading.set(
    tag,
    options.load(tag).then(
      () => upgradePage(api, options),
      (error: unknown) => console.warn(`b2c-totp-kit: could not load <${tag}> (${(error as Error)?.name ?? 'error'}); B2C's control stays`),
    ),
  );
  return false;
}

interface Context {
  readonly english: boolean;
  readonly uri: string;
  readonly strings: PageStrings;
}

/** B2C nodes whose upgrade failed: never tried again, or undoing it would trigger the observer forever. */
const failed = new WeakSet<Element>();

/** A kit element made for a B2C node, and how to put it in place. */
interface Mount {
  readonly element: Element;
  readonly insert: () => void;
}

/** Mounts once per B2C node; on any failure takes the element out again and leaves B2C's node alone. */
function upgradeOnce(node: HTMLElement, prepare: () => Mount): void {
  if (node.hasAttribute(MARKER) || failed.has(node)) return;
  let mount: Mount | undefined;
  try {
    mount = prepare();
    mount.insert();
    node.setAttribute(MARKER, '');
  } catch (error) {
    failed.add(node);
    mount?.element.remove();
    // The name only: a message could quote a claim.
    console.warn(`b2c-totp-kit: left a B2C control as B2C rendered it (${(error as Error)?.name ?? 'error'})`);
  }
}

function isEnglish(doc: Document): boolean {
  return (doc.documentElement.lang || 'en').toLowerCase().startsWith('en');
}

const textOf = (node: Element | null | undefined) => node?.textContent?.trim() ?? '';

/** Drops a label's trailing colon: B2C writes "Account Name:". */
const asLabel = (text: string) => text.replace(/\s*:\s*$/, '');

/** Keeps only the texts B2C actually has. */
function defined<T>(strings: Record<string, string | false | null | undefined>): Partial<T> {
  return Object.fromEntries(Object.entries(strings).filter(([, value]) => value)) as Partial<T>;
}

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

function mountQrCode(container: HTMLElement, { english, strings }: Context): Mount {
  const qr = document.createElement('totp-qr-code') as TotpQrCodeElement;
  qr.value = readUri(container.parentElement ?? container);
  // B2C's title names the code on pages in other languages.
  const title = !english && textOf(container.querySelector(B2C.QR_CONTROL.title));
  qr.strings = {
    ...defined<QrCodeStrings>({
      link: textOf(container.querySelector(B2C.QR_CONTROL.uriLink)),
      name: title && `${title} ({issuer}: {account})`,
      nameWithoutIssuer: title && `${title} ({account})`,
      nameWithoutAccount: title,
    }),
    ...strings.qrCode,
  };
  // B2C's own image stays the fallback: the element shows it in its error state.
  // A copy without B2C's id: the page must never hold two elements with one id.
  const image = container.querySelector(B2C.QR_CONTROL.image)?.cloneNode();
  if (image instanceof Element) {
    image.removeAttribute('id');
    qr.append(image);
  }
  return { element: qr, insert: () => container.append(qr) };
}

/** A claim B2C shows as "<label> <value>": its aria-label holds the bare value. */
function claimOf(node: Element | null): string {
  return node?.getAttribute('aria-label')?.trim() || textOf(node).replace(/^[^:]*:\s*/, '');
}

/** The label B2C puts before a claim ("Account Name:" → "Account Name"). */
function labelOf(node: Element | null): string {
  return asLabel(textOf(node).replace(claimOf(node), '').trim());
}

function mountAuthenticatorInfo(container: HTMLElement, { english, uri, strings }: Context): Mount {
  const account = container.querySelector(B2C.INFO_CONTROL.account);
  const secret = container.querySelector(B2C.INFO_CONTROL.secret);
  const info = document.createElement('totp-authenticator-info') as TotpAuthenticatorInfoElement;
  // Properties, not attributes: the secret must not sit in an attribute of the page.
  info.uri = uri;
  info.identifier = claimOf(account);
  info.secret = claimOf(secret);
  info.collapsible = true;
  info.strings = {
    ...defined<AuthenticatorInfoStrings>({
      // B2C's own link text, in every language: the policy's wording, and one line as B2C's was.
      disclosure: textOf(container.querySelector(B2C.INFO_CONTROL.collapse)),
      account: !english && labelOf(account),
      secret: !english && labelOf(secret),
    }),
    ...strings.authenticatorInfo,
  };
  return { element: info, insert: () => container.append(info) };
}

function mountAppIcon(container: HTMLElement, { english, strings }: Context): Mount {
  const { appStore, googlePlay, instruction } = B2C.APP_ICON_CONTROL;
  const icon = document.createElement('totp-app-icon') as TotpAppIconElement;
  // B2C's own links are the app's: keep them, and its title, which already says any app works.
  icon.appStoreHref = container.querySelector(appStore)?.getAttribute('href') ?? '';
  icon.playStoreHref = container.querySelector(googlePlay)?.getAttribute('href') ?? '';
  icon.strings = {
    otherApps: '',
    ...defined<AppIconStrings>({
      appStore: !english && container.querySelector(`${appStore} img`)?.getAttribute('alt'),
      googlePlay: !english && container.querySelector(`${googlePlay} img`)?.getAttribute('alt'),
    }),
    ...strings.appIcon,
  };
  const instructionLabel = container.querySelector(instruction);
  return { element: icon, insert: () => (instructionLabel ? instructionLabel.before(icon) : container.append(icon)) };
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

function mountCodeInput(input: HTMLInputElement, options: BridgeOptions, { strings }: Context): Mount {
  const codeInput = document.createElement('totp-code-input') as TotpCodeInputElement;
  codeInput.htmlFor = input.id;
  codeInput.length = codeLength(input.pattern) ?? 6;
  codeInput.submitButton = B2C.CONTINUE_BUTTON_ID;
  codeInput.autosubmit = options.autosubmit === true;
  // B2C's help text for the claim (UserHelpText) is the hint, in the policy's language.
  codeInput.strings = { ...defined<CodeInputStrings>({ hint: input.title.trim() }), ...strings.codeInput };
  return { element: codeInput, insert: () => input.after(codeInput) };
}

const shownErrors = new WeakMap<Element, string>();

/** Shows B2C's server error ("Wrong code entered, please try again.") on the code input, once per change. */
function syncServerError(api: HTMLElement): void {
  const error = api.querySelector<HTMLElement>(B2C.SERVER_ERROR);
  const codeInput = api.querySelector<TotpCodeInputElement>('totp-code-input');
  if (!error || !codeInput) return;
  const visible = error.style.display !== 'none' && error.getAttribute('aria-hidden') !== 'true';
  const message = visible ? textOf(error) : '';
  if (shownErrors.get(error) === message) return;
  shownErrors.set(error, message);
  codeInput.error = message;
}
