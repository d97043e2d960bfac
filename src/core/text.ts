/**
 * Text hygiene for values that come from claims. Labels embed the user's own
 * e-mail or user name, so they are treated as hostile text: they are only ever
 * rendered as text nodes, and before that they lose what could disguise them.
 */

// C0 and C1 controls, and the bidi embeddings, overrides, isolates and marks
// that could reorder the text around a label (U+061C, U+200E-U+200F,
// U+202A-U+202E, U+2066-U+2069).
const INVISIBLE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A claim value made safe to show as a label: well formed, no controls, trimmed. */
export function cleanLabel(value: string): string {
  return value.toWellFormed().replace(INVISIBLE_CONTROLS, '').trim();
}

/**
 * Fills `{name}` placeholders of a localisable template from the own values of
 * `values`. Unknown names become empty: `{constructor}` is not Object's.
 */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : ''));
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
  const source = Object(typeof overrides == 'object' && overrides);
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    // A descriptor rather than a read: no getter runs, nothing inherited counts.
    const value = Object.getOwnPropertyDescriptor(source, key)?.value;
    if (typeof value == 'string') merged[key] = value as T[keyof T];
  }
  return merged;
}
