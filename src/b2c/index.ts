/**
 * The script a B2C page template loads (`<script defer>` in `<head>`): the
 * bridge, which loads the elements a page needs once B2C shows it. The TOTP
 * template serves both B2C's enrollment page (QR code, account details, app
 * links) and its verification page (the code); the verification page is the
 * one every sign-in sees, and it never downloads the QR encoder.
 */
import { readOptions, startBridge, type KitTag } from './bridge.js';

startBridge(document, {
  ...readOptions(document),
  load: (tag: KitTag) =>
    Promise.all([
      // The page's module imports the shared one (Lit): ask for both at once, not one after the other.
      import('../elements/define.js'),
      tag === 'totp-code-input' ? import('./verification.js') : import('./enrollment.js'),
    ]),
});
