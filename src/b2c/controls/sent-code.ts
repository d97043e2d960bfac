/**
 * The codes B2C sends (by e-mail or text message) and checks itself: a
 * VerificationControl's code field (`li.VerificationCode`, e-mail or phone) and
 * the phone-factor page's `#verificationCode`. `<totp-code-input>` attaches to
 * B2C's own input, which stays where it is, and follows B2C's state: B2C enables
 * the field (the element draws a disabled input as such), shows its messages
 * (the error moves onto the input, the others are read with it), and a new code
 * empties the field. B2C's own buttons stay B2C's: autosubmit presses its Verify.
 * The bridge loads this module with the element, only where B2C asks for such a
 * code; it finds the fields itself (sent-code-fields.ts).
 */
import * as B2C from '../contract.js';
import { MARKER, sheetOnce, type Mount } from '../mount.js';
import { errorKindOf } from '../texts.js';
import type { BridgeOptions } from '../options.js';
import { digitsOfPattern } from './code-input.js';
import { hiddenByB2C, nonEmpty, textOf, type Context } from './context.js';
import { fields, SHOWN_ON_INPUT, type KINDS } from './sent-code-fields.js';
import type { CodeInputStrings, TotpCodeInputElement } from '../../elements/code-input/code-input.js';

/** What each kind of field (sent-code-fields.ts's KINDS, in order) has around it: its messages and buttons. */
const PARTS: readonly { readonly error: string; readonly messages?: string; readonly verify: string; readonly send: string }[] & { length: (typeof KINDS)['length'] } = [
  B2C.VERIFICATION_CONTROL_PARTS,
  B2C.PHONE_FACTOR_PARTS,
];


/** Whether `node` and each of its ancestors up to `container` are shown. */
function shownIn(node: HTMLElement, container: HTMLElement): boolean {
  for (let at: HTMLElement | null = node; at && at !== container; at = at.parentElement) if (hiddenByB2C(at)) return false;
  return true;
}

// A verification control's error shows on its code input instead: once, not twice. While the code input is
// blocked (too many attempts, the service down), B2C's Verify invites no further attempt.
const hideReplaced = sheetOnce(`
[${SHOWN_ON_INPUT}] { display: none !important }
.verificationControlContent:has(totp-code-input:state(blocked)) > .buttons > .verifyCode { display: none !important }`);

export function mountSentCode(input: HTMLInputElement, { api, options, strings }: Context): Mount {
  hideReplaced(input.ownerDocument);
  const [, container, index] = [...fields(api)].find(([field]) => field === input)!;
  const kind = PARTS[index];
  const codeInput = document.createElement('totp-code-input');
  // B2C's field has no pattern; a policy's own CodeLength comes from the template.
  codeInput.length = digitsOfPattern(input.pattern) ?? options.codeLength ?? 6;
  codeInput.sent = true;
  // B2C checks the code with its Verify button: the field must never hold up the page's own Continue.
  codeInput.noValidate = true;
  codeInput.autosubmit = options.autosubmit === true;
  const verify = container.querySelector<HTMLButtonElement>(kind.verify);
  if (verify?.id) codeInput.submitButton = verify.id;
  // The claim's help text (UserHelpText) is the policy's own hint, in the policy's language.
  codeInput.strings = { ...nonEmpty<CodeInputStrings>({ hintSent: input.title }), ...strings.codeInput };
  codeInput.attach(input);
  return {
    element: codeInput,
    insert: () => {
      // B2C's autocomplete=off keeps the phone's text-message code autofill away.
      if (input.getAttribute('autocomplete') === 'off') input.setAttribute('autocomplete', 'one-time-code');
      input.after(codeInput);
    },
  };
}

/** The element on B2C's field, once the field is upgraded. */
function codeInputOf(input: HTMLInputElement): TotpCodeInputElement | undefined {
  const next = input.nextElementSibling;
  return input.hasAttribute(MARKER) && next?.localName === 'totp-code-input' ? (next as TotpCodeInputElement) : undefined;
}

const shownErrors = new WeakMap<Element, string>();

/**
 * Puts B2C's state on each upgraded code field: its error (while the field is
 * shown; before a code is sent the error stays B2C's, above the address or
 * number) once per change, and its shown info or success message in the
 * field's description.
 */
export function syncSentCodes(api: HTMLElement, options: BridgeOptions): void {
  for (const [input, container, index] of fields(api)) {
    const codeInput = codeInputOf(input);
    if (!codeInput) continue;
    const kind = PARTS[index];
    const errors = [...container.querySelectorAll<HTMLElement>(kind.error)];
    const error = shownIn(input, container) ? errors.find((node) => !hiddenByB2C(node) && textOf(node)) : undefined;
    for (const node of errors) node.toggleAttribute(SHOWN_ON_INPUT, node === error);
    const message = textOf(error);
    if (shownErrors.get(codeInput) !== message) {
      shownErrors.set(codeInput, message);
      codeInput.errorKind = errorKindOf(message, options.errors);
      codeInput.error = message;
    }
    describeWith(input, kind.messages ? [...container.querySelectorAll<HTMLElement>(kind.messages)] : []);
  }
}

/** B2C's shown messages join the field's description; hidden ones leave it (a hidden node referenced is still read). */
function describeWith(input: HTMLInputElement, messages: HTMLElement[]): void {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !messages.some((node) => node.id === id));
  const shown = messages.filter((node) => !hiddenByB2C(node) && textOf(node)).map((node) => node.id);
  const value = [...shown, ...ids].join(' ');
  if (value !== (input.getAttribute('aria-describedby') ?? '')) input.setAttribute('aria-describedby', value);
}

/**
 * A click on one of B2C's buttons: "Send new code" (or the first send) voids the
 * code typed so far; Verify asks anew, so B2C's answer is shown even where it
 * repeats the last message without hiding it between.
 */
export function handleControlClick(api: HTMLElement, event: Event): void {
  const target = event.target as Node;
  const pressed = (container: HTMLElement, selector: string) => [...container.querySelectorAll(selector)].some((button) => button.contains(target));
  for (const [input, container, index] of fields(api)) {
    const codeInput = codeInputOf(input);
    if (!codeInput) continue;
    const kind = PARTS[index];
    if (pressed(container, kind.send)) codeInput.clear();
    if (pressed(container, kind.verify)) shownErrors.delete(codeInput);
  }
}
