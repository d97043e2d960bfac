import { expect } from '@open-wc/testing';
import { cleanLabel, format } from '../../src/core/text.js';

describe('cleanLabel', () => {
  it('removes controls and bidi overrides, and trims', () => {
    expect(cleanLabel(' \u202Eevil\u2066 name\u0000\u0085 ')).to.equal('evil name');
  });

  it('keeps letters, marks and emoji of every script', () => {
    for (const value of ['Zürich', 'بنك كونتوسو', '株式会社', '👩‍💻 dev', 'e\u0301']) expect(cleanLabel(value)).to.equal(value);
  });

  it('replaces a lone surrogate with U+FFFD', () => {
    expect(cleanLabel('a\uDC00b')).to.equal('a\uFFFDb');
  });
});

describe('format', () => {
  it('fills named placeholders and leaves unknown ones empty', () => {
    expect(format('{a} and {b}{c}', { a: 'x', b: 2 })).to.equal('x and 2');
  });

  it('does not interpret the values', () => {
    expect(format('{a}', { a: '{b}$&' })).to.equal('{b}$&');
  });
});
