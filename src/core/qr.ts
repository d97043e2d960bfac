/**
 * QR encoding: text to the outline of its dark modules, as one SVG path.
 * qrcode-generator picks the version and computes the matrix; we draw it.
 * DOM-free.
 */
import qrcode from 'qrcode-generator';

export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

export const ERROR_CORRECTION_LEVELS: readonly ErrorCorrection[] = ['L', 'M', 'Q', 'H'];

export interface QrSymbol {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  /** SVG path data of every dark module, in module units from the symbol's top-left corner. */
  readonly path: string;
}

/** The text does not fit in a QR code (version 40) at the requested error correction. */
export class QrCapacityError extends Error {
  override readonly name = 'QrCapacityError';
}

// Byte-mode capacity of version 40, the largest symbol (ISO/IEC 18004 table 7).
const MAX_BYTES: Record<ErrorCorrection, number> = { L: 2953, M: 2331, Q: 1663, H: 1273 };

/**
 * Encodes `text` as UTF-8 in byte mode at the smallest version that fits.
 * @throws QrCapacityError when no version holds it.
 */
export function encodeQr(text: string, errorCorrection: ErrorCorrection): QrSymbol {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_BYTES[errorCorrection]) throw new QrCapacityError(`${bytes.length} bytes exceed the QR capacity`);

  const code = qrcode(0, errorCorrection);
  // qrcode-generator keeps the low 8 bits of each UTF-16 unit, so hand it one
  // unit per UTF-8 byte; its own UTF-8 helper is not exported by the package.
  code.addData(String.fromCharCode(...bytes), 'Byte');
  try {
    code.make();
  } catch (thrown) {
    // The library throws strings ("code length overflow. (…)"), not Errors.
    throw new QrCapacityError(String(thrown));
  }

  const size = code.getModuleCount();
  let path = '';
  for (let row = 0; row < size; row++) {
    // One rectangle per horizontal run of dark modules keeps the path short.
    for (let col = 0; col < size; col++) {
      if (!code.isDark(row, col)) continue;
      const start = col;
      while (col + 1 < size && code.isDark(row, col + 1)) col++;
      path += `M${start} ${row}h${col - start + 1}v1H${start}z`;
    }
  }
  return { size, path };
}
