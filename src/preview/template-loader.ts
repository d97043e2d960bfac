/**
 * B2C's loader in the stand-in (b2c-origin.ts, `loading=loader` or `bare`): it
 * fetches the customer's template from its origin with CORS, as B2C's page does,
 * and makes it the page: the head's elements are adopted and its scripts
 * re-created so that they run (a parsed script never does). Re-created scripts
 * are async, whatever `defer` said; with `bare`, only `src` is kept, so a
 * `type="module"` script runs as a classic one. URLs are kept as written: a
 * relative one resolves against this origin and fails, as it does on B2C.
 */
const config = document.querySelector<HTMLMetaElement>('meta[name="b2c-template"]')!;
const bare = config.dataset.loading === 'bare';
const kit = config.dataset.kit !== 'off';

function recreate(original: HTMLScriptElement): HTMLScriptElement {
  const script = document.createElement('script');
  if (bare) {
    const src = original.getAttribute('src');
    if (src !== null) script.setAttribute('src', src);
  } else {
    for (const { name, value } of original.attributes) script.setAttribute(name, value);
  }
  script.text = original.text;
  return script;
}

async function load(): Promise<void> {
  const response = await fetch(config.content, { mode: 'cors', credentials: 'omit' });
  if (!response.ok) throw new Error(`the template answered ${response.status}`);
  const template = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const node of [...template.head.childNodes]) {
    if (node instanceof HTMLScriptElement) {
      if (kit) document.head.append(recreate(node));
    } else if (!(node instanceof HTMLMetaElement && node.getAttribute('charset')) && (kit || !(node instanceof HTMLLinkElement && node.rel === 'modulepreload'))) {
      document.head.append(document.importNode(node, true));
    }
  }
  document.body.replaceChildren(...[...template.body.childNodes].map((node) => document.importNode(node, true)));
  performance.mark('b2c:template-in-page');
}

void load();

export {}; // a module: its names stay its own
