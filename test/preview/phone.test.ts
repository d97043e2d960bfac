/**
 * The preview's mock of B2C in the phone mode (the Entra MFA technical profile's
 * OneWaySMS and Verify): the journey's branching on a registered phone, a code
 * sent and verified, and each of the six messages where it arises.
 */
import { expect } from '@open-wc/testing';
import { createMockB2C, newSession, type ControlReply, type MockB2C, type Session } from '../../src/preview/mock-server.js';
import { b2cStrings } from '../../src/preview/b2c-strings.js';

const q = (params: Record<string, string> = {}) => new URLSearchParams(params);
const phoneFields = (number: string) => q({ countryCode: '+1', nationalNumber: number });
const sent = (reply: ControlReply) => (reply.status === '200' ? reply.sms ?? '' : '');
const message = (reply: ControlReply | { status: string; message?: string }): string => ('message' in reply && reply.message) || reply.status;

async function signIn(mock: MockB2C, session: Session, email: string) {
  return mock.submit(q({ journey: 'phone', step: 'signin' }), q({ signInName: email }), session);
}

describe('the mock B2C, phone mode', () => {
  it('registers a phone on the first sign-in and verifies it on the next (GetAvailableDevices)', async () => {
    const mock = createMockB2C();
    const session = newSession();
    const first = await signIn(mock, session, 'ann@fabrikam.com');
    expect(first.status === '200' && first.redirect).to.match(/selfasserted\.html\?journey=phone&step=phone-enroll/);
    expect(await mock.page(q({ step: 'phone-enroll' }), session)).to.deep.include({ page: 'phone-verify' });
    // Continue before a verified code is refused.
    expect(message(await mock.submit(q({ journey: 'phone', step: 'phone-enroll' }), q(), session))).to.equal('requiredFieldMissing');
    const code = sent(mock.control('send', phoneFields('555 0142'), session));
    expect(code).to.match(/^\d{6}$/);
    expect(mock.control('verify', q({ verificationCode: code }), session)).to.deep.equal({ status: '200' });
    const done = await mock.submit(q({ journey: 'phone', step: 'phone-enroll' }), q(), session);
    expect(done.status === '200' && done.redirect).to.match(/outcome=phone-enrolled/);

    const again = await signIn(mock, session, 'ann@fabrikam.com');
    expect(again.status === '200' && again.redirect).to.match(/step=phone-verify/);
    expect((await mock.page(q({ step: 'phone-verify' }), session)).values.phone).to.equal('555 0142');
    const next = sent(mock.control('send', phoneFields('555 0142'), session));
    mock.control('verify', q({ verificationCode: next }), session);
    const back = await mock.submit(q({ journey: 'phone', step: 'phone-verify' }), q(), session);
    expect(back.status === '200' && back.redirect).to.match(/outcome=signed-in/);
  });

  it('answers with each of the six messages, each a B2C default the preview shows', () => {
    const mock = createMockB2C();
    const session = newSession();
    session.email = 'bo@fabrikam.com';
    const seen = [
      message(mock.control('send', phoneFields('12'), session)), // UserMessageIfInvalidFormat
      message(mock.control('send', phoneFields('555 0000'), session)), // UserMessageIfCouldntSendSms
      message(mock.control('send', phoneFields('555 9999'), session)), // UserMessageIfServerError
    ];
    const code = sent(mock.control('send', phoneFields('555 0142'), session));
    const wrong = code === '000000' ? '111111' : '000000';
    seen.push(message(mock.control('verify', q({ verificationCode: wrong }), session))); // UserMessageIfWrongCodeEntered
    mock.control('verify', q({ verificationCode: wrong }), session);
    seen.push(message(mock.control('verify', q({ verificationCode: wrong }), session))); // UserMessageIfMaxAllowedCodeRetryReached
    // Even the right code now: too many wrong ones.
    expect(message(mock.control('verify', q({ verificationCode: code }), session))).to.equal('tooManyAttempts');
    mock.control('send', phoneFields('555 0142'), session);
    mock.control('send', phoneFields('555 0142'), session);
    seen.push(message(mock.control('send', phoneFields('555 0142'), session))); // UserMessageIfThrottled
    expect(seen).to.deep.equal(['phoneInvalid', 'smsNotSent', 'serverError', 'wrongCode', 'tooManyAttempts', 'throttled']);
    for (const key of seen) expect(b2cStrings.en[key], key).to.be.a('string').and.not.equal('');
  });

  it('has a gallery state for each message, a send error before the code and a code error after it', async () => {
    const mock = createMockB2C();
    const states: [string, string, boolean][] = [
      ['phone-invalid', 'phoneInvalid', false],
      ['phone-sms-failed', 'smsNotSent', false],
      ['phone-server-error', 'serverError', false],
      ['phone-throttled', 'throttled', false],
      ['phone-wrong-code', 'wrongCode', true],
      ['phone-too-many', 'tooManyAttempts', true],
    ];
    for (const [state, error, codeSent] of states) {
      const reply = await mock.page(q({ state }), newSession());
      expect(reply.page, state).to.equal('phone-verify');
      expect(reply.controlError, state).to.equal(error);
      expect(Boolean(reply.sent), state).to.equal(codeSent);
    }
  });
});
