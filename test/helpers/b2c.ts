/** B2C pages for tests: the preview's fixtures rendered into a fresh #api, with the bridge on it. */
import { renderPage, type B2CPage, type PageValues } from '../../src/preview/fixtures.js';
import { startBridge, type BridgeOptions } from '../../src/b2c/bridge.js';

export const ENROLL_URI = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';
export const ENROLL_VALUES: PageValues = { uri: ENROLL_URI, identifier: 'emily@fabrikam.com', secret: 'fay2lj7ynpntjgqa' };

export interface B2CTestPage {
  readonly api: HTMLElement;
  /** Stops the bridge and removes the page. */
  readonly remove: () => void;
}

const pages: B2CTestPage[] = [];

// The bridge loads the page modules that mount its controls when a page first needs them (bridge.ts,
// `onDemand`), one task after it finds the control. They are loaded here once, so that `settle` finds a
// page upgraded in every test as in the one that ran first; the built pages load them as B2C's do (test/node).
await Promise.all([import('../../src/b2c/controls/enrollment-mounts.js'), import('../../src/b2c/controls/sent-code.js'), import('../../src/b2c/controls/server-qr.js')]);

/** Adds `<div id="api">` to the document and renders `page` into it, as B2C does. */
export async function b2cPage(page: B2CPage, values: PageValues = ENROLL_VALUES): Promise<HTMLElement> {
  const api = document.createElement('div');
  api.id = 'api';
  document.body.append(api);
  await renderPage(api, page, values);
  return api;
}

/** A B2C page with the bridge started on it; settles Lit's first renders before returning. */
export async function bridgedPage(page: B2CPage, values: PageValues = ENROLL_VALUES, options: BridgeOptions = {}): Promise<B2CTestPage> {
  const api = await b2cPage(page, values);
  const stop = startBridge(document, options);
  const result = { api, remove: () => (stop(), api.remove()) };
  pages.push(result);
  await settle(api);
  return result;
}

/**
 * Waits for the observer's microtask, the bridge's page modules (a dynamic import resolves a task or
 * more later, even once loaded) and every kit element's pending render: until the kit's elements and
 * B2C's upgraded nodes stay the same for three rounds of 20 ms in a row (Chromium resolves the bridge's
 * first import() of a loaded module some 15 ms later).
 */
export async function settle(root: ParentNode): Promise<void> {
  const state = () => [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('totp-') || el.hasAttribute('data-totp-kit'));
  let last: Element[] = [];
  for (let steady = 0, round = 0; steady < 3 && round < 50; round++) {
    await new Promise((resolve) => setTimeout(resolve, round === 0 ? 0 : 20));
    const now = state();
    await Promise.all(now.map((el) => (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete));
    steady = now.length === last.length && now.every((el, i) => el === last[i]) ? steady + 1 : 0;
    last = now;
  }
}

/** Removes every page a test made (call from afterEach). */
export function removePages(): void {
  for (const page of pages.splice(0)) page.remove();
  document.getElementById('api')?.remove();
}
