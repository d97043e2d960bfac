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
  a {
    display: inline-block;
    margin-top: var(--totp-qr-code-gap, 0.75rem);
    color: var(--totp-qr-code-link-color, inherit);
  }
  a:focus-visible {
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
