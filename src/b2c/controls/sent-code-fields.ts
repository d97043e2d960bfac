/**
 * Where B2C asks for a code it sent (sent-code.ts): the fields, found by the
 * bridge on every page before anything loads. DOM reads only.
 */
import * as B2C from '../contract.js';

/** Set on B2C's error message while the code input shows it; the bridge's sheet hides it then (said once, not twice). */
export const SHOWN_ON_INPUT = 'data-totp-kit-shown';

/** The kinds of field: each found by its container and, inside it, its code field. */
export const KINDS = [B2C.VERIFICATION_CONTROL, B2C.PHONE_FACTOR] as const;

/** Each code field with its container and the index of its kind in KINDS. */
export function* fields(api: HTMLElement): Generator<[HTMLInputElement, HTMLElement, number]> {
  for (const [index, kind] of KINDS.entries()) {
    for (const container of api.querySelectorAll<HTMLElement>(kind.container)) {
      const input = container.querySelector(kind.code);
      if (input instanceof HTMLInputElement) yield [input, container, index];
    }
  }
}

export const findSentCodes = (api: HTMLElement) => [...fields(api)].map(([input]) => input);

