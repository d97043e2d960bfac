/**
 * Which of B2C's texts the kit shows. A tenant's own wording (a policy's
 * localised string) wins; B2C's defaults give way to the kit's texts, which say
 * more ("Can't scan the code? Enter the details manually" rather than "Still
 * having trouble?") in the page's language. B2C publishes its defaults in
 * English only (CONTRACT.md, "Strings"): in another language the kit cannot
 * tell a tenant's text from B2C's default, so it keeps B2C's. DOM-free.
 */

/** B2C's default texts of the TOTP controls that a policy can change (localization-string-ids.md; Capture E). */
const DEFAULTS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'Scan the QR code',
    "Can't scan? Try this",
    'Enter the account details manually',
    'Account Name',
    'Secret',
    'Still having trouble?',
  ],
};

/** `text` without a trailing colon and surrounding space, lowercased, for comparing: B2C writes "Account Name:". */
const comparable = (text: string) => text.replace(/\s*:\s*$/, '').trim().toLowerCase();

/**
 * B2C's `text` if a tenant wrote it, or undefined where it is B2C's default (in
 * the page's `language` or in English, which B2C falls back to) or empty.
 */
export function tenantText(text: string, language: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const primary = language.toLowerCase().split('-')[0];
  const defaults = [...(DEFAULTS[primary] ?? []), ...DEFAULTS.en].map(comparable);
  return defaults.includes(comparable(trimmed)) ? undefined : trimmed;
}
