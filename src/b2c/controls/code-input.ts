/** B2C's code field (the TOTP page's `#otpCode`) → `<totp-code-input>` attached to B2C's own input, which stays where it is. */
import * as B2C from '../contract.js';
import type { Mount } from '../mount.js';
import { nonEmpty, type Context } from './context.js';
import type { CodeInputStrings } from '../../elements/code-input/code-input.js';

/** The number of digits a B2C pattern such as `^[0-9]{6}$` or `^\d{8}$` asks for. */
export function digitsOfPattern(pattern: string): number | undefined {
  const match = /^\^?(?:\[0-9\]|\\d)\{(\d+)\}\$?$/.exec(pattern);
  return match ? Number(match[1]) : undefined;
}

/**
 * The TOTP code's input: the code claim's by id (the samples' ids and the claim map's `code`),
 * else, for a renamed claim, a text box whose pattern asks for digits only where it is the only
 * field the page asks for, as on the TOTP verification page (a sign-up page's postal code stands
 * among other fields, and stays B2C's).
 */
export function findCodeInputs(api: HTMLElement, mapped?: string): HTMLInputElement[] {
  const inputs = [...api.querySelectorAll<HTMLInputElement>(B2C.CODE_INPUT.inputs)];
  const claims: readonly string[] = mapped ? [mapped, ...B2C.CODE_INPUT.claims] : B2C.CODE_INPUT.claims;
  const byClaim = inputs.filter((input) => claims.includes(input.id));
  if (byClaim.length > 0) return byClaim;
  const fields = [...api.querySelectorAll(B2C.FORM_FIELDS)];
  const only = fields.length === 1 ? inputs.find((input) => input === fields[0]) : undefined;
  return only && digitsOfPattern(only.pattern) !== undefined ? [only] : [];
}

export function mountCodeInput(input: HTMLInputElement, { api, options, strings }: Context): Mount {
  const codeInput = document.createElement('totp-code-input');
  codeInput.length = digitsOfPattern(input.pattern) ?? 6;
  codeInput.autosubmit = options.autosubmit === true;
  // Autosubmit presses B2C's own button: B2C posts the form its own way.
  const button = api.querySelector<HTMLButtonElement>(B2C.CONTINUE_BUTTON);
  if (button?.id) codeInput.submitButton = button.id;
  // The claim's help text (UserHelpText) is the policy's own: the hint, in the policy's language.
  codeInput.strings = { ...nonEmpty<CodeInputStrings>({ hint: input.title }), ...strings.codeInput };
  // B2C's input itself, not its id: an input without an id would have the element create a second one.
  codeInput.attach(input);
  return { element: codeInput, insert: () => input.after(codeInput) };
}
