import { expect } from '@open-wc/testing';
import { displaySecret, normaliseBase32 } from '../../src/core/secret.js';

describe('displaySecret', () => {
  it('uppercases a Base32 secret and cuts it into groups of four', () => {
    expect(displaySecret('fay2lj7ynpntjgqa')).to.deep.equal({
      text: 'FAY2LJ7YNPNTJGQA',
      groups: ['FAY2', 'LJ7Y', 'NPNT', 'JGQA'],
      valid: true,
    });
  });

  it('drops padding and spaces, and keeps a short last group', () => {
    expect(displaySecret('jbsw y3dp ehpk 3pxp ab==')).to.deep.include({ text: 'JBSWY3DPEHPK3PXPAB', valid: true });
    expect(displaySecret('JBSWY3DPEHPK3PXPAB').groups.at(-1)).to.equal('AB');
  });

  it('keeps a secret that is not Base32 exactly as given, flagged', () => {
    expect(displaySecret('ab$c d189')).to.deep.equal({ text: 'ab$c d189', groups: ['ab$c', ' d18', '9'], valid: false });
  });

  it('never splits a character made of two UTF-16 units', () => {
    expect(displaySecret('🦊🦊🦊🦊🦊').groups).to.deep.equal(['🦊🦊🦊🦊', '🦊']);
  });

  it('gives the text back when the groups are joined', () => {
    for (const secret of ['a', 'abcdefgh', 'ovq4wt2oe2ywptos', 'x!y']) {
      const shown = displaySecret(secret);
      expect(shown.groups.join('')).to.equal(shown.text);
    }
  });
});

describe('displaySecret and invisible characters', () => {
  it('drops bidi controls and other format characters, so that what is shown is what is copied', () => {
    // U+202E would show ABCD87654321HGFE while Copy wrote ABCD\u202EEFGH12345678.
    expect(displaySecret('ABCD\u202EEFGH12345678')).to.deep.equal({
      text: 'ABCDEFGH12345678',
      groups: ['ABCD', 'EFGH', '1234', '5678'],
      valid: false,
    });
  });

  it('reads a Base32 secret through zero-width and soft-hyphen noise', () => {
    expect(displaySecret('jbsw\u200By3dp\u00ADehpk\uFEFF3pxp\u2066')).to.deep.include({ text: 'JBSWY3DPEHPK3PXP', valid: true });
  });

  it('drops controls and replaces a lone surrogate', () => {
    expect(displaySecret('ab\u0000c\u0085d\uD800').text).to.equal('abcd\uFFFD');
  });
});

describe('normaliseBase32', () => {
  it('returns an empty string for anything that is not Base32', () => {
    for (const value of ['', '====', '0189', 'AB CD!', 'ÄBCD']) expect(normaliseBase32(value)).to.equal('');
  });

  it('does not read through invisible characters: an otpauth secret must be Base32 as it stands', () => {
    expect(normaliseBase32('JBSW\u200BY3DP')).to.equal('');
  });
});
