/**
 * The REST-API sample's QR image, as its Generate endpoint makes it: QRCoder's
 * BitmapByteQRCode, error correction L, 4 px a module, the 4-module quiet zone
 * drawn, a BMP (which the sample's template labels PNG), sent as base64. Here
 * drawn from qrcode-generator's matrix as an uncompressed 24-bit BMP. Dev and
 * test only.
 */
import qrcode from 'qrcode-generator';

const PIXELS_PER_MODULE = 4;
const QUIET_ZONE = 4;

/** The bytes of a 24-bit BMP `size` × `size` px, dark where `dark(x, y)`. */
export function bmp(size: number, dark: (x: number, y: number) => boolean): Uint8Array {
  const row = Math.ceil((size * 3) / 4) * 4; // rows are padded to 4 bytes
  const bytes = new Uint8Array(54 + row * size);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]); // "BM"
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, 54, true); // pixel data offset
  view.setUint32(14, 40, true); // BITMAPINFOHEADER
  view.setInt32(18, size, true);
  view.setInt32(22, size, true); // positive: rows bottom-up
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  view.setUint32(34, row * size, true);
  for (let y = 0; y < size; y++) {
    const offset = 54 + (size - 1 - y) * row;
    for (let x = 0; x < size; x++) bytes.fill(dark(x, y) ? 0 : 255, offset + x * 3, offset + x * 3 + 3);
  }
  return bytes;
}

export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The sample's QR image of `text`, base64; '' when no QR code holds it. */
export function bitmapQrCode(text: string): string {
  const code = qrcode(0, 'L');
  code.addData(text);
  try {
    code.make();
  } catch {
    return '';
  }
  const modules = code.getModuleCount();
  const size = (modules + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
  return base64Of(
    bmp(size, (x, y) => {
      const col = Math.floor(x / PIXELS_PER_MODULE) - QUIET_ZONE;
      const r = Math.floor(y / PIXELS_PER_MODULE) - QUIET_ZONE;
      return r >= 0 && col >= 0 && r < modules && col < modules && code.isDark(r, col);
    }),
  );
}
