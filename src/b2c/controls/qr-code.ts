/** B2C's QR code control → `<totp-qr-code>`, inside B2C's container, after B2C's own nodes. */
import * as B2C from '../contract.js';
import { DEFAULT_TEXT, MARKER, sheetOnce, type Mount } from '../mount.js';
import { nonEmpty, tenantTexts, stepOf, textOf, type Context } from './context.js';
import type { QrCodeStrings } from '../../elements/qr-code/qr-code.js';

/** The otpauth URI of one QR control: its hidden text, else its link, else its picture's tooltip. */
export function readUri(container: Element): string {
  return (
    textOf(container.querySelector(B2C.QR_CONTROL_PARTS.uriText)) ||
    container.querySelector(B2C.QR_CONTROL_PARTS.uriLink)?.getAttribute('href')?.trim() ||
    container.querySelector(B2C.QR_CONTROL_PARTS.picture)?.getAttribute('title')?.trim() ||
    ''
  );
}

// B2C's title, its default note, its picture and its link give way to the element (its picture is the element's fallback).
const hideReplaced = sheetOnce(
  `.qrCodeControlContent[${MARKER}] > :is([id$="-title"], [${DEFAULT_TEXT}], [id$="-picture"], a[href^="otpauth:" i]) { display: none !important }`,
);

export function mountQrCode(container: HTMLElement, context: Context): Mount {
  hideReplaced(container.ownerDocument);
  const { api, strings } = context;
  const tenant = tenantTexts(context);
  const qr = document.createElement('totp-qr-code');
  qr.value = readUri(container);
  // The element heads its step in place of B2C's title (hidden), which says "scan" even on the phone that must tap.
  qr.step = stepOf(api, container);
  // A tenant's own title heads the step and names the code, in the policy's language; its own link text is the link's.
  const title = tenant(textOf(container.querySelector(B2C.QR_CONTROL_PARTS.title)));
  // B2C's default note that any app works repeats the step before: hidden once the element is in place.
  const info = container.querySelector(B2C.QR_CONTROL_PARTS.info);
  if (info && !tenant(textOf(info))) info.setAttribute(DEFAULT_TEXT, '');
  // "3. Then continue…" would stand between the code and B2C's manual details, which are part of step 2.
  const next = api.querySelector(B2C.INFO_CONTROL.container) ? { next: '' } : {};
  qr.strings = {
    ...nonEmpty<QrCodeStrings>({
      heading: title,
      headingOnPhone: title,
      link: tenant(textOf(container.querySelector(B2C.QR_CONTROL_PARTS.uriLink))),
      name: title && `${title} ({issuer}: {account})`,
      nameWithoutIssuer: title && `${title} ({account})`,
      nameWithoutAccount: title,
    }),
    ...next,
    ...strings.qrCode,
  };
  // B2C's own image stays the fallback: the element shows it in its error state.
  // A copy without B2C's id: the page must never hold two elements with one id.
  const image = container.querySelector(B2C.QR_CONTROL_PARTS.image)?.cloneNode();
  if (image instanceof Element) {
    image.removeAttribute('id');
    qr.append(image);
  }
  return { element: qr, insert: () => container.append(qr) };
}
