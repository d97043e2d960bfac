// What the journey tests share: a user's authenticator app (RFC 6238, written
// again here so that no test trusts the mock's own implementation) and a phone's
// camera (a QR code decoded from a screenshot's pixels).
import { createHmac } from 'node:crypto';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The 6-digit TOTP code of a Base32 secret at `unixSeconds` (SHA-1, 30 s). */
export function totpCode(base32, unixSeconds) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of base32.toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[19] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1e6).padStart(6, '0');
}

/** The text of the QR code in a PNG screenshot, or null. */
export function decodeQrPng(png) {
  const { data, width, height } = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height)?.data ?? null;
}

/** The box of the kit's painted QR code, scrolled into view (CSS pixels of the viewport). */
export function qrBox() {
  const svg = document.querySelector('totp-qr-code')?.shadowRoot?.querySelector('svg');
  if (!svg) return null;
  svg.scrollIntoView({ block: 'center' });
  const { x, y, width, height } = svg.getBoundingClientRect();
  return { x, y, width, height };
}
