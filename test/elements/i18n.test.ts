/**
 * Every language of the kit × every element and state: the texts come from the
 * language's module and none is left in English. The keys are the English
 * defaults' own, so a string added to an element without its translations
 * fails here, once per language that lacks it.
 * - every key of the English defaults has a text, with the same placeholders;
 * - nothing shown or spoken holds a stretch of an English default or an English
 *   word of them (the issuer, the account, the code and the server's message
 *   excepted, and the few words a language writes as English does: "code" in
 *   French, "account" in Dutch and Italian), a `{…}`, "undefined" or "NaN";
 * - right-to-left languages lay the elements out right to left, and the code and
 *   the secret left to right.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { qrCodeStrings } from '../../src/elements/qr-code/qr-code.js';
import { authenticatorInfoStrings } from '../../src/elements/authenticator-info/authenticator-info.js';
import { appIconStrings } from '../../src/elements/app-icon/app-icon.js';
import { codeInputStrings, type TotpCodeInputElement } from '../../src/elements/code-input/code-input.js';
import { registerTranslation, type Translation } from '../../src/elements/translation.js';
import { LANGUAGES, isRightToLeft } from '../../src/core/language.js';
import { translations } from '../../src/locales/index.js';
import { ACCOUNT, ISSUER, SECRET, SERVER_ERROR, STATES, textsOf, type Group } from '../helpers/kit-states.js';
import { serverQrStrings } from '../../src/b2c/controls/server-qr.js';

const ENGLISH: Record<Group, Record<string, string>> = {
  qrCode: { ...qrCodeStrings },
  authenticatorInfo: { ...authenticatorInfoStrings },
  appIcon: { ...appIconStrings },
  codeInput: { ...codeInputStrings },
};
const GROUPS = Object.keys(ENGLISH) as Group[];

/** A text's placeholders, by name (plural forms included): `{count|one:…}` is `count`. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)/g)].map((match) => match[1]))].sort();

/** The stretches of an English text between its placeholders that say something (four characters or more, with letters). */
const stretches = (text: string) =>
  text
    .split(/\{[^}]*\}/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length >= 4 && /\p{L}{3}/u.test(part));

const ENGLISH_STRETCHES = GROUPS.flatMap((group) => Object.values(ENGLISH[group]).flatMap(stretches));
/** The English defaults' words of four letters or more, but the names of products and keys. */
const ENGLISH_WORDS = new Set(
  GROUPS.flatMap((group) => Object.values(ENGLISH[group]))
    .join(' ')
    .replace(/\{[^}]*\}/g, ' ')
    .toLowerCase()
    .match(/\p{L}{4,}/gu),
);
for (const name of ['microsoft', 'authenticator', 'google', 'play', 'store', 'ctrl']) ENGLISH_WORDS.delete(name);

/** Words each language writes as English does: native words, not untranslated ones. */
const NATIVE: Readonly<Record<string, readonly string[]>> = {
  da: ['scan', 'format'],
  de: ['code', 'codes', 'format'],
  fr: ['code', 'codes', 'long', 'service', 'format', 'minutes'],
  hr: ['problem'],
  it: ['account'],
  ms: ['digit', 'format'],
  nl: ['code', 'codes', 'account', 'scan'],
  pl: ['format', 'problem'],
  'pt-br': ['continue', 'usual'],
  'pt-pt': ['continue'],
  ro: ['valid'],
};
/** Texts a language writes exactly as English does. */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = { fr: ['authenticatorInfo.issuer'] };

/** What in `texts` is English or unfilled, as readable lines. */
function problemsIn(texts: readonly string[], language: string): string[] {
  const problems: string[] = [];
  const native = new Set(NATIVE[language] ?? []);
  const same = new Set((SAME_AS_ENGLISH[language] ?? []).flatMap((path) => stretches(ENGLISH[path.split('.')[0] as Group][path.split('.')[1]])));
  for (const raw of texts) {
    const text = raw.replaceAll(ISSUER, ' ').replaceAll(ACCOUNT, ' ').replaceAll(SERVER_ERROR, ' ').replace(/\b[A-Z2-7]{4}\b/g, ' ');
    if (/[{}]/.test(text)) problems.push(`a placeholder shows: "${raw}"`);
    if (/\bundefined\b|\bNaN\b|\bnull\b/.test(text)) problems.push(`an empty value shows: "${raw}"`);
    for (const stretch of ENGLISH_STRETCHES) if (text.includes(stretch) && !same.has(stretch)) problems.push(`English "${stretch}" in "${raw}"`);
    for (const word of text.toLowerCase().match(/\p{Script=Latin}{4,}/gu) ?? []) {
      if (ENGLISH_WORDS.has(word) && !native.has(word)) problems.push(`English word "${word}" in "${raw}"`);
    }
  }
  return [...new Set(problems)];
}

const LOCALES = LANGUAGES.filter((language) => language !== 'en');

it('has a module for every language but English, and no other', () => {
  expect(Object.keys(translations).sort()).to.deep.equal([...LOCALES].sort());
});

for (const language of LOCALES) {
  describe(`${language}`, () => {
    let translation: Translation;
    before(async () => {
      translation = (await translations[language]()).default;
      registerTranslation(translation);
    });

    it("has every key of the English defaults, with the English text's placeholders", () => {
      expect(translation.language).to.equal(language);
      expect(translation.dir === 'rtl').to.equal(isRightToLeft(language));
      for (const group of GROUPS) {
        const texts = translation[group] as unknown as Record<string, unknown>;
        // In the English defaults' order: the template's build packs each group's values alone, in this order
        // (build/plugins/locales.ts), and the elements take the keys from their defaults (core/text.ts, unpackTexts).
        expect(Object.keys(texts), `${group}: the keys, in the English defaults' order`).to.deep.equal(Object.keys(ENGLISH[group]));
        for (const [key, english] of Object.entries(ENGLISH[group])) {
          const text = texts[key];
          expect(text, `${group}.${key}`).to.be.a('string').and.not.equal('');
          expect(placeholders(text as string), `${group}.${key}: placeholders`).to.deep.equal(placeholders(english));
          const letters = /\p{L}/u.test(english.replace(/\{[^}]*\}/g, ''));
          if (letters && !SAME_AS_ENGLISH[language]?.includes(`${group}.${key}`)) expect(text, `${group}.${key}: translated`).to.not.equal(english);
        }
      }
    });

    it("serverQr (the REST page's QR image, the bridge's own): every text, none in English", () => {
      const texts = translation.serverQr as unknown as Record<string, unknown>;
      expect(Object.keys(texts)).to.deep.equal(Object.keys(serverQrStrings));
      const values = Object.values(texts);
      for (const text of values) expect(text).to.be.a('string').and.not.equal('');
      expect(problemsIn(values as string[], language)).to.deep.equal([]);
      for (const [key, english] of Object.entries(serverQrStrings)) expect(texts[key], key).to.not.equal(english);
    });

    for (const group of GROUPS) {
      it(`${group}: no English, no placeholder left, in any state`, async () => {
        const problems: string[] = [];
        for (const state of STATES.filter((candidate) => candidate.group === group)) {
          const container = await fixture<HTMLDivElement>(html`<div lang=${language} dir=${isRightToLeft(language) ? 'rtl' : 'ltr'}></div>`);
          const element = await state.make(container);
          const texts = textsOf(element);
          expect(texts.length, `${state.name}: some text`).to.be.above(0);
          problems.push(...problemsIn(texts, language).map((problem) => `${state.name}: ${problem}`));
          container.remove();
        }
        expect(problems).to.deep.equal([]);
      });
    }

    if (isRightToLeft(language)) {
      it('lays the elements out right to left, the code and the secret left to right', async () => {
        const container = await fixture<HTMLDivElement>(html`<div lang=${language} dir="rtl"></div>`);
        for (const state of STATES.filter((candidate) => ['collapsed', 'empty'].includes(candidate.name))) await state.make(container);
        const info = container.querySelector('totp-authenticator-info')!;
        info.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
        await (info as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        const secret = info.shadowRoot!.querySelector('[part="secret"]')!;
        expect(getComputedStyle(info).direction).to.equal('rtl');
        expect(getComputedStyle(info.shadowRoot!.querySelector('dt')!).direction).to.equal('rtl');
        expect(getComputedStyle(secret).direction).to.equal('ltr');
        expect(secret.textContent!.replace(/\s/g, '')).to.contain(SECRET.slice(0, 4));
        const code = container.querySelector<TotpCodeInputElement>('totp-code-input')!;
        expect(getComputedStyle(code.input!).direction).to.equal('ltr');
        expect(getComputedStyle(code.querySelector('label')!).direction).to.equal('rtl');
        // The digits go left to right in the order typed.
        code.input!.value = '123';
        code.input!.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
        await code.updateComplete;
        expect(code.input!.value).to.equal('123');
      });
    }
  });
}
