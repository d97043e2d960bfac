/**
 * Everything the kit knows about the DOM Azure AD B2C renders into `<div id="api">`
 * on its TOTP pages (selfasserted 2.1.9 and later, and the REST-API sample's
 * pages on the old selfasserted 1.1.0 / 1.2.0 contracts), in one place. Source and
 * confidence of each fact: CONTRACT.md beside this file (two captures of live
 * pages, Microsoft's template CSS, production code written against B2C).
 *
 * Controls are found by class, never by the sample ids: policy authors choose
 * DisplayControl ids, and only the `UserInterfaceControlType` class is fixed.
 * Each is found by the whole chain from B2C's attribute list down, each step a
 * child of the last: markup shaped like a control anywhere else (a claim that
 * renders as markup inside another claim's item, say) is never taken for one.
 *
 * Each control has two parts: how the template's script finds it (and what in
 * it holds the secret), which every page loads, and what its mount reads inside
 * it (`…_PARTS`), which only the page module that mounts on it loads.
 */

/** The container B2C fills; it is in the template, B2C replaces its content. */
export const API = '#api';

/** B2C's form, a child of #api (selectors run from #api), and its list of claims and controls (`li.<Type>.<id>_li`). */
const FORM = ':scope > form#attributeVerification';
const ITEM = `${FORM} > #attributeList > ul > li`;

/** Every field of B2C's form that takes input from the user (its hidden inputs, read-only and disabled fields aside). */
export const FORM_FIELDS = `${FORM} :is(input:not([type=hidden], [readonly], [disabled]), select, textarea)`;

/** B2C's submit button ("Continue" on enrollment, "Verify" on verification). */
export const CONTINUE_BUTTON = `${FORM} > .buttons > button#continue`;

export const QR_CONTROL = {
  /** `div.qrCodeControlContent#<controlId>` in `li.QrCodeControl`. */
  container: `${ITEM}.QrCodeControl > .attrEntry > .qrCodeControlContent`,
  /** What holds the URI, and so the secret: the picture (its tooltip, its image), the hidden text, the link. */
  secretCopies: ':scope > :is([id$="-picture"], [id$="-text"], a[href^="otpauth:" i]), :scope > [id$="-picture"] > img',
} as const;

export const QR_CONTROL_PARTS = {
  /** Inside the container: "Scan the QR code" (title_text). */
  title: ':scope > [id$="-title"]',
  /** "You can download the Microsoft Authenticator app or use any other authenticator app of your choice." (info_msg). */
  info: ':scope > .qrCodeInfo',
  /** The otpauth URI, in order of preference: hidden text, link, tooltip of the picture. */
  uriText: ':scope > [id$="-text"]',
  uriLink: ':scope > a[href^="otpauth:" i]',
  picture: ':scope > [id$="-picture"]',
  image: ':scope > [id$="-picture"] > img',
} as const;

export const INFO_CONTROL = {
  /** `div.attrEntry#<controlId>` in `li.AuthenticatorInfoControl` (B2C reuses `.attrEntry` for it). */
  container: `${ITEM}.AuthenticatorInfoControl > .attrEntry > .attrEntry[id]`,
  /** What holds the secret: its text (and its aria-label). */
  secretCopies: ':scope > [id$="-secret"]',
} as const;

export const INFO_CONTROL_PARTS = {
  /** Inside the container: text "Account Name: <totpIdentifier>"; its aria-label is the bare claim. */
  account: ':scope > [id$="-account_name"]',
  /** Text "Secret: <secretKey>"; its aria-label is the bare claim. */
  secret: ':scope > [id$="-secret"]',
  /** "Still having trouble?" (collapse_text), a javascript: link B2C handles. */
  collapse: ':scope > [id$="-collapse_text"]',
} as const;

export const APP_ICON_CONTROL = {
  /** `div.authenticatorIconControlContent#<controlId>` in `li.AuthenticatorAppIconControl`. */
  container: `${ITEM}.AuthenticatorAppIconControl > .attrEntry > .authenticatorIconControlContent`,
} as const;

export const APP_ICON_CONTROL_PARTS = {
  /** Inside the container: its first line ("Download the Microsoft Authenticator using the download links…", title_text). */
  title: ':scope > [id$="-title"]',
  /** Inside the container: its last line ("Once you've downloaded the Authenticator app…"): the kit's links go before it. */
  instruction: ':scope > [id$="-instruction"]',
  googlePlay: ':scope > a.googleStoreIconControlContent',
  appStore: ':scope > a.appStoreIconControlContent',
} as const;

/**
 * The enrollment page's parts, in B2C's order: each one present is a numbered step (get the app, add the account).
 * A function, not a list: only the enrollment mounts ask, and a list's property reads would stay in every page's script.
 */
export const enrollmentSteps = () => [APP_ICON_CONTROL.container, QR_CONTROL.container] as const;

export const CODE_INPUT = {
  /** The code claim's text input, `input#<claimId>.textInput` in `li.TextBox`. */
  inputs: `${ITEM}.TextBox > .attrEntry > input`,
  /**
   * The claim ids of the TOTP code: Microsoft's TOTP sample's `otpCode` and the REST-API
   * sample's `strongAuthenticationAppCode` (a TextBox with no pattern); others come from
   * the template's claim map (`code` in #totp-kit-claims).
   */
  claims: ['otpCode', 'strongAuthenticationAppCode'],
  /**
   * The TOTP code input where the kit mounted on it: a child of B2C's list, as a
   * verification control's code is not. The page-level error is its error.
   */
  mounted: `${ITEM} > .attrEntry > input[data-totp-kit] + totp-code-input`,
  /** The same place, relative to the form, for `form:has(…)` in the bridge's sheet. */
  inForm: '> #attributeList > ul > li > .attrEntry >',
} as const;

/**
 * A VerificationControl (e-mail or phone: `li.VerificationControl`), which sends a
 * code and checks it itself through its own buttons. Its parts, from the control's
 * `div.verificationControlContent#<controlId>`; B2C shows and hides each through
 * `style` and `aria-hidden`. Capture E; CONTRACT.md, "Verification controls".
 */
export const VERIFICATION_CONTROL = {
  container: `${ITEM}.VerificationControl > .attrEntry > .verificationControlContent`,
  /** The code claim's field, found by the `VerificationCode` class, never by claim id: `input#<claimId>[autocomplete=off][disabled]`. */
  code: ':scope > ul > li.VerificationCode > .attrEntry > input',
} as const;

export const VERIFICATION_CONTROL_PARTS = {
  /** The message nodes: `div#<controlId>_error_message` and so on, each in its own wrapper. */
  error: ':scope > .verificationErrorText > [id]',
  messages: ':scope > :is(.verificationInfoText, .verificationSuccessText) > [id]',
  /** "Verify code" (`<controlId>_but_verify_code`): what autosubmit presses. */
  verify: ':scope > .buttons > button.verifyCode',
  /** "Send verification code" and "Send new code": a new code voids the one typed. */
  send: ':scope > .buttons > :is(button.sendCode, button.sendNewCode)',
} as const;

/**
 * The phone-factor (multi-factor) page, `#api[data-name=Phonefactor]`: its ids are
 * B2C's own, not the policy's. Microsoft's 1.x fragment and its current template
 * CSS (`multifactor-1.0.0.html`); CONTRACT.md, "Phone-factor page".
 */
export const PHONE_FACTOR = {
  container: ':scope > #phonefactor_initial',
  code: ':scope > #codeVerification input#verificationCode',
} as const;

export const PHONE_FACTOR_PARTS = {
  /** The field's error (Microsoft's CSS styles `#codeVerification .error.itemLevel p`; inference that B2C shows it there). */
  error: ':scope > #codeVerification .error.itemLevel',
  /** "Send Code", then "Verify" (inference: one button, `#verifyCode`, for both). */
  verify: ':scope > .buttons > button#verifyCode',
  /** "send a new code". */
  send: ':scope > #codeVerification button#retryCode',
} as const;

/**
 * A claim's own field, by its id: `<input|textarea|p id=<claimId>>` in its item's
 * `.attrEntry`, on every self-asserted contract from 1.1.0 on (CONTRACT.md, "Old
 * contracts"). `id` must be a checked claim id (core/claim-map.ts: letters, digits,
 * `_`, `-`, `.`), so that it stands in the selector as it is.
 */
export const claimField = (id: string) => `${ITEM} > .attrEntry > [id="${id}"]`;

/**
 * The REST-API TOTP sample (`azure-ad-b2c/samples`, policies/custom-mfa-totp): its QR image
 * claim, a `Readonly` claim whose field holds the server's bitmap as base64. Without a
 * claim map the kit looks for this id; a map's `qrImage` replaces it.
 */
export const SERVER_QR_CLAIM = 'strongAuthenticationAppQRCodeBitmap';

/** The template's claim map and texts: JSON data, never run. */
export const CLAIM_MAP = 'totp-kit-claims';
export const STRINGS = 'totp-kit-strings';

/** Page-level error B2C fills after a failed verification ("Wrong code entered, please try again."). */
export const SERVER_ERROR = `${FORM} > #claimVerificationServerError`;
