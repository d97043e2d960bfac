// The pseudo-locale of the layout checks: every English text accented (placeholders kept) and made
// 40 % longer in words that can break, between ⟦ ⟧ so that a text left out shows. Plain JavaScript:
// the element tests (test/elements/pseudo-locale.test.ts) and the page checks in Node
// (test/node/layout.test.mjs) use the same one.

const ACCENTS = { a: 'á', e: 'ê', i: 'ï', o: 'ø', u: 'ü', c: 'ç', n: 'ñ', s: 'š', y: 'ý', A: 'Å', E: 'É', I: 'Î', O: 'Ö', U: 'Û', C: 'Ç', N: 'Ñ', S: 'Š' };
const FILLER = ['ŵôŕď', 'ļöñĝ', 'ţêxţ', 'ƒïļļ', 'ẋýẑ'];

/** `text` accented outside its placeholders, and 40 % longer. */
export function pseudo(text) {
  const accented = text
    .split(/(\{[^}]*\})/)
    .map((part) => (part.startsWith('{') ? part : part.replace(/[a-zA-Z]/g, (letter) => ACCENTS[letter] ?? letter)))
    .join('');
  const extra = Math.ceil(text.length * 0.4);
  let filler = '';
  for (let i = 0; filler.length < extra; i++) filler += ` ${FILLER[i % FILLER.length]}`;
  return `⟦${accented}${filler}⟧`;
}

/** Every text of `strings` in the pseudo-locale, key by key. */
export const stretch = (strings) => Object.fromEntries(Object.entries(strings).map(([key, text]) => [key, pseudo(text)]));
