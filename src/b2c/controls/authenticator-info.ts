/** B2C's authenticator info control → `<totp-authenticator-info>`, collapsible, inside B2C's container. */
import * as B2C from '../contract.js';
import { MARKER, sheetOnce, type Mount } from '../mount.js';
import { nonEmpty, tenantTexts, textOf, type Context } from './context.js';
import { readUri } from './qr-code.js';
import type { AuthenticatorInfoStrings } from '../../elements/authenticator-info/authenticator-info.js';

/** A claim B2C shows as "<label> <value>": its aria-label holds the bare value. */
function claimOf(node: Element | null): string {
  return node?.getAttribute('aria-label')?.trim() || textOf(node).replace(/^[^:]*:\s*/, '');
}

/** The label B2C puts before a claim ("Account Name:" → "Account Name"). */
function labelOf(node: Element | null): string {
  return textOf(node).replace(claimOf(node), '').replace(/\s*:\s*$/, '').trim();
}

const hideReplaced = sheetOnce(`.attrEntry[${MARKER}] > :not(totp-authenticator-info) { display: none !important }`);

export function mountAuthenticatorInfo(container: HTMLElement, context: Context): Mount {
  hideReplaced(container.ownerDocument);
  const { api, strings } = context;
  const tenant = tenantTexts(context);
  const account = container.querySelector(B2C.INFO_CONTROL_PARTS.account);
  const secret = container.querySelector(B2C.INFO_CONTROL_PARTS.secret);
  // The key's settings come from the page's QR code control, read once, here.
  const qrControl = api.querySelector(B2C.QR_CONTROL.container);
  const info = document.createElement('totp-authenticator-info');
  // Properties, not attributes: the secret must not sit in an attribute of the page.
  info.uri = qrControl ? readUri(qrControl) : '';
  info.identifier = claimOf(account);
  info.secret = claimOf(secret);
  info.collapsible = true;
  info.strings = {
    ...nonEmpty<AuthenticatorInfoStrings>({
      disclosure: tenant(textOf(container.querySelector(B2C.INFO_CONTROL_PARTS.collapse))),
      account: tenant(labelOf(account)),
      secret: tenant(labelOf(secret)),
    }),
    ...strings.authenticatorInfo,
  };
  return { element: info, insert: () => container.append(info) };
}
