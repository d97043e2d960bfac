/**
 * The preview's chrome: a list of pages and states, switches for theme,
 * language, width and the kit, and one frame showing the chosen page.
 * The choice lives in the address (?view=…&theme=…) so that a view can be shared.
 */
import { LANGUAGES, isRightToLeft } from '../core/language.js';

const frame = document.getElementById('view') as HTMLIFrameElement;
const switches = document.querySelector<HTMLFormElement>('.switches')!;
const links = [...document.querySelectorAll<HTMLAnchorElement>('nav a')];
const title = document.getElementById('current-title')!;
const openLink = document.getElementById('open') as HTMLAnchorElement;
/** What the frame's page is told: the phones and tablet are emulated for the kit's scripts (b2c-origin.ts). */
const DISPLAY = ['theme', 'lang', 'kit', 'loading', 'device'] as const;
// B2C's pages come from the B2C stand-in, on another origin (src/build/plugins/b2c-stand-in.ts).
const b2cPort = document.querySelector<HTMLMetaElement>('meta[name="b2c-port"]')?.content;
const b2cOrigin = b2cPort ? `${location.protocol}//${location.hostname}:${b2cPort}` : location.origin;

// The language switch offers every language of the kit, each named in itself (Intl.DisplayNames), English first.
const languages = switches.querySelector<HTMLSelectElement>('select[name="lang"]')!;
for (const language of LANGUAGES.filter((code) => code !== 'en')) {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  const option = new Option(`${name}${isRightToLeft(language) ? ' (RTL)' : ''} · ${language}`, language);
  option.lang = language;
  languages.append(option);
}

/** A switch: a group of radio buttons or a select. */
const control = (name: string) => switches.elements.namedItem(name) as RadioNodeList | HTMLSelectElement;

const address = new URLSearchParams(location.search);
for (const name of DISPLAY) {
  const value = address.get(name);
  const known = [...switches.querySelectorAll<HTMLInputElement | HTMLOptionElement>(`[name="${name}"] option, input[name="${name}"]`)].some((item) => item.value === value);
  if (value !== null && known) control(name).value = value;
}
let view = address.get('view') ?? links[0].getAttribute('href')!;

function chosen(name: string): string {
  return control(name).value;
}

function show(): void {
  // B2C's pages from B2C's origin; the embedding examples from this one.
  const url = new URL(view, view.startsWith('/page-templates/') ? b2cOrigin : location.origin);
  for (const name of DISPLAY) url.searchParams.set(name, chosen(name));
  const src = url.origin === location.origin ? url.pathname + url.search : url.href;
  if (frame.getAttribute('src') !== src) frame.src = src;
  openLink.href = src;
  const device = switches.querySelector<HTMLInputElement>('input[name="device"]:checked')!;
  frame.style.setProperty('--preview-width', `${device.dataset.width}px`);
  for (const link of links) {
    if (link.getAttribute('href') === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  title.textContent = links.find((link) => link.getAttribute('href') === view)?.textContent ?? view;
  const state = new URLSearchParams({ view, ...Object.fromEntries(DISPLAY.map((name) => [name, chosen(name)])) });
  history.replaceState(null, '', `?${state}`);
}

for (const link of links) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    view = link.getAttribute('href')!;
    show();
  });
}
switches.addEventListener('change', show);
document.getElementById('reset')!.addEventListener('click', () => {
  void fetch('/__preview/reset', { method: 'POST' }).then(() => {
    document.getElementById('reset-status')!.textContent = 'The mock has forgotten every enrolled user.';
  });
});
show();
