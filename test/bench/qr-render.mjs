// QR render, cold: ours beside wa-qr-code and @bitjson/qr-code, each alone in a
// page, a fresh browser context for every run (nothing cached, nothing compiled
// yet), the element's first render. Then, in the same tab, a few more renders
// with new values: the warm figure, for comparison only.
//
// One clock for all three, paint inside it: it starts in a requestAnimationFrame
// callback (the start of a frame), where the element is created with its value
// and inserted, as the bridge does on the enrollment page (or, warm, the value
// of the element in place is changed); it stops at the end of the first frame
// after whose paint the library's output is there (a task posted from a
// requestAnimationFrame callback runs once that frame's style, layout and paint
// are done, see in-page.mjs). So each library's drawing (ours: an SVG path;
// wa-qr-code: a canvas, drawn in Lit's `updated()`; @bitjson/qr-code: an SVG
// with an element per module, rendered by Stencil in a later frame) and the
// browser's style, layout and paint are all inside it. "Frames" counts the
// frames it took (1 = the frame it started in).
import { frameHelpersScript } from './in-page.mjs';
import { spread } from './stats.mjs';

/** How each library is loaded, and sized alike: 208 px (13rem, as on the template), error correction M where it can be chosen. */
export const QR_LIBRARIES = {
  // deep-link=never: on a phone ours otherwise leads with the app link and draws the code only when asked
  // (README, <totp-qr-code>); this measures drawing the code, as the peers do.
  ours: { script: '<script type="module" src="/bundles/kit.js"></script>', tag: 'totp-qr-code', attributes: { 'error-correction': 'M', 'deep-link': 'never', style: '--totp-qr-code-size:208px' } },
  'wa-qr-code': { script: '<link rel="stylesheet" href="/bundles/wa-theme.css"><script type="module" src="/bundles/wa-qr-code.js"></script>', tag: 'wa-qr-code', attributes: { size: '208', 'error-correction': 'M' } },
  // Always error correction H (the library hard-codes it): larger symbols than the others draw.
  '@bitjson/qr-code': { script: '<script src="/bitjson/qr-code.js"></script>', tag: 'qr-code', attributes: { style: 'display:block;width:208px;height:208px' } },
};

export const qrPage = (library) => `<!doctype html><html><head><meta charset="utf-8">${frameHelpersScript}${QR_LIBRARIES[library].script}</head><body></body></html>`;

/** An otpauth URI of exactly `length` characters, unique per `seed` so that every render encodes anew. */
export function uriOfLength(length, seed) {
  const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let secret = '';
  for (let rest = seed; secret.length < 16; rest = Math.floor(rest / 32)) secret += BASE32[rest % 32];
  const base = `otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=${secret}&issuer=Contoso+demo&pad=`;
  return base + 'x'.repeat(Math.max(0, length - base.length));
}

/**
 * Runs in the page, once the library is defined and the page has painted:
 * the cold render (the element created with `uris[0]` and inserted), then a
 * warm one for each further URI (the value changed in place).
 */
async function measureInPage(library, { tag, attributes }, uris) {
  const { afterPaint } = window.benchFrames;
  let el;
  // Whether the library's output is in place, for the current value (both Lit elements draw in their update).
  const drawn = {
    ours: () => el.shadowRoot?.querySelector('svg path[d]') && !el.isUpdatePending,
    'wa-qr-code': () => el.shadowRoot?.querySelector('canvas') && !el.isUpdatePending,
    '@bitjson/qr-code': () => el.rendered,
  }[library];
  const setValue = (value) => {
    if (library === '@bitjson/qr-code') {
      el.rendered = false;
      el.addEventListener('codeRendered', () => (el.rendered = true), { once: true });
      el.contents = value;
    } else el.value = value;
  };
  /** Starts `change` in a frame's requestAnimationFrame callback; resolves once a frame after which `drawn()` holds has been painted. */
  const timed = (change) =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const start = performance.now();
        change();
        let frames = 1;
        const check = () => {
          // A task posted from a requestAnimationFrame callback runs after that frame's paint.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            if (drawn()) resolve({ toPaintMs: performance.now() - start, frames });
            else {
              frames++;
              requestAnimationFrame(check);
            }
          };
          channel.port2.postMessage(null);
        };
        check();
      }),
    );
  await afterPaint();
  const cold = await timed(() => {
    el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    setValue(uris[0]);
    document.body.append(el);
  });
  const warm = [];
  for (const uri of uris.slice(1)) {
    await afterPaint();
    warm.push(await timed(() => setValue(uri)));
  }
  return { cold, warm };
}

/**
 * `runs` fresh contexts per library and profile, `warm` warm renders in each;
 * URIs of `length` characters (B2C's own for the gallery account is 97).
 */
export async function measureQrRender(browser, origin, profiles, { runs, warm, length }) {
  const results = {};
  const bitjsonFetched = new Set();
  for (const [profileName, profile] of Object.entries(profiles)) {
    results[profileName] = {};
    const samples = Object.fromEntries(Object.keys(QR_LIBRARIES).map((library) => [library, { cold: [], warm: [] }]));
    for (let run = 0; run < runs; run++) {
      for (const [library, definition] of Object.entries(QR_LIBRARIES)) {
        const context = await browser.createBrowserContext();
        try {
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (error) => errors.push(error.message));
          if (profile.device.userAgent) await page.emulate(profile.device);
          else await page.setViewport(profile.device.viewport);
          if (profile.cpu > 1) await page.emulateCPUThrottling(profile.cpu);
          await page.goto(`${origin}/qr/${encodeURIComponent(library)}.html`, { waitUntil: 'load' });
          await page.waitForFunction((tag) => customElements.get(tag), { timeout: 20_000 }, definition.tag);
          const uris = Array.from({ length: 1 + warm }, (_, i) => uriOfLength(length, 1000 * run + i));
          const { cold, warm: warmRuns } = await page.evaluate(measureInPage, library, definition, uris);
          if (errors.length) throw new Error(`${library}: ${errors.join('; ')}`);
          samples[library].cold.push(cold);
          samples[library].warm.push(...warmRuns);
          if (library === '@bitjson/qr-code') {
            // What its loader fetched: itself, the Stencil core it picked, the component's lazy chunk.
            const paths = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
            for (const path of paths.filter((path) => path.startsWith('/bitjson/'))) bitjsonFetched.add(path);
          }
        } finally {
          await context.close();
        }
      }
    }
    for (const [library, { cold, warm: warmRuns }] of Object.entries(samples)) {
      results[profileName][library] = {
        cold: { toPaintMs: spread(cold.map((s) => s.toPaintMs)), frames: spread(cold.map((s) => s.frames)) },
        warm: { toPaintMs: spread(warmRuns.map((s) => s.toPaintMs)), frames: spread(warmRuns.map((s) => s.frames)) },
      };
    }
  }
  return { results, bitjsonFetched: [...bitjsonFetched] };
}
