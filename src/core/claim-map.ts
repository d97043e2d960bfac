/**
 * The claim map: which claim ids hold the TOTP values on a page whose policy
 * named its claims its own way (the REST-API sample's `strongAuthenticationAppCode`,
 * a `totpIdentifier` copied from `signInName`…). A template declares it as data,
 * `<script type="application/json" id="totp-kit-claims">`, never run. DOM-free.
 *
 * A template's JSON is data from a page the kit does not control: only own
 * properties of the known keys are read, and only ids that are plain claim ids
 * (letters, digits, `_`, `-`, `.`; what B2C's ClaimType ids use), so an id can
 * be put in a selector as it is.
 */

/** How a secret claim is written: Base32 (what authenticator apps take) or base64 of the key's bytes. */
export type SecretEncoding = 'base32' | 'base64';

export interface ClaimMap {
  /** The claim that holds the otpauth:// URI. */
  readonly uri?: string;
  /** The claim that holds the account name. */
  readonly account?: string;
  /** The claim that holds the shared secret in clear, and how it is written. */
  readonly secret?: { readonly id: string; readonly encoding: SecretEncoding };
  /** The claim that holds the server's QR image, as base64 (BMP, PNG or JPEG). */
  readonly qrImage?: string;
  /** The claim the user types the code into. */
  readonly code?: string;
}

const CLAIM_ID = /^[A-Za-z_][\w.-]{0,127}$/;

/** `value` if it is a plain claim id, else undefined. */
export const claimId = (value: unknown): string | undefined => (typeof value === 'string' && CLAIM_ID.test(value) ? value : undefined);

/** `value`'s own property `key`, if `value` is an object that has one: a page's JSON read as data, nothing inherited. */
export const own = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;

/**
 * A template's claim map, as data. `secret` is a claim id (Base32) or
 * `{ "id": …, "encoding": "base32" | "base64" }`. Anything else is dropped.
 */
export function parseClaimMap(json: unknown): ClaimMap {
  const map: { -readonly [K in keyof ClaimMap]: ClaimMap[K] } = {};
  for (const key of ['uri', 'account', 'qrImage', 'code'] as const) {
    const id = claimId(own(json, key));
    if (id) map[key] = id;
  }
  const secret = own(json, 'secret');
  const object = typeof secret === 'object' && secret !== null;
  const id = claimId(object ? own(secret, 'id') : secret);
  const encoding = (object ? own(secret, 'encoding') : undefined) ?? 'base32';
  if (id && (encoding === 'base32' || encoding === 'base64')) map.secret = { id, encoding };
  return map;
}
