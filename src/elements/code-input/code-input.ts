import { ReactiveKitElement, type PropertyValues } from '../reactive-element.js';
import { codeDigits, normaliseCode } from '../../core/code.js';
import { format, freshMessage } from '../../core/text.js';
import { languageOf, localTexts } from '../translation.js';
import { INPUT_NOT_RECORDED, markForReplays } from '../../core/replay.js';
import { defineElement } from '../define.js';
import { styles } from './code-input.styles.js';

/** Every visible or spoken text of `<totp-code-input>`; `{length}` and `{count}` are filled in. */
export interface CodeInputStrings {
  /** Label of the input the element creates when the page gives none. */
  label: string;
  /** Read with the input: what to enter. */
  hint: string;
  /** The hint when the code was sent to the user (`sent`: e-mail, text message). */
  hintSent: string;
  /** Validation message of an empty input. */
  empty: string;
  /** Validation message of an empty input when the code was sent (`sent`). */
  emptySent: string;
  /** Validation message when the number of digits is wrong. */
  wrongLength: string;
  /** Said when letters or other symbols were typed or pasted, and dropped. */
  digitsOnly: string;
  /** Said when a change was refused because it would leave more than `{length}` digits. */
  tooLong: string;
  /** What to do next, after the server's message, when too many attempts locked the code out (`error-kind="locked"`). */
  locked: string;
  /** What to do next, after the server's message, when the server could not check the code (`error-kind="unavailable"`). */
  unavailable: string;
}

export const codeInputStrings: CodeInputStrings = {
  label: 'Verification code',
  hint: '{length}-digit code from your authenticator app',
  hintSent: '{length}-digit code we sent you',
  empty: 'Enter the {length}-digit code from your authenticator app.',
  emptySent: 'Enter the {length}-digit code we sent you.',
  wrongLength: 'The code has {length} digits; you entered {count}.',
  digitsOnly: 'Only digits can be entered.',
  tooLong: 'The code has only {length} digits.',
  locked: 'Wait a few minutes before you try again, or sign in another way.',
  unavailable: 'This is not a problem with your code. Try again in a few minutes.',
};

/** Fired when the last digit arrives; cancel it to stop `autosubmit`. */
export class TotpCompleteEvent extends Event {
  constructor(readonly code: string) {
    super('totp-complete', { bubbles: true, composed: true, cancelable: true });
  }
}

/** Digit slots drawn on the input (`boxes`) or a plain letter-spaced field (`spaced`). */
export type CodeInputAppearance = 'boxes' | 'spaced';

/**
 * What the server's `error` means: a `wrong` code (try another), too many
 * attempts (`locked`), or a service that could not check it (`unavailable`);
 * the last two invite no further attempt.
 */
export type CodeInputErrorKind = 'wrong' | 'locked' | 'unavailable';

type Root = Document | ShadowRoot;

/** What the element draws: the label and input it owns (none given), the hint, the error and the status. */
interface CodeInputNodes {
  readonly label?: HTMLLabelElement;
  readonly input?: HTMLInputElement;
  readonly hint: HTMLElement;
  readonly error: HTMLElement;
  readonly status: HTMLElement;
}

// Added to the input where the page has not set them: the numeric keypad, the
// OS and password managers' one-time-code filling, no spelling or capitals,
// and digits left to right on a right-to-left page.
const INPUT_ATTRIBUTES = 'inputmode=numeric autocomplete=one-time-code autocapitalize=off spellcheck=false enterkeyhint=done dir=ltr';

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
 * `form.checkValidity()` and a `pattern` check agree; where a form would show
 * the browser's own bubble for an incomplete code, the element says it instead.
 *
 * The digit boxes fit the space the input has (down to a small phone), and
 * the one the next digit goes into is outlined while the input has focus.
 *
 * @summary The one-time code field: one real `<input>` in light DOM, where
 * password managers, the OS code autofill and B2C's own form can reach it.
 * @slot - An `<input>` to enhance. Without one (and without `for`) the element creates it.
 * @cssprop [--totp-code-input-font-family=ui-monospace, monospace] - Font of the digits; keep it monospace.
 * @cssprop [--totp-code-input-font-size=1.5rem] - Size of the digits in boxes (`spaced` keeps the page's size).
 * @cssprop [--totp-code-input-slot-width=1.75em] - Width of one digit box, where there is room for it.
 * @cssprop [--totp-code-input-slot-height=2.25em] - Height of the boxes.
 * @cssprop [--totp-code-input-gap=0.5em] - Space between two boxes, or between two digits when `spaced`.
 * @cssprop [--totp-code-input-slot-background=#8882] - Fill of a box.
 * @cssprop [--totp-code-input-slot-line-color=currentColor] - Colour of the 2px line under each box.
 * @cssprop [--totp-code-input-focus-color=currentColor] - Colour of the outline of the box the next digit goes into.
 * @cssprop [--totp-code-input-selection-color=#3b82f680] - Fill of the boxes whose digits are selected.
 * @cssprop [--totp-code-input-error-color=currentColor] - Colour of the server error, and of the boxes' lines while there is one.
 * @cssstate complete - The input holds `length` digits.
 * @cssstate invalid - There is an error: the server's, or an incomplete code that was submitted.
 * @cssstate blocked - The server's error invites no further attempt (`error-kind` `locked` or `unavailable`).
 * @event {TotpCompleteEvent} totp-complete - The last digit arrived (typing, paste or autofill), once per complete code;
 *   `code` holds the digits. Cancelable: cancelling stops `autosubmit`.
 */
export class TotpCodeInputElement extends ReactiveKitElement {
  // Plain `static properties` rather than decorators (smaller bundle).
  static override properties = {
    length: { type: Number },
    appearance: {},
    name: {},
    htmlFor: { attribute: 'for' },
    autosubmit: { type: Boolean },
    sent: { type: Boolean },
    noValidate: { type: Boolean, attribute: 'novalidate' },
    submitButton: { attribute: 'submit-button' },
    error: {},
    errorKind: { attribute: 'error-kind' },
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

  /** The code was sent to the user (e-mail, text message), not made by an authenticator app: the hint and messages say so. */
  sent = false;

  /** Leaves the input's validity alone: the code is checked by the page's own button (B2C's Verify), and a form submitted without it is not held up. */
  noValidate = false;

  /** Id of the button `autosubmit` clicks (B2C: `continue`); without it, `form.requestSubmit()`. */
  submitButton = '';

  /** A message from the server (wrong code, too many attempts); shown until the value changes. */
  error = '';

  /** What `error` means: `wrong` (the default), `locked` or `unavailable`; the last two add what to do next and invite no retry. */
  errorKind: CodeInputErrorKind = 'wrong';

  /** Texts that replace the English defaults, in part or in full (JSON in the attribute); only strings of known keys count. */
  strings: Partial<CodeInputStrings> = {};

  /** The message about the last change or submission: digits only, too many digits, an incomplete code. */
  private message = '';

  readonly #id = `totp-code-input-${++instances}`;
  readonly #internals = this.attachInternals();
  #input?: HTMLInputElement;
  /** The root whose events the element listens to, while it is connected. */
  #root?: Root;
  /** Whether the element made its input itself (no input given, no `for`). */
  #ownsInput?: boolean;
  /** The digits the input held after the last change. */
  #value = '';
  /** The complete code `totp-complete` was last fired for. */
  #completed = '';
  /** The code last submitted: a second submission of it is cancelled. */
  #submitted = '';
  /** The selection before the change being handled. */
  #before?: [number, number];
  /** A message said about the change being handled (digits only, too many digits), if any. */
  #refusal: '' | 'tooLong' | 'digitsOnly' = '';
  /** An incomplete code was submitted and not yet changed. */
  #incompleteSubmitted = false;
  /** Attributes the element set on the page's input, and so takes off again (aria-invalid, readonly). */
  readonly #setOnInput = new Set<string>();
  /** Keeps the boxes within the width the input's container has. */
  readonly #resize = new ResizeObserver(() => this.#fitToRoom());

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

  /** Empties the code and forgets the last change, error and submission (a new code was sent, say). */
  clear(): void {
    if (this.#input) this.#input.value = '';
    this.#reset();
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
    this.#ownsInput ??= !this.htmlFor && !this.#input && !this.querySelector('input');
  }

  /** The element's own nodes, in light DOM (where password managers and B2C reach the input): made once. */
  #nodes?: CodeInputNodes;

  /**
   * Draws the element's few nodes by hand, as text only: the page every
   * sign-in shows loads no template engine for them.
   */
  protected override update(): void {
    const text = this.#text;
    const nodes = (this.#nodes ??= this.#makeNodes());
    if (nodes.label) nodes.label.textContent = text.label;
    if (nodes.input) {
      if (this.name) nodes.input.setAttribute('name', this.name);
      else nodes.input.removeAttribute('name');
    }
    nodes.hint.textContent = format(this.sent ? text.hintSent : text.hint, { length: codeDigits(this.length) }, languageOf(this));
    // Empty without an error (the styles show the box only then); what to do next after a blocking one.
    const next = this.#blocked ? Object.assign(document.createElement('span'), { className: 'totp-code-input-next', textContent: text[this.errorKind as 'locked' | 'unavailable'] }) : '';
    nodes.error.replaceChildren(...(this.error ? [this.error, ...(next ? [' ', next] : [])] : []));
    nodes.status.textContent = this.message;
  }

  #makeNodes(): CodeInputNodes {
    const id = this.#id;
    const node = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>) => {
      const element = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      return element;
    };
    const label = this.#ownsInput ? node('label', { class: 'totp-code-input-label', for: id }) : undefined;
    const input = this.#ownsInput ? node('input', { id }) : undefined;
    const hint = node('div', { id: `${id}-hint`, class: 'totp-code-input-hint' });
    const error = node('div', { id: `${id}-error`, class: 'totp-code-input-message totp-code-input-error', role: 'alert', tabindex: '-1' });
    const status = node('div', { class: 'totp-code-input-message', role: 'status' });
    this.append(...[label, input].filter((element) => element !== undefined), hint, error, status);
    return { label, input, hint, error, status };
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('htmlFor') || !this.#input) this.#resolve();
    if (!this.#input || !this.#root) return;
    this.#sync();
    if ((changed.has('error') || changed.has('errorKind')) && this.error) this.#showServerError();
  }

  get #text(): CodeInputStrings {
    return localTexts(this, 'codeInput', codeInputStrings, this.strings);
  }

  get #length(): number {
    return codeDigits(this.length);
  }

  /** Whether the server's error invites no further attempt. */
  get #blocked(): boolean {
    return !!this.error && (this.errorKind === 'locked' || this.errorKind === 'unavailable');
  }

  // ---- Finding and binding the input ----

  #resolve(): void {
    const input = this.htmlFor
      ? (this.getRootNode() as Document).getElementById(this.htmlFor)
      : (this.#input ?? this.querySelector('input'));
    if (input instanceof HTMLInputElement && (input !== this.#input || !this.#root)) this.attach(input);
  }

  /** The listeners of the root the input is in, by concern: editing, submitting, resetting, validity. */
  readonly #listeners: readonly [type: string, listener: (event: Event) => void][] = [
    ['beforeinput', (event) => this.#handleBeforeInput(event)],
    ['input', (event) => this.#handleInput(event)],
    ['compositionend', (event) => this.#handleInput(event)],
    ['keydown', (event) => this.#handleKeyDown(event as KeyboardEvent)],
    ['click', (event) => this.#handleClick(event)],
    ['submit', (event) => this.#handleSubmit(event)],
    ['reset', (event) => this.#handleReset(event)],
    ['invalid', (event) => this.#handleInvalid(event)],
    ['selectionchange', (event) => this.#handleSelection(event)],
    ['select', (event) => this.#handleSelection(event)],
    ['keyup', (event) => this.#handleSelection(event)],
    ['pointerup', (event) => this.#handleSelection(event)],
    ['focusin', (event) => this.#handleSelection(event)],
  ];

  #bind(): void {
    const input = this.#input!;
    const root = (this.#root = input.getRootNode() as Root);
    for (const [type, listener] of this.#listeners) root.addEventListener(type, listener, true);
    this.#adoptStyles(root);
    for (const pair of INPUT_ATTRIBUTES.split(' ')) {
      const [name, value] = pair.split('=');
      if (!input.hasAttribute(name)) input.setAttribute(name, value);
    }
    if (input.type === 'number') input.type = 'text';
    // What is typed is a live second factor: out of session replays.
    markForReplays(input, INPUT_NOT_RECORDED);
    // maxlength would cut "123 456" to "123 45" before the spaces are removed.
    input.removeAttribute('maxlength');
    this.#describe(true);
    if (input.parentElement) this.#resize.observe(input.parentElement);
    this.#value = '';
    this.#sync();
  }

  #unbind(): void {
    const input = this.#input;
    if (!input || !this.#root) return;
    for (const [type, listener] of this.#listeners) this.#root.removeEventListener(type, listener, true);
    this.#root = undefined;
    this.#resize.disconnect();
    this.#describe(false);
    for (const name of this.#setOnInput) input.removeAttribute(name);
    this.#setOnInput.clear();
    input.setCustomValidity('');
  }

  /** Sets or takes off one of the input's attributes, never one the page set itself. */
  #toggleOnInput(name: string, on: boolean, value = ''): void {
    const input = this.#input!;
    if (on && !input.hasAttribute(name)) {
      input.setAttribute(name, value);
      this.#setOnInput.add(name);
    } else if (!on && this.#setOnInput.delete(name)) {
      input.removeAttribute(name);
    }
  }

  /** The element's sheet, in the root that holds the input and in its own (they differ where the input is B2C's). */
  #adoptStyles(root: Root): void {
    const sheet = styles.styleSheet;
    for (const node of [root, this.getRootNode() as Root]) {
      if (!node.adoptedStyleSheets.includes(sheet)) node.adoptedStyleSheets = [...node.adoptedStyleSheets, sheet];
    }
  }

  /** Adds the hint and the error to the page's own `aria-describedby`, or takes them out. */
  #describe(add: boolean): void {
    const input = this.#input!;
    const ours = ` ${this.#id}-hint ${this.#id}-error`;
    const ids = ` ${input.getAttribute('aria-describedby') ?? ''}`.replace(ours, '') + (add ? ours : '');
    input.setAttribute('aria-describedby', ids.trim());
  }

  // ---- Editing ----

  #handleBeforeInput(event: Event): void {
    const input = this.#input!;
    if (event.target === input) this.#before = [input.selectionStart!, input.selectionEnd!];
  }

  #handleInput(event: Event): void {
    // An IME (and Android keyboards) compose in place: wait for the end.
    if (event.target === this.#input && !(event as InputEvent).isComposing) this.#sync(true);
  }

  #handleSelection(event: Event): void {
    if (event.target === this.#input || (event.type === 'selectionchange' && this.#root?.activeElement === this.#input)) this.#showSelection();
  }

  // ---- Submitting: a code is sent once ----

  #handleKeyDown(event: KeyboardEvent): void {
    if (event.target === this.#input && event.key === 'Enter' && !event.isComposing) this.#guardSubmission(event);
  }

  #handleClick(event: Event): void {
    const button = this.submitButton && (this.#root as Document).getElementById(this.submitButton);
    if (button && button.contains(event.target as Node)) this.#guardSubmission(event);
  }

  #handleSubmit(event: Event): void {
    // Another button's submission (B2C's Continue, where autosubmit presses a control's Verify) is not this code's.
    const submitter = (event as SubmitEvent).submitter;
    if (event.target !== this.#input!.form || (this.submitButton && submitter && submitter.id !== this.submitButton)) return;
    this.#guardSubmission(event);
    if (!event.defaultPrevented) this.#submitted = this.#value;
  }

  /** Enter racing autosubmit, or a second click: a code already sent is not sent again. */
  #guardSubmission(event: Event): void {
    if (!this.#value || this.#value !== this.#submitted) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  #handleReset(event: Event): void {
    // The form restores the input's default value after this event.
    if (event.target === this.#input!.form) setTimeout(() => event.defaultPrevented || this.#reset());
  }

  /** An incomplete code was submitted: say so here, instead of the browser's bubble over the page. */
  #handleInvalid(event: Event): void {
    const input = this.#input!;
    if (event.target !== input) return;
    event.preventDefault();
    this.message = freshMessage(input.validationMessage, this.message);
    this.#incompleteSubmitted = true;
    this.#updateStates();
    input.focus();
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

  // ---- Deriving everything from the input's value ----

  /**
   * Reads the input's value: normalises what the user changed, then derives
   * the message, the validity, the states and the completion from it. Only a
   * change by the user rewrites the value: anything else could land in the
   * middle of an IME composition.
   */
  #sync(byUser = false): void {
    const digits = byUser ? this.#normaliseChange() : normaliseCode(this.#input!.value).digits;
    if (digits !== this.#value) {
      this.#value = digits;
      this.#submitted = '';
      this.#incompleteSubmitted = false;
      if (!this.#refusal) this.message = '';
      // A new code from the user answers the server's error.
      if (byUser && this.error) {
        this.removeAttribute('error');
        this.error = '';
      }
    }
    this.#refusal = '';
    this.#decorate();
    this.#updateValidity();
    this.#updateStates();
    this.#checkComplete(byUser);
  }

  /** The user's change, normalised in place: the digits it leaves, or the previous ones where it would leave too many. */
  #normaliseChange(): string {
    const input = this.#input!;
    const length = this.#length;
    const raw = input.value;
    let { digits } = normaliseCode(raw);
    const { rejected } = normaliseCode(raw);
    if (digits.length > length) {
      this.#refusal = 'tooLong';
      digits = this.#value;
      const [start, end] = this.#before ?? [digits.length, digits.length];
      input.value = digits;
      input.setSelectionRange(start, end);
    } else if (digits !== raw) {
      if (rejected) this.#refusal = 'digitsOnly';
      // The caret stays after the same digit it followed.
      const caret = normaliseCode(raw.slice(0, input.selectionStart!)).digits.length;
      input.value = digits;
      input.setSelectionRange(caret, caret);
    }
    this.#before = undefined;
    if (this.#refusal) this.message = freshMessage(format(this.#text[this.#refusal], { length }, languageOf(this)), this.message);
    return digits;
  }

  /** What the styles need on the input: the appearance, the number of digits, the state, where the caret is. */
  #decorate(): void {
    const input = this.#input!;
    input.dataset.totpCode = this.appearance === 'spaced' ? 'spaced' : 'boxes';
    input.style.setProperty('--totp-n', `${this.#length}`);
    // Blocked: the field invites no further attempt.
    this.#toggleOnInput('readonly', this.#blocked);
    this.#showSelection();
  }

  #updateValidity(): void {
    const count = this.#value.length;
    const length = this.#length;
    const text = this.#text;
    this.#input!.setCustomValidity(
      this.noValidate || count === length ? '' : format(count ? text.wrongLength : this.sent ? text.emptySent : text.empty, { length, count }, languageOf(this)),
    );
  }

  #updateStates(): void {
    const invalid = !!this.error || this.#incompleteSubmitted;
    this.#toggleOnInput('aria-invalid', invalid, 'true');
    const states = this.#internals.states;
    try {
      states[this.#value.length === this.#length ? 'add' : 'delete']('complete');
      states[invalid ? 'add' : 'delete']('invalid');
      states[this.#blocked ? 'add' : 'delete']('blocked');
    } catch {
      // No CustomStateSet, or one that wants `--complete` (Chromium before 125).
    }
  }

  /** Fires `totp-complete` once per complete code the user entered, then autosubmits unless it was cancelled. */
  #checkComplete(byUser: boolean): void {
    const digits = this.#value;
    if (digits.length !== this.#length) {
      this.#completed = '';
      return;
    }
    if (digits === this.#completed) return;
    this.#completed = digits;
    if (byUser && this.dispatchEvent(new TotpCompleteEvent(digits)) && this.autosubmit && !this.#blocked) this.#submit(digits);
  }

  /** The boxes the selection covers, and so the box the next digit goes into, for the styles. */
  #showSelection(): void {
    const input = this.#input!;
    const last = this.#length - 1;
    const start = Math.min(input.selectionStart ?? 0, last);
    const end = Math.max(start, Math.min(input.selectionEnd ?? 0, this.#length));
    input.style.setProperty('--totp-at', `${start}`);
    input.style.setProperty('--totp-selected', `${end > start ? end - start : 0}`);
  }

  /** The width the input's container gives it: the boxes shrink to fit a small phone. */
  #fitToRoom(): void {
    const input = this.#input;
    const container = input?.parentElement;
    if (!input || !container) return;
    const style = getComputedStyle(container);
    const room = container.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    // An inline container reports no width: then the boxes keep their own.
    if (room > 0) input.style.setProperty('--totp-room', `${room}px`);
    else input.style.removeProperty('--totp-room');
  }

  /** The server's error arrived or changed: keep focus on the field (or its explanation) unless the user is elsewhere. */
  #showServerError(): void {
    const input = this.#input!;
    this.#submitted = '';
    const active = this.#root!.activeElement;
    const inForm = !active || active === input || active === document.body || input.form?.contains(active);
    if (!inForm) return;
    if (this.#blocked) {
      // No further attempt: the explanation takes focus (the button that was pressed may be hidden now).
      this.querySelector<HTMLElement>('.totp-code-input-error')?.focus();
    } else {
      input.focus();
      // Selected, so that the next digit typed replaces the wrong code; the boxes show the selection.
      input.select();
      this.#showSelection();
    }
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
