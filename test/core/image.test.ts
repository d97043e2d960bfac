import { expect } from '@open-wc/testing';
import { checkImage, MAX_IMAGE_BYTES } from '../../src/core/image.js';
import { base64Of, bitmapQrCode, bmp } from '../../src/preview/bmp.js';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const base64 = (text: string) => btoa(text);

describe('checkImage', () => {
  it("accepts the REST-API sample's BMP and gives a data: URL of exactly its bytes, typed from the bytes", () => {
    const claim = bitmapQrCode('otpauth://totp/B2CDemo:emily@fabrikam.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&period=30&issuer=B2CDemo');
    const image = checkImage(claim);
    expect(image).to.deep.include({ ok: true, type: 'image/bmp', src: `data:image/bmp;base64,${claim}` });
  });

  it('accepts a PNG and a JPEG by their signatures', () => {
    expect(checkImage(PNG_1PX)).to.deep.include({ ok: true, type: 'image/png' });
    const jpeg = base64Of(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array<number>(20).fill(0)]));
    expect(checkImage(jpeg)).to.deep.include({ ok: true, type: 'image/jpeg' });
  });

  it('drops the whitespace some servers wrap base64 with', () => {
    const wrapped = PNG_1PX.replace(/(.{20})/g, '$1\r\n');
    expect(checkImage(wrapped)).to.deep.include({ ok: true, src: `data:image/png;base64,${PNG_1PX}` });
  });

  it('refuses an empty claim', () => {
    expect(checkImage('')).to.deep.equal({ ok: false, problem: 'empty' });
    expect(checkImage('   ')).to.deep.equal({ ok: false, problem: 'empty' });
    expect(checkImage(undefined as unknown as string)).to.deep.equal({ ok: false, problem: 'empty' });
  });

  it('refuses what is not strict base64: HTML, a javascript: or data: URL, bad padding, a wrong length', () => {
    for (const claim of [
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      `data:image/png;base64,${PNG_1PX}`,
      `${PNG_1PX}"><script>alert(1)</script>`,
      'iVBORw0KGgo=AAAA',
      'iVBORw0KGgo',
      'iVBORw0K-_Go=',
    ]) {
      expect(checkImage(claim), claim).to.deep.equal({ ok: false, problem: 'not-base64' });
    }
  });

  it('refuses base64 whose bytes are not a BMP, PNG or JPEG: text, SVG, GIF, HTML', () => {
    for (const text of ['<script>alert(1)</script> padding', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000', '<!doctype html><title>x</title>']) {
      expect(checkImage(base64(text)), text).to.deep.equal({ ok: false, problem: 'not-image' });
    }
  });

  it("refuses a BMP whose header contradicts itself (a stated size that is not the bytes', an unknown header)", () => {
    const good = bmp(8, () => false);
    const badSize = good.slice();
    badSize[2] = 1;
    expect(checkImage(base64Of(badSize))).to.deep.equal({ ok: false, problem: 'not-image' });
    const badHeader = good.slice();
    badHeader[14] = 7;
    expect(checkImage(base64Of(badHeader))).to.deep.equal({ ok: false, problem: 'not-image' });
    expect(checkImage(base64Of(good))).to.deep.include({ ok: true, type: 'image/bmp' });
    expect(checkImage(base64('BM'))).to.deep.equal({ ok: false, problem: 'not-image' });
  });

  it('refuses an image over the bound, and a huge claim before parsing it', () => {
    const big = bmp(370, () => false); // 411 KB
    expect(checkImage(base64Of(bmp(360, () => false)))).to.deep.include({ ok: true }); // 389 KB
    expect(big.length).to.be.greaterThan(MAX_IMAGE_BYTES);
    expect(checkImage(base64Of(big))).to.deep.equal({ ok: false, problem: 'too-large' });
    const huge = 'A'.repeat(20_000_000);
    const start = performance.now();
    expect(checkImage(huge)).to.deep.equal({ ok: false, problem: 'too-large' });
    expect(performance.now() - start).to.be.lessThan(50);
    expect(checkImage(PNG_1PX, 10)).to.deep.equal({ ok: false, problem: 'too-large' });
  });
});
