import { css } from '../css.js';
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
    color: var(--totp-code-input-error-color, currentColor);
  }
  .totp-code-input-next {
    display: block;
    margin-block-start: 0.25rem;
  }
  input[data-totp-code] {
    --g: min(var(--totp-code-input-gap, 0.5em), calc(var(--totp-room, 100vw) / var(--totp-n) / 3));
    --w: min(var(--totp-code-input-slot-width, 1.75em), calc((var(--totp-room, 100vw) - var(--totp-n) * var(--g) + 0.5ch - 2px) / (var(--totp-n) + 0.5)));
    --s: calc(var(--w) + var(--g));
    --x: calc(0.5ch - var(--w) / 2);
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
  input[data-totp-code]:is(:disabled, [readonly]) {
    opacity: 0.6;
  }
  input[data-totp-code='boxes'] {
    --line: var(--totp-code-input-slot-line-color, currentColor);
    --line-width: 2px;
    --boxes:
      repeating-linear-gradient(90deg, var(--line) 0 var(--w), #0000 0 var(--s)) var(--x) 100% / calc(var(--totp-n) * var(--s)) var(--line-width)
        no-repeat content-box border-box,
      repeating-linear-gradient(90deg, var(--totp-code-input-selection-color, #3b82f680) 0 var(--w), #0000 0 var(--s))
        calc(var(--x) + var(--totp-at, 0) * var(--s)) 0 / calc(var(--totp-selected, 0) * var(--s)) 100% no-repeat content-box border-box,
      repeating-linear-gradient(90deg, var(--totp-code-input-slot-background, #8882) 0 var(--w), #0000 0 var(--s)) var(--x) 0 /
        calc(var(--totp-n) * var(--s)) 100% no-repeat content-box border-box;
    height: var(--totp-code-input-slot-height, 2.25em);
    padding: 0 0 0 calc(var(--w) / 2 - 0.5ch);
    border: 0;
    border-radius: 0;
    outline: 0;
    color: inherit;
    font-size: var(--totp-code-input-font-size, 1.5rem);
    background: var(--boxes);
  }
  input[data-totp-code='boxes'][aria-invalid='true'] {
    --line: var(--totp-code-input-error-color, currentColor);
    --line-width: 3px;
  }
  /* The boxes say what to enter; a placeholder would be spread across them. */
  input[data-totp-code='boxes']::placeholder {
    color: transparent;
  }
  /* The boxes show the selection: a highlight would run past the last one, over the letter spacing. */
  input[data-totp-code='boxes']::selection {
    background: #0000;
  }
  /* Focus: an outline round the box the next digit goes into, inside the field. */
  input[data-totp-code='boxes']:focus-visible {
    --f: var(--totp-code-input-focus-color, currentColor);
    --at: calc(var(--x) + var(--totp-at, 0) * var(--s));
    background:
      linear-gradient(var(--f) 0 0) var(--at) 0 / var(--w) 2px no-repeat content-box border-box,
      linear-gradient(var(--f) 0 0) var(--at) 100% / var(--w) 2px no-repeat content-box border-box,
      linear-gradient(var(--f) 0 0) var(--at) 0 / 2px 100% no-repeat content-box border-box,
      linear-gradient(var(--f) 0 0) calc(var(--at) + var(--w) - 2px) 0 / 2px 100% no-repeat content-box border-box,
      var(--boxes);
  }
  /* Forced colours draw no backgrounds: a plain field with the system's focus ring. */
  @media (forced-colors: active) {
    input[data-totp-code='boxes'] {
      border: 1px solid;
    }
    input[data-totp-code='boxes']:focus-visible {
      outline: 2px solid;
      outline-offset: 2px;
    }
  }
`;
