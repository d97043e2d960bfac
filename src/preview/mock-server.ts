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
 * `state` instead renders one page in one state, for the gallery.
 */
import type { B2CPage, PageValues } from './fixtures.js';
import { b2cOtpauthUri, decodeBase32, generateSecret, verifyTotp } from './totp.js';

export type Template = 'totp' | 'unified' | 'selfasserted' | 'error';

/** What the page at a URL shows: `error` and `message` are keys of b2cStrings. */
export interface PageReply {
  readonly template: Template;
  readonly page: B2CPage;
  readonly values: PageValues;
  readonly error?: string;
  readonly message?: string;
  /** Where Cancel goes: back to the application. */
  readonly cancelUrl: string;
}

/** B2C's JSON reply to a form post: always HTTP 200, the outcome in `status`. */
export type SubmitReply = { readonly status: '200'; readonly redirect: string } | { readonly status: '400'; readonly message: string };

export const ISSUER = 'Contoso demo';
/** The gallery's account: a fixed secret so that the pages look the same on every load. */
export const DEMO = { identifier: 'emily@fabrikam.com', secret: 'fay2lj7ynpntjgqa' } as const;
const MAX_FAILURES = 5;

interface User {
  secret: string;
  lastUsedStep: number;
}

/** One browser's journey: who signed in, the secret being enrolled, failed attempts, and where it returns. */
export interface Session {
  email: string;
  pendingSecret?: string;
  failures: number;
  /** The application's page a finished journey returns to (`?outcome=` is added): B2C's redirect_uri. */
  returnTo: string;
}

export const newSession = (returnTo = '/src/preview/done.html'): Session => ({ email: '', failures: 0, returnTo });

export interface MockB2C {
  page(query: URLSearchParams, session: Session): PageReply;
  submit(query: URLSearchParams, fields: URLSearchParams, session: Session): Promise<SubmitReply>;
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
  selfasserted: 'selfasserted',
  unified: 'unified',
  error: 'error',
};

export function createMockB2C({ now = () => Date.now() / 1000 }: MockOptions = {}): MockB2C {
  const users = new Map<string, User>();

  const enrollValues = (email: string, secret: string): PageValues => ({ uri: b2cOtpauthUri(ISSUER, email, secret), identifier: email, secret });

  const gallery: Record<string, (session: Session) => PageReply> = {
    enroll: (session) => reply(session, 'totp-enroll', enrollValues(DEMO.identifier, DEMO.secret)),
    verify: (session) => reply(session, 'totp-verify'),
    'wrong-code': (session) => reply(session, 'totp-verify', {}, { error: 'wrongCode' }),
    'too-many': (session) => reply(session, 'totp-verify', {}, { error: 'tooManyAttempts' }),
    'server-error': (session) => reply(session, 'totp-verify', {}, { error: 'serverError' }),
    signin: (session) => reply(session, 'unified', { identifier: DEMO.identifier }),
    profile: (session) => reply(session, 'selfasserted', { identifier: DEMO.identifier }),
    error: (session) => reply(session, 'error'),
  };

  function page(query: URLSearchParams, session: Session): PageReply {
    const state = query.get('state');
    // Own properties only: `state=__proto__` or `constructor` is an unknown state, not the prototype.
    if (state) return (Object.hasOwn(gallery, state) ? gallery[state] : gallery.error)(session);
    switch (query.get('step')) {
      case 'enroll':
        session.pendingSecret ??= generateSecret();
        return reply(session, 'totp-enroll', enrollValues(session.email, session.pendingSecret));
      case 'verify':
        return reply(session, 'totp-verify');
      case 'already-enrolled':
        return reply(session, 'error', {}, { message: 'alreadyEnrolled' });
      case 'not-enrolled':
        return reply(session, 'error', {}, { message: 'notEnrolled' });
      default:
        return reply(session, 'unified', { identifier: session.email || DEMO.identifier });
    }
  }

  async function submit(query: URLSearchParams, fields: URLSearchParams, session: Session): Promise<SubmitReply> {
    const journey = query.get('journey') ?? 'signin';
    const next = (step: string) =>
      ({ status: '200', redirect: `/page-templates/${step === 'verify' || step === 'enroll' ? 'totp' : 'error'}.html?${new URLSearchParams({ journey, step })}` }) as const;
    const done = (outcome: string) => ({ status: '200', redirect: `${session.returnTo}?${new URLSearchParams({ outcome })}` }) as const;

    switch (query.get('step') ?? 'signin') {
      case 'signin': {
        const email = (fields.get('signInName') ?? '').trim().toLowerCase();
        if (!email) return { status: '400', message: 'requiredFieldMissing' };
        // A new sign-in starts over: no secret half enrolled, no failures carried from another account.
        session.email = email;
        session.failures = 0;
        session.pendingSecret = undefined;
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
      default:
        return { status: '400', message: 'serverError' };
    }
  }

  return { page, submit, reset: () => users.clear() };
}
