import { expect } from '@open-wc/testing';
import { claimId, parseClaimMap } from '../../src/core/claim-map.js';
import { base64ToBase32 } from '../../src/core/base32.js';

describe('parseClaimMap', () => {
  it('reads the claim ids a template names, the secret with its encoding', () => {
    expect(
      parseClaimMap({
        uri: 'otpauthUri',
        account: 'signInName',
        secret: { id: 'extension_secret', encoding: 'base64' },
        qrImage: 'strongAuthenticationAppQRCodeBitmap',
        code: 'strongAuthenticationAppCode',
      }),
    ).to.deep.equal({
      uri: 'otpauthUri',
      account: 'signInName',
      secret: { id: 'extension_secret', encoding: 'base64' },
      qrImage: 'strongAuthenticationAppQRCodeBitmap',
      code: 'strongAuthenticationAppCode',
    });
  });

  it('takes a secret given as a bare id as Base32, and an encoding left out as Base32', () => {
    expect(parseClaimMap({ secret: 'secretKey' })).to.deep.equal({ secret: { id: 'secretKey', encoding: 'base32' } });
    expect(parseClaimMap({ secret: { id: 'secretKey' } })).to.deep.equal({ secret: { id: 'secretKey', encoding: 'base32' } });
  });

  it('is empty for no map or a map that is not an object', () => {
    for (const json of [undefined, null, 'uri', 42, ['uri'], true]) expect(parseClaimMap(json), String(json)).to.deep.equal({});
  });

  it('drops ids that are not plain claim ids: selectors, quotes, markup, empty, too long, other types', () => {
    for (const id of ['a"]', '#api', 'x y', '<b>', '', 'a'.repeat(129), '1abc', 42, {}, ['x']]) {
      expect(parseClaimMap({ uri: id, code: id, qrImage: id, account: id, secret: id }), JSON.stringify(id)).to.deep.equal({});
    }
    expect(claimId('extension_StrongAuthenticationAppSecretKey')).to.equal('extension_StrongAuthenticationAppSecretKey');
    expect(claimId('signIn.Name-2')).to.equal('signIn.Name-2');
  });

  it('drops an unknown encoding, unknown keys and inherited properties', () => {
    expect(parseClaimMap({ secret: { id: 'secretKey', encoding: 'hex' } })).to.deep.equal({});
    expect(parseClaimMap({ script: 'x', __proto__: { uri: 'inherited' } })).to.deep.equal({});
    expect(parseClaimMap(JSON.parse('{"__proto__": {"uri": "polluted"}, "code": "c"}'))).to.deep.equal({ code: 'c' });
  });
});

describe('base64ToBase32', () => {
  it('writes a key given as base64 in Base32 (RFC 4648 test vectors)', () => {
    expect(base64ToBase32(btoa('f'))).to.equal('MY');
    expect(base64ToBase32(btoa('fo'))).to.equal('MZXQ');
    expect(base64ToBase32(btoa('foo'))).to.equal('MZXW6');
    expect(base64ToBase32(btoa('foob'))).to.equal('MZXW6YQ');
    expect(base64ToBase32(btoa('fooba'))).to.equal('MZXW6YTB');
    expect(base64ToBase32(btoa('foobar'))).to.equal('MZXW6YTBOI');
    expect(base64ToBase32('SGVsbG8h3q2+7w==')).to.equal('JBSWY3DPEHPK3PXP');
  });

  it("is '' for what is not base64", () => {
    for (const value of ['', 'not base64!', 'abc', '<script>']) expect(base64ToBase32(value), value).to.equal('');
  });
});
