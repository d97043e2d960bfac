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
    'Download the Microsoft Authenticator using the download links for iOS and Android or use any other authenticator app of your choice.',
    'Scan the QR code',
    'You can download the Microsoft Authenticator app or use any other authenticator app of your choice.',
    "Can't scan? Try this",
    'Enter the account details manually',
    'Account Name',
    'Secret',
    'Still having trouble?',
  ],
};

/**
 * B2C's default messages for a code that cannot be retried now (localization-string-ids.md,
 * the TOTP and Entra MFA error messages): too many attempts or throttled, and the service down.
 */
const NO_RETRY: Readonly<Record<'locked' | 'unavailable', readonly string[]>> = {
  locked: ['Wrong code entered too many times, please try again later.', 'Your request has been throttled, please try again later.'],
  unavailable: ['Cannot use MFA service, please try again later.'],
};

/** The template's own messages of each kind, for a policy that changed B2C's (`errors` in #totp-kit-strings). */
export type ErrorKinds = Partial<Record<'locked' | 'unavailable', readonly string[]>>;

/** What a server error on the code means: B2C's defaults and the template's own lists tell; anything else is a wrong code. */
export function errorKindOf(message: string, kinds: ErrorKinds = {}): 'wrong' | 'locked' | 'unavailable' {
  const text = comparable(message);
  for (const kind of ['locked', 'unavailable'] as const) {
    if ([...NO_RETRY[kind], ...(kinds[kind] ?? [])].some((known) => comparable(known) === text)) return kind;
  }
  return 'wrong';
}

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
