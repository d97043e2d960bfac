/**
 * A server-made image claim (the REST-API TOTP sample's `strongAuthenticationAppQRCodeBitmap`:
 * the QR code as base64), checked before anything of it reaches the page. DOM-free.
 *
 * The only thing ever built from the claim is a `data:` URL of the claim's own
 * bytes, with a type the kit names from the bytes' signature (BMP, PNG or JPEG),
 * never from the claim: a claim that is not strict base64, that is too large, or
 * whose bytes are not one of those images yields a problem and no URL.
 */

/** The image types the kit shows, by the signature of their first bytes. */
export type ImageType = 'image/bmp' | 'image/png' | 'image/jpeg';

export type ImageProblem = 'empty' | 'too-large' | 'not-base64' | 'not-image';

export type CheckedImage =
  | { readonly ok: true; readonly type: ImageType; readonly src: string; readonly bytes: number }
  | { readonly ok: false; readonly problem: ImageProblem };

/**
 * The largest image accepted, in bytes: 384 KiB, whose base64 is 524,288
 * characters, the most WebKit keeps in an `<input>`'s value (a longer claim in
 * B2C's field arrives cut). QRCoder's 24-bit BMP of a version 10 code at 4 px
 * a module is about 150 KB; B2C's own JPEG is 256 px.
 */
export const MAX_IMAGE_BYTES = 384 * 1024;

/** Strict base64 (RFC 4648 §4): the alphabet, padding only at the end, a length that is a multiple of four. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const SIGNATURES: readonly (readonly [ImageType, readonly number[]])[] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/bmp', [0x42, 0x4d]],
];

/** The number of bytes `base64` (already checked) decodes to. */
const decodedLength = (base64: string) => (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

/** The first bytes of `base64` (already checked), decoded. */
function head(base64: string, count: number): number[] {
  const chunk = base64.slice(0, Math.ceil(count / 3) * 4);
  return Array.from(atob(chunk), (char) => char.charCodeAt(0)).slice(0, count);
}

/** A BMP's header must agree with itself: the file size it states, and a DIB header of a known size. */
function plausibleBmp(bytes: readonly number[], length: number): boolean {
  const size = bytes[2] | (bytes[3] << 8) | (bytes[4] << 16) | (bytes[5] << 24);
  const dib = bytes[14] | (bytes[15] << 8) | (bytes[16] << 16) | (bytes[17] << 24);
  // Some writers put 0 for the size; a stated size must fit the bytes there are.
  return (size === 0 || size === length) && [12, 40, 52, 56, 108, 124].includes(dib);
}

/**
 * Checks an image claim: strict base64 (ASCII whitespace, which some servers
 * wrap lines with, is dropped first), at most MAX_IMAGE_BYTES, and a BMP, PNG
 * or JPEG signature. Returns a `data:` URL of exactly those bytes, or why not.
 */
export function checkImage(claim: string, maxBytes = MAX_IMAGE_BYTES): CheckedImage {
  if (typeof claim !== 'string') return { ok: false, problem: 'empty' };
  // Bounded before any other work: a huge claim costs one length check (whitespace allowed for).
  if (claim.length > Math.ceil(maxBytes / 3) * 4 * 1.1 + 1024) return { ok: false, problem: 'too-large' };
  if (claim.trim() === '') return { ok: false, problem: 'empty' };
  const base64 = claim.replace(/[\t\n\f\r ]+/g, '');
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) return { ok: false, problem: 'not-base64' };
  const length = decodedLength(base64);
  if (length > maxBytes) return { ok: false, problem: 'too-large' };
  if (length < 18) return { ok: false, problem: 'not-image' };
  const bytes = head(base64, 18);
  const match = SIGNATURES.find(([, signature]) => signature.every((byte, i) => bytes[i] === byte));
  if (!match || (match[0] === 'image/bmp' && !plausibleBmp(bytes, length))) return { ok: false, problem: 'not-image' };
  return { ok: true, type: match[0], src: `data:${match[0]};base64,${base64}`, bytes: length };
}
