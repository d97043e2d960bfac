import { expect } from '@open-wc/testing';
import { codeDigits, normaliseCode } from '../../src/core/code.js';

describe('normaliseCode', () => {
  const silent: [string, string, string][] = [
    ['ASCII digits', '123456', '123456'],
    ['a space in the middle', '123 456', '123456'],
    ['a hyphen', '123-456', '123456'],
    ['spaces around and a newline', ' 123456\n', '123456'],
    ['CRLF, tabs and several spaces', '\t12 34\r\n56 ', '123456'],
    ['no-break and narrow no-break spaces', '123\u00a0456\u202f', '123456'],
    ['an ideographic space', '123\u3000456', '123456'],
    ['hyphen, non-breaking hyphen, figure dash', '1\u20102\u20113\u20124', '1234'],
    ['en dash, em dash, horizontal bar, minus sign', '1\u20132\u20143\u20154\u22125', '12345'],
    ['full-width digits', '１２３４５６', '123456'],
    ['full-width digits with a full-width hyphen', '１２３－４５６', '123456'],
    ['Arabic-Indic digits', '٠١٢٣٤٥', '012345'],
    ['Persian digits', '۱۲۳۴۵۶', '123456'],
    ['Devanagari digits', '७८९०१२', '789012'],
    ['Bengali, Thai and Myanmar digits', '০৯๑๘၂၇', '091827'],
    ['mathematical bold digits (outside the BMP)', '\u{1D7CE}\u{1D7CF}\u{1D7D7}', '019'],
    ['a zero-width space and bidi marks from a copy', '\u200e123\u200b456\u2066', '123456'],
    ['a mix of scripts and separators', ' ١٢٣ - ४५६ ', '123456'],
    ['nothing', '', ''],
    ['only separators', ' - \n', ''],
  ];
  for (const [name, raw, digits] of silent) {
    it(`keeps the digits of ${name}, silently`, () => {
      expect(normaliseCode(raw)).to.deep.equal({ digits, rejected: false });
    });
  }

  const rejected: [string, string, string][] = [
    ['a letter among digits', '12a456', '12456'],
    ['letters only', 'abc', ''],
    ['punctuation', '123.456', '123456'],
    ['a plus sign and brackets', '+(123) 456', '123456'],
    ['an Arabic decimal separator', '123٫456', '123456'],
    ['a Roman numeral, which is not a decimal digit', 'Ⅻ', ''],
    ['an emoji', '123👍456', '123456'],
  ];
  for (const [name, raw, digits] of rejected) {
    it(`drops and reports ${name}`, () => {
      expect(normaliseCode(raw)).to.deep.equal({ digits, rejected: true });
    });
  }

  // The zeros of every decimal digit run in Unicode 14 (from Python's unicodedata),
  // an independent list: each run of ten must read 0 to 9.
  const ZEROS = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20,
    0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900,
    0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0,
    0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8,
    0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
  ];

  it('reads every decimal digit run of Unicode 14 as 0 to 9', () => {
    for (const zero of ZEROS) {
      const run = Array.from({ length: 10 }, (_, value) => String.fromCodePoint(zero + value)).join('');
      expect(normaliseCode(run), `run at U+${zero.toString(16)}`).to.deep.equal({ digits: '0123456789', rejected: false });
    }
  });

  it('maps every decimal digit the browser knows to one ASCII digit', () => {
    let count = 0;
    for (let point = 0x80; point < 0x110000; point++) {
      const character = String.fromCodePoint(point);
      if (!/\p{Nd}/u.test(character)) continue;
      count++;
      const { digits, rejected } = normaliseCode(character);
      expect(rejected, `U+${point.toString(16)}`).to.equal(false);
      expect(digits, `U+${point.toString(16)}`).to.match(/^[0-9]$/);
    }
    expect(count).to.be.at.least(650);
  });

  it('returns ASCII digits only, and is idempotent', () => {
    for (const raw of ['1 2-3', '١٢٣abc', '１２３', 'x\u{1D7D8}y', '½', '²³']) {
      const once = normaliseCode(raw);
      expect(once.digits).to.match(/^[0-9]*$/);
      expect(normaliseCode(once.digits)).to.deep.equal({ digits: once.digits, rejected: false });
    }
  });
});

describe('codeDigits', () => {
  it('accepts whole numbers from 4 to 10', () => {
    for (const length of [4, 6, 8, 10]) expect(codeDigits(length)).to.equal(length);
  });

  it('falls back to 6 for anything else', () => {
    for (const length of [3, 11, 0, -6, 6.5, Number.NaN, Infinity, '8', null, undefined]) expect(codeDigits(length), String(length)).to.equal(6);
  });
});
