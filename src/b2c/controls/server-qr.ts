/**
 * The REST-API TOTP sample's enrollment page (`azure-ad-b2c/samples`,
 * policies/custom-mfa-totp): its QR image claim, a Readonly field holding the
 * server's bitmap as base64 (CONTRACT.md, "The REST-API sample"). Loaded by the
 * bridge only when that field is on the page, so no other page pays for it.
 *
 * - The image reaches the page only as a `data:` URL of the claim's own bytes,
 *   after core/image.ts has checked them (strict base64, bounded size, a BMP,
 *   PNG or JPEG signature), on a forced light ground, drawn pixel for pixel.
 *   Anything else shows a clear message; nothing of a refused claim reaches
 *   the page, as HTML, text or URL.
 * - Where the template's claim map names a URI claim on the page holding a
 *   otpauth:// URI the QR code element accepts, the kit's own app links, QR
 *   code and account details take the image's place; a secret claim in
 *   clear (Base32 or base64) gives the account details alone.
 * - B2C's field stays in the form, hidden, with its value: B2C posts it back.
 * - What it shares with the template's script (mount.ts) it holds as a copy
 *   of its own (build/plugins/self-contained.ts): it loads nothing more.
 */
import { MARKER, SHOWN_BY_KIT, sheetOnce, type Mount } from '../mount.js';
import type { KitTag, ServerQrStrings } from '../options.js';
import type { Context } from './context.js';
import { checkImage, type CheckedImage } from '../../core/image.js';
import type { ClaimMap } from '../../core/claim-map.js';
import { base64ToBase32 } from '../../core/base32.js';
import { mergeStrings, unpackTexts } from '../../core/text.js';

/** The claims the page holds besides the image: each '' where the map names none or the page has none. */
export interface ServerQrClaims {
  /** An otpauth:// URI (the QR code element checks the rest), or ''. */
  readonly uri: string;
  readonly account: string;
  /** The secret in Base32, or ''. */
  readonly secret: string;
}

export const serverQrStrings: ServerQrStrings = {
  name: 'QR code to add your account to your authenticator app',
  heading: 'Scan the QR code with your authenticator app',
  error: "The QR code can't be shown. Try again later, or contact us if this keeps happening.",
};

/** The text of a claim's field: an input's or text area's value, anything else's text. */
export function fieldValue(field: Element | null): string {
  if (!field) return '';
  const value = field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : field.textContent;
  return (value ?? '').trim();
}

/**
 * The values of the claims `map` names, each found by `field` (the bridge's, from contract.ts:
 * this module imports nothing of the bridge's, so that it stays a chunk of its own).
 */
export function claimValues(field: (id: string) => Element | null, map: ClaimMap): ServerQrClaims {
  const claim = (id: string | undefined) => (id ? fieldValue(field(id)) : '');
  const uri = claim(map.uri);
  const secret = claim(map.secret?.id);
  return {
    // Anything but an otpauth: URI is no URI. One the element refuses hides it (adoptStyles): the server's image shows instead.
    uri: /^otpauth:\/\//i.test(uri) ? uri : '',
    account: claim(map.account),
    secret: map.secret?.encoding === 'base64' ? base64ToBase32(secret) : secret,
  };
}

/** The kit's elements the page needs for `claims`. */
export function tagsFor(claims: ServerQrClaims): KitTag[] {
  return claims.uri ? ['totp-app-icon', 'totp-qr-code', 'totp-authenticator-info'] : claims.secret ? ['totp-authenticator-info'] : [];
}

// B2C's field (hidden, its value still posted) gives way to the kit's, and so do the claims the kit's elements show.
const adoptStyles = sheetOnce(`
li[${MARKER}] > .attrEntry > :not(.totp-kit-server-qr), li[${SHOWN_BY_KIT}] { display: none !important }
.totp-kit-server-qr { display: grid; gap: 0.75rem; justify-items: start }
.totp-kit-server-qr[hidden] { display: none }
.totp-kit-server-qr-heading { margin: 0; font-weight: 600 }
.totp-kit-server-qr-image { display: block; box-sizing: content-box; max-width: calc(100% - 2rem); height: auto;
  padding: 1rem; background: #fff; border-radius: 0.25rem; image-rendering: pixelated; forced-color-adjust: none }
.totp-kit-server-qr-error { margin: 0 }
.totp-kit-server-qr:has(> totp-qr-code:not(:state(invalid))) > :is(.totp-kit-server-qr-heading, .totp-kit-server-qr-image, .totp-kit-server-qr-error),
.totp-kit-server-qr > totp-qr-code:state(invalid) { display: none }
.totp-kit-server-qr > :is(totp-app-icon, totp-qr-code, totp-authenticator-info) { justify-self: stretch }`);

/** The checked image, drawn at a whole multiple of its own pixels (about 14 rem wide) so each module stays sharp. */
function imageOf(image: Extract<CheckedImage, { ok: true }>): HTMLImageElement {
  const img = document.createElement('img');
  img.className = 'totp-kit-server-qr-image';
  img.addEventListener('load', () => {
    const width = img.naturalWidth;
    if (width > 0) img.style.width = `${width * Math.max(1, Math.floor(224 / width))}px`;
  });
  img.src = image.src;
  return img;
}

/**
 * The texts in the page's language (BridgeOptions.serverQrTexts, which the template's script loads with
 * this module), else English; the template's own (`strings.serverQr`) win.
 */
async function textsOf({ options, strings }: Context): Promise<ServerQrStrings> {
  // A loader that throws or rejects leaves the English texts.
  const translated: unknown = await Promise.resolve()
    .then(() => options.serverQrTexts?.())
    .catch(() => undefined);
  return mergeStrings(mergeStrings(serverQrStrings, unpackTexts(serverQrStrings, translated)), strings.serverQr);
}

export function mountServerQr(item: HTMLElement, field: HTMLElement, claims: ServerQrClaims, context: Context): Mount {
  const { strings } = context;
  adoptStyles(item.ownerDocument);
  const image = checkImage(fieldValue(field));
  if (!image.ok) console.warn(`b2c-totp-kit: the QR image claim is not shown (${image.problem})`);
  const img = image.ok ? imageOf(image) : undefined;
  const box = document.createElement('div');
  box.className = 'totp-kit-server-qr';
  const elements: (HTMLElement & { readonly updateComplete: Promise<unknown> })[] = [];
  // The server's image (or why not), always: shown alone, or where the kit's QR code refuses the URI (adoptStyles).
  const heading = Object.assign(document.createElement('p'), { className: 'totp-kit-server-qr-heading' });
  const error = Object.assign(document.createElement('p'), { className: 'totp-kit-server-qr-error' });
  if (!img) error.setAttribute('role', 'alert');
  // Said once the page's language is there: until then the box stays hidden, and B2C's field with it (MARKER).
  box.hidden = true;
  const said = textsOf(context).then((text) => {
    heading.textContent = text.heading;
    error.textContent = text.error;
    if (img) img.alt = text.name;
    box.hidden = false;
  });
  box.append(heading, img ?? error);
  if (claims.uri) {
    // The kit's enrollment page, as on B2C's display-control page: 1. get an app, 2. scan or add, then the details.
    const icon = document.createElement('totp-app-icon');
    icon.step = 1;
    icon.strings = { ...strings.appIcon };
    const qr = document.createElement('totp-qr-code');
    qr.value = claims.uri;
    qr.step = 2;
    // "3. Then continue…" would stand between the code and the account details, which are part of step 2.
    qr.strings = { next: '', ...strings.qrCode };
    box.prepend(icon, qr);
    elements.push(icon, qr);
  }
  if (claims.uri || claims.secret) {
    const info = document.createElement('totp-authenticator-info');
    // Properties, not attributes: the secret must not sit in an attribute of the page.
    info.uri = claims.uri;
    info.secret = claims.secret;
    info.identifier = claims.account;
    info.collapsible = true;
    info.strings = { ...strings.authenticatorInfo };
    elements.push(info);
  }
  box.append(...elements.filter((element) => element.parentElement !== box));
  // The mount waits for its texts and the elements' first render: a failure leaves B2C's field as it was.
  Object.defineProperty(box, 'updateComplete', { get: () => Promise.all([said, ...elements.map((element) => element.updateComplete)]) });
  return { element: box, insert: () => field.parentElement?.append(box) };
}
