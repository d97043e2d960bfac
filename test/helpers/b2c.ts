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

/** Waits for the observer's microtask and every kit element's pending render. */
export async function settle(root: ParentNode): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  const elements = [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('totp-'));
  await Promise.all(elements.map((el) => (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete));
}

/** Removes every page a test made (call from afterEach). */
export function removePages(): void {
  for (const page of pages.splice(0)) page.remove();
  document.getElementById('api')?.remove();
}
