import { expect } from '@open-wc/testing';
import { encodeQr, QrCapacityError } from '../../src/core/qr.js';

const b2cUri = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';

describe('encodeQr', () => {
  it('picks the smallest version for the level', () => {
    // 92 bytes: version 5 at L (37 modules), 6 at M (41), 8 at Q (49), 9 at H (53).
    expect(encodeQr(b2cUri, 'L').size).to.equal(37);
    expect(encodeQr(b2cUri, 'M').size).to.equal(41);
    expect(encodeQr(b2cUri, 'Q').size).to.equal(49);
    expect(encodeQr(b2cUri, 'H').size).to.equal(53);
  });

  it('draws each horizontal run of dark modules as one rectangle', () => {
    const { path, size } = encodeQr(b2cUri, 'M');
    // The top-left finder pattern starts with a run of 7 dark modules.
    expect(path.startsWith('M0 0h7v1H0z')).to.equal(true);
    for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
      expect(Number(x) + Number(width)).to.be.at.most(size);
      expect(Number(y)).to.be.below(size);
    }
    expect(path.replace(/M\d+ \d+h\d+v1H\d+z/g, '')).to.equal('');
  });

  it('fills version 40 to the byte and refuses one byte more, with an Error', () => {
    expect(encodeQr('a'.repeat(2331), 'M').size).to.equal(177);
    expect(() => encodeQr('a'.repeat(2332), 'M')).to.throw(QrCapacityError);
    expect(() => encodeQr('a'.repeat(2954), 'L')).to.throw(QrCapacityError);
    expect(() => encodeQr('a'.repeat(1274), 'H')).to.throw(QrCapacityError);
  });

  it('counts UTF-8 bytes, not characters, against the capacity', () => {
    expect(() => encodeQr('é'.repeat(1166), 'M')).to.throw(QrCapacityError); // 2,332 bytes
    expect(encodeQr('é'.repeat(1165), 'M').size).to.equal(177);
  });
});
