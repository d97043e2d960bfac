import { expect } from '@open-wc/testing';
import qrcode from 'qrcode-generator';
import { encodeQr, ERROR_CORRECTION_LEVELS, QrCapacityError, type ErrorCorrection } from '../../src/core/qr.js';
import { corpus } from '../fixtures/otpauth-corpus.js';
import { decodePixelsBoth, modulePixels, modulesOfPath, utf8, zxingWrittenModules, ZXING_WASM_URL, type Modules } from '../helpers/qr.js';
import { expectProvenSymbol, minimalVersion, nearCapacity } from '../helpers/qr-proof.js';

const b2cUri = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';

describe('encodeQr', () => {
  it('runs on qrcode-generator as the kit ships it, with the build\'s cuts', () => {
    // The test server applies the cuts of src/build/plugins/trim-qrcode-generator.ts: what is decoded here is what ships.
    const code = qrcode(0, 'M') as unknown as Record<string, unknown>;
    for (const cut of ['createImgTag', 'createSvgTag', 'createDataURL', 'renderTo2dContext']) expect(code[cut], cut).to.equal(undefined);
    expect(typeof code.make).to.equal('function');
  });

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

describe('encodeQr: the corpus proof', () => {
  // Every URI, at every level, as encodeQr draws it (its path, painted module by
  // module): jsQR and ZXing each read exactly the URI back, and the symbol has no
  // ECI, the requested level and the smallest version for its bytes (qr-proof.ts).
  for (const { name, uri } of [...corpus, ...nearCapacity]) {
    it(`proves ${name} at L, M, Q and H`, async () => {
      for (const level of ERROR_CORRECTION_LEVELS) {
        if (minimalVersion(utf8(uri).length, level) === null) {
          expect(() => encodeQr(uri, level), `level ${level}`).to.throw(QrCapacityError);
          continue;
        }
        const { path, size } = encodeQr(uri, level);
        const modules = modulesOfPath(path, size);
        try {
          expectProvenSymbol(modules, await decodePixelsBoth(modulePixels(modules)), uri, level);
        } catch (error) {
          throw Object.assign(error as Error, { message: `level ${level}: ${(error as Error).message}` });
        }
      }
    });
  }

  it('reads the ZXing wasm from the test server, never from a CDN', async () => {
    await decodePixelsBoth(modulePixels(modulesOfPath(encodeQr(b2cUri, 'M').path, 41)));
    const wasm = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.wasm'));
    expect(wasm.map((entry) => entry.name)).to.deep.equal([ZXING_WASM_URL]);
    expect(new URL(ZXING_WASM_URL).origin).to.equal(location.origin);
  });
});

describe('encodeQr: the corpus proof fails', () => {
  // What the proof must reject, drawn by other encoders: if these passed, the
  // proof above would prove nothing.
  const uri = corpus[0].uri;
  /** The proof's first failure for `modules` drawn for `text` at `level`, or 'passed'. */
  const proofOf = async (modules: Modules, level: ErrorCorrection, text = uri) => {
    try {
      expectProvenSymbol(modules, await decodePixelsBoth(modulePixels(modules)), text, level);
    } catch (error) {
      return (error as Error).message;
    }
    return 'passed';
  };

  it('for a symbol with an ECI header (UTF-8, by the ZXing writer)', async () => {
    const modules = await zxingWrittenModules(utf8(uri), 'ecLevel=M,eci=26');
    expect(await proofOf(modules, 'M')).to.match(/^no ECI segment \(jsQR\)/);
  });

  it('for a symbol at a higher level than requested', async () => {
    const { path, size } = encodeQr(uri, 'Q');
    expect(await proofOf(modulesOfPath(path, size), 'M')).to.match(/^the EC level in the format information: expected 'Q' to equal 'M'/);
  });

  it('for a symbol one version larger than the text needs', async () => {
    const code = qrcode(7, 'M'); // 92 bytes need version 6 at M
    code.addData(uri, 'Byte');
    code.make();
    const modules = Array.from({ length: 45 }, (_, row) => Array.from({ length: 45 }, (_, col) => code.isDark(row, col)));
    expect(await proofOf(modules, 'M')).to.match(/^the size of version 6, the smallest for 92 bytes at M: expected 45 to equal 41/);
  });

  it('for a symbol of more than one segment (byte and alphanumeric, by the ZXing writer)', async () => {
    const upper = 'otpauth://totp/ACME:BOB?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=ACME';
    expect(await proofOf(await zxingWrittenModules(upper, 'ecLevel=M'), 'M', upper)).to.match(/^one byte-mode segment/);
  });

  it('for a symbol that reads as other text', async () => {
    const { path, size } = encodeQr(`${uri}&x=1`, 'M');
    expect(await proofOf(modulesOfPath(path, size), 'M')).to.match(/^jsQR reads the text/);
  });
});
