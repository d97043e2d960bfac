import { html, nothing, svg } from 'lit/html.js';
import { KitElement, type PropertyValues } from '../kit-element.js';
import { detectPlatform, readPlatformHints, type Platform } from '../../core/platform.js';
import { format } from '../../core/text.js';
import { languageOf, localTexts } from '../translation.js';
import { defineElement } from '../define.js';
import { styles } from './app-icon.styles.js';
import { visuallyHidden } from '../visually-hidden.styles.js';
import { stepHeading, stepStyles } from '../step.js';

/** Every visible or spoken text of `<totp-app-icon>`; `{app}` and `{host}` are filled in. */
export interface AppIconStrings {
  appStore: string;
  googlePlay: string;
  /** Added to a page's link that leads elsewhere than the store's own site: `{host}` is where it leads. */
  host: string;
  /** Appended to each link's name: the links open a new tab, so the sign-in page stays. */
  newTab: string;
  /** The app's name with `app="any"` and no `app-name`. */
  anyName: string;
  /** The note on desktops, beside a named app's links. */
  otherApps: string;
  /** The note with `app="any"`. */
  anyApp: string;
  /** The step's heading (with `step`). */
  heading: string;
}

// A no-break space holds each store's name together on a narrow phone.
export const appIconStrings: AppIconStrings = {
  appStore: 'Get {app} on the App\u00a0Store',
  googlePlay: 'Get {app} on Google\u00a0Play',
  host: '({host})',
  newTab: '(opens in a new tab)',
  anyName: 'an authenticator app',
  otherApps: 'Any other authenticator app works too.',
  anyApp: 'Any authenticator app works.',
  heading: 'Get an authenticator app',
};

/** A built-in app, or `any` for a generic authenticator app. */
export type AuthenticatorApp = 'microsoft' | 'google' | 'any';

/** Where store links are chosen for: `auto` detects it from the browser. */
export type AppIconPlatform = 'auto' | Platform;

const STORE = 'https://apps.apple.com/app/';
const PLAY = 'https://play.google.com/store/apps/details?id=';

// [name, App Store, Google Play, the symbol drawn on the phone's screen]
// Drawings of the kit's own: no trademarked logo, and no padlock or shield
// that could pass for a browser's security indicator (NIST SP 800-63B).
const APPS = {
  microsoft: ['Microsoft Authenticator', `${STORE}microsoft-authenticator/id983156458`, `${PLAY}com.azure.authenticator`,
    svg`<circle cx="12" cy="10" r="2"/><path d="M9 15.5a3 3 0 0 1 6 0"/>`],
  google: ['Google Authenticator', `${STORE}google-authenticator/id388497605`, `${PLAY}com.google.android.apps.authenticator2`,
    svg`<circle cx="12" cy="12" r="3.5"/><path d="M12 10v2l1.5 1"/>`],
  any: ['', '', '', svg`<path d="M9.5 12h0M12 12h0M14.5 12h0"/>`],
} as const;

/** A page's store link: its href, and its host where that is not the store's own. */
type StoreLink = readonly [href: string, otherHost?: string];

/**
 * An `https:` URL without a user name or password, as the URL parser
 * serialises it; undefined, with a warning, for anything else.
 * `https://apps.apple.com@evil.example/` goes to evil.example, so credentials
 * are refused; any other host than `store`'s is named in the link (a
 * look-alike IDN shows as its `xn--` form).
 */
function storeLink(value: unknown, attribute: string, store: string): StoreLink | undefined {
  if (!value) return undefined;
  try {
    // A string only: an object's toString() is the page's code, not a link.
    if (typeof value !== 'string') throw new TypeError();
    const url = new URL(value);
    if (url.protocol === 'https:' && !url.username && !url.password) return [url.href, url.host === store ? undefined : url.host];
  } catch {
    // not a URL: warned below
  }
  // Never echo the value: it came from the page and goes to a console others read.
  console.warn(`<totp-app-icon>: ${attribute} ignored; only https: links without credentials are allowed.`);
  return undefined;
}

/**
 * iOS gets the App Store link, Android Google Play, a desktop both and a note
 * that any authenticator app works. Links open in a new tab so that the
 * sign-in page, and the setup code on it, stay where they are.
 *
 * @summary An authenticator app's icon with its store links, chosen for the
 * device: B2C's AuthenticatorAppIconControl.
 * @slot icon - An image to show instead of the built-in drawing; it is decorative.
 * @csspart icon - The icon's box.
 * @csspart link - Each store link.
 * @csspart app-store - The App Store link (also `link`).
 * @csspart google-play - The Google Play link (also `link`).
 * @csspart note - The note that other apps work too.
 * @csspart heading - The step's heading (with `step`).
 * @csspart step - The step's number in the heading.
 * @cssprop [--totp-app-icon-size=3rem] - Width and height of the icon.
 * @cssprop [--totp-app-icon-color=currentColor] - Colour of the built-in drawing.
 * @cssprop [--totp-app-icon-gap=0.75rem] - Space between the icon and the links.
 * @cssprop [--totp-app-icon-link-color=inherit] - Colour of the links.
 */
export class TotpAppIconElement extends KitElement {
  static override styles = [visuallyHidden, stepStyles, styles];
  static override properties = {
    app: {},
    appName: { attribute: 'app-name' },
    appStoreHref: { attribute: 'app-store-href' },
    playStoreHref: { attribute: 'play-store-href' },
    platform: {},
    step: { type: Number },
    strings: { type: Object },
  };

  /** The app: `microsoft`, `google` or `any`. Other values mean `microsoft`. */
  app: AuthenticatorApp = 'microsoft';

  /** The app's name, replacing the built-in one. */
  appName = '';

  /** The App Store link, replacing the built-in one; `https:` only, without credentials; another host than apps.apple.com is named. */
  appStoreHref = '';

  /** The Google Play link, replacing the built-in one; `https:` only, without credentials; another host than play.google.com is named. */
  playStoreHref = '';

  /** The device to choose links for: `auto`, `ios`, `android` or `desktop`. */
  platform: AppIconPlatform = 'auto';

  /** The number of this part of a set-up (B2C's enrollment page: 1); 0 for no heading. */
  step = 0;

  /** Texts that replace the English defaults, in part or in full (JSON in the attribute); only strings of known keys count. */
  strings: Partial<AppIconStrings> = {};

  #appStore?: StoreLink;
  #googlePlay?: StoreLink;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('appStoreHref')) this.#appStore = storeLink(this.appStoreHref, 'app-store-href', 'apps.apple.com');
    if (changed.has('playStoreHref')) this.#googlePlay = storeLink(this.playStoreHref, 'play-store-href', 'play.google.com');
  }

  protected override render() {
    const text = localTexts(this, 'appIcon', appIconStrings, this.strings);
    const any = this.app === 'any';
    const [name, appStore, googlePlay, symbol] = APPS[any || this.app === 'google' ? this.app : 'microsoft'];
    const platform = ['ios', 'android', 'desktop'].includes(this.platform) ? this.platform : detectPlatform(readPlatformHints());
    const app = (typeof this.appName === 'string' && this.appName.trim()) || name || text.anyName;
    // A page may blank the note (the B2C bridge does where B2C's own title says it).
    const note = any ? text.anyApp : text.otherApps;
    const link = ([href, host]: StoreLink, label: string, part: string) =>
      href
        ? html`<a part="link ${part}" href=${href} target="_blank" rel="noopener noreferrer"
            >${format(label, { app }, languageOf(this))}${host ? ` ${format(text.host, { host }, languageOf(this))}` : ''}<span class="sr"> ${text.newTab}</span></a>`
        : nothing;
    return html`${stepHeading(this, this.step, text.heading)}<div class="app">
      <span part="icon" aria-hidden="true"><slot name="icon"
        ><svg viewBox="0 0 24 24"><rect x="6" y="2" width="12" height="20" rx="2"/>${symbol}</svg></slot
      ></span>
      <div>
        ${platform === 'android' ? nothing : link(this.#appStore ?? [appStore], text.appStore, 'app-store')}
        ${platform === 'ios' ? nothing : link(this.#googlePlay ?? [googlePlay], text.googlePlay, 'google-play')}
        ${note && (any || platform === 'desktop') ? html`<p part="note">${note}</p>` : nothing}
      </div>
    </div>`;
  }
}

defineElement('totp-app-icon', TotpAppIconElement);

declare global {
  interface HTMLElementTagNameMap {
    'totp-app-icon': TotpAppIconElement;
  }
}
