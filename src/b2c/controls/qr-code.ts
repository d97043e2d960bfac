/** B2C's QR code control → `<totp-qr-code>`, inside B2C's container, after B2C's own nodes. */
import * as B2C from '../contract.js';
import type { Mount } from '../mount.js';
import { nonEmpty, textOf, type Context } from './context.js';
import type { QrCodeStrings } from '../../elements/qr-code/qr-code.js';

/** The otpauth URI of one QR control: its hidden text, else its link, else its picture's tooltip. */
export function readUri(container: Element): string {
  return (
    textOf(container.querySelector(B2C.QR_CONTROL.uriText)) ||
    container.querySelector(B2C.QR_CONTROL.uriLink)?.getAttribute('href')?.trim() ||
    container.querySelector(B2C.QR_CONTROL.picture)?.getAttribute('title')?.trim() ||
    ''
  );
}

export function mountQrCode(container: HTMLElement, { tenant, strings }: Context): Mount {
  const qr = document.createElement('totp-qr-code');
  qr.value = readUri(container);
  // A tenant's own title names the code, in the policy's language; its own link text is the link's.
  const title = tenant(textOf(container.querySelector(B2C.QR_CONTROL.title)));
  qr.strings = {
    ...nonEmpty<QrCodeStrings>({
      link: tenant(textOf(container.querySelector(B2C.QR_CONTROL.uriLink))),
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
