import { html, nothing } from 'lit/html.js';
import { KitElement, type PropertyValues } from '../kit-element.js';
import { parseOtpauthUri, type OtpauthKey } from '../../core/otpauth.js';
import { displaySecret } from '../../core/secret.js';
import { cleanLabel, format, freshMessage } from '../../core/text.js';
import { languageOf, localTexts } from '../translation.js';
import { markForReplays } from '../../core/replay.js';
import { defineElement } from '../define.js';
import { styles } from './authenticator-info.styles.js';
import { visuallyHidden } from '../visually-hidden.styles.js';

/** Every visible or spoken text of `<totp-authenticator-info>`; `{digits}`, `{period}` and `{algorithm}` are filled in. */
export interface AuthenticatorInfoStrings {
  /** The disclosure button of `collapsible` mode. */
  disclosure: string;
  issuer: string;
  account: string;
  secret: string;
  /** Label of the key's settings. */
  settings: string;
  /** The settings of a time-based key. */
  totp: string;
  /** The settings of a counter-based key. */
  hotp: string;
  noAccount: string;
  noSecret: string;
  /** A secret that is not Base32: shown and copied exactly as given. */
  badSecret: string;
  copy: string;
  copied: string;
  /** The clipboard refused: the key is selected for the user. */
  pressCtrlC: string;
  /** The same on Apple devices. */
  pressCmdC: string;
  show: string;
  hide: string;
  /** Shown in place of the hidden key. */
  hidden: string;
  /** The `period-hint`. */
  period: string;
}

export const authenticatorInfoStrings: AuthenticatorInfoStrings = {
  disclosure: "Can't scan the code? Enter the details manually",
  issuer: 'Service',
  account: 'Account name',
  secret: 'Secret key',
  settings: 'Settings',
  totp: 'Time-based, {digits} digits, every {period} seconds, {algorithm}',
  hotp: 'Counter-based, {digits} digits, {algorithm}',
  noAccount: 'No account name was given.',
  noSecret: 'No secret key was given.',
  badSecret: 'This key is not in the usual format. Enter it exactly as shown.',
  copy: 'Copy key',
  copied: 'Key copied',
  pressCtrlC: 'Press Ctrl+C to copy',
  pressCmdC: 'Press ⌘C to copy',
  show: 'Show key',
  hide: 'Hide key',
  hidden: 'Hidden',
  period: 'Codes change about every {period} seconds',
};

/** Fired after every copy attempt. It never carries the secret. */
export class TotpCopyEvent extends Event {
  constructor(readonly ok: boolean) {
    super('totp-copy', { bubbles: true, composed: true });
  }
}

/**
 * Why the claims and the `uri` disagree: `secret-mismatch` (the secret
 * property is another key than the uri's) or `identifier-mismatch` (another
 * account name). The uri's value is the one shown.
 */
export type AuthenticatorInfoProblem = 'secret-mismatch' | 'identifier-mismatch';

/** A claim value as a clean label; '' for anything but a string (never "undefined"). */
const label = (value: unknown): string => (typeof value === 'string' ? cleanLabel(value) : '');

/**
 * The secret shows in groups of four made by spacing alone, so selecting it
 * copies the raw value; screen readers hear it character by character. It is
 * only ever text, never in an attribute, and it leaves the DOM while hidden.
 *
 * @summary The account name and secret key for manual entry, with copy,
 * show/hide and the key's settings: B2C's AuthenticatorInfoControl.
 * @csspart disclosure - The "Can't scan the code?" button of `collapsible` mode.
 * @csspart details - The container of everything the disclosure shows.
 * @csspart account - The account name.
 * @csspart secret - The secret key.
 * @csspart note - A note about missing or unusual input.
 * @csspart copy-button - The copy button.
 * @csspart toggle-button - The show/hide button.
 * @csspart message - The visible copy result.
 * @csspart period - The period hint.
 * @csspart countdown - The countdown ring.
 * @cssprop [--totp-authenticator-info-gap=0.75rem] - Space between rows.
 * @cssprop [--totp-authenticator-info-secret-font=ui-monospace, monospace] - Font of the secret.
 * @cssprop [--totp-authenticator-info-secret-size=1.25em] - Font size of the secret.
 * @cssprop [--totp-authenticator-info-group-gap=1ch] - Space between groups of the secret.
 * @cssprop [--totp-authenticator-info-link-color=inherit] - Colour of the disclosure button.
 * @event {TotpCopyEvent} totp-copy - After a copy attempt; `ok` says whether the clipboard took it.
 */
export class TotpAuthenticatorInfoElement extends KitElement {
  static override styles = [visuallyHidden, styles];
  static override properties = {
    identifier: {},
    secret: {},
    issuer: {},
    uri: {},
    collapsible: { type: Boolean },
    open: { type: Boolean, reflect: true },
    secretHidden: { type: Boolean, reflect: true, attribute: 'secret-hidden' },
    periodHint: { type: Boolean, attribute: 'period-hint' },
    countdown: { type: Boolean },
    strings: { type: Object },
    message: { state: true },
  };

  /** The account name: the totpIdentifier claim. A valid `uri`'s account wins (see `problem`). */
  identifier = '';

  /** The secret key: the secretKey claim. A valid `uri`'s secret wins (see `problem`). */
  secret = '';

  /** The service the account belongs to. Wins over the URI's. */
  issuer = '';

  /** An otpauth:// URI to take the issuer, account, secret and settings from. */
  uri = '';

  /** Hides the details behind a disclosure button. */
  collapsible = false;

  /** Whether the disclosure is open. */
  open = false;

  /** Whether the secret is hidden by the show/hide button. */
  secretHidden = false;

  /** Shows how often codes change. */
  periodHint = false;

  /** Adds a countdown ring to the period hint. */
  countdown = false;

  /** Texts that replace the English defaults, in part or in full (JSON in the attribute); only strings of known keys count. */
  strings: Partial<AuthenticatorInfoStrings> = {};

  private message = '';
  #key?: OtpauthKey;
  /** The uri's key when it is valid: the one the QR code beside this element carries. */
  #valid?: OtpauthKey;
  #problem?: AuthenticatorInfoProblem;

  /**
   * Set when the `secret` or `identifier` claim disagrees with a valid `uri`:
   * `secret-mismatch` or `identifier-mismatch` (the secret's, if both). The
   * uri's value is shown, so that scanning the QR code and typing the key
   * enroll one and the same account; a console warning (without the values)
   * says so too.
   */
  get problem(): AuthenticatorInfoProblem | undefined {
    return this.#problem;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('uri')) {
      const result = parseOtpauthUri(this.uri);
      this.#key = result.key;
      this.#valid = result.ok ? result.key : undefined;
    }
    const key = this.#valid;
    const secret = this.#claimSecret.text;
    const account = label(this.identifier);
    const problem =
      key && secret && secret !== displaySecret(key.secret).text
        ? 'secret-mismatch'
        : key?.account && account && account !== key.account
          ? 'identifier-mismatch'
          : undefined;
    // Never the values: the secret above all, and claims go to no console.
    if (problem && problem !== this.#problem) console.warn(`<totp-authenticator-info>: ${problem}; showing the uri's`);
    this.#problem = problem;
  }

  protected override updated(): void {
    // Out of session replays, before a recorder's mutation callback sees it (that runs after this microtask).
    const secret = this.renderRoot.querySelector('[part="secret"]');
    if (secret) markForReplays(secret);
    // In phase with the clock, as the app's codes are. Set through the CSSOM:
    // a strict CSP blocks style attributes.
    const ring = this.renderRoot.querySelector<SVGElement>('circle')?.style;
    const period = this.#key?.period ?? 30;
    ring?.setProperty('animation-duration', `${period}s`);
    ring?.setProperty('animation-delay', `${-((Date.now() / 1000) % period)}s`);
  }

  protected override render() {
    const text = this.#text;
    const collapsed = this.collapsible && !this.open;
    return html`
      ${this.collapsible
        ? html`<button part="disclosure" class="link" aria-expanded=${this.open} aria-controls="details"
            @click=${() => (this.open = !this.open)}>${text.disclosure}</button>`
        : nothing}
      <div id="details" part="details" ?hidden=${collapsed}>${collapsed ? nothing : this.#renderDetails(text)}</div>
      <div class="sr" role="status">${this.message}</div>
    `;
  }

  #renderDetails(text: AuthenticatorInfoStrings) {
    const key = this.#key;
    const issuer = label(this.issuer) || key?.issuer;
    const account = this.#valid?.account || label(this.identifier) || key?.account;
    const shown = this.#shown;
    const period = key?.period ?? 30;
    const counting = key?.type !== 'hotp';
    const settings = {
      digits: key?.digits ?? 6,
      period,
      algorithm: (key?.algorithm ?? 'SHA1').replace('SHA', 'SHA-'),
    };
    return html`
      <dl>
        ${issuer ? html`<div><dt>${text.issuer}</dt><dd><bdi>${issuer}</bdi></dd></div>` : nothing}
        ${account ? html`<div><dt>${text.account}</dt><dd part="account"><bdi>${account}</bdi></dd></div>` : nothing}
        ${shown
          ? html`<div><dt>${text.secret}</dt><dd part="secret" dir="ltr">${this.secretHidden
              ? text.hidden
              : html`<span class="groups" aria-hidden="true">${shown.groups.map((group) => html`<span>${group}</span><wbr>`)}</span
                ><span class="sr">${shown.groups.map((group) => Array.from(group).join(' ')).join(', ')}</span>`}</dd></div>`
          : nothing}
        <div><dt>${text.settings}</dt><dd>${format(counting ? text.totp : text.hotp, settings, languageOf(this))}</dd></div>
      </dl>
      ${account ? nothing : html`<p part="note">${text.noAccount}</p>`}
      ${!shown ? html`<p part="note">${text.noSecret}</p>` : shown.valid ? nothing : html`<p part="note">${text.badSecret}</p>`}
      ${shown
        ? html`<p>
            <button part="copy-button" @click=${this.copySecret}>${text.copy}</button>
            <button part="toggle-button" @click=${() => (this.secretHidden = !this.secretHidden)}>
              ${this.secretHidden ? text.show : text.hide}
            </button>
            <span part="message" aria-hidden="true">${this.message}</span>
          </p>`
        : nothing}
      ${counting && (this.periodHint || this.countdown)
        ? html`<p part="period">${this.countdown
            ? html`<svg part="countdown" aria-hidden="true" viewBox="0 0 20 20"><circle cx="10" cy="10" r="8" pathLength="100"></circle></svg>`
            : nothing}${format(text.period, { period }, languageOf(this))}</p>`
        : nothing}
    `;
  }

  get #text(): AuthenticatorInfoStrings {
    return localTexts(this, 'authenticatorInfo', authenticatorInfoStrings, this.strings);
  }

  /** The secret as shown and copied, or undefined when there is none. */
  get #shown() {
    const claim = this.#claimSecret;
    const shown = this.#valid || !claim.text ? displaySecret(this.#key?.secret ?? '') : claim;
    return shown.text ? shown : undefined;
  }

  get #claimSecret() {
    return displaySecret(typeof this.secret === 'string' ? this.secret : '');
  }

  /**
   * Copies the raw secret (uppercase Base32 without spaces, or as given, less
   * controls and invisible format characters, when it is not Base32): the
   * characters shown. Where the clipboard is missing or refuses,
   * selects the secret for the user and says how to copy it. Resolves to
   * whether the clipboard took it; the result is announced either way.
   */
  async copySecret(): Promise<boolean> {
    const value = this.#shown?.text;
    if (!value) return false;
    let ok = true;
    try {
      // Called before any await: Safari only honours a write inside the click.
      await navigator.clipboard.writeText(value);
    } catch {
      ok = false;
      // The user asked to copy: show the secret so that it can be selected.
      this.open ||= this.collapsible;
      this.secretHidden = false;
      await this.updateComplete;
      getSelection()?.selectAllChildren(this.renderRoot.querySelector('.groups')!);
    }
    const text = this.#text;
    // "Mac" is in the user agent of macOS, iPadOS and iOS alike.
    const message = ok ? text.copied : /Mac/.test(navigator.userAgent) ? text.pressCmdC : text.pressCtrlC;
    this.message = freshMessage(message, this.message);
    this.dispatchEvent(new TotpCopyEvent(ok));
    return ok;
  }
}

defineElement('totp-authenticator-info', TotpAuthenticatorInfoElement);

declare global {
  interface HTMLElementTagNameMap {
    'totp-authenticator-info': TotpAuthenticatorInfoElement;
  }
  interface GlobalEventHandlersEventMap {
    'totp-copy': TotpCopyEvent;
  }
}
