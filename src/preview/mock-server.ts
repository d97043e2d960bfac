/**
 * A mock of B2C's server for the designer preview and the hosting tests, served
 * by the B2C stand-in origin (b2c-origin.ts) under /__mock-b2c/. It decides
 * which page to render, issues a fresh secret for each enrollment, and verifies
 * codes with real RFC 6238 TOTP, rejecting a code already used. Its users live
 * in the server's memory, as B2C's live in its directory, and each browser has
 * a session of its own (a cookie the origin sets): the browser never stores a
 * secret, and no other client can read a pending one. Dev and test only.
 *
 * Journeys (the `journey` parameter):
 * - `signin`: sign in; enroll (QR page, then a code) on the first sign-in,
 *   only verify a code on later ones.
 * - `enable`: turn on authenticator MFA; refused when already enrolled.
 * - `disable`: turn it off; a valid code is asked for first.
 * - `rest`: the REST-API TOTP sample's journey (rest-api.ts): on the first
 *   sign-in its enrollment page (the server's QR image and the code), later its
 *   sign-in challenge; its Verify's own messages and last-match replay guard.
 *   `rest-uri`: the same with README's change, the otpauth URI as a claim on the page.
 * - `phone`: the Entra MFA technical profile's phone mode: sign in, then a
 *   text message. A user with no phone yet (GetAvailableDevices finds none)
 *   enters a number first; one who has one gets a code sent to it. `OneWaySMS`
 *   sends a code (the page's "mock phone" shows it), `Verify` checks it, each
 *   with B2C's messages (phoneInvalid, smsNotSent, serverError, throttled,
 *   wrongCode, tooManyAttempts: see `control`).
 * - `choose`: sign in, then the choice page (a radio claim, mfaMethod) asks
 *   for a text message or the authenticator app, and the journey goes on as
 *   `phone` or `signin` does from there.
 * `state` instead renders one page in one state, for the gallery.
 */
import type { B2CPage, PageValues } from './fixtures.js';
import { b2cOtpauthUri, decodeBase32, generateSecret, verifyTotp } from './totp.js';
import { bitmapQrCode } from './bmp.js';
import { createRestApi, sampleOtpauthUri, type Generated } from './rest-api.js';

export type Template = 'totp' | 'totp-rest' | 'unified' | 'selfasserted' | 'choice' | 'error';

/** What the page at a URL shows: `error` and `message` are keys of b2cStrings. */
export interface PageReply {
  readonly template: Template;
  readonly page: B2CPage;
  readonly values: PageValues;
  readonly error?: string;
  readonly message?: string;
  /** Where Cancel goes: back to the application. */
  readonly cancelUrl: string;
  /** A verification control's state: a code was sent (with the text message the mock phone shows), and its error (a key of b2cStrings). */
  readonly sent?: string;
  readonly controlError?: string;
}

/** The reply to a verification control's action (B2C's display-control call): a text message sent, or B2C's message. */
export type ControlReply = { readonly status: '200'; readonly sms?: string; readonly to?: string } | { readonly status: '400'; readonly message: string };

/** B2C's JSON reply to a form post: always HTTP 200, the outcome in `status`. */
export type SubmitReply = { readonly status: '200'; readonly redirect: string } | { readonly status: '400'; readonly message: string };

export const ISSUER = 'Contoso demo';
/** The gallery's account: a fixed secret so that the pages look the same on every load. */
export const DEMO = { identifier: 'emily@fabrikam.com', secret: 'fay2lj7ynpntjgqa' } as const;
/** The gallery's phone number (a fictional one: 555-01xx). */
const DEMO_PHONE = '555 0142';
const MAX_FAILURES = 5;
/** The phone mode's limits: wrong codes per code sent, and text messages per session (then B2C throttles). */
const MAX_CODE_FAILURES = 3;
const MAX_SMS = 3;
/** The gallery's text message, so that its pages look the same on every load. */
const DEMO_SMS = '246810';

interface User {
  secret: string;
  lastUsedStep: number;
}

/** One browser's journey: who signed in, the secret being enrolled, failed attempts, and where it returns. */
export interface Session {
  email: string;
  pendingSecret?: string;
  /** The REST-API sample's Generate reply, kept as B2C keeps claims in its state between pages. */
  restPending?: Generated;
  failures: number;
  /** The application's page a finished journey returns to (`?outcome=` is added): B2C's redirect_uri. */
  returnTo: string;
  /** The phone mode: the code sent and to where, how many were sent, wrong codes for it, and whether one was verified. */
  sms?: { code: string; to: string; number: string };
  smsSent?: number;
  smsFailures?: number;
  verifiedPhone?: string;
}

export const newSession = (returnTo = '/src/preview/done.html'): Session => ({ email: '', failures: 0, returnTo });

export interface MockB2C {
  page(query: URLSearchParams, session: Session): Promise<PageReply>;
  submit(query: URLSearchParams, fields: URLSearchParams, session: Session): Promise<SubmitReply>;
  /** A verification control's `send` (OneWaySMS) or `verify` (Verify), with the control's fields by id. */
  control(action: string, fields: URLSearchParams, session: Session): ControlReply;
  reset(): void;
}

export interface MockOptions {
  /** Unix seconds; injectable so that tests can move the clock. */
  readonly now?: () => number;
}

const reply = (session: Session, page: B2CPage, values: PageValues = {}, extra: Partial<PageReply> = {}): PageReply => ({
  template: templateOf[page],
  page,
  values,
  cancelUrl: `${session.returnTo}?outcome=cancelled`,
  ...extra,
});

const templateOf: Record<B2CPage, Template> = {
  'totp-enroll': 'totp',
  'totp-verify': 'totp',
  'email-verify': 'selfasserted',
  'phone-verify': 'selfasserted',
  // B2C's multi-factor page takes any template with #api: the self-asserted one serves it here.
  phonefactor: 'selfasserted',
  choice: 'choice',
  selfasserted: 'selfasserted',
  unified: 'unified',
  error: 'error',
  'rest-enroll': 'totp-rest',
  'rest-verify': 'selfasserted',
};

/** Six random digits. */
const smsCode = () => String(crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000).padStart(6, '0');

export function createMockB2C({ now = () => Date.now() / 1000 }: MockOptions = {}): MockB2C {
  const users = new Map<string, User>();
  /** The REST-API sample's users: the encrypted secret and the last matched step, as its policy stores them on the user. */
  const restUsers = new Map<string, { secretKey: string; timeStepMatched: string }>();
  const restApi = createRestApi();
  // The gallery's: the demo account's fixed secret, so that the pages look the same on every load.
  const galleryUri = sampleOtpauthUri(DEMO.identifier, DEMO.secret.toUpperCase());
  const galleryBitmap = bitmapQrCode(galleryUri);
  /** The phone each user registered (what the Entra MFA profile's GetAvailableDevices finds). */
  const phones = new Map<string, string>();

  const enrollValues = (email: string, secret: string): PageValues => ({ uri: b2cOtpauthUri(ISSUER, email, secret), identifier: email, secret });

  const gallery: Record<string, (session: Session) => PageReply> = {
    enroll: (session) => reply(session, 'totp-enroll', enrollValues(DEMO.identifier, DEMO.secret)),
    verify: (session) => reply(session, 'totp-verify'),
    'wrong-code': (session) => reply(session, 'totp-verify', {}, { error: 'wrongCode' }),
    'too-many': (session) => reply(session, 'totp-verify', {}, { error: 'tooManyAttempts' }),
    'server-error': (session) => reply(session, 'totp-verify', {}, { error: 'serverError' }),
    'phone-enroll': (session) => reply(session, 'phone-verify'),
    'phone-sent': (session) => reply(session, 'phone-verify', { phone: DEMO_PHONE }, { sent: DEMO_SMS }),
    // The six messages of the phone mode, each where B2C shows it: a send's above the number, a code's on the code.
    'phone-invalid': (session) => reply(session, 'phone-verify', { phone: '12' }, { controlError: 'phoneInvalid' }),
    'phone-sms-failed': (session) => reply(session, 'phone-verify', { phone: DEMO_PHONE }, { controlError: 'smsNotSent' }),
    'phone-server-error': (session) => reply(session, 'phone-verify', { phone: DEMO_PHONE }, { controlError: 'serverError' }),
    'phone-throttled': (session) => reply(session, 'phone-verify', { phone: DEMO_PHONE }, { controlError: 'throttled' }),
    'phone-wrong-code': (session) => reply(session, 'phone-verify', { phone: DEMO_PHONE }, { sent: DEMO_SMS, controlError: 'wrongCode' }),
    'phone-too-many': (session) => reply(session, 'phone-verify', { phone: DEMO_PHONE }, { sent: DEMO_SMS, controlError: 'tooManyAttempts' }),
    'email-verify': (session) => reply(session, 'email-verify', { identifier: DEMO.identifier }),
    choice: (session) => reply(session, 'choice'),
    phonefactor: (session) => reply(session, 'phonefactor', { phone: DEMO_PHONE }),
    signin: (session) => reply(session, 'unified', { identifier: DEMO.identifier }),
    profile: (session) => reply(session, 'selfasserted', { identifier: DEMO.identifier }),
    error: (session) => reply(session, 'error'),
  };
  const asyncGallery: Record<string, (session: Session) => Promise<PageReply>> = {
    'rest-enroll': (session) => Promise.resolve(reply(session, 'rest-enroll', { qrBitmap: galleryBitmap })),
    'rest-enroll-uri': (session) =>
      Promise.resolve(reply(session, 'rest-enroll', { qrBitmap: galleryBitmap, readonlyClaims: { strongAuthenticationAppUri: galleryUri } })),
    'rest-verify': (session) => Promise.resolve(reply(session, 'rest-verify')),
    'rest-used': (session) => Promise.resolve(reply(session, 'rest-verify', {}, { error: 'The verification code has already been used.' })),
  };

  function control(action: string, fields: URLSearchParams, session: Session): ControlReply {
    const fail = (message: string) => ({ status: '400', message }) as const;
    if (action === 'send') {
      // The number as the control posts it: country code and national number (or the e-mail address).
      const to = fields.has('email') ? (fields.get('email') ?? '').trim() : `${fields.get('countryCode') ?? ''} ${fields.get('nationalNumber') ?? ''}`.trim();
      const digits = to.replace(/[\s()+-]/g, '');
      if (!fields.has('email') && !/^\d{7,15}$/.test(digits)) return fail('phoneInvalid');
      // Numbers that stand for a phone B2C cannot reach and for its SMS service failing.
      if (digits.endsWith('0000')) return fail('smsNotSent');
      if (digits.endsWith('9999')) return fail('serverError');
      if ((session.smsSent ?? 0) >= MAX_SMS) return fail('throttled');
      session.smsSent = (session.smsSent ?? 0) + 1;
      session.smsFailures = 0;
      session.sms = { code: smsCode(), to, number: (fields.get('nationalNumber') ?? fields.get('email') ?? '').trim() };
      return { status: '200', sms: session.sms.code, to };
    }
    if (action === 'verify') {
      const sms = session.sms;
      if (!sms) return fail('serverError');
      if ((session.smsFailures ?? 0) >= MAX_CODE_FAILURES) return fail('tooManyAttempts');
      const code = (fields.get('verificationCode') ?? fields.get('emailVerificationCode') ?? '').trim();
      if (code !== sms.code) {
        session.smsFailures = (session.smsFailures ?? 0) + 1;
        return fail(session.smsFailures >= MAX_CODE_FAILURES ? 'tooManyAttempts' : 'wrongCode');
      }
      session.sms = undefined;
      session.verifiedPhone = sms.number;
      return { status: '200' };
    }
    return fail('serverError');
  }

  async function page(query: URLSearchParams, session: Session): Promise<PageReply> {
    const state = query.get('state');
    if (state && Object.hasOwn(asyncGallery, state)) return asyncGallery[state](session);
    // Own properties only: `state=__proto__` or `constructor` is an unknown state, not the prototype.
    if (state) return (Object.hasOwn(gallery, state) ? gallery[state] : gallery.error)(session);
    switch (query.get('step')) {
      case 'enroll':
        session.pendingSecret ??= generateSecret();
        return reply(session, 'totp-enroll', enrollValues(session.email, session.pendingSecret));
      case 'verify':
        return reply(session, 'totp-verify');
      case 'rest-enroll':
        if (!session.email) return reply(session, 'error', {}, { message: 'serverError' });
        session.restPending ??= await restApi.generate(session.email);
        return reply(session, 'rest-enroll', {
          qrBitmap: session.restPending.qrCodeBitmap,
          readonlyClaims: query.get('journey') === 'rest-uri' ? { strongAuthenticationAppUri: session.restPending.otpauthUri } : undefined,
        });
      case 'rest-verify':
        return reply(session, 'rest-verify');
      case 'already-enrolled':
        return reply(session, 'error', {}, { message: 'alreadyEnrolled' });
      case 'not-enrolled':
        return reply(session, 'error', {}, { message: 'notEnrolled' });
      case 'choose':
        return reply(session, 'choice');
      case 'phone-enroll':
        return reply(session, 'phone-verify');
      case 'phone-verify':
        return reply(session, 'phone-verify', { phone: phones.get(session.email) ?? '' });
      default:
        return reply(session, 'unified', { identifier: session.email || DEMO.identifier });
    }
  }

  async function submit(query: URLSearchParams, fields: URLSearchParams, session: Session): Promise<SubmitReply> {
    const journey = query.get('journey') ?? 'signin';
    const templateOfStep: Record<string, Template> = {
      verify: 'totp',
      enroll: 'totp',
      'rest-enroll': 'totp-rest',
      'rest-verify': 'selfasserted',
      'phone-enroll': 'selfasserted',
      'phone-verify': 'selfasserted',
      choose: 'choice',
    };
    const next = (step: string, to = journey) =>
      ({ status: '200', redirect: `/page-templates/${Object.hasOwn(templateOfStep, step) ? templateOfStep[step] : 'error'}.html?${new URLSearchParams({ journey: to, step })}` }) as const;
    const done = (outcome: string) => ({ status: '200', redirect: `${session.returnTo}?${new URLSearchParams({ outcome })}` }) as const;

    switch (query.get('step') ?? 'signin') {
      case 'signin': {
        const email = (fields.get('signInName') ?? '').trim().toLowerCase();
        if (!email) return { status: '400', message: 'requiredFieldMissing' };
        // A new sign-in starts over: no secret half enrolled, no failures carried from another account.
        session.email = email;
        session.failures = 0;
        session.pendingSecret = undefined;
        session.restPending = undefined;
        if (journey === 'rest' || journey === 'rest-uri') return next(restUsers.has(email) ? 'rest-verify' : 'rest-enroll');
        session.sms = session.verifiedPhone = undefined;
        session.smsSent = session.smsFailures = 0;
        // The phone mode branches as the TOTP journeys do: a registered phone is verified, none is registered first.
        if (journey === 'phone') return next(phones.has(email) ? 'phone-verify' : 'phone-enroll');
        if (journey === 'choose') return next('choose');
        const enrolled = users.has(email);
        if (journey === 'enable') return next(enrolled ? 'already-enrolled' : 'enroll');
        if (journey === 'disable') return next(enrolled ? 'verify' : 'not-enrolled');
        return next(enrolled ? 'verify' : 'enroll');
      }
      case 'enroll':
        return next('verify');
      case 'verify': {
        const user = users.get(session.email);
        const secret = session.pendingSecret ?? user?.secret;
        if (!session.email || !secret) return { status: '400', message: 'serverError' };
        if (session.failures >= MAX_FAILURES) return { status: '400', message: 'tooManyAttempts' };
        const result = await verifyTotp(decodeBase32(secret), (fields.get('otpCode') ?? '').trim(), now(), {}, user?.lastUsedStep);
        if (!result.ok) {
          session.failures++;
          return { status: '400', message: session.failures >= MAX_FAILURES ? 'tooManyAttempts' : 'wrongCode' };
        }
        session.failures = 0;
        if (journey === 'disable') {
          users.delete(session.email);
          return done('disabled');
        }
        users.set(session.email, { secret, lastUsedStep: result.step });
        const enrolled = session.pendingSecret !== undefined;
        session.pendingSecret = undefined;
        return done(enrolled && journey === 'enable' ? 'enabled' : enrolled ? 'enrolled' : 'signed-in');
      }
      case 'rest-enroll':
      case 'rest-verify': {
        // The policy's validation profile (AppFactor-VerifyTotpWebHook) calls Verify with the code, the encrypted
        // secret and the last matched step; B2C shows a 409's userMessage as the page's server error.
        const user = restUsers.get(session.email);
        const secretKey = query.get('step') === 'rest-enroll' ? session.restPending?.secretKey : user?.secretKey;
        if (!session.email || !secretKey) return { status: '400', message: 'serverError' };
        const result = await restApi.verify(fields.get('strongAuthenticationAppCode') ?? '', secretKey, user?.timeStepMatched, now());
        if (!result.ok) return { status: '400', message: result.message };
        const enrolled = query.get('step') === 'rest-enroll';
        restUsers.set(session.email, { secretKey, timeStepMatched: result.timeStepMatched });
        session.restPending = undefined;
        return done(enrolled ? 'enrolled' : 'signed-in');
      }
      case 'choose': {
        // The orchestration step after the choice: a precondition on mfaMethod picks the phone or the TOTP sub-journey.
        const method = fields.get('mfaMethod');
        if (!session.email || (method !== 'phone' && method !== 'totp')) return { status: '400', message: 'requiredFieldMissing' };
        if (method === 'phone') return next(phones.has(session.email) ? 'phone-verify' : 'phone-enroll', 'phone');
        return next(users.has(session.email) ? 'verify' : 'enroll', 'signin');
      }
      case 'phone-enroll':
      case 'phone-verify': {
        // B2C's Continue is enabled only once the control verified a code; the server checks again.
        const phone = session.verifiedPhone;
        if (!session.email || !phone) return { status: '400', message: 'requiredFieldMissing' };
        const enrolled = !phones.has(session.email);
        phones.set(session.email, phone);
        session.verifiedPhone = undefined;
        return done(enrolled ? 'phone-enrolled' : 'signed-in');
      }
      default:
        return { status: '400', message: 'serverError' };
    }
  }

  return { page, submit, control, reset: () => (users.clear(), restUsers.clear(), phones.clear()) };
}
