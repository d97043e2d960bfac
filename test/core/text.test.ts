import { expect } from '@open-wc/testing';
import { cleanLabel, format, mergeStrings, unpackTexts } from '../../src/core/text.js';

/** Runs `body` with `Object.prototype[key] = value` for each entry, as a polluted page has it (enumerable, as assignment makes it). */
function polluted<T>(entries: Record<string, unknown>, body: () => T): T {
  for (const [key, value] of Object.entries(entries)) {
    Object.defineProperty(Object.prototype, key, { value, enumerable: true, writable: true, configurable: true });
  }
  try {
    return body();
  } finally {
    for (const key of Object.keys(entries)) delete (Object.prototype as Record<string, unknown>)[key];
  }
}

describe('unpackTexts', () => {
  const defaults = { label: 'Code', hint: 'Enter it', empty: 'Empty' };
  it("gives a packed group (values alone, in the defaults' order) the defaults' keys", () => {
    expect(unpackTexts(defaults, ['Kód', 'Zadejte ho', 'Prázdné'])).to.deep.equal({ label: 'Kód', hint: 'Zadejte ho', empty: 'Prázdné' });
  });
  it('leaves texts written with their keys, and nothing, as they are', () => {
    const written = { hint: 'Geben Sie ihn ein' };
    expect(unpackTexts(defaults, written)).to.equal(written);
    expect(unpackTexts(defaults, undefined)).to.equal(undefined);
  });
  it('leaves a key a short array lacks without a text, for mergeStrings to keep the English', () => {
    expect(unpackTexts(defaults, ['Kód'])).to.deep.equal({ label: 'Kód', hint: undefined, empty: undefined });
  });
});

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

describe('cleanLabel and invisible format characters (\\p{Cf})', () => {
  it('drops zero-width spaces and joiners, soft hyphens, BOMs, word joiners and tag characters', () => {
    expect(cleanLabel('Pay\u200BPal\u00AD\uFEFF \u2060b\u200Co\u200Db\u180E\u{E0041}\u{E0042}\u{E007F}')).to.equal('PayPal bob');
    expect(cleanLabel('\uFEFFAcme\u200B')).to.equal('Acme');
  });

  it('keeps the joiners of emoji ZWJ sequences, which are one character to the reader', () => {
    for (const emoji of ['👩\u200D💻', '👩🏽\u200D💻', '❤\uFE0F\u200D🔥', '👨\u200D👩\u200D👧', '🏳\uFE0F\u200D🌈', '🧑\u200D🤝\u200D🧑']) {
      expect(cleanLabel(`${emoji} dev`), emoji).to.equal(`${emoji} dev`);
    }
  });

  it('drops a joiner that joins no two emoji', () => {
    for (const [value, cleaned] of [
      ['a\u200Db', 'ab'],
      ['👩\u200Db', '👩b'],
      ['a\u200D💻', 'a💻'],
      ['👩\u200D', '👩'],
      ['👩\u200D\u200D💻', '👩💻'],
      ['👩\u200B\u200D💻', '👩💻'],
    ]) {
      expect(cleanLabel(value), JSON.stringify(value)).to.equal(cleaned);
    }
  });

  it('drops tag characters even in a flag sequence: they are how hidden text is smuggled', () => {
    expect(cleanLabel('🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}')).to.equal('🏴');
  });

  it('leaves no format character behind, whatever the input', () => {
    let all = '';
    for (let point = 0; point <= 0xe01ef; point++) {
      if (point < 0xd800 || point > 0xdfff) all += String.fromCodePoint(point);
    }
    const left = cleanLabel(all).match(/[\p{Cc}\p{Cf}]/gu) ?? [];
    expect(left.map((char) => char.codePointAt(0)!.toString(16))).to.deep.equal([]);
  });
});

describe('format', () => {
  it('fills named placeholders and leaves unknown ones empty', () => {
    expect(format('{a} and {b}{c}', { a: 'x', b: 2 })).to.equal('x and 2');
  });

  it('does not interpret the values', () => {
    expect(format('{a}', { a: '{b}$&' })).to.equal('{b}$&');
  });

  it("writes numbers as the language writes them (Intl.NumberFormat)", () => {
    expect(format('{n}', { n: 1234 }, 'de')).to.equal('1.234');
    expect(format('{n}', { n: 6 }, 'ar')).to.equal(new Intl.NumberFormat('ar').format(6));
    expect(format('{n}', { n: 6 }, 'not a language tag')).to.equal('6');
  });

  it("chooses a count's plural form by Intl.PluralRules, # standing for the number", () => {
    const digits = '{n|one:# цифра|few:# цифры|other:# цифр}';
    expect([1, 3, 6, 21].map((n) => format(digits, { n }, 'ru'))).to.deep.equal(['1 цифра', '3 цифры', '6 цифр', '21 цифра']);
    expect(format('{n|one:# digit|other:# digits}', { n: 1 })).to.equal('1 digit');
    // A form the text lacks ("many" in Polish) takes `other`; a string value takes no form.
    expect(format('{n|one:# cyfra|few:# cyfry|other:# cyfr}', { n: 5 }, 'pl')).to.equal('5 cyfr');
    expect(format('{n|one:x|other:y}', { n: 'text' })).to.equal('text');
  });
});

describe('format and the prototype chain', () => {
  it("leaves a placeholder that names an Object.prototype member empty", () => {
    // Before: "function Object() { [native code] }" and friends.
    expect(format('{constructor}{toString}{hasOwnProperty}{__proto__}', {})).to.equal('');
  });

  it('ignores what a page put on Object.prototype', () => {
    expect(polluted({ evil: 'EVIL' }, () => format('a{evil}b', { issuer: 'x' }))).to.equal('ab');
  });
});

describe('mergeStrings', () => {
  const defaults = Object.freeze({ name: 'Name {issuer}', link: 'Link' });

  it('takes own string values of known keys, in part or in full', () => {
    expect(mergeStrings(defaults, { link: 'Lien' })).to.deep.equal({ name: 'Name {issuer}', link: 'Lien' });
    expect(mergeStrings(defaults, { name: '', link: 'Lien' })).to.deep.equal({ name: '', link: 'Lien' });
  });

  it('ignores values that are not strings, and unknown keys', () => {
    const merged = mergeStrings(defaults, { name: 5, link: { toString: () => 'x' }, extra: 'Extra' });
    expect(merged).to.deep.equal(defaults);
    expect(Object.keys(merged)).to.deep.equal(['name', 'link']);
    for (const value of [null, undefined, true, [], ['x']]) expect(mergeStrings(defaults, { link: value })).to.deep.equal(defaults);
  });

  it('takes anything as overrides without throwing', () => {
    for (const [index, overrides] of [undefined, null, 42, 'link', true, [], Object.create(null), () => 'x'].entries()) {
      expect(mergeStrings(defaults, overrides), `case ${index}`).to.deep.equal(defaults);
    }
  });

  it('ignores inherited values and getters', () => {
    expect(mergeStrings(defaults, Object.create({ link: 'Inherited' }))).to.deep.equal(defaults);
    const getter = Object.defineProperty({}, 'link', { get: () => { throw new Error('read'); }, enumerable: true });
    expect(mergeStrings(defaults, getter)).to.deep.equal(defaults);
  });

  it('changes nothing when Object.prototype is polluted', () => {
    const merged = polluted({ name: 'EVIL', link: 'EVIL', qrCode: { link: 'EVIL' } }, () => {
      const result = mergeStrings(defaults, {});
      return { own: Object.keys(result), name: result.name, link: result.link };
    });
    expect(merged).to.deep.equal({ own: ['name', 'link'], name: 'Name {issuer}', link: 'Link' });
  });

  it('returns a new object and leaves the defaults alone', () => {
    const source = { name: 'N', link: 'L' };
    const merged = mergeStrings(source, { link: 'X' });
    expect(merged).to.not.equal(source);
    expect(source.link).to.equal('L');
  });
});
