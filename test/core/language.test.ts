import { expect } from '@open-wc/testing';
import { LANGUAGES, isRightToLeft, matchLanguage } from '../../src/core/language.js';

describe('matchLanguage', () => {
  it('takes the kit language a tag names, in any case', () => {
    expect(matchLanguage('de')).to.equal('de');
    expect(matchLanguage('pt-BR')).to.equal('pt-br');
    expect(matchLanguage('PT-pt')).to.equal('pt-pt');
    expect(matchLanguage('zh-Hant')).to.equal('zh-hant');
    expect(matchLanguage('zh-hans')).to.equal('zh-hans');
  });

  it("falls back to the longest prefix, then the language's other names", () => {
    expect(matchLanguage('de-AT')).to.equal('de');
    expect(matchLanguage('pt')).to.equal('pt-br');
    expect(matchLanguage('zh-Hant-TW')).to.equal('zh-hant');
    expect(matchLanguage('zh-TW')).to.equal('zh-hant');
    expect(matchLanguage('zh-HK')).to.equal('zh-hant');
    expect(matchLanguage('zh-CN')).to.equal('zh-hans');
    expect(matchLanguage('zh')).to.equal('zh-hans');
    expect(matchLanguage('no')).to.equal('nb');
    expect(matchLanguage('nb-NO')).to.equal('nb');
    expect(matchLanguage('nn')).to.equal('nb');
    expect(matchLanguage('iw')).to.equal('he');
    expect(matchLanguage('en_GB')).to.equal('en');
  });

  it('gives English for an unknown, empty or missing tag', () => {
    for (const tag of ['cy', 'x-klingon', '', '  ', undefined, null, '*']) expect(matchLanguage(tag)).to.equal('en');
  });

  it('chooses among the languages it is given', () => {
    expect(matchLanguage('pt-BR', ['pt-pt'])).to.equal('en');
    expect(matchLanguage('de-CH', ['de-ch', 'de'])).to.equal('de-ch');
  });

  it("covers B2C's 36 user-flow languages (language-customization.md), Arabic and Hebrew", () => {
    const b2c = 'bn cs da de el en es fi fr gu hi hr hu it ja kn ko ml mr ms nb nl pa pl pt-br pt-pt ro ru sk sv ta te th tr zh-hans zh-hant'.split(' ');
    expect(b2c).to.have.length(36);
    expect([...LANGUAGES].sort()).to.deep.equal([...b2c, 'ar', 'he'].sort());
  });
});

describe('isRightToLeft', () => {
  it('is true for Arabic and Hebrew, whatever the region, and false for the others', () => {
    for (const tag of ['ar', 'ar-SA', 'he', 'HE-il', 'iw']) expect(isRightToLeft(tag), tag).to.equal(true);
    for (const tag of LANGUAGES.filter((language) => !['ar', 'he'].includes(language))) expect(isRightToLeft(tag), tag).to.equal(false);
    expect(isRightToLeft('arn')).to.equal(false);
  });
});
