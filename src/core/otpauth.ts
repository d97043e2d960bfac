/**
 * Parsing and validation of otpauth:// URIs (Google's Key URI Format), tolerant
 * of what Azure AD B2C emits: `%20` in the label, `+` for a space in the issuer
 * parameter, an unencoded `@`, a lowercase 16-character secret, and no
 * algorithm, digits or period. DOM-free; never throws.
 */
import { cleanLabel } from './text.js';
import { normaliseBase32 } from './secret.js';

export type OtpType = 'totp' | 'hotp';
export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface OtpauthKey {
  readonly type: OtpType;
  /** The `issuer` parameter (as apps show it, even when the label's prefix differs), else the label's issuer prefix; '' when neither is given. */
  readonly issuer: string;
  /** The account name from the label ('' when the label is empty). */
  readonly account: string;
  /** The secret exactly as the URI carries it. */
  readonly secret: string;
  readonly algorithm: OtpAlgorithm;
  readonly digits: number;
  /** Seconds per code (TOTP). */
  readonly period: number;
  /** Initial counter (HOTP only). */
  readonly counter?: number;
  /**
   * The URI as serialised by the URL parser: the one string both the QR code
   * and the link carry. It is the server's exact text whenever that is already
   * canonical (B2C's is); otherwise it differs only in spelling (scheme case,
   * percent-encoding), never in meaning: values the parser would rewrite into
   * something else are refused as `ambiguous`.
   */
  readonly href: string;
}

/**
 * Why a value is not a usable otpauth URI. The first group leaves nothing to
 * read; the `invalid-*` group comes with the key as far as it could be read;
 * `issuer-mismatch` is only ever a warning beside a usable key.
 */
export type OtpauthProblem =
  | 'empty'
  | 'too-long'
  | 'not-otpauth'
  | 'unsupported-type'
  | 'ambiguous'
  | 'duplicate-parameter'
  | 'missing-secret'
  | 'invalid-secret'
  | 'invalid-algorithm'
  | 'invalid-digits'
  | 'invalid-period'
  | 'invalid-counter'
  // The one reason that comes with a usable key: `OtpauthWarning`.
  | 'issuer-mismatch';

/**
 * A usable key that deserves a word: `issuer-mismatch` when the label's issuer
 * prefix and the `issuer` parameter differ (Key URI Format: they "should be
 * equal"). Current apps show the parameter, older Google Authenticator versions
 * the label, so the key is read with the parameter's issuer.
 */
export type OtpauthWarning = Extract<OtpauthProblem, 'issuer-mismatch'>;

export type OtpauthResult =
  | { readonly ok: true; readonly key: OtpauthKey; readonly warning?: OtpauthWarning }
  | { readonly ok: false; readonly problem: OtpauthProblem; readonly key?: OtpauthKey };

/**
 * Longer values are refused before any parsing. No QR code version holds more
 * than 2,953 bytes, and a cap keeps a hostile megabyte off the main thread.
 */
export const MAX_URI_LENGTH = 4096;

const ALGORITHMS: readonly OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
// Key URI Format allows 6 or 8 digits; RFC 4226 truncation yields up to 10.
const MIN_DIGITS = 6;
const MAX_DIGITS = 10;
const MAX_PERIOD = 3600;

export function parseOtpauthUri(value: unknown): OtpauthResult {
  // Type check first: an object whose toString() says "otpauth:" must not pass.
  if (value === undefined || value === null || value === '') return fail('empty');
  if (typeof value !== 'string') return fail('not-otpauth');
  const text = value.trim();
  if (text === '') return fail('empty');
  if (text.length > MAX_URI_LENGTH) return fail('too-long');

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('not-otpauth');
  }
  // Decide on the parsed protocol, never on a prefix of the raw text: the URL
  // parser drops leading spaces, tabs and NULs that a prefix check would miss.
  if (url.protocol !== 'otpauth:' || url.username || url.password || url.port) return fail('not-otpauth');
  const type = url.hostname.toLowerCase();
  if (type !== 'totp' && type !== 'hotp') return fail(type ? 'unsupported-type' : 'not-otpauth');
  // What the URL parser would rewrite into something else: it drops tabs and
  // newlines anywhere (`iss\tuer=` becomes `issuer=`) and resolves `.` and `..`
  // path segments, encoded or not (`PayPal/../Contoso:bob` becomes
  // `Contoso:bob`). The server's text and ours would name different accounts.
  if (/\p{Cc}/u.test(text) || /\/(\.|%2e){1,2}(\/|$)/i.test(text.replace(/[?#].*/s, ''))) return fail('ambiguous');

  // A Map, not an object literal: `__proto__=` must stay an ordinary key.
  const params = new Map<string, string>();
  for (const [name, paramValue] of url.searchParams) {
    const key = name.toLowerCase();
    // Apps disagree on which of two values wins, so a repeated parameter could
    // show one secret and encode another.
    if (params.has(key)) return fail('duplicate-parameter');
    params.set(key, paramValue);
  }

  const secret = params.get('secret') ?? '';
  if (secret.trim() === '') return fail('missing-secret');

  const { issuer: labelIssuer, account } = parseLabel(url.pathname.slice(1));
  const issuerParam = params.get('issuer');
  const algorithm = (params.get('algorithm') ?? 'SHA1').toUpperCase() as OtpAlgorithm;
  const digits = parseWholeNumber(params.get('digits'), 6);
  const period = parseWholeNumber(params.get('period'), 30);
  const counter = type === 'hotp' ? parseWholeNumber(params.get('counter'), Number.NaN) : undefined;

  const validAlgorithm = ALGORITHMS.includes(algorithm);
  const validDigits = digits >= MIN_DIGITS && digits <= MAX_DIGITS;
  const validPeriod = period >= 1 && period <= MAX_PERIOD;
  const validCounter = counter === undefined || Number.isSafeInteger(counter);
  const key: OtpauthKey = {
    type,
    issuer: issuerParam === undefined ? labelIssuer : cleanLabel(issuerParam),
    account,
    secret,
    algorithm: validAlgorithm ? algorithm : 'SHA1',
    digits: validDigits ? digits : 6,
    period: validPeriod ? period : 30,
    ...(counter === undefined ? {} : { counter: validCounter ? counter : 0 }),
    href: url.href,
  };

  const checks: readonly [valid: boolean, problem: OtpauthProblem][] = [
    [normaliseBase32(secret) !== '', 'invalid-secret'],
    [validAlgorithm, 'invalid-algorithm'],
    [validDigits, 'invalid-digits'],
    [validPeriod, 'invalid-period'],
    [validCounter, 'invalid-counter'],
  ];
  const failed = checks.find(([valid]) => !valid);
  if (failed) return { ok: false, problem: failed[1], key };
  return { ok: true, key, warning: labelIssuer && issuerParam !== undefined && key.issuer !== labelIssuer ? 'issuer-mismatch' : undefined };
}

function fail(problem: OtpauthProblem): OtpauthResult {
  return { ok: false, problem };
}

/** `issuer:account`, percent-encoded; the colon may be literal or `%3A`, spaces may follow it. */
function parseLabel(rawLabel: string): { issuer: string; account: string } {
  let label = rawLabel;
  try {
    label = decodeURIComponent(rawLabel);
  } catch {
    // Malformed escapes (`%E0%A4%A`): show the label as it came rather than fail.
  }
  const colon = label.indexOf(':');
  return colon < 0
    ? { issuer: '', account: cleanLabel(label) }
    : { issuer: cleanLabel(label.slice(0, colon)), account: cleanLabel(label.slice(colon + 1)) };
}

/** A parameter made only of ASCII digits, as a number; `fallback` when absent, NaN when malformed. */
function parseWholeNumber(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
}
