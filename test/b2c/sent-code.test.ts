/**
 * The codes B2C sends: the code field of an e-mail or phone VerificationControl
 * and the phone-factor page's. Against the fixtures' structure (Capture E, and
 * Microsoft's fragment of the multi-factor page), with B2C's state changes done
 * as B2C's script does them (src/preview/fixtures.ts).
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { readOptions, startBridge } from '../../src/b2c/bridge.js';
import { codeVerified, sendCode, showControlMessage, showServerError, type B2CPage } from '../../src/preview/fixtures.js';
import type { TotpCodeInputElement } from '../../src/elements/code-input/code-input.js';
import { b2cPage, bridgedPage, removePages, settle } from '../helpers/b2c.js';
import { sendKeys } from '../helpers/commands.js';

const visible = (element: Element | null) => element !== null && element.checkVisibility();
const codeInputIn = (api: HTMLElement) => api.querySelector<TotpCodeInputElement>('totp-code-input');
const CONTROLS: [B2CPage, string, string][] = [
  ['email-verify', 'emailVerificationControl', 'emailVerificationCode'],
  ['phone-verify', 'phoneVerificationControl', 'verificationCode'],
];

/** Types `text` into the code field the way a user does. */
async function type(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

describe('B2C bridge: the codes B2C sends', () => {
  afterEach(removePages);

  for (const [page, controlId, claim] of CONTROLS) {
    describe(`the ${page === 'email-verify' ? 'e-mail' : 'phone'} verification control`, () => {
      it("attaches to B2C's code field in place, found by its VerificationCode class whatever the ids", async () => {
        const api = await b2cPage(page, { controlId: 'ctl1', codeClaim: 'myCode' });
        const input = api.querySelector<HTMLInputElement>('#myCode')!;
        const parent = input.parentElement!;
        const before = [...parent.children];
        const stop = startBridge(document);
        await settle(api);
        stop();
        const codeInput = codeInputIn(api)!;
        expect(codeInput.input === input).to.equal(true);
        expect(input.id).to.equal('myCode');
        const after = [...parent.children].filter((child) => child !== codeInput);
        expect(after.length === before.length && after.every((child, i) => child === before[i]), "B2C's nodes in their order").to.equal(true);
        expect(input.nextElementSibling === codeInput).to.equal(true);
        // Only one code input: the address or number field is not a code.
        expect(api.querySelectorAll('totp-code-input')).to.have.length(1);
      });

      it("replaces B2C's autocomplete=off with one-time-code, so the text-message autofill works", async () => {
        const { api } = await bridgedPage(page);
        const input = api.querySelector<HTMLInputElement>(`#${claim}`)!;
        expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
        expect(input.getAttribute('inputmode')).to.equal('numeric');
        expect(input.hasAttribute('pattern')).to.equal(false);
      });

      it('is disabled until B2C sends a code and enables the field, 6 digits long, with the hint from the help text', async () => {
        const { api } = await bridgedPage(page);
        const codeInput = codeInputIn(api)!;
        const input = codeInput.input!;
        expect(input.disabled).to.equal(true);
        expect(codeInput.length).to.equal(6);
        expect(codeInput.sent).to.equal(true);
        expect(api.querySelector(`#${codeInput.input!.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-hint'))}`)!.textContent).to.equal(
          'Enter your verification code',
        );
        sendCode(api, 'Verification code has been sent. Please copy it to the input box below.');
        await settle(api);
        expect(input.disabled).to.equal(false);
        await type(input, '12 34');
        expect(input.value).to.equal('1234');
      });

      it("takes the policy's code length from the template", async () => {
        const { api } = await bridgedPage(page, {}, { codeLength: 8 });
        expect(codeInputIn(api)!.length).to.equal(8);
      });

      it('empties the field when B2C is asked for a new code', async () => {
        const { api } = await bridgedPage(page);
        sendCode(api, 'sent');
        await settle(api);
        const codeInput = codeInputIn(api)!;
        const input = codeInput.input!;
        await type(input, '123456');
        expect(input.value).to.equal('123456');
        api.querySelector<HTMLButtonElement>(`#${controlId}_but_send_new_code`)!.click();
        await settle(api);
        expect(input.value).to.equal('');
        expect(input.style.getPropertyValue('--totp-at')).to.equal('0');
        // The new code is entered as a new code: complete again, once.
        let completes = 0;
        codeInput.addEventListener('totp-complete', () => completes++);
        await type(input, '123456');
        expect(completes).to.equal(1);
      });

      it("shows B2C's error on the input while the field is shown, once, and leaves it B2C's before a code is sent", async () => {
        const { api } = await bridgedPage(page);
        const codeInput = codeInputIn(api)!;
        const b2cError = api.querySelector(`#${controlId}_error_message`);
        // Before a code is sent the field is hidden: an error about the address or number stays where B2C puts it.
        showControlMessage(api, 'error', 'Cannot send text message to the phone, please try another phone number.');
        await settle(api);
        expect(codeInput.error).to.equal('');
        expect(visible(b2cError)).to.equal(true);
        sendCode(api, 'sent');
        await settle(api);
        showControlMessage(api, 'error', 'That code is incorrect. Please try again.');
        await settle(api);
        expect(codeInput.error).to.equal('That code is incorrect. Please try again.');
        expect(codeInput.input!.getAttribute('aria-invalid')).to.equal('true');
        expect(visible(b2cError)).to.equal(false);
        expect(visible(codeInput.querySelector('.totp-code-input-error'))).to.equal(true);
        expect(codeInput.querySelector('.totp-code-input-error')!.textContent).to.equal('That code is incorrect. Please try again.');
        // B2C hides its error (a new code was sent): the input's goes too.
        showControlMessage(api, 'info', 'sent again');
        await settle(api);
        expect(codeInput.error).to.equal('');
        expect(codeInput.input!.hasAttribute('aria-invalid')).to.equal(false);
      });

      it('shows the same error again after the next Verify, when B2C repeats it without hiding it between', async () => {
        const { api } = await bridgedPage(page);
        sendCode(api, 'sent');
        await settle(api);
        const codeInput = codeInputIn(api)!;
        showControlMessage(api, 'error', 'That code is incorrect. Please try again.');
        await settle(api);
        await type(codeInput.input!, '1');
        expect(codeInput.error, 'typing answers the error').to.equal('');
        api.querySelector<HTMLButtonElement>(`#${controlId}_but_verify_code`)!.click();
        showControlMessage(api, 'error', 'That code is incorrect. Please try again.');
        await settle(api);
        expect(codeInput.error).to.equal('That code is incorrect. Please try again.');
      });

      it("reads B2C's shown info and success messages with the field, never a hidden one", async () => {
        const { api } = await bridgedPage(page);
        const input = codeInputIn(api)!.input!;
        const described = () => input.getAttribute('aria-describedby')!.split(' ');
        expect(described()).to.not.include(`${controlId}_info_message`);
        sendCode(api, 'Verification code has been sent.');
        await settle(api);
        expect(described()).to.include(`${controlId}_info_message`);
        expect(described().filter((id) => id.endsWith('-hint'))).to.have.length(1);
        codeVerified(api, 'Verified. You can now continue.');
        await settle(api);
        expect(described()).to.include(`${controlId}_success_message`);
        expect(described()).to.not.include(`${controlId}_info_message`);
      });

      it("tells too many attempts from a wrong code, and hides the control's Verify, not the page's Continue", async () => {
        const { api } = await bridgedPage(page);
        sendCode(api, 'sent');
        await settle(api);
        showControlMessage(api, 'error', 'Wrong code entered too many times, please try again later.');
        await settle(api);
        expect(codeInputIn(api)!.errorKind).to.equal('locked');
        expect(visible(api.querySelector(`#${controlId}_but_verify_code`))).to.equal(false);
        expect(visible(api.querySelector(`#${controlId}_but_send_new_code`))).to.equal(true);
        expect(visible(api.querySelector('#continue'))).to.equal(true);
      });

      it("autosubmit presses the control's own Verify once, and never holds up the page's Continue", async () => {
        const { api } = await bridgedPage(page, {}, { autosubmit: true });
        const form = api.querySelector('form')!;
        const verify = api.querySelector<HTMLButtonElement>(`#${controlId}_but_verify_code`)!;
        let verifies = 0;
        let submits = 0;
        verify.addEventListener('click', () => verifies++);
        form.addEventListener('submit', (event) => (event.preventDefault(), submits++));
        sendCode(api, 'sent');
        await settle(api);
        const input = codeInputIn(api)!.input!;
        await type(input, '246810');
        expect(verifies).to.equal(1);
        expect(submits, 'Verify is not the form').to.equal(0);
        // Enter with the same code: not sent twice.
        await sendKeys({ press: 'Enter' });
        expect(verifies).to.equal(1);
        codeVerified(api, 'Verified.');
        await settle(api);
        // The page goes on: Continue submits, the code still in the (disabled) field or not.
        api.querySelector<HTMLButtonElement>('#continue')!.click();
        expect(submits).to.equal(1);
      });

      it("leaves the page-level server error to B2C (it is not the code's)", async () => {
        const { api } = await bridgedPage(page);
        sendCode(api, 'sent');
        await settle(api);
        showServerError(api, 'A user with the specified ID already exists. Please choose a different one.');
        await settle(api);
        expect(visible(api.querySelector('#claimVerificationServerError'))).to.equal(true);
        expect(codeInputIn(api)!.error).to.equal('');
      });

      it('does not hold up the form with an empty code of its own validity', async () => {
        const { api } = await bridgedPage(page);
        sendCode(api, 'sent');
        await settle(api);
        const input = codeInputIn(api)!.input!;
        expect(input.validity.valid).to.equal(true);
        await type(input, '12');
        expect(input.validity.valid).to.equal(true);
        expect(api.querySelector('form')!.checkValidity()).to.equal(true);
      });
    });
  }

  describe("the template's code length", () => {
    it('is read from data-totp-code-length on <html>; anything but a number is no length', () => {
      const root = document.documentElement;
      try {
        for (const [value, expected] of [['8', 8], ['', undefined], ['eight', undefined], ['0', undefined]] as const) {
          root.setAttribute('data-totp-code-length', value);
          expect(readOptions(document).codeLength, value).to.equal(expected);
        }
        root.removeAttribute('data-totp-code-length');
        expect(readOptions(document).codeLength).to.equal(undefined);
      } finally {
        root.removeAttribute('data-totp-code-length');
      }
    });
  });

  describe('the phone-factor page', () => {
    it("attaches to B2C's #verificationCode, hidden until B2C sends the code", async () => {
      const { api } = await bridgedPage('phonefactor');
      const codeInput = codeInputIn(api)!;
      const input = api.querySelector<HTMLInputElement>('#verificationCode')!;
      expect(codeInput.input === input).to.equal(true);
      expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(codeInput.length).to.equal(6);
      expect(visible(input)).to.equal(false);
      sendCode(api);
      await settle(api);
      expect(visible(input)).to.equal(true);
      expect(api.querySelectorAll('totp-code-input')).to.have.length(1);
    });

    it("autosubmit presses B2C's #verifyCode once; send a new code empties the field", async () => {
      const { api } = await bridgedPage('phonefactor', {}, { autosubmit: true });
      sendCode(api);
      await settle(api);
      let verifies = 0;
      api.querySelector('#verifyCode')!.addEventListener('click', () => verifies++);
      const input = codeInputIn(api)!.input!;
      await type(input, '135790');
      expect(verifies).to.equal(1);
      api.querySelector<HTMLButtonElement>('#retryCode')!.click();
      await settle(api);
      expect(input.value).to.equal('');
    });

    it("shows B2C's error on the input once the code's part is shown", async () => {
      const { api } = await bridgedPage('phonefactor');
      sendCode(api);
      await settle(api);
      showControlMessage(api, 'error', 'Wrong code entered, please try again.');
      await settle(api);
      const codeInput = codeInputIn(api)!;
      expect(codeInput.error).to.equal('Wrong code entered, please try again.');
      expect(visible(api.querySelector('#codeVerification .error.itemLevel'))).to.equal(false);
    });
  });

  describe('what looks like a code field but is not one', () => {
    it('mounts nothing on a VerificationCode item outside a verification control, or a control inside another claim', async () => {
      const api = await b2cPage('selfasserted');
      const item = api.querySelector('#attributeList > ul > li')!;
      // A claim rendered as markup inside another claim's item, shaped like B2C's control and code field.
      item.insertAdjacentHTML(
        'beforeend',
        '<li class="TextBox x_li VerificationCode"><div class="attrEntry"><input id="x" autocomplete="off"></div></li>' +
        '<div class="verificationControlContent"><ul><li class="VerificationCode"><div class="attrEntry"><input id="y" autocomplete="off"></div></li></ul></div>' +
        '<div id="phonefactor_initial"><div id="codeVerification"><input id="verificationCode"></div></div>',
      );
      const stop = startBridge(document);
      await settle(api);
      stop();
      expect(api.querySelector('totp-code-input')).to.equal(null);
      expect(api.querySelector('#x')!.getAttribute('autocomplete')).to.equal('off');
    });
  });
});
