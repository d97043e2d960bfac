/** B2C's app icon control → `<totp-app-icon>`, before B2C's instruction line. */
import * as B2C from '../contract.js';
import type { Mount } from '../mount.js';
import type { Context } from './context.js';

export function mountAppIcon(container: HTMLElement, { strings }: Context): Mount {
  const icon = document.createElement('totp-app-icon');
  // B2C's own links are the app's: keep them, and its title, which already says any app works.
  icon.appStoreHref = container.querySelector(B2C.APP_ICON_CONTROL.appStore)?.getAttribute('href') ?? '';
  icon.playStoreHref = container.querySelector(B2C.APP_ICON_CONTROL.googlePlay)?.getAttribute('href') ?? '';
  // B2C's badges' alt texts are English on every page seen (CONTRACT.md): the kit's own names the links.
  icon.strings = { otherApps: '', ...strings.appIcon };
  const instruction = container.querySelector(B2C.APP_ICON_CONTROL.instruction);
  return { element: icon, insert: () => (instruction ? instruction.before(icon) : container.append(icon)) };
}
