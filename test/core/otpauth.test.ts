import { expect } from '@open-wc/testing';
import { parseOtpauthUri, MAX_URI_LENGTH, type OtpauthResult } from '../../src/core/otpauth.js';
import { corpus } from '../fixtures/otpauth-corpus.js';

function key(result: OtpauthResult) {
  if (!result.key) throw new Error(`no key: ${JSON.stringify(result)}`);
  return result.key;
}

describe('parseOtpauthUri', () => {
  describe('what B2C emits', () => {
    const b2c = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';

    it('reads issuer, account and secret, with the Key URI defaults', () => {
      const result = parseOtpauthUri(b2c);
      expect(result.ok).to.equal(true);
      expect(key(result)).to.deep.include({
        type: 'totp',
        issuer: 'Contoso demo',
        account: 'emily@fabrikam.com',
        secret: 'fay2lj7ynpntjgqa',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      });
      expect(key(result).counter).to.equal(undefined);
    });

    it('serialises the href through the URL parser, keeping the otpauth scheme', () => {
      expect(key(parseOtpauthUri(b2c)).href).to.equal(b2c);
      expect(key(parseOtpauthUri(`  ${b2c}\n`)).href).to.equal(b2c);
    });

    it('reads the issuer from the label when the parameter is missing', () => {
      const result = parseOtpauthUri('otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa');
      expect(key(result).issuer).to.equal('Contoso demo');
    });
  });

  describe('the corpus', () => {
    for (const entry of corpus) {
      it(`accepts ${entry.name}`, () => {
        const result = parseOtpauthUri(entry.uri);
        expect(result.ok, JSON.stringify(result)).to.equal(true);
        expect(key(result).issuer).to.equal(entry.issuer);
        expect(key(result).account).to.equal(entry.account);
        expect(new URL(key(result).href).protocol).to.equal('otpauth:');
      });
    }

    it('reads non-default settings', () => {
      const [sha512] = corpus.filter((entry) => entry.name === 'over 300 characters');
      expect(key(parseOtpauthUri(sha512.uri))).to.deep.include({ algorithm: 'SHA512', digits: 8, period: 60 });
      const [hotp] = corpus.filter((entry) => entry.name === 'HOTP with a counter');
      expect(key(parseOtpauthUri(hotp.uri))).to.deep.include({ type: 'hotp', counter: 42 });
    });
  });

  describe('problems', () => {
    const cases: [string, unknown, string][] = [
      ['undefined', undefined, 'empty'],
      ['null', null, 'empty'],
      ['an empty string', '', 'empty'],
      ['only spaces', '  \n\t', 'empty'],
      ['a number', 123456, 'not-otpauth'],
      ['an object whose toString says otpauth', { toString: () => 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP' }, 'not-otpauth'],
      ['plain text', 'hello world', 'not-otpauth'],
      ['javascript:', 'javascript:alert(1)', 'not-otpauth'],
      ['javascript: behind a space', ' javascript:alert(1)', 'not-otpauth'],
      ['javascript: split by a tab', 'java\tscript:alert(1)', 'not-otpauth'],
      ['javascript: behind a NUL', '\u0000javascript:alert(1)', 'not-otpauth'],
      ['mixed-case javascript:', 'JaVaScRiPt:alert(1)', 'not-otpauth'],
      ['data:', 'data:text/html,<script>alert(1)</script>', 'not-otpauth'],
      ['vbscript:', 'vbscript:msgbox(1)', 'not-otpauth'],
      ['https:', 'https://evil.example/?secret=JBSWY3DPEHPK3PXP', 'not-otpauth'],
      ['otpauth-migration:', 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8', 'not-otpauth'],
      ['intent:', 'intent://totp/x#Intent;scheme=otpauth;end', 'not-otpauth'],
      ['otpauth without slashes', 'otpauth:totp/x?secret=JBSWY3DPEHPK3PXP', 'not-otpauth'],
      ['otpauth with an empty host', 'otpauth:///x?secret=JBSWY3DPEHPK3PXP', 'not-otpauth'],
      ['otpauth with user info', 'otpauth://evil@totp/x?secret=JBSWY3DPEHPK3PXP', 'not-otpauth'],
      ['an unknown type', 'otpauth://motp/x?secret=JBSWY3DPEHPK3PXP', 'unsupported-type'],
      ['no secret', 'otpauth://totp/Acme:bob?issuer=Acme', 'missing-secret'],
      ['an empty secret', 'otpauth://totp/Acme:bob?secret=&issuer=Acme', 'missing-secret'],
      ['a secret with 0, 1, 8 and 9', 'otpauth://totp/Acme:bob?secret=0189ABCD', 'invalid-secret'],
      ['a secret with punctuation', 'otpauth://totp/Acme:bob?secret=ABCD!EFG', 'invalid-secret'],
      ['two secrets', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&secret=BBBBBBBB', 'duplicate-parameter'],
      ['two issuers', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&issuer=X&Issuer=Y', 'duplicate-parameter'],
      ['algorithm MD5', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&algorithm=MD5', 'invalid-algorithm'],
      ['5 digits', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&digits=5', 'invalid-digits'],
      ['11 digits', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&digits=11', 'invalid-digits'],
      ['digits abc', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&digits=abc', 'invalid-digits'],
      ['digits -1', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&digits=-1', 'invalid-digits'],
      ['a huge digits', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&digits=99999999999999999999', 'invalid-digits'],
      ['period 0', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&period=0', 'invalid-period'],
      ['period -30', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&period=-30', 'invalid-period'],
      ['period 1e9', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&period=1e9', 'invalid-period'],
      ['period 1000000000', 'otpauth://totp/Acme:bob?secret=AAAAAAAA&period=1000000000', 'invalid-period'],
      ['hotp without a counter', 'otpauth://hotp/Acme:bob?secret=AAAAAAAA', 'invalid-counter'],
      ['hotp with counter x', 'otpauth://hotp/Acme:bob?secret=AAAAAAAA&counter=x', 'invalid-counter'],
      ['a value over the length cap', `otpauth://totp/a?secret=${'A'.repeat(MAX_URI_LENGTH)}`, 'too-long'],
      ['a megabyte', `otpauth://totp/a?secret=A&x=${'y'.repeat(1 << 20)}`, 'too-long'],
      // The URL parser drops tabs and newlines and resolves dot segments, so the
      // page would show one reading of these while the server's text says another.
      ['a TAB inside a parameter name', 'otpauth://totp/PayPal:bob?secret=JBSWY3DPEHPK3PXP&iss\tuer=Contoso', 'ambiguous'],
      ['a newline inside the label', 'otpauth://totp/Pay\nPal:bob?secret=JBSWY3DPEHPK3PXP', 'ambiguous'],
      ['a carriage return in the secret', 'otpauth://totp/Acme:bob?secret=JBSW\rY3DPEHPK3PXP', 'ambiguous'],
      ['a NUL in the middle', 'otpauth://totp/Acme:bob\u0000?secret=JBSWY3DPEHPK3PXP', 'ambiguous'],
      ['a raw C1 control', 'otpauth://totp/Acme\u0085:bob?secret=JBSWY3DPEHPK3PXP', 'ambiguous'],
      ['a DEL', 'otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&issuer=Ac\u007fme', 'ambiguous'],
      ['a dot-dot segment in the label', 'otpauth://totp/PayPal/../Contoso:bob?secret=JBSWY3DPEHPK3PXP', 'ambiguous'],
      ['a percent-encoded dot-dot segment', 'otpauth://totp/PayPal/%2e%2E/Contoso:bob?secret=JBSWY3DPEHPK3PXP', 'ambiguous'],
      ['a half-encoded dot-dot segment', 'otpauth://totp/PayPal/.%2E/Contoso:bob?secret=JBSWY3DPEHPK3PXP', 'ambiguous'],
      ['a dot segment', 'otpauth://totp/./Contoso:bob?secret=JBSWY3DPEHPK3PXP', 'ambiguous'],
      ['a trailing dot-dot segment', 'otpauth://totp/Contoso:bob/..?secret=JBSWY3DPEHPK3PXP', 'ambiguous'],
      ['a dot-dot segment before a fragment', 'otpauth://totp/Contoso:bob/..#x', 'ambiguous'],
    ];
    for (const [name, value, problem] of cases) {
      it(`reports ${problem} for ${name}`, () => {
        const result = parseOtpauthUri(value);
        expect(result.ok).to.equal(false);
        expect(result.ok ? undefined : result.problem).to.equal(problem);
      });
    }

    it('keeps what it could read of a key with invalid settings', () => {
      const result = parseOtpauthUri('otpauth://totp/Acme:bob?secret=ab$cd&issuer=Acme&digits=6');
      expect(result.ok).to.equal(false);
      expect(key(result)).to.deep.include({ issuer: 'Acme', account: 'bob', secret: 'ab$cd', digits: 6 });
    });

    it('falls back to safe defaults for invalid settings', () => {
      expect(key(parseOtpauthUri('otpauth://totp/a?secret=AAAAAAAA&digits=0&period=0&algorithm=md5'))).to.deep.include({
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
      });
    });
  });

  describe('an issuer prefix that differs from the issuer parameter', () => {
    it('reads the parameter, as authenticator apps do, and warns', () => {
      const result = parseOtpauthUri('otpauth://totp/PayPal:bob?secret=JBSWY3DPEHPK3PXP&issuer=Contoso');
      expect(result.ok).to.equal(true);
      expect(key(result)).to.deep.include({ issuer: 'Contoso', account: 'bob' });
      expect(result.ok && result.warning).to.equal('issuer-mismatch');
    });

    it('warns of an empty parameter beside a prefix, and of what B2C itself can emit', () => {
      const empty = parseOtpauthUri('otpauth://totp/PayPal:bob?secret=JBSWY3DPEHPK3PXP&issuer=');
      expect(empty.ok && empty.warning).to.equal('issuer-mismatch');
      const [b2c] = corpus.filter((entry) => entry.name === 'B2C with label and parameter issuers that differ');
      const result = parseOtpauthUri(b2c.uri);
      expect(result.ok && result.warning).to.equal('issuer-mismatch');
    });

    it('does not warn when they agree once decoded, or when only one is given', () => {
      const agreeing = [
        'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo',
        'otpauth://totp/Contoso:bob?secret=JBSWY3DPEHPK3PXP',
        'otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP&issuer=Contoso',
        'otpauth://totp/%E2%80%AEContoso:bob?secret=JBSWY3DPEHPK3PXP&issuer=Contoso',
      ];
      for (const uri of agreeing) {
        const result = parseOtpauthUri(uri);
        expect(result.ok, uri).to.equal(true);
        expect(result.ok && result.warning, uri).to.equal(undefined);
      }
    });
  });

  describe('one string for the page, the QR code and the link', () => {
    it("keeps the server's exact text when the URL parser already serialises it so", () => {
      let exact = 0;
      for (const { uri } of corpus) {
        if (new URL(uri).href !== uri) continue;
        expect(key(parseOtpauthUri(uri)).href).to.equal(uri);
        exact++;
      }
      expect(exact, 'most of the corpus, B2C included, is already canonical').to.be.above(corpus.length - 3);
    });

    it('serialises the rest without changing what it says: parsing the href again reads the same key', () => {
      for (const { name, uri } of corpus) {
        const first = key(parseOtpauthUri(uri));
        const again = parseOtpauthUri(first.href);
        expect(again.ok, name).to.equal(true);
        expect(key(again), name).to.deep.equal(first);
      }
    });

    it('accepts dots that are not whole path segments, and dot segments inside the query', () => {
      for (const uri of [
        'otpauth://totp/Acme:bob..smith.@example.com?secret=JBSWY3DPEHPK3PXP',
        'otpauth://totp/.../x?secret=JBSWY3DPEHPK3PXP',
        'otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&image=https://example.com/a/../logo.png',
      ]) {
        const result = parseOtpauthUri(uri);
        expect(result.ok, uri).to.equal(true);
        expect(key(result).href, uri).to.equal(uri);
      }
    });

    it('still trims the whitespace around the value', () => {
      expect(parseOtpauthUri('\t otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP\r\n').ok).to.equal(true);
    });
  });

  describe('hostile text', () => {
    it('shows a malformed escape in the label as it came, without throwing', () => {
      const result = parseOtpauthUri('otpauth://totp/Acme:bob%E0%A4%A?secret=JBSWY3DPEHPK3PXP');
      expect(result.ok).to.equal(true);
      expect(key(result).account).to.equal('bob%E0%A4%A');
    });

    it('drops controls and bidi overrides from labels', () => {
      const result = parseOtpauthUri('otpauth://totp/Acme%E2%80%AE%00:bob%E2%81%A6evil%0A?secret=JBSWY3DPEHPK3PXP');
      expect(key(result).issuer).to.equal('Acme');
      expect(key(result).account).to.equal('bobevil');
    });

    it('turns a lone surrogate into U+FFFD', () => {
      const result = parseOtpauthUri('otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&issuer=A\uD800B');
      expect(key(result).issuer).to.equal('A\uFFFDB');
    });

    it('keeps HTML as plain text', () => {
      const result = parseOtpauthUri('otpauth://totp/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E:bob?secret=JBSWY3DPEHPK3PXP');
      expect(key(result).issuer).to.equal('<img src=x onerror=alert(1)>');
    });

    it('treats __proto__ as an ordinary parameter', () => {
      const result = parseOtpauthUri('otpauth://totp/a?__proto__=x&constructor=y&secret=JBSWY3DPEHPK3PXP');
      expect(result.ok).to.equal(true);
      expect(({} as Record<string, unknown>).x).to.equal(undefined);
    });
  });
});
