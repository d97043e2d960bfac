/**
 * The mounts of B2C's enrollment page (QR code, account details, app links): the
 * bridge loads them with the page's elements, in the same request, so the
 * verification page, which every sign-in shows, never downloads them.
 */
export { mountQrCode } from './qr-code.js';
export { mountAuthenticatorInfo } from './authenticator-info.js';
export { mountAppIcon } from './app-icon.js';
