/** The element of B2C's TOTP verification page, loaded by the template's script. */
import '../elements/code-input/code-input.js';
export { registerTranslation } from '../elements/translation.js';
