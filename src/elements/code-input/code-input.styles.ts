import { css } from 'lit';
import { visuallyHiddenRules } from '../visually-hidden.styles.js';

// One sheet for the document (or shadow root) that holds the input: the input
// is light DOM and may sit outside the element, as B2C's #otpCode does.
// `--totp-n` (the number of digits) is set on the input through the CSSOM.
// Digit slots are backgrounds of the one input: a monospace digit advances by
// exactly one slot (1ch + letter-spacing), so each sits centred in its box,
// and the caret, selection and editing stay the browser's own.
export const styles = css`
  totp-code-input {
    display: block;
    overflow-wrap: anywhere;
  }
  totp-code-input[hidden] {
    display: none;
  }
  .totp-code-input-label {
    display: block;
    margin-block-end: 0.5rem;
  }
  .totp-code-input-hint {
    ${visuallyHiddenRules}
  }
  .totp-code-input-message:not(:empty) {
    margin-block-start: 0.5rem;
  }
  .totp-code-input-error:not(:empty) {
    padding-inline-start: 0.5rem;
    border-inline-start: 0.25rem solid;
    color: var(--totp-code-input-error-color, inherit);
  }
  input[data-totp-code] {
    --w: var(--totp-code-input-slot-width, 1.75em);
    --s: calc(var(--w) + var(--totp-code-input-gap, 0.5em));
    direction: ltr;
    text-align: left;
    font-family: var(--totp-code-input-font-family, ui-monospace, monospace);
    box-sizing: content-box;
    /* The slots, then 2px for the caret after the last digit: WebKit adds the caret's
       width (1px, 2px on iOS) to the scrollable width of a field without end padding,
       so a field just as wide as its digits would scroll them sideways by that much. */
    width: calc(var(--totp-n) * var(--s) + 2px);
    letter-spacing: calc(var(--s) - 1ch);
  }
  input[data-totp-code='spaced'] {
    --w: 1ch;
  }
  input[data-totp-code='boxes'] {
    height: var(--totp-code-input-slot-height, 2.25em);
    padding: 0 0 0 calc(var(--w) / 2 - 0.5ch);
    border: 0;
    border-radius: 0;
    color: inherit;
    font-size: var(--totp-code-input-font-size, 1.5rem);
    background:
      repeating-linear-gradient(90deg, var(--totp-code-input-slot-line-color, currentColor) 0 var(--w), #0000 0 var(--s))
        calc(0.5ch - var(--w) / 2) 100% / calc(var(--totp-n) * var(--s)) 2px no-repeat content-box border-box,
      repeating-linear-gradient(90deg, var(--totp-code-input-slot-background, #8882) 0 var(--w), #0000 0 var(--s))
        calc(0.5ch - var(--w) / 2) 0 / calc(var(--totp-n) * var(--s)) 100% no-repeat content-box border-box;
  }
  /* The boxes say what to enter; a placeholder would be spread across them. */
  input[data-totp-code='boxes']::placeholder {
    color: transparent;
  }
  input[data-totp-code='boxes']:focus-visible {
    outline: 2px solid;
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    input[data-totp-code='boxes'] {
      border: 1px solid;
    }
  }
`;
