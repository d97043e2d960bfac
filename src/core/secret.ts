/** How a shared secret is shown and copied. DOM-free. */
import { cleanLabel } from './text.js';

const BASE32 = /^[A-Z2-7]+$/;

export interface DisplaySecret {
  /**
   * What is shown and copied: for a valid Base32 secret, uppercased without
   * spaces or `=` padding (apps accept either case; some fail on lowercase);
   * otherwise the value given, less controls and invisible format characters.
   */
  readonly text: string;
  /** `text` cut into groups of four for reading; joined they give `text` back. */
  readonly groups: readonly string[];
  /** Whether the secret is Base32 (RFC 4648, padding omitted) that apps accept. */
  readonly valid: boolean;
}

/** Normalises a Base32 secret: uppercase, no spaces, no padding. Returns '' when it is not Base32. */
export function normaliseBase32(secret: string): string {
  const candidate = secret.replace(/\s+/g, '').replace(/=+$/, '').toUpperCase();
  return BASE32.test(candidate) ? candidate : '';
}

export function displaySecret(secret: string): DisplaySecret {
  // Without controls and format characters, as labels are: a U+202E inside the
  // secret would show it reversed while Copy wrote the original order.
  const clean = cleanLabel(secret);
  const normalised = normaliseBase32(clean);
  const text = normalised || clean;
  const chars = Array.from(text); // by code point, so no surrogate pair is split
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += 4) groups.push(chars.slice(i, i + 4).join(''));
  return { text, groups, valid: normalised !== '' };
}
