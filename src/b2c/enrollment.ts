/** The elements of B2C's TOTP enrollment page, loaded together by the template's script. */
import '../elements/qr-code/qr-code.js';
import '../elements/authenticator-info/authenticator-info.js';
import '../elements/app-icon/app-icon.js';
export { registerTranslation } from '../elements/translation.js';
