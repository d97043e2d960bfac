/** A numbered part of a set-up ("2. Scan the QR code…"), shared by the elements of B2C's enrollment page. */
import { html, nothing } from 'lit/html.js';
import { css } from './css.js';
import { languageOf } from './translation.js';

/** `n` in the digits of the page's language; a `lang` that is no language tag gets the plain number. */
function formatNumber(host: Element, n: number): string {
  try {
    return new Intl.NumberFormat(languageOf(host)).format(n);
  } catch {
    return String(n);
  }
}

/** "2. label", the number in its own part; nothing for step 0. */
export const stepLine = (host: Element, step: number, label: string) =>
  step > 0 ? html`<span part="step">${formatNumber(host, step)}.</span> ${label}` : nothing;

/** The step's heading (`<h2 part="heading">`); nothing for step 0. */
export const stepHeading = (host: Element, step: number, label: string) =>
  step > 0 ? html`<h2 part="heading">${stepLine(host, step, label)}</h2>` : nothing;

export const stepStyles = css`
  h2 {
    margin: 0 0 0.5rem;
    font: inherit;
    font-weight: 600;
  }
`;
