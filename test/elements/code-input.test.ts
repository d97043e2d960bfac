import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/code-input/code-input.js';
import type { TotpCodeInputElement, TotpCompleteEvent } from '../../src/elements/code-input/code-input.js';
import { screenshotPixels } from '../helpers/qr.js';
import { axeViolations } from '../helpers/axe.js';
import { sendKeys } from '../helpers/commands.js';

const ATTRIBUTES = {
  inputmode: 'numeric',
  autocomplete: 'one-time-code',
  autocapitalize: 'off',
  spellcheck: 'false',
  enterkeyhint: 'done',
  dir: 'ltr',
};

/** A `<totp-code-input>` around a labelled input, as a page would write it. */
async function codeInput(attributes = '', inputAttributes = ''): Promise<TotpCodeInputElement> {
  const container = await fixture<HTMLElement>(
    html`<div .innerHTML=${`<totp-code-input ${attributes}><label for="code">Code</label><input id="code" name="otpCode" ${inputAttributes}></totp-code-input>`}></div>`,
  );
  const element = container.querySelector('totp-code-input')!;
  await element.updateComplete;
  return element;
}

/** The same in a form whose submissions are counted (and kept from navigating). */
async function inForm(attributes = '', extra = '<button>Verify</button>') {
  const form = await fixture<HTMLFormElement>(
    html`<form .innerHTML=${`<totp-code-input ${attributes}><label for="code">Code</label><input id="code" name="otpCode"></totp-code-input>${extra}`}></form>`,
  );
  const element = form.querySelector('totp-code-input')!;
  await element.updateComplete;
  const submits: string[] = [];
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submits.push(new FormData(form).get('otpCode') as string);
  });
  return { form, element, input: element.input!, submits };
}

/** What a paste into an empty field does: the value, then an input event. */
function paste(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}

/** What OS code autofill and password managers do: the value, then an input event without a type. */
function autofill(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

const messageOf = (element: TotpCodeInputElement) => element.querySelector('[role="status"]')!.textContent!.trim();
const errorOf = (element: TotpCodeInputElement) => element.querySelector<HTMLElement>('[role="alert"]')!;
/** The hint, found through the input's aria-describedby. */
const hintOf = (element: TotpCodeInputElement) => {
  const id = element.input!.getAttribute('aria-describedby')!.split(' ').find((ref) => ref.endsWith('-hint'));
  return element.querySelector(`[id="${id}"]`)!;
};
const isComplete = (element: TotpCodeInputElement) => element.matches(':state(complete)');

describe('<totp-code-input>', () => {
  describe('defaults', () => {
    it('creates a labelled input in light DOM when none is given', async () => {
      const element = await fixture<TotpCodeInputElement>(html`<totp-code-input></totp-code-input>`);
      const input = element.input!;
      expect(input).to.be.instanceOf(HTMLInputElement);
      expect(input.parentElement === element, 'the input is a child of the element').to.equal(true);
      expect(element.shadowRoot === null, 'no shadow root').to.equal(true);
      expect(input.labels![0].textContent).to.equal('Verification code');
      expect(input.hasAttribute('name')).to.equal(false);
      expect(element.querySelectorAll('input')).to.have.length(1);
    });

    it('adds the attributes of a code field, never type=number', async () => {
      const input = (await fixture<TotpCodeInputElement>(html`<totp-code-input></totp-code-input>`)).input!;
      for (const [name, value] of Object.entries(ATTRIBUTES)) expect(input.getAttribute(name), name).to.equal(value);
      expect(input.type).to.equal('text');
      expect(input.hasAttribute('maxlength')).to.equal(false);
    });

    it('expects 6 digits, drawn as boxes', async () => {
      const element = await codeInput();
      expect(element.length).to.equal(6);
      expect(element.appearance).to.equal('boxes');
      expect(element.input!.dataset.totpCode).to.equal('boxes');
      expect(hintOf(element).textContent).to.equal('6-digit code from your authenticator app');
    });

    it('starts invalid, asking for the code', async () => {
      const input = (await codeInput()).input!;
      expect(input.checkValidity()).to.equal(false);
      expect(input.validationMessage).to.equal('Enter the 6-digit code from your authenticator app.');
    });
  });

  describe('attributes', () => {
    it('names the input it creates from name', async () => {
      const element = await fixture<TotpCodeInputElement>(html`<totp-code-input name="otpCode"></totp-code-input>`);
      expect(element.input!.name).to.equal('otpCode');
    });

    it('enhances the slotted input where it is, without creating another', async () => {
      const element = await codeInput();
      const input = element.querySelector('input')!;
      expect(element.input === input, 'element.input').to.equal(true);
      expect(element.querySelectorAll('input')).to.have.length(1);
      expect(input.name).to.equal('otpCode');
      expect(input.id).to.equal('code');
    });

    it('keeps what the page set on the input and adds only what is missing', async () => {
      const input = (await codeInput('', 'autocomplete="off" inputmode="decimal" enterkeyhint="go" spellcheck="true" class="textInput"')).input!;
      expect(input.getAttribute('autocomplete')).to.equal('off');
      expect(input.getAttribute('inputmode')).to.equal('decimal');
      expect(input.getAttribute('enterkeyhint')).to.equal('go');
      expect(input.getAttribute('spellcheck')).to.equal('true');
      expect(input.getAttribute('autocapitalize')).to.equal('off');
      expect(input.getAttribute('dir')).to.equal('ltr');
      // The page's class stays, first; the kit adds only session replays' markers (core/replay.ts).
      expect(input.className).to.equal('textInput rr-ignore sentry-mask fs-mask');
    });

    it('turns type=number into text and drops maxlength, which would cut a paste', async () => {
      const input = (await codeInput('', 'type="number" maxlength="6"')).input!;
      expect(input.type).to.equal('text');
      expect(input.hasAttribute('maxlength')).to.equal(false);
      paste(input, '123 456');
      expect(input.value).to.equal('123456');
    });

    it('attaches to B2C\'s #otpCode through for, leaving it in place with its id and name', async () => {
      const page = await fixture<HTMLElement>(html`
        <div class="attrEntry">
          <label id="otpCode_label" for="otpCode">Enter your code</label>
          <div class="error itemLevel" role="alert"></div>
          <input id="otpCode" class="textInput" type="text" placeholder="Enter your code" pattern="^[0-9]{6}$" aria-required="true" />
          <a class="helpLink tiny" href="#">What is this?</a>
          <totp-code-input for="otpCode"></totp-code-input>
        </div>
      `);
      const element = page.querySelector('totp-code-input')!;
      await element.updateComplete;
      const input = page.querySelector<HTMLInputElement>('#otpCode')!;
      expect(element.input === input, 'element.input').to.equal(true);
      expect(input.parentElement === page, 'the input stays where B2C put it').to.equal(true);
      expect(input.previousElementSibling!.className).to.equal('error itemLevel');
      expect(input.id).to.equal('otpCode');
      expect(input.hasAttribute('name')).to.equal(false);
      expect(input.getAttribute('placeholder')).to.equal('Enter your code');
      expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(element.querySelector('input') === null, 'no input created').to.equal(true);
      paste(input, '123 456');
      expect(input.value).to.equal('123456');
      expect(input.checkValidity()).to.equal(true);
    });

    it('attaches to an input passed to attach(), even right after it is added to the page', async () => {
      const page = await fixture<HTMLElement>(html`<div><input id="otpCode" aria-label="Code" /></div>`);
      const input = page.querySelector('input')!;
      const element = document.createElement('totp-code-input');
      page.append(element);
      element.attach(input);
      await element.updateComplete;
      expect(element.input === input, 'element.input').to.equal(true);
      expect(element.querySelector('input') === null, 'no input created').to.equal(true);
      expect(input.getAttribute('inputmode')).to.equal('numeric');
      autofill(input, '１２３４５６');
      expect(input.value).to.equal('123456');
    });

    it('reads length from its attribute, 4 to 10, and uses 6 for anything else', async () => {
      for (const [attribute, length] of [['4', 4], ['8', 8], ['10', 10], ['3', 6], ['11', 6], ['abc', 6], ['6.5', 6]] as const) {
        const element = await codeInput(`length="${attribute}"`);
        const input = element.input!;
        autofill(input, '1234567890'.slice(0, length));
        expect(input.value, attribute).to.equal('1234567890'.slice(0, length));
        expect(input.checkValidity(), attribute).to.equal(true);
        expect(hintOf(element).textContent, attribute).to.equal(`${length}-digit code from your authenticator app`);
      }
    });

    it('follows a change of length', async () => {
      const element = await codeInput();
      const input = element.input!;
      autofill(input, '123456');
      element.length = 8;
      await element.updateComplete;
      expect(input.validationMessage).to.equal('The code has 8 digits; you entered 6.');
      expect(isComplete(element)).to.equal(false);
    });

    it('draws a plain letter-spaced field with appearance="spaced"', async () => {
      const element = await codeInput('appearance="spaced"');
      expect(element.input!.dataset.totpCode).to.equal('spaced');
      expect(getComputedStyle(element.input!).backgroundImage).to.equal('none');
      element.appearance = 'boxes';
      await element.updateComplete;
      expect(getComputedStyle(element.input!).backgroundImage).to.include('repeating-linear-gradient');
    });

    it('takes localised strings as JSON in the strings attribute', async () => {
      const element = await codeInput(
        `strings='${JSON.stringify({ hint: '{length}-stelliger Code', empty: 'Geben Sie den {length}-stelligen Code ein.' })}'`,
      );
      expect(hintOf(element).textContent).to.equal('6-stelliger Code');
      expect(element.input!.validationMessage).to.equal('Geben Sie den 6-stelligen Code ein.');
      autofill(element.input!, '12');
      expect(element.input!.validationMessage).to.equal('The code has 6 digits; you entered 2.');
    });
  });

  describe('rendering', () => {
    /** The columns where the digits left ink, grouped into glyphs. */
    async function glyphColumns(input: HTMLInputElement): Promise<[number, number][]> {
      const pixels = await screenshotPixels(input);
      const inked: boolean[] = [];
      // The line under the boxes is in the last rows: leave them out.
      for (let x = 0; x < pixels.width; x++) {
        for (let y = 0; y < pixels.height - 6; y++) {
          const i = (y * pixels.width + x) * 4;
          if (Math.max(pixels.data[i], pixels.data[i + 1], pixels.data[i + 2]) < 110) inked[x] = true;
        }
      }
      const glyphs: [number, number][] = [];
      for (let x = 0; x < pixels.width; x++) {
        if (!inked[x]) continue;
        if (glyphs.length && inked[x - 1]) glyphs[glyphs.length - 1][1] = x;
        else glyphs.push([x, x]);
      }
      return glyphs;
    }

    it('centres each digit in its own box', async () => {
      for (const length of [6, 8]) {
        const element = await codeInput(`length="${length}"`);
        const input = element.input!;
        autofill(input, '80808080'.slice(0, length));
        const fontSize = parseFloat(getComputedStyle(input).fontSize);
        const slot = 1.75 * fontSize;
        const stride = slot + 0.5 * fontSize;
        const pixels = await screenshotPixels(input);
        const glyphs = await glyphColumns(input);
        const row = Math.round(pixels.height * 0.2); // above the digits, below the top of the boxes
        const shade = (x: number) => pixels.data[(row * pixels.width + Math.round(x)) * 4];
        expect(glyphs, `${length} digits`).to.have.length(length);
        glyphs.forEach(([left, right], index) => {
          const box = index * stride;
          expect((left + right) / 2, `digit ${index} of ${length}`).to.be.closeTo(box + slot / 2, 2);
          // the box is painted around it, the gap after it is not
          expect(shade(box + 2), `box ${index}`).to.be.below(250);
          expect(shade(box + slot - 2), `box ${index}`).to.be.below(250);
          expect(shade(box + slot + 0.25 * fontSize), `gap ${index}`).to.equal(255);
        });
      }
    });

    it('keeps the whole code in view with the caret after the last digit', async () => {
      for (const appearance of ['boxes', 'spaced']) {
        const element = await codeInput(`appearance="${appearance}" length="10"`);
        const input = element.input!;
        input.focus();
        await sendKeys({ type: '1234567890' });
        expect(input.value).to.equal('1234567890');
        expect(input.selectionStart).to.equal(10);
        expect(input.scrollLeft, appearance).to.equal(0);
        expect(input.scrollWidth, appearance).to.be.at.most(input.clientWidth);
      }
    });

    it('keeps the digits left to right on a right-to-left page', async () => {
      const page = await fixture<HTMLElement>(html`
        <div dir="rtl" lang="ar">
          <style>input { direction: rtl; text-align: right }</style>
          <totp-code-input><label for="code">الرمز</label><input id="code" /></totp-code-input>
        </div>
      `);
      const element = page.querySelector('totp-code-input')!;
      await element.updateComplete;
      const input = element.input!;
      expect(input.getAttribute('dir')).to.equal('ltr');
      expect(getComputedStyle(input).direction).to.equal('ltr');
      input.focus();
      await sendKeys({ type: '1' });
      input.blur();
      // The one digit is drawn in the leftmost box.
      const glyphs = await glyphColumns(input);
      expect(glyphs).to.have.length(1);
      expect(glyphs[0][1]).to.be.below(1.75 * parseFloat(getComputedStyle(input).fontSize));
    });

    it('takes the size of the boxes from custom properties', async () => {
      const element = await codeInput();
      const input = element.input!;
      const before = input.getBoundingClientRect().width;
      element.style.setProperty('--totp-code-input-slot-width', '3em');
      element.style.setProperty('--totp-code-input-gap', '1em');
      const style = getComputedStyle(input);
      expect(input.getBoundingClientRect().width).to.be.above(before);
      // six slots of 3em and gaps of 1em after the start padding, and 2px of room for the caret
      expect(input.getBoundingClientRect().width - parseFloat(style.paddingLeft)).to.be.closeTo(6 * 4 * parseFloat(style.fontSize) + 2, 1);
    });

    it('shows the server error in light DOM only while there is one', async () => {
      const element = await codeInput();
      expect(errorOf(element).checkVisibility()).to.equal(true);
      expect(errorOf(element).getBoundingClientRect().height).to.equal(0);
      element.error = 'Wrong code entered, please try again.';
      await element.updateComplete;
      expect(errorOf(element).textContent).to.equal('Wrong code entered, please try again.');
      expect(errorOf(element).getBoundingClientRect().height).to.be.above(0);
    });
  });

  describe('events', () => {
    it('fires totp-complete once when the last digit is typed', async () => {
      const element = await codeInput();
      const codes: string[] = [];
      element.addEventListener('totp-complete', (event) => codes.push(event.code));
      element.input!.focus();
      await sendKeys({ type: '12345' });
      expect(codes).to.deep.equal([]);
      await sendKeys({ type: '6' });
      expect(codes).to.deep.equal(['123456']);
      element.input!.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await sendKeys({ type: '7' }); // refused: a 7th digit
      expect(codes).to.deep.equal(['123456']);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '0' });
      expect(codes).to.deep.equal(['123456', '123450']);
    });

    it('fires a bubbling, composed, cancelable event for a paste and for autofill', async () => {
      const element = await codeInput();
      const fired = oneEvent(element, 'totp-complete') as Promise<TotpCompleteEvent>;
      paste(element.input!, '123-456');
      const event = await fired;
      expect(event.code).to.equal('123456');
      expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
      const again = oneEvent(element, 'totp-complete') as Promise<TotpCompleteEvent>;
      autofill(element.input!, ' 654 321 ');
      expect((await again).code).to.equal('654321');
    });

    it('fires nothing for a value that was there before the element', async () => {
      let fired = 0;
      const page = await fixture<HTMLElement>(html`<div><input id="otpCode" value="123456" aria-label="Code" /></div>`);
      page.addEventListener('totp-complete', () => fired++);
      const element = document.createElement('totp-code-input');
      element.htmlFor = 'otpCode';
      page.append(element);
      await element.updateComplete;
      expect(isComplete(element)).to.equal(true);
      expect(fired).to.equal(0);
    });

    it('sets the complete state while the input holds the whole code', async () => {
      const element = await codeInput();
      expect(isComplete(element)).to.equal(false);
      paste(element.input!, '123456');
      expect(isComplete(element)).to.equal(true);
      element.input!.value = '12345';
      element.input!.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
      expect(isComplete(element)).to.equal(false);
    });

    it('lets the page\'s own input and change listeners see the normalised value', async () => {
      const element = await codeInput();
      const input = element.input!;
      const seen: string[] = [];
      input.addEventListener('input', () => seen.push(input.value));
      paste(input, '１２３ ４５６');
      expect(seen).to.deep.equal(['123456']);
    });
  });

  describe('form', () => {
    it('posts exactly the code under the input\'s name', async () => {
      const { form, input } = await inForm();
      paste(input, ' 123-456\n');
      expect([...new FormData(form)]).to.deep.equal([['otpCode', '123456']]);
    });

    it('posts the created input under the element\'s name', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><totp-code-input name="otpCode"></totp-code-input></form>`);
      const element = form.querySelector('totp-code-input')!;
      await element.updateComplete;
      autofill(element.input!, '１２３４５６');
      expect([...new FormData(form)]).to.deep.equal([['otpCode', '123456']]);
    });

    it('is valid only with the whole code, so the form check and B2C\'s pattern agree', async () => {
      const { form, input } = await inForm();
      input.pattern = '^[0-9]{6}$';
      expect(form.checkValidity()).to.equal(false);
      expect(input.validationMessage).to.equal('Enter the 6-digit code from your authenticator app.');
      paste(input, '1234');
      expect(form.checkValidity()).to.equal(false);
      expect(input.validationMessage).to.equal('The code has 6 digits; you entered 4.');
      paste(input, '123456');
      expect(form.checkValidity()).to.equal(true);
      expect(input.validity.patternMismatch).to.equal(false);
      expect(input.validationMessage).to.equal('');
    });

    it('novalidate leaves the input valid whatever it holds, so another button\'s submission goes through', async () => {
      const { form, input, element } = await inForm('novalidate');
      expect(element.noValidate).to.equal(true);
      expect(form.checkValidity()).to.equal(true);
      paste(input, '12');
      expect(input.validity.valid).to.equal(true);
      element.noValidate = false;
      await element.updateComplete;
      paste(input, '123');
      expect(input.validationMessage).to.equal('The code has 6 digits; you entered 3.');
    });

    it('sent: the hint and the empty message speak of a code sent, not an app', async () => {
      const { input, element } = await inForm('sent');
      expect(hintOf(element).textContent).to.equal('6-digit code we sent you');
      expect(input.validationMessage).to.equal('Enter the 6-digit code we sent you.');
    });

    it('guards only its own button\'s submission: the form\'s other submit button still submits the code already sent', async () => {
      const { form, input, submits } = await inForm(
        'autosubmit submit-button="verify"',
        '<button type="button" id="verify">Verify code</button><button id="continue">Continue</button>',
      );
      let verifies = 0;
      form.querySelector('#verify')!.addEventListener('click', () => verifies++);
      paste(input, '123456');
      expect(verifies, 'autosubmit pressed Verify').to.equal(1);
      form.querySelector<HTMLButtonElement>('#verify')!.click();
      expect(verifies, 'the same code is verified once').to.equal(1);
      form.querySelector<HTMLButtonElement>('#continue')!.click();
      expect(submits).to.deep.equal(['123456']);
    });

    it('keeps an incomplete code from being submitted', async () => {
      const { input, submits } = await inForm();
      input.focus();
      await sendKeys({ type: '12345' });
      await sendKeys({ press: 'Enter' });
      expect(submits).to.deep.equal([]);
    });

    it('follows form.reset(): the default value, no error, no complete state, no message', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><totp-code-input><input name="otpCode" value="12" aria-label="Code" /></totp-code-input></form>`,
      );
      const element = form.querySelector('totp-code-input')!;
      await element.updateComplete;
      const input = element.input!;
      paste(input, '123456');
      paste(input, '1234567');
      element.error = 'Wrong code';
      await element.updateComplete;
      expect(messageOf(element)).to.not.equal('');
      expect(isComplete(element)).to.equal(true);
      form.reset();
      await aTimeout(10);
      await element.updateComplete;
      expect(input.value).to.equal('12');
      expect(element.error).to.equal('');
      expect(element.hasAttribute('error')).to.equal(false);
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
      expect(errorOf(element).textContent).to.equal('');
      expect(messageOf(element)).to.equal('');
      expect(isComplete(element)).to.equal(false);
      expect(input.validationMessage).to.equal('The code has 6 digits; you entered 2.');
    });

    it('follows a reset button pressed from the keyboard', async () => {
      const { form, element, input } = await inForm('', '<button type="reset">Clear</button>');
      input.focus();
      await sendKeys({ type: '123456' });
      expect(isComplete(element)).to.equal(true);
      form.querySelector('button')!.focus();
      await sendKeys({ press: 'Enter' });
      await aTimeout(10);
      expect(input.value).to.equal('');
      expect(isComplete(element)).to.equal(false);
      expect(input.validationMessage).to.equal('Enter the 6-digit code from your authenticator app.');
    });

    it('autosubmits once when the last digit is typed, even when Enter follows', async () => {
      const { input, submits } = await inForm('autosubmit');
      input.focus();
      await sendKeys({ type: '123456' });
      expect(submits).to.deep.equal(['123456']);
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      expect(submits).to.deep.equal(['123456']);
    });

    it('autosubmits once for a paste or autofill, whatever submits next', async () => {
      const { form, input, submits } = await inForm('autosubmit');
      input.focus();
      paste(input, '123 456');
      await sendKeys({ press: 'Enter' });
      form.requestSubmit();
      form.querySelector('button')!.click();
      expect(submits).to.deep.equal(['123456']);
      autofill(input, '654321');
      await sendKeys({ press: 'Enter' });
      expect(submits).to.deep.equal(['123456', '654321']);
    });

    it('does not autosubmit when totp-complete is cancelled, nor without autosubmit', async () => {
      const cancelled = await inForm('autosubmit');
      cancelled.element.addEventListener('totp-complete', (event) => event.preventDefault());
      paste(cancelled.input, '123456');
      expect(cancelled.submits).to.deep.equal([]);
      const off = await inForm();
      paste(off.input, '123456');
      expect(off.submits).to.deep.equal([]);
    });

    it('lets Enter submit once per code without autosubmit, and again after a change', async () => {
      const { input, submits } = await inForm();
      input.focus();
      await sendKeys({ type: '123456' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      expect(submits).to.deep.equal(['123456']);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '7' });
      await sendKeys({ press: 'Enter' });
      expect(submits).to.deep.equal(['123456', '123457']);
    });

    it('lets the same code be submitted again after a server error', async () => {
      const { element, input, submits } = await inForm('autosubmit');
      input.focus();
      paste(input, '123456');
      element.error = 'Something went wrong, try again.';
      await element.updateComplete;
      await sendKeys({ press: 'Enter' });
      expect(submits).to.deep.equal(['123456', '123456']);
    });

    it('clicks B2C\'s own button once, and cancels a second click or Enter for the same code', async () => {
      const { element, input, submits } = await inForm(
        'autosubmit submit-button="continue"',
        '<button id="continue" type="button" aria-label="Verify">Verify</button>',
      );
      const button = element.ownerDocument.getElementById('continue')!;
      let clicks = 0;
      button.addEventListener('click', () => clicks++);
      input.focus();
      await sendKeys({ type: '123456' });
      expect(clicks).to.equal(1);
      await sendKeys({ press: 'Enter' });
      button.click();
      expect(clicks).to.equal(1);
      expect(submits).to.deep.equal([]);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '0' });
      expect(clicks).to.equal(2);
    });

    it('falls back to requestSubmit when the submit-button is not on the page', async () => {
      const { input, submits } = await inForm('autosubmit submit-button="continue"');
      paste(input, '123456');
      expect(submits).to.deep.equal(['123456']);
    });
  });

  describe('keyboard and paste', () => {
    it('takes typed digits', async () => {
      const input = (await codeInput()).input!;
      input.focus();
      await sendKeys({ type: '012345' });
      expect(input.value).to.equal('012345');
    });

    it('drops a typed letter and says why, politely', async () => {
      const element = await codeInput();
      const input = element.input!;
      input.focus();
      await sendKeys({ type: '12a' });
      expect(input.value).to.equal('12');
      expect(input.selectionStart).to.equal(2);
      expect(messageOf(element)).to.equal('Only digits can be entered.');
      await element.updateComplete;
      expect(element.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Only digits can be entered.');
      await sendKeys({ type: '3' });
      await element.updateComplete;
      expect(messageOf(element)).to.equal('');
    });

    it('changes a repeated message, so that it is announced again', async () => {
      const element = await codeInput();
      element.input!.focus();
      await sendKeys({ type: 'a' });
      await element.updateComplete;
      const first = element.querySelector('[role="status"]')!.textContent;
      await sendKeys({ type: 'b' });
      await element.updateComplete;
      const second = element.querySelector('[role="status"]')!.textContent;
      expect(second).to.not.equal(first);
      expect(second!.trim()).to.equal(first!.trim());
    });

    it('refuses a 7th typed digit, keeping the value and the caret', async () => {
      const element = await codeInput();
      const input = element.input!;
      input.focus();
      await sendKeys({ type: '123456' });
      input.setSelectionRange(2, 2);
      await sendKeys({ type: '9' });
      expect(input.value).to.equal('123456');
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([2, 2]);
      await element.updateComplete;
      expect(messageOf(element)).to.equal('The code has only 6 digits.');
    });

    it('edits a digit in the middle', async () => {
      const input = (await codeInput()).input!;
      input.focus();
      await sendKeys({ type: '12456' });
      input.setSelectionRange(2, 2);
      await sendKeys({ type: '3' });
      expect(input.value).to.equal('123456');
      input.setSelectionRange(3, 4);
      await sendKeys({ type: '0' });
      expect(input.value).to.equal('123056');
      expect(input.selectionStart).to.equal(4);
    });

    const pastes: [string, string][] = [
      ['123 456', '123456'],
      ['123-456', '123456'],
      [' 123456\n', '123456'],
      ['１２３４５６', '123456'],
      ['٠١٢٣٤٥', '012345'],
      ['۱۲۳۴۵۶', '123456'],
      ['123\u00a0456', '123456'],
      ['123\u2013456', '123456'],
      ['\u200e123 456\u200f', '123456'],
    ];
    for (const [text, code] of pastes) {
      it(`turns a paste of ${JSON.stringify(text)} into ${code}`, async () => {
        const element = await codeInput();
        paste(element.input!, text);
        expect(element.input!.value).to.equal(code);
        expect(element.input!.checkValidity()).to.equal(true);
        await element.updateComplete;
        expect(messageOf(element)).to.equal('');
      });
    }

    it('drops the letters of a paste and says so', async () => {
      for (const [text, code] of [['12a456', '12456'], ['abc', '']]) {
        const element = await codeInput();
        paste(element.input!, text);
        expect(element.input!.value).to.equal(code);
        await element.updateComplete;
        expect(messageOf(element)).to.equal('Only digits can be entered.');
      }
    });

    it('refuses a paste or autofill with too many digits as a whole, never cutting it', async () => {
      // [the value before, the value after the paste]
      for (const [before, text] of [['', '1234567'], ['', '123 456 7'], ['', '1234567890'], ['12', '12 34567']]) {
        const element = await codeInput();
        const input = element.input!;
        if (before) paste(input, before);
        paste(input, text);
        expect(input.value, text).to.equal(before);
        autofill(input, text);
        expect(input.value, text).to.equal(before);
        await element.updateComplete;
        expect(messageOf(element)).to.equal('The code has only 6 digits.');
      }
    });

    it('takes 8 digits when length is 8 and refuses the 9th', async () => {
      const element = await codeInput('length="8"');
      paste(element.input!, '1234 5678');
      expect(element.input!.value).to.equal('12345678');
      paste(element.input!, '123456789');
      expect(element.input!.value).to.equal('12345678');
      await element.updateComplete;
      expect(messageOf(element)).to.equal('The code has only 8 digits.');
    });

    it('normalises text the browser inserts itself, with the caret after it', async () => {
      const input = (await codeInput()).input!;
      input.focus();
      document.execCommand('insertText', false, '٠١٢ ٣');
      expect(input.value).to.equal('0123');
      expect(input.selectionStart).to.equal(4);
    });

    it('keeps the caret after the digit it followed', async () => {
      const input = (await codeInput()).input!;
      input.focus();
      input.value = '1 2-3 4';
      input.setSelectionRange(3, 3); // after "1 2"
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: ' ' }));
      expect(input.value).to.equal('1234');
      expect(input.selectionStart).to.equal(2);
    });

    it('leaves an IME composition alone and normalises when it ends', async () => {
      const element = await codeInput();
      const input = element.input!;
      input.focus();
      input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
      input.value = '１２';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertCompositionText', data: '１２', isComposing: true }));
      expect(input.value).to.equal('１２');
      // an update of the element in the middle of the composition leaves it alone too
      element.strings = { hint: 'Code' };
      await element.updateComplete;
      expect(input.value).to.equal('１２');
      input.value = '１２３４５６';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertCompositionText', data: '１２３４５６', isComposing: true }));
      expect(input.value).to.equal('１２３４５６');
      const fired = oneEvent(element, 'totp-complete') as Promise<TotpCompleteEvent>;
      input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '１２３４５６' }));
      expect(input.value).to.equal('123456');
      expect((await fired).code).to.equal('123456');
      // Firefox follows compositionend with a plain input event: nothing changes, nothing fires twice.
      let again = 0;
      element.addEventListener('totp-complete', () => again++);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertCompositionText' }));
      expect(input.value).to.equal('123456');
      expect(again).to.equal(0);
    });
  });

  describe('on a phone and after an error', () => {
    /** A B2C-like column `width` px wide with the code input attached to the input in it. */
    let columns = 0;
    async function inColumn(width: number, length = 6) {
      const id = `column-code-${++columns}`;
      const page = await fixture<HTMLElement>(
        html`<div style="width: ${width}px"><div class="attrEntry"><input id=${id} aria-label="Code" /></div><totp-code-input for=${id} length=${length}></totp-code-input></div>`,
      );
      const element = page.querySelector('totp-code-input')!;
      await element.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))); // the room is measured
      return { page, element, input: element.input! };
    }

    it('fits its boxes into a narrow column, and keeps its digits in them', async () => {
      for (const [width, length] of [[246, 6], [200, 6], [246, 8], [120, 4]] as const) {
        const { input } = await inColumn(width, length);
        const box = input.getBoundingClientRect();
        expect(box.width, `${length} boxes in ${width}px`).to.be.at.most(width + 0.5);
        expect(input.scrollWidth, `${width}px: the digits never scroll`).to.be.at.most(input.clientWidth);
        input.value = '9'.repeat(length);
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        expect(input.scrollWidth, `${width}px, full`).to.be.at.most(input.clientWidth);
      }
    });

    it('keeps its full size where there is room', async () => {
      const { input } = await inColumn(600);
      const style = getComputedStyle(input);
      const fontSize = parseFloat(style.fontSize);
      // six slots of 1.75em and gaps of 0.5em, and 2px for the caret
      expect(input.getBoundingClientRect().width - parseFloat(style.paddingLeft)).to.be.closeTo(6 * 2.25 * fontSize + 2, 1);
    });

    it('outlines the box the next digit goes into, inside the field, not a ring one box past the last', async () => {
      const { input } = await inColumn(400);
      input.focus();
      await sendKeys({ type: '12' });
      const style = getComputedStyle(input);
      expect(style.outlineStyle).to.equal('none');
      expect(style.getPropertyValue('--totp-at').trim()).to.equal('2');
      expect(style.backgroundImage.split('linear-gradient').length - 1, 'four sides of the outline above the three layers of boxes').to.equal(7);
      await sendKeys({ type: '3456' });
      expect(getComputedStyle(input).getPropertyValue('--totp-at').trim(), 'full: the last box').to.equal('5');
    });

    it('shows an incomplete submission itself, not the browser\'s bubble, and forgets it once the code changes', async () => {
      const { element, input, form } = await inForm();
      input.focus();
      await sendKeys({ type: '123' });
      let prevented: boolean | undefined;
      input.addEventListener('invalid', (event) => (prevented = event.defaultPrevented), { once: true });
      form.requestSubmit();
      expect(prevented, 'the invalid event is cancelled: no bubble').to.equal(true);
      await element.updateComplete;
      expect(messageOf(element)).to.equal('The code has 6 digits; you entered 3.');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(element.matches(':state(invalid)')).to.equal(true);
      expect(document.activeElement === input).to.equal(true);
      await sendKeys({ type: '4' });
      await element.updateComplete;
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
      expect(element.matches(':state(invalid)')).to.equal(false);
      expect(messageOf(element)).to.equal('');
    });

    it('shows a wrong code in its boxes and selects it, contained in the boxes', async () => {
      const { element, input } = await inForm();
      input.focus();
      await sendKeys({ type: '123456' });
      element.error = 'Wrong code entered, please try again.';
      await element.updateComplete;
      const style = getComputedStyle(input);
      expect([style.getPropertyValue('--totp-at').trim(), style.getPropertyValue('--totp-selected').trim()]).to.deep.equal(['0', '6']);
      expect(style.getPropertyValue('--line-width').trim(), 'the boxes show the error').to.equal('3px');
      expect(getComputedStyle(input, '::selection').backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    });

    for (const kind of ['locked', 'unavailable'] as const) {
      it(`after ${kind === 'locked' ? 'too many attempts' : 'a service error'}, says what to do next and invites no further attempt`, async () => {
        const { element, input, form, submits } = await inForm('autosubmit');
        input.focus();
        element.errorKind = kind;
        element.error = kind === 'locked' ? 'Wrong code entered too many times, please try again later.' : 'Cannot use MFA service, please try again later.';
        await element.updateComplete;
        const error = errorOf(element);
        expect(error.textContent).to.include(element.error);
        expect(error.textContent).to.include(kind === 'locked' ? 'Wait a few minutes before you try again' : 'This is not a problem with your code');
        expect(input.readOnly).to.equal(true);
        expect(element.matches(':state(blocked)')).to.equal(true);
        expect(document.activeElement === error, 'focus on the explanation').to.equal(true);
        await sendKeys({ press: 'Tab' });
        input.focus();
        await sendKeys({ type: '123456' });
        expect(input.value).to.equal('');
        expect(submits).to.deep.equal([]);
        element.error = '';
        await element.updateComplete;
        expect(input.readOnly).to.equal(false);
        expect(element.matches(':state(blocked)')).to.equal(false);
        void form;
      });
    }

    it('keeps an aria-invalid the page set, and readonly too', async () => {
      const element = await codeInput('', 'aria-invalid="true" readonly');
      element.error = 'Wrong';
      await element.updateComplete;
      element.error = '';
      await element.updateComplete;
      expect(element.input!.getAttribute('aria-invalid')).to.equal('true');
      expect(element.input!.readOnly).to.equal(true);
    });

    it('empties the field and forgets the error with clear(), as when a new code was sent', async () => {
      const { element, input } = await inForm();
      input.focus();
      await sendKeys({ type: '123456' });
      element.error = 'Wrong code';
      await element.updateComplete;
      element.clear();
      await element.updateComplete;
      expect(input.value).to.equal('');
      expect(element.error).to.equal('');
      expect(isComplete(element)).to.equal(false);
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
    });
  });

  describe('accessibility', () => {
    it('adds the hint and the error to the page\'s aria-describedby, keeping its ids', async () => {
      const element = await codeInput('', 'aria-describedby="page-help"');
      const ids = element.input!.getAttribute('aria-describedby')!.split(' ');
      expect(ids).to.have.length(3);
      expect(ids[0]).to.equal('page-help');
      expect(element.querySelector(`[id="${ids[1]}"]`)!.textContent).to.equal('6-digit code from your authenticator app');
      expect(element.querySelector(`[id="${ids[2]}"]`) === errorOf(element), 'the error is described').to.equal(true);
    });

    it('gives each instance its own ids', async () => {
      const page = await fixture<HTMLElement>(html`<div><totp-code-input></totp-code-input><totp-code-input></totp-code-input></div>`);
      const [a, b] = page.querySelectorAll('totp-code-input');
      await a.updateComplete;
      await b.updateComplete;
      const ids = [...page.querySelectorAll('[id]')].map((node) => node.id);
      expect(ids).to.have.length(6);
      expect(new Set(ids).size).to.equal(6);
      expect(a.input!.labels![0].textContent).to.equal('Verification code');
    });

    it('keeps the label association of the page', async () => {
      const input = (await codeInput()).input!;
      expect([...input.labels!].map((label) => label.textContent)).to.deep.equal(['Code']);
    });

    it('marks a server error, keeps focus on the input and selects the code', async () => {
      const { element, input, form } = await inForm();
      paste(input, '123456');
      form.querySelector('button')!.focus();
      element.setAttribute('error', 'Wrong code entered, please try again.');
      await element.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(errorOf(element).textContent).to.equal('Wrong code entered, please try again.');
      expect(document.activeElement === input, 'focus on the input').to.equal(true);
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, 6]);
      // the user must be able to send a new code
      expect(input.checkValidity()).to.equal(true);
      await sendKeys({ type: '9' });
      expect(input.value).to.equal('9');
      await element.updateComplete;
      expect(element.error).to.equal('');
      expect(element.hasAttribute('error')).to.equal(false);
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
      expect(errorOf(element).textContent).to.equal('');
    });

    it('keeps a server error through a refused change and clears it when told', async () => {
      const element = await codeInput();
      const input = element.input!;
      paste(input, '123456');
      element.error = 'Wrong code';
      await element.updateComplete;
      paste(input, '1234567');
      paste(input, '123456x');
      await element.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      element.error = '';
      await element.updateComplete;
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
    });

    it('marks the input for an error set before it was attached', async () => {
      const page = await fixture<HTMLElement>(html`<div><input aria-label="Code" /></div>`);
      const input = page.querySelector('input')!;
      const element = document.createElement('totp-code-input');
      element.setAttribute('error', 'Wrong code');
      page.append(element);
      element.attach(input);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      await element.updateComplete;
      expect(errorOf(element).textContent).to.equal('Wrong code');
    });

    it('does not take focus from elsewhere on the page for a server error', async () => {
      const page = await fixture<HTMLElement>(
        html`<div><button>Elsewhere</button><form><totp-code-input><input aria-label="Code" /></totp-code-input></form></div>`,
      );
      const element = page.querySelector('totp-code-input')!;
      await element.updateComplete;
      const elsewhere = page.querySelector('button')!;
      elsewhere.focus();
      element.error = 'Too many attempts.';
      await element.updateComplete;
      expect(document.activeElement === elsewhere, 'focus left where it was').to.equal(true);
      expect(element.input!.getAttribute('aria-invalid')).to.equal('true');
    });

    it('hands the input back as it found it when removed', async () => {
      const page = await fixture<HTMLElement>(html`<div><input id="otpCode" aria-label="Code" aria-describedby="help" /><p id="help">Help</p></div>`);
      const input = page.querySelector('input')!;
      const element = document.createElement('totp-code-input');
      element.htmlFor = 'otpCode';
      page.append(element);
      await element.updateComplete;
      expect(input.checkValidity()).to.equal(false);
      element.remove();
      expect(input.getAttribute('aria-describedby')).to.equal('help');
      expect(input.checkValidity()).to.equal(true);
      autofill(input, '12 34');
      expect(input.value).to.equal('12 34');
    });

    it('passes axe empty, partial, complete and in error, in both appearances', async () => {
      for (const appearance of ['boxes', 'spaced']) {
        for (const created of [false, true]) {
          const element = created
            ? await fixture<TotpCodeInputElement>(html`<totp-code-input appearance=${appearance} name="otpCode"></totp-code-input>`)
            : await codeInput(`appearance="${appearance}"`);
          const state = `${appearance}, ${created ? 'created' : 'slotted'}`;
          expect(await axeViolations(element), `${state}: empty`).to.deep.equal([]);
          paste(element.input!, '123');
          expect(await axeViolations(element), `${state}: partial`).to.deep.equal([]);
          paste(element.input!, '123456');
          expect(await axeViolations(element), `${state}: complete`).to.deep.equal([]);
          element.error = 'Wrong code entered, please try again.';
          await element.updateComplete;
          expect(await axeViolations(element), `${state}: error`).to.deep.equal([]);
        }
      }
    });

    it('fails axe for an input the page left without a label, which proves axe looks at it', async () => {
      const element = await fixture<TotpCodeInputElement>(html`<totp-code-input><input /></totp-code-input>`);
      await element.updateComplete;
      expect(await axeViolations(element)).to.include('label');
    });
  });
});
