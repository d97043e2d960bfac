/**
 * qrcode-generator builds everything inside one factory closure, so what the
 * kit never calls cannot be tree-shaken: its output helpers (GIF and Base64
 * encoders, SVG, table and ASCII output, canvas drawing), its Shift_JIS table
 * builder, and the numeric, alphanumeric and Kanji modes (the kit encodes UTF-8
 * bytes). Cutting them saves 3 KB gzip (7.2 KB → 4.3 KB, measured). The build
 * fails if the library's text moves; test/build/trim-qrcode-generator.test.mjs
 * checks the cuts, and the bundle tests decode QR codes drawn by the built bundles.
 */
import type { Plugin } from 'vite';

/** Each cut removes the text from `start` up to (not including) `end`, and puts `replacement` there. */
export const CUTS: readonly (readonly [start: string, end: string, replacement: string])[] = [
  ['  _this.createTableTag = function', '  return _this;\n};\n', ''],
  ['qrcode.createStringToBytes = function', '//---------------------------------------------------------------------\n// QRMode', ''],
  ["    switch(mode) {\n    case 'Numeric' :", '    _dataList.push(newData);', '    newData = qr8BitByte(data);\n'],
];

/** The library's source with the cuts made; throws naming the first cut whose text is gone. */
export function trimSource(code: string, cuts = CUTS): string {
  for (const [start, end, replacement] of cuts) {
    const from = code.indexOf(start);
    const to = from < 0 ? -1 : code.indexOf(end, from);
    if (to < 0) throw new Error(`qrcode-generator has changed: "${start.trim()}" is gone; update src/build/plugins/trim-qrcode-generator.ts`);
    code = code.slice(0, from) + replacement + code.slice(to);
  }
  return code;
}

export function trimQrcodeGenerator(): Plugin {
  return {
    name: 'b2c-totp-kit:trim-qrcode-generator',
    transform(code, id) {
      if (!/qrcode-generator[\\/]dist[\\/]qrcode\.mjs$/.test(id)) return null;
      try {
        return { code: trimSource(code), map: null };
      } catch (error) {
        return this.error((error as Error).message);
      }
    },
  };
}
