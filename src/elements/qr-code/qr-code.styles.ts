import { css } from '../css.js';

// No comments inside the css literal: they would ship in the bundle.
// forced-color-adjust: scanners need dark on light, so no theme, colour scheme
// or forced-colours mode may recolour the code.

export const styles = css`
  :host {
    display: inline-block;
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  svg {
    display: block;
    width: var(--totp-qr-code-size, 12.5rem);
    max-width: 100%;
    height: auto;
    aspect-ratio: 1;
    forced-color-adjust: none;
  }
  p {
    margin: var(--totp-qr-code-gap, 0.75rem) 0 0;
  }
  a {
    display: inline-block;
    margin-top: var(--totp-qr-code-gap, 0.75rem);
    color: var(--totp-qr-code-link-color, inherit);
  }
  .button {
    margin: 0;
    padding: 0.75rem 1.25rem;
    border-radius: 0.5rem;
    background: var(--totp-qr-code-button-background, CanvasText);
    color: var(--totp-qr-code-button-color, Canvas);
    font-weight: 600;
    text-decoration: none;
  }
  .toggle {
    display: block;
    min-height: 1.5rem;
    margin: var(--totp-qr-code-gap, 0.75rem) 0 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--totp-qr-code-link-color, inherit);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  #code svg {
    margin-top: var(--totp-qr-code-gap, 0.75rem);
  }
  a:focus-visible,
  button:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }
  .error {
    max-width: var(--totp-qr-code-size, 12.5rem);
    padding: 0.5rem 0.75rem;
    border-inline-start: 0.25rem solid currentColor;
    color: var(--totp-qr-code-error-color, inherit);
  }
`;
