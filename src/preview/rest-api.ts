/**
 * A mock of the REST-API TOTP sample's API (`azure-ad-b2c/samples`,
 * policies/custom-mfa-totp, source-code/AADB2C.MFA.TOTP/Controllers/IdentityController.cs,
 * read at 4aa77c94), for the preview's "REST-API sample" journey. Dev and test only.
 *
 * - Generate: a fresh 20-byte key, the otpauth URI the sample builds
 *   (`otpauth://totp/{prefix}:{user}?secret={base32}&period={step}&issuer={prefix}`:
 *   its format string puts {0}, the prefix, in `issuer=`), the QR image as the
 *   sample's BMP (ECC L, 4 px a module) in base64, and the secret encrypted
 *   (AES, then base64: the sample derives an AES-CBC key from a setting with
 *   PBKDF2; here AES-GCM with a key of this process). B2C keeps the encrypted
 *   secret in its state and on the user; the page never sees the key.
 * - Verify: decrypts, checks the code in a window of one step either side
 *   (Otp.Net's RfcSpecifiedNetworkDelay), and refuses the step that matched
 *   last (the `timeStepMatched` claim stored on the user), with the sample's
 *   exact messages. Like the sample, it compares with the last match only.
 */
import { bitmapQrCode } from './bmp.js';
import { decodeBase32, encodeBase32, verifyTotp } from './totp.js';

/** The sample's appsettings.json: TOTPAccountPrefix (its TOTPIssuer goes unused by its format string) and TOTPTimestep. */
export const REST_PREFIX = 'B2CDemo';
export const REST_PERIOD = 30;

export const REST_MESSAGES = {
  invalid: 'The verification code is invalid.',
  used: 'The verification code has already been used.',
} as const;

export interface Generated {
  /** The strongAuthenticationAppQRCodeBitmap claim. */
  readonly qrCodeBitmap: string;
  /** The extension_StrongAuthenticationAppSecretKey claim: encrypted, base64. */
  readonly secretKey: string;
  /** The URI the image is made of: what README's change to the sample returns as `otpauthUri`. */
  readonly otpauthUri: string;
}

export type Verified = { readonly ok: true; readonly timeStepMatched: string } | { readonly ok: false; readonly message: string };

export interface RestApi {
  generate(userName: string): Promise<Generated>;
  verify(totpCode: string, secretKey: string, timeStepMatched: string | undefined, unixSeconds: number): Promise<Verified>;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** The URI the sample's GetTotpUrl builds (Uri.EscapeDataString on the prefix; the user name as it is). */
export function sampleOtpauthUri(userName: string, secret: string, prefix = REST_PREFIX, period = REST_PERIOD): string {
  const escaped = encodeURIComponent(prefix);
  return `otpauth://totp/${escaped}:${userName}?secret=${secret}&period=${period}&issuer=${escaped}`;
}

export function createRestApi(): RestApi {
  const key = crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

  async function encrypt(text: string): Promise<string> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key, new TextEncoder().encode(text)));
    const out = new Uint8Array(iv.length + sealed.length);
    out.set(iv);
    out.set(sealed, iv.length);
    return toBase64(out);
  }

  async function decrypt(base64: string): Promise<string> {
    const bytes = fromBase64(base64);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12) }, await key, bytes.slice(12));
    return new TextDecoder().decode(plain);
  }

  return {
    async generate(userName) {
      const secret = encodeBase32(crypto.getRandomValues(new Uint8Array(20)));
      const otpauthUri = sampleOtpauthUri(userName, secret);
      return { qrCodeBitmap: bitmapQrCode(otpauthUri), secretKey: await encrypt(secret), otpauthUri };
    },
    async verify(totpCode, secretKey, timeStepMatched, unixSeconds) {
      let secret: string;
      try {
        secret = await decrypt(secretKey);
      } catch {
        return { ok: false, message: 'General error (REST API): the secret cannot be read.' };
      }
      const result = await verifyTotp(decodeBase32(secret), totpCode.trim(), unixSeconds, { period: REST_PERIOD });
      if (!result.ok) return { ok: false, message: REST_MESSAGES.invalid };
      if (timeStepMatched !== undefined && timeStepMatched === String(result.step)) return { ok: false, message: REST_MESSAGES.used };
      return { ok: true, timeStepMatched: String(result.step) };
    },
  };
}
