// QR encode-and-render time: ours beside wa-qr-code and @bitjson/qr-code, each
// alone in a page, measured the same way (see measureInPage).
import { frameHelpersScript } from './in-page.mjs';
import { median, percentile } from './stats.mjs';

/** How each library is loaded, and sized alike: 208 px (13rem, as on the template), error correction M where it can be chosen. */
export const QR_LIBRARIES = {
  ours: { script: '<script type="module" src="/bundles/kit.js"></script>', element: '<totp-qr-code error-correction="M" style="--totp-qr-code-size:208px"></totp-qr-code>' },
  'wa-qr-code': { script: '<script type="module" src="/bundles/wa-qr-code.js"></script>', element: '<wa-qr-code size="208" error-correction="M"></wa-qr-code>' },
  // Always error correction H (the library hard-codes it): larger symbols than the others draw.
  '@bitjson/qr-code': { script: '<script src="/bitjson/qr-code.js"></script>', element: '<qr-code style="display:block;width:208px;height:208px"></qr-code>' },
};

export const qrPage = (library) =>
  `<!doctype html><html><head><meta charset="utf-8">${frameHelpersScript}${QR_LIBRARIES[library].script}</head><body>${QR_LIBRARIES[library].element}</body></html>`;

/** An otpauth URI of exactly `length` characters, unique per `seed` so that every run encodes anew. */
export function uriOfLength(length, seed) {
  const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let secret = '';
  for (let rest = seed; secret.length < 16; rest = Math.floor(rest / 32)) secret += BASE32[rest % 32];
  const base = `otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=${secret}&issuer=Contoso+demo&pad=`;
  return base + 'x'.repeat(Math.max(0, length - base.length));
}

/**
 * Runs in the page. For each URI, just after a frame was painted, sets the
 * value (as a task, like data arriving), waits for the library's own
 * "rendered" signal, forces style and layout, and stops the clock: `renderMs`. A
 * requestAnimationFrame loop started before the value was set then finds the
 * first frame after whose paint the output was in place: `frames` (1 = the
 * very next frame), `toPaintMs` (including the wait for that frame).
 * The signals: Lit's updateComplete for ours and wa-qr-code (which draws its
 * canvas synchronously in `updated()`); @bitjson/qr-code's `codeRendered`
 * event (Stencil renders in a requestAnimationFrame callback).
 */
async function measureInPage(library, uris, warmUp) {
  const el = document.body.firstElementChild;
  // Each sets the value and returns a promise of the library's own "rendered" signal.
  const litElement = (value) => {
    el.value = value;
    return el.updateComplete;
  };
  const show = {
    ours: litElement,
    'wa-qr-code': litElement,
    '@bitjson/qr-code': (value) => {
      const rendered = new Promise((resolve) => el.addEventListener('codeRendered', resolve, { once: true }));
      el.contents = value;
      return rendered;
    },
  }[library];
  const { afterPaint, firstPaintWhere } = window.benchFrames;
  if (library === '@bitjson/qr-code') await el.componentOnReady();
  const runs = [];
  await afterPaint(); // and each run ends just after a paint too
  for (const [index, uri] of uris.entries()) {
    let renderedAt;
    const painted = firstPaintWhere(() => renderedAt !== undefined);
    const start = performance.now();
    await show(uri);
    el.getBoundingClientRect();
    renderedAt = performance.now();
    const { at, frames } = await painted;
    if (index >= warmUp) runs.push({ renderMs: renderedAt - start, toPaintMs: at - start, frames });
  }
  return runs;
}

/** Opens each library's page and measures `runs` renders per URI length, after a few unmeasured ones. */
export async function measureQrRender(browser, origin, lengths, runs) {
  const WARM_UP = 5;
  const results = {};
  const bitjsonFetched = [];
  for (const library of Object.keys(QR_LIBRARIES)) {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/qr/${encodeURIComponent(library)}.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => customElements.get(document.body.firstElementChild.localName));
      results[library] = {};
      for (const length of lengths) {
        // A value equal to the last would not render at all.
        const uris = Array.from({ length: runs + WARM_UP }, (_, i) => uriOfLength(length, 1000 * length + i));
        if (new Set(uris).size !== uris.length || uris.some((uri) => uri.length !== length)) throw new Error(`URIs of ${length} characters are not all distinct`);
        const samples = await page.evaluate(measureInPage, library, uris, WARM_UP);
        results[library][length] = summarise(samples);
      }
      if (library === '@bitjson/qr-code') {
        // What its loader fetched: itself, the Stencil core it picked, the component's lazy chunk.
        const paths = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
        bitjsonFetched.push(...paths.filter((path) => path.startsWith('/bitjson/')));
      }
    } finally {
      await page.close();
    }
  }
  return { results, bitjsonFetched };
}

function summarise(samples) {
  const render = samples.map((sample) => sample.renderMs);
  return {
    runs: samples.length,
    renderMedianMs: median(render),
    renderP95Ms: percentile(render, 0.95),
    toPaintMedianMs: median(samples.map((sample) => sample.toPaintMs)),
    framesMedian: median(samples.map((sample) => sample.frames)),
    framesMax: Math.max(...samples.map((sample) => sample.frames)),
  };
}
