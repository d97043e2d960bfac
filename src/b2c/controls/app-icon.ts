/** B2C's app icon control → `<totp-app-icon>`, before B2C's instruction line. */
import * as B2C from '../contract.js';
import type { Mount } from '../mount.js';
import { nonEmpty, stepOf, textOf, type Context } from './context.js';
import type { AppIconStrings } from '../../elements/app-icon/app-icon.js';

export function mountAppIcon(container: HTMLElement, { api, tenant, strings }: Context): Mount {
  const icon = document.createElement('totp-app-icon');
  // B2C's own links are the app's: keep them.
  icon.appStoreHref = container.querySelector(B2C.APP_ICON_CONTROL.appStore)?.getAttribute('href') ?? '';
  icon.playStoreHref = container.querySelector(B2C.APP_ICON_CONTROL.googlePlay)?.getAttribute('href') ?? '';
  // The element heads its step in place of B2C's title (hidden): a tenant's own title is the heading;
  // B2C's default sentence gives way to the kit's heading and its note that any app works.
  // B2C's badges' alt texts are English on every page seen (CONTRACT.md): the kit's own names the links.
  icon.step = stepOf(api, container);
  icon.strings = { ...nonEmpty<AppIconStrings>({ heading: tenant(textOf(container.querySelector(B2C.APP_ICON_CONTROL.title))) }), ...strings.appIcon };
  const instruction = container.querySelector(B2C.APP_ICON_CONTROL.instruction);
  return { element: icon, insert: () => (instruction ? instruction.before(icon) : container.append(icon)) };
}
