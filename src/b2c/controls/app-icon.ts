/** B2C's app icon control → `<totp-app-icon>`, before B2C's instruction line. */
import * as B2C from '../contract.js';
import { MARKER, sheetOnce, type Mount } from '../mount.js';
import { nonEmpty, tenantTexts, stepOf, textOf, type Context } from './context.js';
import type { AppIconStrings } from '../../elements/app-icon/app-icon.js';

// B2C's default sentence and its badge links give way to the element (B2C's last line stays).
const hideReplaced = sheetOnce(`.authenticatorIconControlContent[${MARKER}] > :is([id$="-title"], a) { display: none !important }`);

export function mountAppIcon(container: HTMLElement, context: Context): Mount {
  hideReplaced(container.ownerDocument);
  const { api, strings } = context;
  const tenant = tenantTexts(context);
  const icon = document.createElement('totp-app-icon');
  // B2C's own links are the app's: keep them.
  icon.appStoreHref = container.querySelector(B2C.APP_ICON_CONTROL_PARTS.appStore)?.getAttribute('href') ?? '';
  icon.playStoreHref = container.querySelector(B2C.APP_ICON_CONTROL_PARTS.googlePlay)?.getAttribute('href') ?? '';
  // The element heads its step in place of B2C's title (hidden): a tenant's own title is the heading;
  // B2C's default sentence gives way to the kit's heading and its note that any app works.
  // B2C's badges' alt texts are English on every page seen (CONTRACT.md): the kit's own names the links.
  icon.step = stepOf(api, container);
  icon.strings = { ...nonEmpty<AppIconStrings>({ heading: tenant(textOf(container.querySelector(B2C.APP_ICON_CONTROL_PARTS.title))) }), ...strings.appIcon };
  const instruction = container.querySelector(B2C.APP_ICON_CONTROL_PARTS.instruction);
  return { element: icon, insert: () => (instruction ? instruction.before(icon) : container.append(icon)) };
}
