/**
 * RFC 4226 (HOTP) and RFC 6238 (TOTP) with Web Crypto, for the preview's mock
 * of B2C: it issues secrets and verifies codes the way B2C's server does.
 * The kit itself never verifies a code; only the server can (ASVS V2.2.2).
 * Runs in browsers and in Node 20 (globalThis.crypto).
 */
import type { OtpAlgorithm } from '../core/otpauth.js';
import { BASE32_ALPHABET, encodeBase32 } from '../core/base32.js';

// The encoder is the kit's own (core/base32.ts); the preview's mock needs the decoder as well.
export { encodeBase32 };

/** Decodes RFC 4648 Base32, any case, ignoring spaces and padding. */
export function decodeBase32(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new Error('not Base32');
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(bytes);
}

/** A fresh random secret: 160 bits (RFC 4226's recommendation), as B2C-style lowercase Base32. */
export function generateSecret(bytes = 20): string {
  return encodeBase32(crypto.getRandomValues(new Uint8Array(bytes))).toLowerCase();
}

const HASHES: Record<OtpAlgorithm, string> = { SHA1: 'SHA-1', SHA256: 'SHA-256', SHA512: 'SHA-512' };

/** RFC 4226 §5: HMAC the 8-byte counter, truncate dynamically, keep `digits` decimal digits. */
export async function hotp(key: Uint8Array<ArrayBuffer>, counter: number, digits = 6, algorithm: OtpAlgorithm = 'SHA1'): Promise<string> {
  const message = new Uint8Array(8);
  // The counter passes 2^32 in 2106 at 30 s steps and far sooner in tests: no 32-bit bitwise maths on it.
  new DataView(message.buffer).setBigUint64(0, BigInt(counter));
  const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: HASHES[algorithm] }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message));
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = new DataView(mac.buffer).getUint32(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export interface TotpSettings {
  readonly algorithm?: OtpAlgorithm;
  readonly digits?: number;
  readonly period?: number;
}

/** RFC 6238 §4: the time step of `unixSeconds`. */
export const timeStep = (unixSeconds: number, period = 30) => Math.floor(unixSeconds / period);

export function totp(key: Uint8Array<ArrayBuffer>, unixSeconds: number, { algorithm = 'SHA1', digits = 6, period = 30 }: TotpSettings = {}): Promise<string> {
  return hotp(key, timeStep(unixSeconds, period), digits, algorithm);
}

export type Verification = { readonly ok: true; readonly step: number } | { readonly ok: false; readonly reason: 'wrong' | 'replayed' };

/**
 * Checks `code` against the current step and one step either side (RFC 6238
 * §5.2: network delay and clock drift), refusing a step at or before
 * `lastUsedStep`: a code is accepted once, as B2C does with its last match time.
 */
export async function verifyTotp(
  key: Uint8Array<ArrayBuffer>,
  code: string,
  unixSeconds: number,
  settings: TotpSettings = {},
  lastUsedStep = -1,
): Promise<Verification> {
  const now = timeStep(unixSeconds, settings.period);
  for (const step of [now, now - 1, now + 1]) {
    if (step < 0 || (await hotp(key, step, settings.digits, settings.algorithm)) !== code) continue;
    return step > lastUsedStep ? { ok: true, step } : { ok: false, reason: 'replayed' };
  }
  return { ok: false, reason: 'wrong' };
}

/**
 * The qrCodeContent claim as B2C's BuildUri makes it: the label's issuer
 * `%20`-encoded, the account's `@` left as it is, the issuer parameter
 * form-encoded with `+` for spaces, and no algorithm, digits or period.
 */
export function b2cOtpauthUri(issuer: string, account: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account).replace(/%40/g, '@')}`;
  return `otpauth://totp/${label}?secret=${secret}&${new URLSearchParams({ issuer })}`;
}
