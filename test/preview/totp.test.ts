import { expect } from '@open-wc/testing';
import { b2cOtpauthUri, decodeBase32, encodeBase32, generateSecret, hotp, totp, verifyTotp } from '../../src/preview/totp.js';
import { parseOtpauthUri } from '../../src/core/otpauth.js';

const ascii = (text: string) => new TextEncoder().encode(text);
// RFC 6238 Appendix B seeds (per the errata: 20, 32 and 64 bytes).
const SEEDS = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
} as const;

describe('RFC 4226 HOTP', () => {
  it('matches Appendix D for counters 0 to 9', async () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    for (const [counter, code] of expected.entries()) expect(await hotp(SEEDS.SHA1, counter)).to.equal(code);
  });
});

describe('RFC 6238 TOTP', () => {
  const vectors: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  for (const [time, sha1, sha256, sha512] of vectors) {
    it(`matches Appendix B at T=${time} for SHA1, SHA256 and SHA512`, async () => {
      expect(await totp(SEEDS.SHA1, time, { digits: 8, algorithm: 'SHA1' })).to.equal(sha1);
      expect(await totp(SEEDS.SHA256, time, { digits: 8, algorithm: 'SHA256' })).to.equal(sha256);
      expect(await totp(SEEDS.SHA512, time, { digits: 8, algorithm: 'SHA512' })).to.equal(sha512);
    });
  }

  it('keeps leading zeros in 6-digit codes', async () => {
    expect(await totp(SEEDS.SHA1, 1234567890)).to.equal('005924');
  });

  it('reads a Base32 secret: Google\'s example key', async () => {
    const key = decodeBase32('JBSWY3DPEHPK3PXP');
    expect(await totp(key, 0)).to.equal('282760');
    expect(await totp(key, 59)).to.equal('996554');
    expect(await totp(key, 1234567890)).to.equal('742275');
    expect(await totp(key, 2000000000)).to.equal('890699');
  });
});

describe('verifyTotp', () => {
  const key = SEEDS.SHA1;
  const now = 1111111111;

  it('accepts the current code and one step either side, and nothing further', async () => {
    for (const offset of [-30, 0, 30]) {
      expect((await verifyTotp(key, await totp(key, now + offset), now)).ok, `offset ${offset}`).to.equal(true);
    }
    for (const offset of [-60, 60]) {
      expect(await verifyTotp(key, await totp(key, now + offset), now), `offset ${offset}`).to.deep.equal({ ok: false, reason: 'wrong' });
    }
  });

  it('refuses a code already used, and any older one', async () => {
    const code = await totp(key, now);
    const first = await verifyTotp(key, code, now);
    expect(first.ok).to.equal(true);
    const step = first.ok ? first.step : -1;
    expect(await verifyTotp(key, code, now + 5, {}, step)).to.deep.equal({ ok: false, reason: 'replayed' });
    expect(await verifyTotp(key, await totp(key, now - 30), now, {}, step)).to.deep.equal({ ok: false, reason: 'replayed' });
    expect((await verifyTotp(key, await totp(key, now + 30), now + 30, {}, step)).ok).to.equal(true);
  });

  it('verifies with SHA256 and SHA512, 8 digits and 60-second periods', async () => {
    const settings = { algorithm: 'SHA512', digits: 8, period: 60 } as const;
    expect((await verifyTotp(SEEDS.SHA512, await totp(SEEDS.SHA512, now, settings), now, settings)).ok).to.equal(true);
    expect((await verifyTotp(SEEDS.SHA256, await totp(SEEDS.SHA256, now, { algorithm: 'SHA256' }), now, { algorithm: 'SHA256' })).ok).to.equal(true);
  });
});

describe('secrets and URIs', () => {
  it('makes 160-bit lowercase Base32 secrets, different each time', () => {
    const secret = generateSecret();
    expect(secret).to.match(/^[a-z2-7]{32}$/);
    expect(decodeBase32(secret)).to.have.length(20);
    expect(generateSecret()).to.not.equal(secret);
  });

  it('round-trips Base32', () => {
    const bytes = Uint8Array.from({ length: 37 }, (_, i) => (i * 97) % 256);
    expect(Array.from(decodeBase32(encodeBase32(bytes)))).to.deep.equal(Array.from(bytes));
    expect(encodeBase32(ascii('12345678901234567890'))).to.equal('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('builds the qrCodeContent claim exactly as B2C does', () => {
    expect(b2cOtpauthUri('Contoso demo', 'emily@fabrikam.com', 'fay2lj7ynpntjgqa')).to.equal(
      'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo',
    );
    const parsed = parseOtpauthUri(b2cOtpauthUri('Zürich & Co', 'jürg+test@example.ch', 'JBSWY3DPEHPK3PXP'));
    expect(parsed.ok && parsed.key).to.deep.include({ issuer: 'Zürich & Co', account: 'jürg+test@example.ch' });
  });
});
