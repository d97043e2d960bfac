/**
 * A mock of B2C's server for the designer preview, served by Vite's dev server
 * under /__mock-b2c/. It decides which page to render, issues a fresh secret
 * for each enrollment, and verifies codes with real RFC 6238 TOTP, rejecting a
 * code already used. Its users live in the dev server's memory, as B2C's live
 * in its directory: the browser never stores a secret. Dev only.
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

export interface MockB2C {
  page(query: URLSearchParams): PageReply;
  submit(query: URLSearchParams, fields: URLSearchParams): Promise<SubmitReply>;
  reset(): void;
}

const templateOf: Record<B2CPage, Template> = {
  'totp-enroll': 'totp',
  'totp-verify': 'totp',
  selfasserted: 'selfasserted',
  unified: 'unified',
  error: 'error',
};

const reply = (page: B2CPage, values: PageValues = {}, extra: Partial<PageReply> = {}): PageReply => ({
  template: templateOf[page],
  page,
  values,
  ...extra,
});

/** `now` (Unix seconds) is injectable so that tests can move the clock. */
export function createMockB2C(now: () => number = () => Date.now() / 1000): MockB2C {
  const users = new Map<string, User>();
  let session: { email: string; pendingSecret?: string; failures: number } = { email: '', failures: 0 };

  const enrollValues = (email: string, secret: string): PageValues => ({ uri: b2cOtpauthUri(ISSUER, email, secret), identifier: email, secret });

  const gallery: Record<string, () => PageReply> = {
    enroll: () => reply('totp-enroll', enrollValues(DEMO.identifier, DEMO.secret)),
    verify: () => reply('totp-verify'),
    'wrong-code': () => reply('totp-verify', {}, { error: 'wrongCode' }),
    'too-many': () => reply('totp-verify', {}, { error: 'tooManyAttempts' }),
    'server-error': () => reply('totp-verify', {}, { error: 'serverError' }),
    signin: () => reply('unified', { identifier: DEMO.identifier }),
    profile: () => reply('selfasserted', { identifier: DEMO.identifier }),
    error: () => reply('error'),
  };

  function page(query: URLSearchParams): PageReply {
    const state = query.get('state');
    if (state) return (gallery[state] ?? gallery.error)();
    switch (query.get('step')) {
      case 'enroll':
        session.pendingSecret ??= generateSecret();
        return reply('totp-enroll', enrollValues(session.email, session.pendingSecret));
      case 'verify':
        return reply('totp-verify');
      case 'already-enrolled':
        return reply('error', {}, { message: 'alreadyEnrolled' });
      case 'not-enrolled':
        return reply('error', {}, { message: 'notEnrolled' });
      default:
        return reply('unified', { identifier: session.email || DEMO.identifier });
    }
  }

  async function submit(query: URLSearchParams, fields: URLSearchParams): Promise<SubmitReply> {
    const journey = query.get('journey') ?? 'signin';
    const next = (step: string) => ({ status: '200', redirect: `/page-templates/${step === 'verify' || step === 'enroll' ? 'totp' : 'error'}.html?journey=${journey}&step=${step}` }) as const;
    const done = (outcome: string) => ({ status: '200', redirect: `/src/preview/done.html?outcome=${outcome}` }) as const;

    switch (query.get('step') ?? 'signin') {
      case 'signin': {
        const email = (fields.get('signInName') ?? '').trim().toLowerCase();
        if (!email) return { status: '400', message: 'requiredFieldMissing' };
        session = { email, failures: 0 };
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

  return {
    page,
    submit,
    reset: () => {
      users.clear();
      session = { email: '', failures: 0 };
    },
  };
}
