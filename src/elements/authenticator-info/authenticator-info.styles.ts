import { css } from '../css.js';

// No comments inside the css literal: they would ship in the bundle.
// - Long labels (a 124-character account, say) wrap rather than scroll the page sideways; the
//   secret breaks between groups (at each <wbr>), inside a group only when it cannot fit.
// - Each group is isolated and shown strictly in typing order, left to right: what is read is what
//   Copy writes, even for a secret that is not Base32 and holds right-to-left letters.
// - The countdown ring drains over one period; its duration and phase are set through the CSSOM.

export const styles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  dl,
  dd,
  p,
  .link {
    margin: 0 0 var(--totp-authenticator-info-gap, 0.75rem);
  }
  dt {
    font-weight: bold;
  }
  [part='secret'] {
    font-family: var(--totp-authenticator-info-secret-font, ui-monospace, monospace);
    font-size: var(--totp-authenticator-info-secret-size, 1.25em);
  }
  .groups > span {
    unicode-bidi: isolate-override;
  }
  .groups > span ~ span {
    margin-inline-start: var(--totp-authenticator-info-group-gap, 1ch);
  }
  button {
    font: inherit;
  }
  button:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }
  .link {
    display: block;
    padding: 0;
    border: 0;
    background: none;
    color: var(--totp-authenticator-info-link-color, inherit);
    text-decoration: underline;
    text-align: start;
    cursor: pointer;
  }
  @media (forced-colors: active) {
    .link {
      color: LinkText;
    }
  }
  svg {
    width: 1em;
    height: 1em;
    margin-inline-end: 0.5em;
    vertical-align: -0.125em;
    rotate: -90deg;
    fill: none;
    stroke: currentColor;
    stroke-width: 3;
    stroke-dasharray: 100;
  }
  circle {
    animation: totp-countdown 30s linear infinite;
  }
  @keyframes totp-countdown {
    to {
      stroke-dashoffset: 100;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    svg {
      display: none;
    }
  }
`;
