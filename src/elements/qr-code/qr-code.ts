import { html, nothing } from 'lit/html.js';
import { KitElement, type PropertyValues } from '../kit-element.js';
import { parseOtpauthUri, type OtpauthKey, type OtpauthProblem } from '../../core/otpauth.js';
import { encodeQr, QrCapacityError, ERROR_CORRECTION_LEVELS, type ErrorCorrection, type QrSymbol } from '../../core/qr.js';
import { canOpenAppLinks, readPlatformHints } from '../../core/platform.js';
import { format } from '../../core/text.js';
import { languageOf, localTexts } from '../translation.js';
import { markForReplays } from '../../core/replay.js';
import { defineElement } from '../define.js';
import { styles } from './qr-code.styles.js';
import { stepHeading, stepLine, stepStyles } from '../step.js';

/** Every visible or spoken text of `<totp-qr-code>`; `{issuer}` and `{account}` are filled in. */
export interface QrCodeStrings {
  /** Accessible name when issuer and account are known. */
  name: string;
  /** Accessible name when only the account is known. */
  nameWithoutIssuer: string;
  /** Accessible name when the label is empty. */
  nameWithoutAccount: string;
  /** The deep link below the code, where `deep-link="always"` shows it on a computer. */
  link: string;
  /** The step's heading (with `step`), on a computer: the code is to be scanned. */
  heading: string;
  /** The step's heading on a phone or tablet, where the code cannot be scanned by the device showing it. */
  headingOnPhone: string;
  /** The deep link as the step's main action on a phone or tablet. */
  open: string;
  /** Shows the code, on a phone or tablet, for setting up another device. */
  showCode: string;
  hideCode: string;
  /** The next step (with `step`): what comes after adding the account; empty for none. */
  next: string;
  errorEmpty: string;
  errorNoSecret: string;
  errorTooLong: string;
  /** Any other reason: not an otpauth URI, or one with invalid settings. */
  errorInvalid: string;
}

export const qrCodeStrings: QrCodeStrings = {
  name: 'QR code to add {issuer} ({account}) to your authenticator app',
  nameWithoutIssuer: 'QR code to add {account} to your authenticator app',
  nameWithoutAccount: 'QR code to add this account to your authenticator app',
  link: "Can't scan? Open in your authenticator app",
  heading: 'Scan the QR code with your authenticator app',
  headingOnPhone: 'Add the account to your authenticator app',
  open: 'Add to my authenticator app',
  showCode: 'Setting up another device? Show the QR code',
  hideCode: 'Hide the QR code',
  next: 'Then continue, and enter the code the app shows.',
  errorEmpty: 'There is no setup code to show.',
  errorNoSecret: 'The setup code has no secret key, so it cannot be shown as a QR code.',
  errorTooLong: 'The setup code is too long to show as a QR code.',
  errorInvalid: 'The setup code is not valid, so it cannot be shown as a QR code.',
};

/**
 * Why `<totp-qr-code>` shows its error state instead of a code, or, for
 * `issuer-mismatch` alone, why the code it draws deserves a look.
 */
export type QrCodeProblem = OtpauthProblem;

/** When to offer the otpauth:// link: on phones and tablets (`auto`), `always` or `never`. */
export type DeepLinkMode = 'auto' | 'always' | 'never';

/**
 * Only otpauth URIs are drawn. Anything else (plain text, `https:`, `javascript:`)
 * gets the error state: on a sign-in page a QR code that a phone would open as a
 * web page is a risk, not a feature. The accessible name says what the code is
 * for and whose account it adds; it never holds the URI, which carries the secret.
 * The slotted fallback (B2C's own image) shows only where the kit could not draw
 * a value it accepts (`too-long`), never beside a value it refused.
 *
 * On a phone or tablet, whose camera cannot scan its own screen, the deep link
 * is the main action and the code waits behind a button, for another device.
 * With `step`, the element heads its part of the set-up with the step's number
 * and says what comes next.
 *
 * @summary The QR code of an otpauth:// URI, for an authenticator app to scan:
 * B2C's QrCodeControl, drawn in the browser as one crisp SVG path.
 * @slot - Fallback content, such as B2C's own QR image: shown before the element
 *   upgrades, without JavaScript, and beside the message in the error state.
 * @csspart image - The `<svg>` of the code.
 * @csspart link - The otpauth:// link: below the code, or the main action on a phone.
 * @csspart action - The otpauth:// link where it is the main action, on a phone or tablet (also `link`).
 * @csspart heading - The step's heading (with `step`).
 * @csspart step - The step's number, in the heading and in the next step.
 * @csspart toggle - The button that shows the code on a phone or tablet.
 * @csspart next - What comes next (with `step`).
 * @csspart error - The message shown instead of a code.
 * @cssprop [--totp-qr-code-size=12.5rem] - Width and height of the code, quiet zone included.
 * @cssprop [--totp-qr-code-gap=0.75rem] - Space between the code and the link.
 * @cssprop [--totp-qr-code-link-color=inherit] - Colour of the link.
 * @cssprop [--totp-qr-code-error-color=inherit] - Colour of the error message.
 * @cssprop [--totp-qr-code-button-background=CanvasText] - Fill of the deep link where it is the main action.
 * @cssprop [--totp-qr-code-button-color=Canvas] - Text of the deep link where it is the main action.
 * @cssstate invalid - There is nothing to draw: `problem` says why.
 */
export class TotpQrCodeElement extends KitElement {
  static override styles = [stepStyles, styles];
  // Plain `static properties` rather than decorators: the decorator helpers
  // cost ~350 bytes gzip in the bundle that every sign-in page downloads.
  static override properties = {
    value: {},
    errorCorrection: { attribute: 'error-correction' },
    deepLink: { attribute: 'deep-link' },
    step: { type: Number },
    strings: { type: Object },
    codeShown: { state: true },
  };

  /** The text to encode: the qrCodeContent claim, an otpauth:// URI. */
  value = '';

  /** Error correction level: L (7 %), M (15 %), Q (25 %) or H (30 %). Other values mean M. */
  errorCorrection: ErrorCorrection = 'M';

  /** When to show the otpauth:// link: `auto` (on phones and tablets), `always` or `never`. */
  deepLink: DeepLinkMode = 'auto';

  /** The number of this part of a set-up (B2C's enrollment page: 2); 0 for no heading. */
  step = 0;

  /** Texts that replace the English defaults, in part or in full (JSON in the attribute); only strings of known keys count. */
  strings: Partial<QrCodeStrings> = {};

  /** Whether the code is shown on a phone or tablet. */
  private codeShown = false;

  /**
   * Why the element draws no code (`empty`, `too-long`, `not-otpauth`, `unsupported-type`,
   * `ambiguous`: control characters or `.`/`..` path segments, which parsers read differently,
   * `duplicate-parameter`, `missing-secret`, `invalid-secret`, `invalid-algorithm`, `invalid-digits`,
   * `invalid-period`, `invalid-counter`), or `issuer-mismatch`, the one that comes with a code: the
   * label's issuer prefix and the issuer parameter differ, and the name uses the parameter, as
   * authenticator apps show it. Undefined for a good code. Read it after `updateComplete`.
   */
  get problem(): QrCodeProblem | undefined {
    return this.#problem;
  }

  readonly #internals = this.attachInternals();
  #key?: OtpauthKey;
  #symbol?: QrSymbol;
  #problem?: QrCodeProblem;
  readonly #tapCanOpenApps = canOpenAppLinks(readPlatformHints());

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('value') && !changed.has('errorCorrection')) return;
    const result = parseOtpauthUri(this.value);
    this.#key = result.key;
    this.#symbol = undefined;
    this.#problem = result.ok ? result.warning : result.problem;
    if (!result.ok) return;
    // Never the values: they are claims, and the console is read by others.
    if (result.warning) console.warn(`<totp-qr-code>: ${result.warning}; named for the issuer parameter`);
    try {
      // The code carries what the link carries: the serialised URI, which is
      // the server's text byte for byte whenever that is canonical.
      this.#symbol = encodeQr(result.key.href, this.#level);
    } catch (error) {
      if (!(error instanceof QrCapacityError)) throw error;
      this.#problem = 'too-long';
    }
  }

  protected override updated(): void {
    // The code and the link carry the secret: out of session replays, from the first frame they are in.
    for (const node of this.renderRoot.querySelectorAll('svg, a')) markForReplays(node);
    try {
      this.#internals.states[this.#symbol ? 'delete' : 'add']('invalid');
    } catch {
      // No CustomStateSet.
    }
  }

  protected override render() {
    const text = localTexts(this, 'qrCode', qrCodeStrings, this.strings);
    const onPhone = this.#tapCanOpenApps && this.deepLink !== 'never';
    const heading = stepHeading(this, this.step, onPhone ? text.headingOnPhone : text.heading);
    const next = this.step > 0 && text.next ? html`<p part="next">${stepLine(this, this.step + 1, text.next)}</p>` : nothing;
    if (!this.#symbol || !this.#key) {
      // B2C's own image only where the kit could not draw a value it accepts: never a refused one.
      return html`${heading}<div class="error" part="error" role="alert">${this.#errorMessage(text)}</div>${this.#problem === 'too-long' ? html`<slot></slot>` : nothing}`;
    }
    const side = this.#symbol.size + 8; // a quiet zone of 4 modules on each side
    const image = html`<svg part="image" role="img" aria-label=${this.#accessibleName(text, this.#key)}
        viewBox="-4 -4 ${side} ${side}" shape-rendering="crispEdges">
        <rect x="-4" y="-4" width=${side} height=${side} fill="#fff"></rect>
        <path d=${this.#symbol.path} fill="#000"></path>
      </svg>`;
    if (onPhone) {
      // The phone in the user's hand cannot scan its own screen: the link first, the code for another device.
      return html`${heading}<a part="link action" class="button" href=${this.#key.href}>${text.open}</a>
        <button part="toggle" class="toggle" aria-expanded=${this.codeShown} aria-controls="code" @click=${() => (this.codeShown = !this.codeShown)}>${this.codeShown ? text.hideCode : text.showCode}</button>
        <div id="code" ?hidden=${!this.codeShown}>${this.codeShown ? image : nothing}</div>${next}`;
    }
    return html`${heading}${image}${this.deepLink === 'always' ? html`<a part="link" href=${this.#key.href}>${text.link}</a>` : nothing}${next}`;
  }

  get #level(): ErrorCorrection {
    const level = String(this.errorCorrection).toUpperCase() as ErrorCorrection;
    return ERROR_CORRECTION_LEVELS.includes(level) ? level : 'M';
  }

  #accessibleName(text: QrCodeStrings, { issuer, account }: OtpauthKey): string {
    const template = !account ? text.nameWithoutAccount : issuer ? text.name : text.nameWithoutIssuer;
    return format(template, { issuer, account }, languageOf(this));
  }

  #errorMessage(text: QrCodeStrings): string {
    switch (this.#problem) {
      case 'empty':
        return text.errorEmpty;
      case 'missing-secret':
        return text.errorNoSecret;
      case 'too-long':
        return text.errorTooLong;
      default:
        return text.errorInvalid;
    }
  }
}

defineElement('totp-qr-code', TotpQrCodeElement);

declare global {
  interface HTMLElementTagNameMap {
    'totp-qr-code': TotpQrCodeElement;
  }
}
