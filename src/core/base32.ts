/** Base32 (RFC 4648 §6), as authenticator apps take a secret. DOM-free. */

export const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `bytes` in Base32, without padding (authenticator apps take it so). */
export function encodeBase32(bytes: Iterable<number>): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= 0xff; // keep only the bits not yet written
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * A secret given as base64 of the key's bytes (a policy's claim) written in Base32, as
 * authenticator apps take it; '' when it is not strict base64.
 */
export function base64ToBase32(base64: string): string {
  const clean = base64.replace(/\s+/g, '');
  if (clean === '' || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return '';
  return encodeBase32(Array.from(atob(clean), (char) => char.charCodeAt(0)));
}
