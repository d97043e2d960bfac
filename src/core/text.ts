/**
 * Text hygiene for values that come from claims. Labels embed the user's own
 * e-mail or user name, so they are treated as hostile text: they are only ever
 * rendered as text nodes, and before that they lose what could disguise them.
 */

// Controls (C0, DEL, C1) and every invisible format character (\p{Cf}): the
// bidi embeddings, overrides, isolates and marks that could reorder the text
// around a label, zero-width spaces and joiners, soft hyphens, BOMs, word
// joiners, and the tag characters that can smuggle text no one sees. One
// exception: the zero-width joiner of an emoji ZWJ sequence (👩‍💻, ❤️‍🔥),
// which is part of one visible character (UAX #29 GB11) and cannot disguise
// letters; tag characters go even from a flag sequence (🏴 stays).
const INVISIBLE = /(\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})?\u200D)(?=\p{Extended_Pictographic})|[\p{Cc}\p{Cf}]/gu;

/** A claim value made safe to show as a label: well formed, no controls or format characters, trimmed. */
export function cleanLabel(value: string): string {
  return value.toWellFormed().replace(INVISIBLE, '$1').trim();
}

/** `make(language)`, or `make('en')` where `language` is no language tag Intl knows. */
function intl<T>(make: (language: string) => T, language: string): T {
  try {
    return make(language);
  } catch {
    return make('en');
  }
}

/**
 * Fills `{name}` placeholders of a localisable template from the own values of
 * `values`. Unknown names become empty: `{constructor}` is not Object's. Numbers
 * are written as `language` writes them (Intl.NumberFormat), and a number's
 * plural forms are chosen by Intl.PluralRules: `{count|one:# digit|other:# digits}`,
 * `#` standing for the number (forms: zero, one, two, few, many, other; `other`
 * where the one chosen is missing).
 */
export function format(template: string, values: Record<string, string | number>, language = 'en'): string {
  return template.replace(/\{(\w+)((?:\|\w+:[^|{}]*)*)\}/g, (_, name: string, forms: string) => {
    if (!Object.hasOwn(values, name)) return '';
    const value = values[name];
    if (typeof value !== 'number') return String(value);
    const number = intl((tag) => new Intl.NumberFormat(tag), language).format(value);
    if (!forms) return number;
    const form = (category: string) => forms.split(`|${category}:`)[1]?.split('|')[0];
    return (form(intl((tag) => new Intl.PluralRules(tag), language).select(value)) ?? form('other') ?? '').replace(/#/g, number);
  });
}

/**
 * An element's texts: `defaults`, with each key that `overrides` holds as an
 * own string value replaced. Anything else (a number, an object, a getter, an
 * unknown key, a value inherited from a polluted Object.prototype, overrides
 * that are not an object) is ignored, so a page's texts can neither make
 * a render throw nor smuggle in values the page did not set.
 */
export function mergeStrings<T extends object>(defaults: T, overrides: unknown): T {
  const merged = { ...defaults };
  // Only an object: a function's own `name` is not a text.
  const source = Object(typeof overrides === 'object' && overrides) as object;
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    // A descriptor rather than a read: no getter runs, nothing inherited counts.
    const value: unknown = Object.getOwnPropertyDescriptor(source, key)?.value;
    if (typeof value === 'string') merged[key] = value as T[keyof T];
  }
  return merged;
}

/**
 * A language's texts of a group, by `defaults`' keys: as its module writes them,
 * or as the template's build packs them (the values alone, in the order of
 * `defaults`' keys: build/plugins/locales.ts).
 */
export function unpackTexts(defaults: object, texts: unknown): unknown {
  return Array.isArray(texts) ? Object.fromEntries(Object.keys(defaults).map((key, index) => [key, texts[index] as unknown])) : texts;
}

/**
 * `next` as a live region must hold it to be announced: screen readers say a
 * region's text only when it changes, so a message equal to the `current` one
 * gains a trailing no-break space (and loses it the time after).
 */
export function freshMessage(next: string, current: string): string {
  return next === current ? `${next}\u00a0` : next;
}
