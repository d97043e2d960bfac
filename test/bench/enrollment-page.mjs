// The TOTP enrollment page as a user meets it: the built template, B2C's markup
// in #api, the kit's template script upgrading it. Measures the time from the
// kit's script starting to a painted QR code, and the layout shift (CLS) of the
// page while the kit upgrades B2C's DOM.
//
// Timing model. B2C's form is in #api before the template's `<script defer>`
// runs (B2C merges it into the template; the bridge also handles it arriving
// later, but this is the order that shows B2C's own page first, the one that
// can shift). A small inline script right after #api stands in for B2C and sets
// its markup at once, as innerHTML, from the fixture the preview and the tests
// use. The kit's script is served with `performance.mark('kit-start')` in front
// of it, so the clock starts when it starts executing; it then import()s the
// enrollment chunk and mounts the elements. The value arrives when the bridge
// inserts <totp-qr-code> (seen by a MutationObserver); the QR code is painted
// at the end of the first frame after which its <svg> path is in the shadow
// root (see in-page.mjs). Element Timing cannot tell: in Chromium it reports
// images and text, not SVG shapes, and nothing inside a shadow root (checked).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport } from 'vite';
import { KnownDevices } from 'puppeteer-core';
import { root } from './build.mjs';
import { frameHelpersScript } from './in-page.mjs';
import { median } from './stats.mjs';

/**
 * Where the page is loaded. The Layout Instability API counts only what moves
 * inside the viewport, so one phone is made tall enough to show the whole form:
 * a shift below a phone's fold is still one that a user who scrolls sees.
 */
const pixel5 = KnownDevices['Pixel 5'];
export const VIEWPORTS = {
  desktop: { label: 'desktop, 1280 × 800, mouse', viewport: { width: 1280, height: 800, deviceScaleFactor: 1 } },
  // Their user agents and touch screens: the kit shows one store and the otpauth: link.
  phone: { label: 'phone (Pixel 5), 393 × 851', ...pixel5 },
  'phone-tall': { label: 'phone, whole form in view, 393 × 1100', ...pixel5, viewport: { ...pixel5.viewport, height: 1100 } },
  tablet: { label: 'tablet (iPad Mini), 768 × 1024', ...KnownDevices['iPad Mini'] },
};

const URI = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';

/**
 * The markup B2C puts into #api on the enrollment page, made by the preview's
 * own src/preview/fixtures.ts (B2C's English strings, its QR image as a data
 * URL). That module fetch()es its fixture next to itself, which Node's fetch
 * cannot do for a file: URL, so it is given a fetch that can, while it runs.
 */
export async function enrollmentMarkup() {
  const { module } = await runnerImport(join(root, 'src/preview/fixtures.ts'), { root, configFile: false, logLevel: 'silent' });
  const fetch = globalThis.fetch;
  globalThis.fetch = async (url) => (String(url).startsWith('file:') ? new Response(readFileSync(new URL(url))) : fetch(url));
  try {
    return await module.pageMarkup('totp-enroll', { uri: URI, identifier: 'emily@fabrikam.com', secret: 'fay2lj7ynpntjgqa' });
  } finally {
    globalThis.fetch = fetch;
  }
}

/** Runs first in the page's <head>: records layout shifts, the QR element's arrival, and the first frame that paints its code. */
function instrument() {
  const bench = (window.benchEnrollment = { shifts: [] });
  new PerformanceObserver((list) => bench.shifts.push(...list.getEntries())).observe({ type: 'layout-shift', buffered: true });
  // The bridge creates <totp-qr-code> with its value and inserts it: the value has arrived.
  new MutationObserver((records, observer) => {
    const qr = document.querySelector('totp-qr-code');
    if (!qr) return;
    observer.disconnect();
    bench.qrInserted = performance.now();
    window.benchFrames.firstPaintWhere(() => qr.shadowRoot?.querySelector('svg path[d]')).then(({ at, frames }) => {
      bench.qrPainted = at;
      bench.framesFromValueToPaint = frames;
    });
  }).observe(document, { childList: true, subtree: true });
}

/**
 * totp.html as B2C would serve it: the instrument first in <head>, and B2C's
 * stand-in right after #api, which fills it while the page is parsed.
 */
export function enrollmentHtml(templateHtml, markup) {
  // JSON in a script: `<` escaped so that no `</script>` in the markup ends it.
  const b2c = `<script>(api=>{api.dataset.name='SelfAsserted';api.innerHTML=${JSON.stringify(markup).replace(/</g, '\\u003c')}})(document.getElementById('api'))</script>`;
  const html = templateHtml
    .replace('<head>', `<head>${frameHelpersScript}<script>(${instrument})()</script>`)
    .replace('<div id="api" role="main"></div>', (api) => api + b2c);
  if (!html.includes(b2c)) throw new Error('totp.html has no <div id="api" role="main"></div> for B2C to fill');
  return html;
}

/** The kit's template script with a mark at the start of its execution. */
export const markedScript = (code) => `performance.mark('kit-start');${code}`;

/** Reads the page's figures once the QR code is painted and the page has settled. */
async function collect() {
  const bench = window.benchEnrollment;
  await new Promise((resolve) => setTimeout(resolve, 250)); // late shifts: none should come, but count them if they do
  const start = performance.getEntriesByName('kit-start')[0].startTime;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
  // The chunks the bridge import()s: the enrollment chunk, then what it imports (a second round trip).
  const chunks = performance.getEntriesByType('resource').filter((entry) => /\/assets\/(?!b2c-totp-kit-)[^/]+\.js$/.test(entry.name));
  // A shifted node, named by its tag, id and classes, and its parent's when it has no id.
  const name = (el) => `${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
  const describe = (node) => {
    if (!node) return '(a node since removed)';
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const own = `${el === node ? '' : 'text in '}${name(el)}`;
    return el.id || !el.parentElement ? own : `${name(el.parentElement)} > ${own}`;
  };
  const rect = ({ x, y, width, height }) => ({ x, y, width, height });
  return {
    chunksFetchedMs: Math.max(...chunks.map((entry) => entry.responseEnd)) - start,
    qrInsertedMs: bench.qrInserted - start,
    qrPaintedMs: bench.qrPainted - start,
    valueToPaintMs: bench.qrPainted - bench.qrInserted,
    framesFromValueToPaint: bench.framesFromValueToPaint,
    firstContentfulPaintMs: fcp === undefined ? null : fcp - start,
    // Every shift counts: nothing gives the page input. (Chromium marks the shifts
    // of a touch-emulated page `hadRecentInput` all the same, which would hide them.)
    cls: bench.shifts.reduce((sum, shift) => sum + shift.value, 0),
    shifts: bench.shifts.map((shift) => ({
      value: shift.value,
      hadRecentInput: shift.hadRecentInput,
      atMs: shift.startTime - start,
      sources: shift.sources.map((source) => ({ node: describe(source.node), from: rect(source.previousRect), to: rect(source.currentRect) })),
    })),
  };
}

/** Loads the enrollment page `loads` times in each viewport (a fresh tab each time, nothing cached) and takes medians. */
export async function measureEnrollmentPage(browser, url, loads) {
  const results = {};
  for (const [name, { label, ...device }] of Object.entries(VIEWPORTS)) {
    const runs = [];
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage();
      try {
        if (device.userAgent) await page.emulate(device);
        else await page.setViewport(device.viewport);
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForFunction(() => window.benchEnrollment.qrPainted !== undefined, { timeout: 10_000 });
        runs.push(await page.evaluate(collect));
      } finally {
        await page.close();
      }
    }
    const medianOf = (key) => median(runs.map((run) => run[key] ?? NaN));
    const worst = runs.reduce((a, b) => (b.cls > a.cls ? b : a));
    results[name] = {
      viewport: label,
      loads,
      ...Object.fromEntries(
        ['firstContentfulPaintMs', 'chunksFetchedMs', 'qrInsertedMs', 'qrPaintedMs', 'valueToPaintMs', 'framesFromValueToPaint', 'cls'].map((key) => [key, medianOf(key)]),
      ),
      clsMax: worst.cls,
      shifts: worst.shifts,
    };
  }
  return results;
}
