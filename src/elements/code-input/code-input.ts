import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { codeLength, normaliseCode } from '../../core/code.js';
import { format, mergeStrings } from '../../core/text.js';
import { defineElement } from '../define.js';
import { styles } from './code-input.styles.js';

/** Every visible or spoken text of `<totp-code-input>`; `{length}` and `{count}` are filled in. */
export interface CodeInputStrings {
  /** Label of the input the element creates when the page gives none. */
  label: string;
  /** Read with the input: what to enter. */
  hint: string;
  /** Validation message of an empty input. */
  empty: string;
  /** Validation message when the number of digits is wrong. */
  wrongLength: string;
  /** Said when letters or other symbols were typed or pasted, and dropped. */
  digitsOnly: string;
  /** Said when a change was refused because it would leave more than `{length}` digits. */
  tooLong: string;
}

export const codeInputStrings: CodeInputStrings = {
  label: 'Verification code',
  hint: '{length}-digit code from your authenticator app',
  empty: 'Enter the {length}-digit code from your authenticator app.',
  wrongLength: 'The code has {length} digits; you entered {count}.',
  digitsOnly: 'Only digits can be entered.',
  tooLong: 'The code has only {length} digits.',
};

/** Fired when the last digit arrives; cancel it to stop `autosubmit`. */
export class TotpCompleteEvent extends Event {
  constructor(readonly code: string) {
    super('totp-complete', { bubbles: true, composed: true, cancelable: true });
  }
}

/** Digit slots drawn on the input (`boxes`) or a plain letter-spaced field (`spaced`). */
export type CodeInputAppearance = 'boxes' | 'spaced';

type Root = Document | ShadowRoot;

// Added to the input where the page has not set them: the numeric keypad, the
// OS and password managers' one-time-code filling, no spelling or capitals,
// and digits left to right on a right-to-left page.
const INPUT_ATTRIBUTES = 'inputmode=numeric autocomplete=one-time-code autocapitalize=off spellcheck=false enterkeyhint=done dir=ltr';
const EVENTS = ['beforeinput', 'input', 'compositionend', 'keydown', 'click', 'submit', 'reset'];

let instances = 0;

/**
 * The element enhances the `<input>` inside it, or the one whose id is in `for`
 * (B2C's `#otpCode`, which stays where it is, with its id and name), or one
 * passed to `attach()`; with none it creates one, named by `name`. It adds what
 * the page left out (`inputmode=numeric`, `autocomplete=one-time-code`,
 * `dir=ltr`…), never `type=number`.
 *
 * Typing, paste and autofill keep digits only: spaces and dashes go silently,
 * full-width and other Unicode digits become ASCII, anything else is dropped
 * with a message. **A change that would leave more than `length` digits is
 * refused as a whole**: the previous value and caret come back and a message
 * says how many digits the code has, so a long paste is never cut into a wrong
 * code. The input's own validity says whether the code is complete, so
 * `form.checkValidity()` and a `pattern` check agree.
 *
 * @summary The one-time code field: one real `<input>` in light DOM, where
 * password managers, the OS code autofill and B2C's own form can reach it.
 * @slot - An `<input>` to enhance. Without one (and without `for`) the element creates it.
 * @cssprop [--totp-code-input-font-family=ui-monospace, monospace] - Font of the digits; keep it monospace.
 * @cssprop [--totp-code-input-font-size=1.5rem] - Size of the digits in boxes (`spaced` keeps the page's size).
 * @cssprop [--totp-code-input-slot-width=1.75em] - Width of one digit box.
 * @cssprop [--totp-code-input-slot-height=2.25em] - Height of the boxes.
 * @cssprop [--totp-code-input-gap=0.5em] - Space between two boxes, or between two digits when `spaced`.
 * @cssprop [--totp-code-input-slot-background=#8882] - Fill of a box.
 * @cssprop [--totp-code-input-slot-line-color=currentColor] - Colour of the 2px line under each box.
 * @cssprop [--totp-code-input-error-color=inherit] - Colour of the server error.
 * @cssstate complete - The input holds `length` digits.
 * @event {TotpCompleteEvent} totp-complete - The last digit arrived (typing, paste or autofill), once per complete code;
 *   `code` holds the digits. Cancelable: cancelling stops `autosubmit`.
 */
export class TotpCodeInputElement extends LitElement {
  // Plain `static properties` rather than decorators (smaller bundle).
  static override properties = {
    length: { type: Number },
    appearance: {},
    name: {},
    htmlFor: { attribute: 'for' },
    autosubmit: { type: Boolean },
    submitButton: { attribute: 'submit-button' },
    error: {},
    strings: { type: Object },
    message: { state: true },
  };

  /** Number of digits, 4 to 10; anything else means 6. */
  length = 6;

  /** Digit boxes drawn on the input, or a plain letter-spaced field. */
  appearance: CodeInputAppearance = 'boxes';

  /** Name of the input the element creates when the page gives none. */
  name = '';

  /** Id of an input in the same document or shadow root to enhance in place (B2C: `otpCode`). */
  htmlFor = '';

  /** Submit the form once when the code is complete, unless `totp-complete` is cancelled. */
  autosubmit = false;

  /** Id of the button `autosubmit` clicks (B2C: `continue`); without it, `form.requestSubmit()`. */
  submitButton = '';

  /** A message from the server (wrong code, too many attempts); shown until the value changes. */
  error = '';

  /** Texts that replace the English defaults, in part or in full (JSON in the attribute); only strings of known keys count. */
  strings: Partial<CodeInputStrings> = {};

  /** The polite message about the last change: digits only, or too many digits. */
  private message = '';

  readonly #id = `totp-code-input-${++instances}`;
  readonly #internals = this.attachInternals();
  #input?: HTMLInputElement;
  /** The root whose events the element listens to, while it is connected. */
  #root?: Root;
  #creates?: boolean;
  /** The digits the input held after the last change. */
  #value = '';
  /** The complete code `totp-complete` was last fired for. */
  #completed = '';
  /** The code last submitted: a second submission of it is cancelled. */
  #submitted = '';
  /** The selection before the change being handled. */
  #before?: [number, number];

  /** The enhanced `<input>`. */
  get input(): HTMLInputElement | undefined {
    return this.#input;
  }

  /** Enhances `input` where it stands: B2C's `#otpCode` is never moved or renamed. */
  attach(input: HTMLInputElement): void {
    this.#unbind();
    this.#input = input;
    if (this.isConnected) this.#bind();
  }

  // Light DOM: the input must be reachable by password managers and B2C.
  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resolve();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unbind();
  }

  protected override willUpdate(): void {
    this.#creates ??= !this.htmlFor && !this.#input && !this.querySelector('input');
  }

  protected override render() {
    const id = this.#id;
    const text = this.#text;
    return html`${this.#creates
        ? html`<label class="totp-code-input-label" for=${id}>${text.label}</label><input id=${id} name=${this.name || nothing} />`
        : nothing}<div id="${id}-hint" class="totp-code-input-hint">${format(text.hint, { length: codeLength(this.length) })}</div><div id="${id}-error" class="totp-code-input-message totp-code-input-error" role="alert">${this.error || nothing}</div><div class="totp-code-input-message" role="status">${this.message}</div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor') || !this.#input) this.#resolve();
    const input = this.#input;
    if (!input || !this.#root) return;
    this.#sync();
    if (!changed.has('error')) return;
    if (!this.error) {
      if (changed.get('error')) input.removeAttribute('aria-invalid');
      return;
    }
    this.#submitted = '';
    // Keep focus on the input, without taking it from elsewhere on the page.
    const active = this.#root.activeElement;
    if (!active || active === input || active === document.body || input.form?.contains(active)) {
      input.focus();
      input.select();
    }
  }

  get #text(): CodeInputStrings {
    return mergeStrings(codeInputStrings, this.strings);
  }

  #resolve(): void {
    const input = this.htmlFor
      ? (this.getRootNode() as Document).getElementById(this.htmlFor)
      : (this.#input ?? this.querySelector('input'));
    if (input instanceof HTMLInputElement && (input !== this.#input || !this.#root)) this.attach(input);
  }

  #bind(): void {
    const input = this.#input!;
    const root = (this.#root = input.getRootNode() as Root);
    const sheet = styles.styleSheet!;
    for (const type of EVENTS) root.addEventListener(type, this.#handle, true);
    for (const node of [root, this.getRootNode() as Root]) {
      if (!node.adoptedStyleSheets.includes(sheet)) node.adoptedStyleSheets = [...node.adoptedStyleSheets, sheet];
    }
    for (const pair of INPUT_ATTRIBUTES.split(' ')) {
      const [name, value] = pair.split('=');
      if (!input.hasAttribute(name)) input.setAttribute(name, value);
    }
    if (input.type === 'number') input.type = 'text';
    // maxlength would cut "123 456" to "123 45" before the spaces are removed.
    input.removeAttribute('maxlength');
    this.#describe(true);
    this.#value = '';
    this.#sync();
  }

  #unbind(): void {
    const input = this.#input;
    if (!input || !this.#root) return;
    for (const type of EVENTS) this.#root.removeEventListener(type, this.#handle, true);
    this.#root = undefined;
    this.#describe(false);
    if (this.error) input.removeAttribute('aria-invalid');
    input.setCustomValidity('');
  }

  /** Adds the hint and the error to the page's own `aria-describedby`, or takes them out. */
  #describe(add: boolean): void {
    const input = this.#input!;
    const ours = ` ${this.#id}-hint ${this.#id}-error`;
    const ids = ` ${input.getAttribute('aria-describedby') ?? ''}`.replace(ours, '') + (add ? ours : '');
    input.setAttribute('aria-describedby', ids.trim());
  }

  readonly #handle = (event: Event): void => {
    const input = this.#input!;
    const { type, target } = event;
    const { key, isComposing } = event as KeyboardEvent;
    switch (type) {
      case 'beforeinput':
        if (target === input) this.#before = [input.selectionStart!, input.selectionEnd!];
        return;
      case 'input':
      case 'compositionend':
        // An IME (and Android keyboards) compose in place: wait for the end.
        if (target === input && !isComposing) this.#sync(true);
        return;
      case 'reset':
        // The form restores the input's default value after this event.
        if (target === input.form) setTimeout(() => event.defaultPrevented || this.#reset());
        return;
    }
    const guarded =
      type === 'submit'
        ? target === input.form
        : type === 'click'
          ? this.submitButton && (this.#root as Document).getElementById(this.submitButton)?.contains(target as Node)
          : target === input && key === 'Enter' && !isComposing;
    if (!guarded) return;
    if (this.#value && this.#value === this.#submitted) {
      // Enter racing autosubmit, or a second click: this code was already sent.
      event.preventDefault();
      event.stopImmediatePropagation();
    } else if (type === 'submit') this.#submitted = this.#value;
  };

  /**
   * Derives validity, state and events from the input's value. Only a change
   * by the user rewrites the value: anything else could land in the middle of
   * an IME composition.
   */
  #sync(user?: boolean): void {
    const input = this.#input!;
    const length = codeLength(this.length);
    const text = this.#text;
    const raw = input.value;
    let { digits, rejected } = normaliseCode(raw);
    let note: '' | 'digitsOnly' | 'tooLong' = user && rejected ? 'digitsOnly' : '';
    if (user && digits.length > length) {
      note = 'tooLong';
      digits = this.#value;
      const [start, end] = this.#before ?? [digits.length, digits.length];
      input.value = digits;
      input.setSelectionRange(start, end);
    } else if (user && digits !== raw) {
      // The caret stays after the same digit it followed.
      const caret = normaliseCode(raw.slice(0, input.selectionStart!)).digits.length;
      input.value = digits;
      input.setSelectionRange(caret, caret);
    }
    this.#before = undefined;
    if (note) {
      // A repeated message changes by a space, so screen readers say it again.
      const message = format(text[note], { length });
      this.message = message === this.message ? `${message}\xa0` : message;
    } else if (digits !== this.#value) this.message = '';
    if (digits !== this.#value) {
      this.#value = digits;
      this.#submitted = '';
      if (user && this.error) {
        this.removeAttribute('error');
        this.error = '';
      }
    }
    if (this.error) input.setAttribute('aria-invalid', 'true');
    input.dataset.totpCode = this.appearance === 'spaced' ? 'spaced' : 'boxes';
    input.style.setProperty('--totp-n', `${length}`);
    const count = digits.length;
    const complete = count === length;
    input.setCustomValidity(complete ? '' : format(count ? text.wrongLength : text.empty, { length, count }));
    try {
      this.#internals.states[complete ? 'add' : 'delete']('complete');
    } catch {
      // No CustomStateSet, or one that wants `--complete` (Chromium before 125).
    }
    if (!complete) this.#completed = '';
    else if (digits !== this.#completed) {
      this.#completed = digits;
      if (user && this.dispatchEvent(new TotpCompleteEvent(digits)) && this.autosubmit) this.#submit(digits);
    }
  }

  #submit(code: string): void {
    const button = this.submitButton && (this.#root as Document).getElementById(this.submitButton);
    if (button) {
      button.click();
      this.#submitted = code;
    } else {
      // Its submit event records the code.
      this.#input!.form?.requestSubmit();
    }
  }

  #reset(): void {
    this.removeAttribute('error');
    this.error = '';
    this.message = '';
    this.#submitted = this.#completed = '';
    if (this.#root) this.#sync();
  }
}

defineElement('totp-code-input', TotpCodeInputElement);

declare global {
  interface HTMLElementTagNameMap {
    'totp-code-input': TotpCodeInputElement;
  }
  interface GlobalEventHandlersEventMap {
    'totp-complete': TotpCompleteEvent;
  }
}
