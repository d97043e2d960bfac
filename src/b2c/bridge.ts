/**
 * The bridge: finds what B2C rendered into #api and upgrades it in place with
 * the kit's elements, never breaking B2C's own form.
 *
 * - B2C gives no "rendered" event, so a MutationObserver on #api runs the
 *   upgrade after every change; the upgrade is idempotent (mount.ts marks each
 *   B2C node it upgraded) and picks up controls B2C renders anew.
 * - B2C's originals are hidden by a stylesheet scoped to that marker, never
 *   removed, moved or reordered; the marker is set only once the kit's element
 *   has rendered, so a failure anywhere leaves B2C's page exactly as it was.
 * - B2C's code input keeps its id, name and place: B2C posts it by id. The
 *   code input attaches to it, it does not replace it.
 * - Each control is found by its whole chain from B2C's list (contract.ts),
 *   and reads only inside itself.
 * - No click handlers on B2C's links, no writes to window.SETTINGS or
 *   window.CONTENT, no calls to B2C's endpoints.
 */
import * as B2C from './contract.js';
import { MARKER, SHOWN_BY_KIT, settled, sheetOnce, upgradeOnce, type Mount } from './mount.js';
import { readOptions, type BridgeOptions, type KitTag } from './options.js';
import { contextOf, hiddenByB2C, textOf, type Context } from './controls/context.js';
import { errorKindOf } from './texts.js';
import { INPUT_NOT_RECORDED, markForReplays } from '../core/replay.js';
import { isRightToLeft } from '../core/language.js';
import { findCodeInputs, mountCodeInput } from './controls/code-input.js';
import { findSentCodes } from './controls/sent-code-fields.js';
import type { TotpCodeInputElement } from '../elements/code-input/code-input.js';

export { readOptions, pageStrings, type BridgeOptions, type KitTag, type PageStrings } from './options.js';
export { digitsOfPattern } from './controls/code-input.js';

/** What the bridge loads once, when a page first needs it (a mount's module, an element's definition); `module()` is undefined until it is there. */
interface OnDemand<M> {
  readonly module: () => M | undefined;
  /** True once loaded; otherwise false, having started the load (once), after which `then` runs. */
  readonly ready: (then: () => void) => boolean;
}

function onDemand<M>(what: string, load: () => Promise<M>): OnDemand<M> {
  let module: M | undefined;
  let loading: Promise<unknown> | undefined;
  return {
    module: () => module,
    ready(then) {
      // The name only: a message could quote a claim.
      loading ??= load().then(
        (loaded) => ((module = loaded), then()),
        (error: unknown) => console.warn(`b2c-totp-kit: could not load ${what} (${(error as Error)?.name ?? 'error'}); B2C's control stays`),
      );
      return module !== undefined;
    },
  };
}

// The mounts only some pages need: each a module of its own, asked for with the elements it mounts
// (build/plugins/self-contained.ts), so the TOTP verification page, which every sign-in shows, loads none.
const enrollment = onDemand('the enrollment page', () => import('./controls/enrollment-mounts.js'));
const sentCodes = onDemand('the code field', () => import('./controls/sent-code.js'));
// The REST page's, made with the first bridge's options: it asks for that page's texts with the module.
let serverQr: OnDemand<typeof import('./controls/server-qr.js')> | undefined;

/** A kind of B2C control: the element it needs, how to find each one, how to mount on it. */
interface Control {
  readonly tag: KitTag;
  readonly find: (api: HTMLElement, options: BridgeOptions) => Iterable<HTMLElement>;
  readonly mount: (node: HTMLElement, context: Context) => Mount;
  /** The module `mount` needs, where it is not in the template's script. */
  readonly needs?: OnDemand<unknown>;
  /** Marks what in B2C's node a session replay must not record (core/replay.ts). */
  readonly keepOutOfReplays?: (node: HTMLElement) => void;
}

const markSecretCopies = (selector: string) => (node: HTMLElement) => node.querySelectorAll(selector).forEach((copy) => markForReplays(copy));
const markCodeField = (node: HTMLElement) => markForReplays(node, INPUT_NOT_RECORDED);

const CONTROLS: readonly Control[] = [
  {
    tag: 'totp-qr-code',
    find: (api) => api.querySelectorAll<HTMLElement>(B2C.QR_CONTROL.container),
    mount: (node, context) => enrollment.module()!.mountQrCode(node, context),
    needs: enrollment,
    keepOutOfReplays: markSecretCopies(B2C.QR_CONTROL.secretCopies),
  },
  {
    tag: 'totp-authenticator-info',
    find: (api) => api.querySelectorAll<HTMLElement>(B2C.INFO_CONTROL.container),
    mount: (node, context) => enrollment.module()!.mountAuthenticatorInfo(node, context),
    needs: enrollment,
    keepOutOfReplays: markSecretCopies(B2C.INFO_CONTROL.secretCopies),
  },
  {
    tag: 'totp-app-icon',
    find: (api) => api.querySelectorAll<HTMLElement>(B2C.APP_ICON_CONTROL.container),
    mount: (node, context) => enrollment.module()!.mountAppIcon(node, context),
    needs: enrollment,
  },
  {
    tag: 'totp-code-input',
    find: (api, options) => findCodeInputs(api, options.claims?.code),
    mount: (node, context) => mountCodeInput(node as HTMLInputElement, context),
    keepOutOfReplays: markCodeField,
  },
  {
    tag: 'totp-code-input',
    find: findSentCodes,
    mount: (node, context) => sentCodes.module()!.mountSentCode(node as HTMLInputElement, context),
    needs: sentCodes,
    keepOutOfReplays: markCodeField,
  },
];

// Hides only what the kit replaces, and only where the kit's element is in place
// (each page module hides what it replaces, sheetOnce in mount.ts). B2C's
// page-level server error shows on the TOTP code input instead: once, not twice.
// While the code input is blocked (too many attempts, the service down), B2C's
// Continue invites no further attempt. A rule each: a browser that does not
// know :has() or :state() drops that rule alone.
const hideReplaced = sheetOnce(`
form:has(${B2C.CODE_INPUT.inForm} input[${MARKER}]) > #claimVerificationServerError { display: none !important }
form:has(${B2C.CODE_INPUT.inForm} totp-code-input:state(blocked)) > .buttons > #continue { display: none !important }`);

/**
 * Upgrades the B2C page in `doc` now and whenever B2C changes #api.
 * Returns a function that stops watching.
 */
export function startBridge(doc: Document = document, options: BridgeOptions = readOptions(doc)): () => void {
  const api = doc.querySelector<HTMLElement>(B2C.API);
  if (!api) return () => undefined;
  hideReplaced(doc);
  const run = () => upgradePage(api, options);
  const observer = new MutationObserver(run);
  // Attributes too: B2C reveals its server error by changing style and aria-hidden.
  observer.observe(api, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'aria-hidden'] });
  // Before B2C's own handlers (capture): a new code empties the field, a Verify awaits B2C's answer anew. Nothing is stopped or prevented.
  // (Before its module is there, no code field is the kit's: nothing to do.)
  const onClick = (event: Event) => sentCodes.module()?.handleControlClick(api, event);
  api.addEventListener('click', onClick, true);
  run();
  return () => (observer.disconnect(), api.removeEventListener('click', onClick, true));
}

function upgradePage(api: HTMLElement, options: BridgeOptions): void {
  let context: Context | undefined;
  for (const control of CONTROLS) {
    for (const node of control.find(api, options)) {
      // At once, before any element loads: a recorder may snapshot the page meanwhile (rrweb does at load).
      control.keepOutOfReplays?.(node);
      if (settled(node)) continue;
      // B2C's node stays as it is until the element is defined and its mount loaded (or forever, if either cannot be).
      // Both are asked for in this pass, together.
      const mountable = control.needs?.ready(() => upgradePage(api, options)) ?? true;
      if (!definedOrLoading(control.tag, api, options) || !mountable) continue;
      context ??= contextOf(api, options);
      // Once in place, B2C's error may already be showing: put it on the element.
      void upgradeOnce(node, () => inLanguage(control.mount(node, context!), node, options)).then(() => syncErrors(api, options));
    }
  }
  upgradeServerQr(api, options);
  syncErrors(api, options);
}

function syncErrors(api: HTMLElement, options: BridgeOptions): void {
  syncServerError(api, options);
  sentCodes.module()?.syncSentCodes(api, options);
}

/**
 * The REST-API sample's enrollment page: the server's QR image claim (a Readonly
 * field holding base64), upgraded by a module of its own that only this page
 * loads, with the kit's QR code and account details where the claim map names a
 * URI (or a secret) claim on the page.
 */
function upgradeServerQr(api: HTMLElement, options: BridgeOptions): void {
  const field = api.querySelector<HTMLElement>(B2C.claimField(options.claims?.qrImage ?? B2C.SERVER_QR_CLAIM));
  const item = field?.parentElement?.parentElement;
  if (!field || !item) return;
  // At once, before the module loads: the image, its base64 and the URI and secret claims all hold the secret.
  // Their whole items (B2C's field and the kit's image alike): the module imports nothing of the entry's.
  const secretClaims = [options.claims?.uri, options.claims?.secret?.id].flatMap((id) => {
    const claim = id && api.querySelector(B2C.claimField(id))?.parentElement?.parentElement;
    return claim ? [claim] : [];
  });
  for (const claim of secretClaims) markForReplays(claim);
  markForReplays(item);
  // The module and its texts, asked for together (the module asks for the texts again when it mounts: the same module, loaded once).
  serverQr ??= onDemand('the QR image', () => {
    void Promise.resolve(options.serverQrTexts?.()).catch(() => undefined);
    return import('./controls/server-qr.js');
  });
  if (settled(item) || !serverQr.ready(() => upgradePage(api, options))) return;
  const module = serverQr.module()!;
  const claims = module.claimValues((id) => api.querySelector(B2C.claimField(id)), options.claims ?? {});
  // Every element the page needs, asked for at once (not one after the other).
  const defined = module.tagsFor(claims).map((tag) => definedOrLoading(tag, api, options));
  if (!defined.every(Boolean)) return;
  const context = contextOf(api, options);
  void upgradeOnce(item, () => inLanguage(module.mountServerQr(item, field, claims, context), item, options)).then(() => {
    // The kit's QR code and details say what the URI and secret claims' raw fields (labelled by claim id) would:
    // hidden like B2C's other originals, once the kit's are in place; their values stay in B2C's form.
    if (item.hasAttribute(MARKER)) for (const claim of secretClaims) claim.setAttribute(SHOWN_BY_KIT, '');
  });
}

/**
 * The element in the page's language: the template's forced one as its `lang`;
 * right to left where that language is, whatever B2C's page says (the code and
 * the secret stay left to right inside the elements).
 */
function inLanguage(mount: Mount, node: Element, options: BridgeOptions): Mount {
  const { element } = mount;
  if (options.language) element.setAttribute('lang', options.language);
  const language = options.language || node.closest('[lang]')?.getAttribute('lang') || '';
  if (isRightToLeft(language)) element.setAttribute('dir', 'rtl');
  return mount;
}

const elements = new Map<KitTag, OnDemand<true>>();

/**
 * True when `tag` is defined. Otherwise false, having asked `options.load` to
 * define it (once), after which the page is upgraded again. A load that fails
 * leaves B2C's controls alone.
 */
function definedOrLoading(tag: KitTag, api: HTMLElement, options: BridgeOptions): boolean {
  if (customElements.get(tag)) return true;
  const { load } = options;
  if (!load) return false;
  if (!elements.has(tag)) elements.set(tag, onDemand(`<${tag}>`, () => load(tag).then(() => true as const)));
  elements.get(tag)!.ready(() => upgradePage(api, options));
  return false;
}

const shownErrors = new WeakMap<Element, string>();

/** Shows B2C's server error ("Wrong code entered, please try again.") on the code input, once per change. */
function syncServerError(api: HTMLElement, options: BridgeOptions): void {
  const error = api.querySelector<HTMLElement>(B2C.SERVER_ERROR);
  const codeInput = api.querySelector<TotpCodeInputElement>(B2C.CODE_INPUT.mounted);
  if (!error || !codeInput) return;
  const message = hiddenByB2C(error) ? '' : textOf(error);
  if (shownErrors.get(error) === message) return;
  shownErrors.set(error, message);
  codeInput.errorKind = errorKindOf(message, options.errors);
  codeInput.error = message;
}
