/**
 * The proof a QR symbol of the kit must pass: both decoders read back exactly
 * the text, and the symbol has no ECI, the requested error-correction level and
 * the smallest version that holds the text in byte mode.
 */
import { expect } from '@open-wc/testing';
import type { ErrorCorrection } from '../../src/core/qr.js';
import { readFormatInformation, readVersionInformation, utf8, type BothDecoded, type Modules } from './qr.js';

/**
 * Byte-mode data capacity in bytes of QR Code versions 1 to 40 at levels L, M, Q, H:
 * ISO/IEC 18004:2015, table 7 ("Number of symbol characters and input data capacity
 * for QR Code"), column "Byte". Written out here rather than computed, so that it
 * cannot share a mistake with any encoder.
 */
// prettier-ignore
export const BYTE_CAPACITY: Record<ErrorCorrection, readonly number[]> = {
  //  v1    2     3     4     5     6     7     8     9    10    11    12    13    14    15    16    17    18    19    20
  L: [  17,   32,   53,   78,  106,  134,  154,  192,  230,  271,  321,  367,  425,  458,  520,  586,  644,  718,  792,  858,
  //  v21   22    23    24    25    26    27    28    29    30    31    32    33    34    35    36    37    38    39    40
       929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809, 2953],
  M: [  14,   26,   42,   62,   84,  106,  122,  152,  180,  213,  251,  287,  331,  362,  412,  450,  504,  560,  624,  666,
       711,  779,  857,  911,  997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331],
  Q: [  11,   20,   32,   46,   60,   74,   86,  108,  130,  151,  177,  203,  241,  258,  292,  322,  364,  394,  442,  482,
       509,  565,  611,  661,  715,  751,  805,  868,  908,  982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499, 1579, 1663],
  H: [   7,   14,   24,   34,   44,   58,   64,   84,   98,  119,  137,  155,  177,  194,  220,  250,  280,  310,  338,  382,
       403,  439,  461,  511,  535,  593,  625,  658,  698,  742,  790,  842,  898,  958,  983, 1051, 1093, 1139, 1219, 1273],
};

/** The smallest version whose byte-mode capacity at `level` holds `byteLength` bytes, or null when none does. */
export function minimalVersion(byteLength: number, level: ErrorCorrection): number | null {
  const index = BYTE_CAPACITY[level].findIndex((capacity) => capacity >= byteLength);
  return index < 0 ? null : index + 1;
}

/**
 * otpauth URIs whose UTF-8 length is exactly the byte capacity of a version at a
 * level, or one byte more: around the switch of the byte count from 8 to 16 bits
 * (versions 9 and 10), in the middle (25) and at the largest symbol (40), padded
 * with ASCII or with two-byte characters.
 */
export const nearCapacity: readonly { readonly name: string; readonly uri: string }[] = (() => {
  const base = 'otpauth://totp/Acme:bob@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme&pad=';
  const uriOf = (bytes: number, wide: boolean) => {
    const room = bytes - base.length;
    return wide ? base + 'ü'.repeat(Math.floor(room / 2)) + 'x'.repeat(room % 2) : base + 'x'.repeat(room);
  };
  const uris = new Map<string, string>();
  for (const level of ['L', 'M', 'Q', 'H'] as const) {
    for (const version of [9, 10, 25, 40]) {
      const capacity = BYTE_CAPACITY[level][version - 1];
      uris.set(uriOf(capacity, false), `${capacity} ASCII bytes (version ${version} at ${level})`);
      uris.set(uriOf(capacity + 1, false), `${capacity + 1} ASCII bytes (version ${version} at ${level}, and one)`);
      uris.set(uriOf(capacity, true), `${capacity} bytes of two-byte characters (version ${version} at ${level})`);
    }
  }
  return [...uris].map(([uri, name]) => ({ name, uri }));
})();

/**
 * Asserts that a symbol drawn for `text` at `level` is what the kit promises.
 * `modules` are the symbol's modules as drawn (from the SVG path); `decoded` is
 * what jsQR and ZXing each read from its pixels.
 */
export function expectProvenSymbol(modules: Modules, decoded: BothDecoded, text: string, level: ErrorCorrection): void {
  const bytes = Array.from(utf8(text));
  const { jsQR, zxing } = decoded;

  // Both decoders read exactly the text, byte for byte (UTF-8).
  expect(jsQR, 'jsQR reads the symbol').to.not.equal(null);
  expect(zxing, 'ZXing reads the symbol').to.not.equal(null);
  expect(jsQR!.text, 'jsQR reads the text').to.equal(text);
  expect(Array.from(jsQR!.bytes), 'jsQR reads the bytes').to.deep.equal(bytes);
  expect(zxing!.text, 'ZXing reads the text').to.equal(text);
  expect(Array.from(zxing!.bytes), 'ZXing reads the bytes').to.deep.equal(bytes);

  // (a) No ECI: jsQR finds no ECI segment; ZXing neither, and transmits the
  // content under symbology identifier ]Q1 (model 2, no ECI), not ]Q2.
  expect(jsQR!.segments, 'no ECI segment (jsQR)').to.not.include('eci');
  expect(zxing!.hasEci, 'no ECI segment (ZXing)').to.equal(false);
  expect(Array.from(zxing!.bytesEci), 'ZXing transmits ]Q1 and the bytes: no ECI').to.deep.equal([...utf8(']Q1'), ...bytes]);

  // (b) The requested level, from the format information as drawn and as ZXing read it.
  const format = readFormatInformation(modules);
  expect(format.level, 'the EC level in the format information').to.equal(level);
  expect(zxing!.level, 'the EC level ZXing read').to.equal(level);
  expect(zxing!.mask, 'the mask ZXing read is the one in the format information').to.equal(format.mask);

  // (c) One byte-mode segment in the smallest version that holds it at that level.
  expect(jsQR!.segments, 'one byte-mode segment').to.deep.equal(['byte']);
  const version = minimalVersion(bytes.length, level);
  expect(version, `${bytes.length} bytes fit some version at ${level}`).to.not.equal(null);
  expect(modules.length, `the size of version ${version}, the smallest for ${bytes.length} bytes at ${level}`).to.equal(17 + 4 * version!);
  expect(readVersionInformation(modules), 'the version information').to.equal(version! >= 7 ? version : null);
  expect(jsQR!.version, 'the version jsQR read').to.equal(version);
  expect(zxing!.version, 'the version ZXing read').to.equal(version);
}
