// What the journey tests share: a user's authenticator app (RFC 6238, written
// again here so that no test trusts the mock's own implementation) and a phone's
// camera (a QR code decoded from a screenshot's pixels).
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

// ZXing, the second decoder, runs here in Node on its wasm from node_modules:
// zxing-wasm never looks a file up itself (it would fetch from a CDN).
const zxingWasm = readFileSync(fileURLToPath(import.meta.resolve('zxing-wasm/reader/zxing_reader.wasm')));
prepareZXingModule({
  overrides: {
    locateFile(path) {
      throw new Error(`zxing-wasm looked up ${path}; it must only use the wasm from node_modules`);
    },
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(zxingWasm, imports).then(({ instance }) => done(instance));
      return {};
    },
  },
});

/** ZXing's reading of a PNG (ZXing decodes the file itself), as UTF-8 text, or null. */
export async function zxingText(png) {
  const [found] = await readBarcodes(png, { formats: ['QRCode'], maxNumberOfSymbols: 1, characterSet: 'UTF8' });
  return found?.isValid ? found.text : null;
}

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

/**
 * The text of the QR code in a PNG screenshot, as jsQR and ZXing both read it, or
 * null when neither does; throws when they read it differently (or one cannot).
 */
export async function decodeQrPng(png) {
  const { data, width, height } = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  const found = jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' });
  // jsQR reads bytes; the kit encodes UTF-8.
  const byJsQr = found ? new TextDecoder().decode(Uint8Array.from(found.binaryData)) : null;
  const byZxing = await zxingText(png);
  if (byJsQr !== byZxing) throw new Error(`jsQR and ZXing read the screenshot differently: ${JSON.stringify(byJsQr)} / ${JSON.stringify(byZxing)}`);
  return byZxing;
}

/** The box of the kit's painted QR code, scrolled into view (CSS pixels of the viewport). */
export function qrBox() {
  const svg = document.querySelector('totp-qr-code')?.shadowRoot?.querySelector('svg');
  if (!svg) return null;
  svg.scrollIntoView({ block: 'center' });
  const { x, y, width, height } = svg.getBoundingClientRect();
  return { x, y, width, height };
}
