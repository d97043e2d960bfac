/**
 * Everything the kit knows about the DOM Azure AD B2C renders into `<div id="api">`
 * on its TOTP pages (selfasserted 2.1.9 and later), in one place. Source and
 * confidence of each fact: CONTRACT.md beside this file (two captures of live
 * pages, Microsoft's template CSS, production code written against B2C).
 *
 * Controls are found by class, never by the sample ids: policy authors choose
 * DisplayControl ids, and only the `UserInterfaceControlType` class is fixed.
 */

/** The container B2C fills; it is in the template, B2C replaces its content. */
export const API = '#api';

/** B2C's submit button ("Continue" on enrollment, "Verify" on verification). */
export const CONTINUE_BUTTON_ID = 'continue';

export const QR_CONTROL = {
  /** `div.qrCodeControlContent#<controlId>` inside `li.QrCodeControl`. */
  container: 'li.QrCodeControl .qrCodeControlContent, .qrCodeControlContent',
  /** "Scan the QR code" (title_text). */
  title: '[id$="-title"]',
  /** The otpauth URI, in order of preference: hidden text, link, tooltip of the picture. */
  uriText: '[id$="-text"]',
  uriLink: 'a[href^="otpauth:" i]',
  picture: '[id$="-picture"]',
  image: 'img',
} as const;

export const INFO_CONTROL = {
  /** `div.attrEntry#<controlId>` inside `li.AuthenticatorInfoControl`. */
  container: 'li.AuthenticatorInfoControl .attrEntry[id]',
  /** The class of that container (B2C reuses `.attrEntry` for it). */
  containerClass: '.attrEntry',
  /** Text "Account Name: <totpIdentifier>"; its aria-label is the bare claim. */
  account: '[id$="-account_name"]',
  /** Text "Secret: <secretKey>"; its aria-label is the bare claim. */
  secret: '[id$="-secret"]',
  /** "Still having trouble?" (collapse_text), a javascript: link B2C handles. */
  collapse: '[id$="-collapse_text"]',
} as const;

export const APP_ICON_CONTROL = {
  /** `div.authenticatorIconControlContent#<controlId>` inside `li.AuthenticatorAppIconControl`. */
  container: 'li.AuthenticatorAppIconControl .authenticatorIconControlContent, .authenticatorIconControlContent',
  containerClass: '.authenticatorIconControlContent',
  /** Its last line ("Once you've downloaded the Authenticator app…"): the kit's links go before it. */
  instruction: '[id$="-instruction"]',
  googlePlay: 'a.googleStoreIconControlContent',
  appStore: 'a.appStoreIconControlContent',
} as const;

export const CODE_INPUT = {
  /** The otpCode claim's input, by its claim id. */
  byId: 'input#otpCode',
  /** Else a digits-only pattern input in the attribute list (a renamed claim). */
  byPattern: '#attributeList input[pattern]',
} as const;

/** Page-level error B2C fills after a failed verification ("Wrong code entered, please try again."). */
export const SERVER_ERROR = '#claimVerificationServerError';

