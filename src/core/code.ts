/**
 * One-time codes as people really enter them: typed on any keyboard, pasted
 * with spaces or dashes, filled in by an IME in full-width or Arabic-Indic digits.
 */

/** What `normaliseCode` kept, and whether it dropped anything the user may have meant. */
export interface NormalisedCode {
  /** ASCII digits only, in the order they came. */
  digits: string;
  /** True when letters, punctuation or other symbols were dropped. */
  rejected: boolean;
}

// Dropped without a word: spaces of every kind (NBSP, newlines, tabs), hyphens
// and dashes (U+002D, U+2010-U+2015, U+2212) and invisible format characters
// (zero-width spaces, bidi marks) that copying from another app can bring along.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\p{Cf}]/gu;

/**
 * The digits of a code. NFKC turns full-width digits into ASCII; every other
 * Unicode decimal digit (Arabic-Indic, Persian, Devanagari…) becomes its ASCII
 * value. Idempotent.
 */
export function normaliseCode(raw: string): NormalisedCode {
  const text = raw
    .normalize('NFKC')
    .replace(SEPARATORS, '')
    // Unicode assigns decimal digits only in runs of ten, 0 to 9 in order, so
    // a digit's value is its distance from the start of its run.
    .replace(/\p{Nd}/gu, (digit) => {
      let point = digit.codePointAt(0)!;
      let value = 0;
      if (point < 58) return digit;
      while (/\p{Nd}/u.test(String.fromCodePoint(--point))) value++;
      return String(value % 10);
    });
  const digits = text.replace(/\D/g, '');
  return { digits, rejected: digits.length < text.length };
}

/** The number of digits a code has: `length` when it is a whole number from 4 to 10, otherwise 6. */
export function codeDigits(length: unknown): number {
  return Number.isInteger(length) && (length as number) >= 4 && (length as number) <= 10 ? (length as number) : 6;
}
