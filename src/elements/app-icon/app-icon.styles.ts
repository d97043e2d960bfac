import { css } from '../css.js';

export const styles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  .app {
    display: flex;
    gap: var(--totp-app-icon-gap, 0.75rem);
    align-items: center;
  }
  [part='icon'] {
    flex: none;
    width: var(--totp-app-icon-size, 3rem);
    height: var(--totp-app-icon-size, 3rem);
    color: var(--totp-app-icon-color, currentColor);
  }
  svg,
  ::slotted(*) {
    display: block;
    width: 100%;
    height: 100%;
  }
  svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  a {
    display: block;
    width: fit-content;
    color: var(--totp-app-icon-link-color, inherit);
  }
  a:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }
  p {
    margin: 0;
  }
`;
