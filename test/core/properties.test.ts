/** Property-based tests (fast-check): what must hold for every input, not just the ones we thought of. */
import { expect, fixture } from '@open-wc/testing';
import fc from 'fast-check';
import { parseOtpauthUri } from '../../src/core/otpauth.js';
import { displaySecret } from '../../src/core/secret.js';
import { cleanLabel } from '../../src/core/text.js';
import { normaliseCode } from '../../src/core/code.js';
import '../../src/elements/qr-code/qr-code.js';

// Everything a claim could hold: any graphemes, raw UTF-16 (lone surrogates), and hostile shapes.
const anyText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }));
const hostile = fc.constantFrom(
  'javascript:alert(1)',
  ' java\tscript:alert(1)',
  '\u0000javascript:x',
  'data:text/html,<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '\u202Eevil\u2066',
  '\uD800',
  '%E0%A4%A',
  '__proto__',
);
const label = fc.oneof(anyText, hostile);
const base32 = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 64 });

function otpauth(issuer: string, account: string, secret: string): string {
  const safe = (text: string) => encodeURIComponent(text.toWellFormed());
  return `otpauth://totp/${safe(issuer)}:${safe(account)}?secret=${secret}&issuer=${safe(issuer)}`;
}

describe('properties', () => {
  it('parseOtpauthUri never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, hostile, fc.anything()), (value) => {
        parseOtpauthUri(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('a URI it accepts always has the otpauth: protocol and a totp or hotp type', () => {
    const uriLike = fc.oneof(
      anyText,
      fc.tuple(fc.constantFrom('otpauth://', 'OTPAUTH://', ' otpauth:', 'otpauth:/', 'https://', 'javascript:'), anyText, fc.constantFrom('?secret=JBSWY3DPEHPK3PXP', '?secret=&x=1', '')).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(uriLike, (value) => {
        const result = parseOtpauthUri(value);
        if (!result.ok) return;
        const url = new URL(result.key.href);
        expect(url.protocol).to.equal('otpauth:');
        expect(['totp', 'hotp']).to.include(url.hostname.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });

  it('issuer and account come back as written, minus controls, for any text without a colon', () => {
    const part = label.filter((text) => !text.includes(':'));
    fc.assert(
      fc.property(part, part, base32, (issuer, account, secret) => {
        const result = parseOtpauthUri(otpauth(issuer, account, secret));
        expect(result.ok).to.equal(true);
        expect(result.key!.issuer).to.equal(cleanLabel(issuer));
        expect(result.key!.account).to.equal(cleanLabel(account));
      }),
      { numRuns: 1000 },
    );
  });

  it('displaySecret: the groups rejoin to the text, a valid secret is uppercase Base32, and it is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(base32, anyText), (secret) => {
        const shown = displaySecret(secret);
        expect(shown.groups.join('')).to.equal(shown.text);
        expect(shown.groups.every((group) => Array.from(group).length <= 4)).to.equal(true);
        if (shown.valid) expect(shown.text).to.match(/^[A-Z2-7]+$/);
        expect(displaySecret(shown.text).text).to.equal(shown.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('normaliseCode is idempotent and yields ASCII digits only, keeping every ASCII digit in order', () => {
    const codeLike = fc.oneof(
      anyText,
      fc.string({ unit: fc.constantFrom(...'0123456789 -\u2013\u00a0１２３٠١٢۳۴abc\n') }),
    );
    fc.assert(
      fc.property(codeLike, (raw) => {
        const { digits } = normaliseCode(raw);
        expect(digits).to.match(/^[0-9]*$/);
        expect(normaliseCode(digits)).to.deep.equal({ digits, rejected: false });
        // The ASCII digits typed are never lost or reordered: they are a subsequence of the result.
        let at = 0;
        for (const digit of raw.replace(/[^0-9]/g, '')) at = digits.indexOf(digit, at) + 1 || Infinity;
        expect(at).to.not.equal(Infinity);
      }),
      { numRuns: 3000 },
    );
  });

  it('a label never creates an element in <totp-qr-code>', async () => {
    const element = await fixture<HTMLElementTagNameMap['totp-qr-code']>('<totp-qr-code deep-link="always"></totp-qr-code>');
    await fc.assert(
      fc.asyncProperty(label, label, async (issuer, account) => {
        element.value = otpauth(issuer.replaceAll(':', ''), account.replaceAll(':', ''), 'JBSWY3DPEHPK3PXP');
        await element.updateComplete;
        const tags = [...element.shadowRoot!.querySelectorAll('*')].map((node) => node.localName);
        expect(tags).to.deep.equal(['svg', 'rect', 'path', 'a']);
        expect(element.querySelectorAll('*')).to.have.length(0);
      }),
      { numRuns: 200 },
    );
  });
});
