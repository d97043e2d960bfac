/**
 * b2c-totp-kit: every element, defined on import. The entry of the
 * self-contained bundle for a `<script type="module">` from a CDN or template.
 */
export * from './elements/qr-code/qr-code.js';
export * from './elements/authenticator-info/authenticator-info.js';
export * from './elements/app-icon/app-icon.js';
export * from './elements/code-input/code-input.js';
export { registerTranslation, type Translation } from './elements/translation.js';
