// The TOTP pages as a user meets them: B2C's page on its origin, the built
// template and the kit's files on the storage's (hosting.mjs), each load in a
// fresh browser context (nothing cached, no connection reused), on a profile
// (viewport, user agent, touch; network and CPU throttling through CDP).
//
// Clocks (all from the page's own performance.now(), whose zero is navigation start):
// - navigation start: what the user feels;
// - DOMContentLoaded (domContentLoadedEventStart): where B2C merges the template
//   into its page, the template's `<script defer>` runs just before it; where
//   B2C's loader brings the template (after DOMContentLoaded), it says nothing
//   about the kit;
// - the template script's start: the first thing the script does is read the
//   template's options (document.getElementById('totp-kit-strings')); a wrapper
//   of getElementById, installed before any page script, records the first call
//   made while document.currentScript is the kit's script. Its start, whatever
//   brought the template in.
// Milestones (a MutationObserver sees each): B2C's form in #api, the kit's
// first element in the page, the code input ready (<totp-code-input> defined and
// #otpCode upgraded: autocomplete=one-time-code), the QR code painted (the end of
// the first frame after which its SVG path exists; on a phone, its link, the
// step's action there), and the end of the first
// frame painted after the code input was ready. Resource Timing gives when the
// kit's modules arrived and which requests came after its script started; CDP's
// Network domain the bytes each response took on the wire.
// Layout shifts: every `layout-shift` entry (buffered); Chromium marks a
// touch-emulated page's shifts `hadRecentInput` though nothing had input, so
// none is left out. The kit's are those from its first element in the page on
// that move a node it can move (in #api or after it): not the page's body,
// which moves when the template's stylesheet applies after B2C's loader has put
// the template's body in the page.
import { PredefinedNetworkConditions, KnownDevices } from 'puppeteer-core';
import { installFrameHelpers } from './in-page.mjs';
import { spread } from './stats.mjs';

const pixel5 = KnownDevices['Pixel 5'];
/**
 * The Layout Instability API counts only what moves inside the viewport, so
 * each viewport is tall enough for the whole enrollment form (1,065 px on the
 * phone): a shift below the fold is still one that a user who scrolls sees.
 */
const TALL = 1100;
export const PROFILES = {
  'slow-phone': {
    label: `phone (Pixel 5's width, user agent and touch, 393 × ${TALL}), slow 4G (DevTools' preset: 562.5 ms RTT, 180,000 bytes/s down, 84,375 up), 4× CPU`,
    short: 'slow phone',
    device: { ...pixel5, viewport: { ...pixel5.viewport, height: TALL } },
    network: PredefinedNetworkConditions['Slow 4G'],
    cpu: 4,
  },
  desktop: {
    label: `desktop (1280 × ${TALL}, mouse), no throttling`,
    short: 'desktop',
    device: { viewport: { width: 1280, height: TALL, deviceScaleFactor: 1 } },
    network: null,
    cpu: 1,
  },
};

/** Runs in the page before any of its scripts (Page.addScriptToEvaluateOnNewDocument). */
function instrument() {
  const bench = (window.__bench = { shifts: [] });
  const now = () => performance.now();
  new PerformanceObserver((list) => bench.shifts.push(...list.getEntries())).observe({ type: 'layout-shift', buffered: true });
  const getElementById = Document.prototype.getElementById;
  Document.prototype.getElementById = function (id) {
    if (bench.kitStart === undefined && /\/assets\/b2c-totp-kit-[\w-]+\.js$/.test(document.currentScript?.src ?? '')) bench.kitStart = now();
    return getElementById.call(this, id);
  };
  const codeReady = () => customElements.get('totp-code-input') && document.querySelector('#otpCode')?.getAttribute('autocomplete') === 'one-time-code';
  const check = () => {
    if (bench.formInApi === undefined && document.querySelector('#api form')) bench.formInApi = now();
    if (bench.codeReady === undefined && codeReady()) {
      bench.codeReady = now();
      window.benchFrames.afterPaint().then((at) => (bench.codePainted = at));
    }
    if (bench.kitFirstInsert === undefined && document.querySelector('totp-qr-code, totp-authenticator-info, totp-app-icon, totp-code-input')) bench.kitFirstInsert = now();
    const qr = document.querySelector('totp-qr-code');
    if (bench.qrInserted === undefined && qr) {
      bench.qrInserted = now();
      // On a phone the link is the step's action and the code waits behind a button: either is the page ready.
      window.benchFrames.firstPaintWhere(() => qr.shadowRoot?.querySelector('svg path[d], a[part~="link"]')).then(({ at, frames }) => {
        bench.qrFrames = frames;
        bench.qrPainted = at;
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['autocomplete'] });
}

/** Reads the page's figures, once it is ready and has settled. */
function collect(settleMs) {
  return new Promise((resolve) => {
    const read = () => {
      const bench = window.__bench;
      const [nav] = performance.getEntriesByType('navigation');
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
      const resources = performance.getEntriesByType('resource').map((entry) => ({ url: entry.name, start: entry.startTime, end: entry.responseEnd, initiator: entry.initiatorType }));
      const name = (el) => `${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
      const describe = (node) => {
        if (!node) return '(a node since removed)';
        const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
        const own = `${el === node ? '' : 'text in '}${name(el)}`;
        return el.id || !el.parentElement ? own : `${name(el.parentElement)} > ${own}`;
      };
      const rect = ({ x, y, width, height }) => ({ x, y, width, height });
      resolve({
        dcl: nav.domContentLoadedEventStart,
        load: nav.loadEventStart,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        kitStart: bench.kitStart ?? null,
        kitFirstInsert: bench.kitFirstInsert ?? null,
        formInApi: bench.formInApi ?? null,
        templateInPage: mark('b2c:template-in-page') ?? null, // B2C's loader marks it
        codeReady: bench.codeReady ?? null,
        codePainted: bench.codePainted ?? null,
        qrInserted: bench.qrInserted ?? null,
        qrPainted: bench.qrPainted ?? null,
        qrFrames: bench.qrFrames ?? null,
        resources,
        scrollHeight: document.documentElement.scrollHeight,
        shifts: bench.shifts.map((shift) => ({
          value: shift.value,
          at: shift.startTime,
          // Whether the kit could have moved any of its nodes: one in #api or after it (a node since removed counts),
          // not #api's ancestors (the page's body moves when the template's stylesheet applies).
          movableByKit: shift.sources.some(({ node }) => {
            const api = document.getElementById('api');
            if (!node || !api) return true;
            return api.contains(node) || (!node.contains(api) && Boolean(api.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING));
          }),
          sources: shift.sources.map((source) => ({ node: describe(source.node), from: rect(source.previousRect), to: rect(source.currentRect) })),
        })),
      });
    };
    const settled = () => setTimeout(read, settleMs);
    if (document.readyState === 'complete') settled();
    else addEventListener('load', settled, { once: true });
  });
}

/**
 * One load of `url` in a fresh context on `profile`; `ready` names what the
 * page waits for ('code' or 'qr'). Resolves to the page's figures (times in ms
 * from navigation start) and the bytes each response took on the wire. Throws
 * when the page is not ready within `timeoutMs`, or logs an error or a warning,
 * or a request fails.
 */
export async function loadOnce(browser, url, profile, ready, { timeoutMs = 45_000, settleMs = 300 } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // Anything that goes wrong ends the wait at once: the load is no measurement.
    const trouble = [];
    let troubled;
    const failed = new Promise((_, reject) => (troubled = reject));
    failed.catch(() => undefined);
    const report = (text) => {
      trouble.push(text);
      troubled(new Error(text));
    };
    page.on('pageerror', (error) => report(`uncaught: ${error.message}`));
    page.on('console', (message) => ['error', 'warn', 'warning'].includes(message.type()) && report(`console.${message.type()}: ${message.text()}`));
    page.on('requestfailed', (request) => report(`failed: ${request.url()} (${request.failure()?.errorText})`));
    page.on('response', (response) => response.status() >= 400 && report(`HTTP ${response.status()}: ${response.url()}`));
    const client = await page.createCDPSession();
    await client.send('Network.enable');
    const requests = new Map();
    client.on('Network.requestWillBeSent', ({ requestId, request }) => requests.set(requestId, { url: request.url, bytes: 0 }));
    client.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const request = requests.get(requestId);
      if (request) request.bytes = encodedDataLength;
    });
    if (profile.device.userAgent) await page.emulate(profile.device);
    else await page.setViewport(profile.device.viewport);
    if (profile.network) await page.emulateNetworkConditions(profile.network);
    if (profile.cpu > 1) await page.emulateCPUThrottling(profile.cpu);
    await page.evaluateOnNewDocument(`(${installFrameHelpers})();(${instrument})();`);
    const started = Date.now();
    const key = ready === 'code' ? 'codePainted' : 'qrPainted';
    try {
      await Promise.race([failed, page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs })]);
      await Promise.race([failed, page.waitForFunction((name) => window.__bench?.[name] !== undefined, { timeout: Math.max(1000, timeoutMs - (Date.now() - started)), polling: 100 }, key)]);
    } catch (error) {
      const state = await page
        .evaluate(() => ({ ...window.__bench, shifts: undefined, marks: performance.getEntriesByType('mark').map((m) => `${m.name} at ${m.startTime.toFixed(0)} ms`) }))
        .catch(() => ({}));
      const what = ready === 'code' ? 'the code input' : 'the QR code (on a phone, its link)';
      const why = trouble.length ? `went wrong before ${what} was ready: ${trouble.join('; ')}` : `${what} was not ready within ${timeoutMs / 1000} s`;
      throw new Error(`${url} (${profile.short}): ${why}. The page had: ${JSON.stringify(state)}`, { cause: error });
    }
    const figures = await page.evaluate(collect, settleMs);
    if (trouble.length) throw new Error(`${url} (${profile.short}): ${trouble.join('; ')}`);
    figures.wire = [...requests.values()];
    return figures;
  } finally {
    await context.close();
  }
}

const isKitScript = (url) => /\/assets\/[\w.-]+\.js$/.test(new URL(url).pathname);

/**
 * Sequential rounds of the kit's requests after its script started: the
 * longest chain of its .js requests each sent after the previous answered.
 * 0 when everything the script imports was already requested (preloaded).
 */
export function roundTripsAfter(resources, start, origin) {
  const later = resources.filter((entry) => entry.url.startsWith(origin) && isKitScript(entry.url) && entry.start >= start).sort((a, b) => a.start - b.start);
  const depth = new Map();
  for (const entry of later) depth.set(entry, 1 + Math.max(0, ...later.filter((other) => other.end <= entry.start).map((other) => depth.get(other))));
  return Math.max(0, ...depth.values());
}

/** One load's figures, reduced to the clocks the report shows. */
function summariseLoad(figures, page, origin) {
  const ready = page === 'verify' ? figures.codeReady : figures.qrPainted;
  const painted = page === 'verify' ? figures.codePainted : figures.qrPainted;
  const fromStorage = figures.wire.filter((request) => request.url.startsWith(origin));
  const kitFiles = fromStorage.filter((request) => isKitScript(request.url));
  // When the last of the kit's modules (its script's imports) had arrived.
  const modules = figures.resources.filter((entry) => entry.url.startsWith(origin) && isKitScript(entry.url) && !/\/b2c-totp-kit-[\w-]+\.js$/.test(entry.url));
  const modulesIn = Math.max(...modules.map((entry) => entry.end));
  // The kit's: from its first element in the page on, moving what it can move.
  const byKit = figures.shifts.filter((shift) => figures.kitFirstInsert !== null && shift.at >= figures.kitFirstInsert && shift.movableByKit);
  return {
    navToReady: ready,
    navToPainted: painted,
    dclToReady: ready - figures.dcl,
    kitToReady: ready - figures.kitStart,
    dcl: figures.dcl,
    kitStart: figures.kitStart,
    formInApi: figures.formInApi,
    modulesIn,
    // The kit's own work once its script ran, B2C's form was there and its modules had arrived.
    lastInToReady: ready - Math.max(figures.kitStart, figures.formInApi, modulesIn),
    kitFirstInsert: figures.kitFirstInsert,
    qrValueToPaint: page === 'enroll' ? figures.qrPainted - figures.qrInserted : null,
    qrFrames: page === 'enroll' ? figures.qrFrames : null,
    roundTrips: roundTripsAfter(figures.resources, figures.kitStart, origin),
    kitBytes: kitFiles.reduce((sum, request) => sum + request.bytes, 0),
    templateBytes: fromStorage.reduce((sum, request) => sum + request.bytes, 0) - kitFiles.reduce((sum, request) => sum + request.bytes, 0),
    pageBytes: figures.wire.reduce((sum, request) => sum + request.bytes, 0),
    kitFiles: kitFiles.map((request) => new URL(request.url).pathname.replace(/^\//, '')).sort(),
    cls: figures.shifts.reduce((sum, shift) => sum + shift.value, 0),
    clsKit: byKit.reduce((sum, shift) => sum + shift.value, 0),
    shifts: figures.shifts.map((shift) => ({ ...shift, byKit: byKit.includes(shift) })),
  };
}

export const PAGES = { verify: { ready: 'code', label: 'verification' }, enroll: { ready: 'qr', label: 'enrollment' } };
export const LOADINGS = ['merged', 'loader', 'bare'];

/**
 * Loads each page `runs` times for each build, profile and loading mode, each
 * load in a fresh context, interleaved (run 1 of everything, then run 2, …) so
 * that the machine's load drifts over all of them alike. `builds`: name →
 * { hosting, profiles }. `progress()` is called after each load.
 */
export async function measurePages(browser, builds, runs, progress = () => undefined) {
  const cells = new Map();
  for (let run = 0; run < runs; run++) {
    for (const [build, { hosting, profiles }] of Object.entries(builds)) {
      for (const profile of profiles) {
        for (const loading of LOADINGS) {
          for (const [page, { ready }] of Object.entries(PAGES)) {
            const key = `${build}|${profile}|${page}|${loading}`;
            if (!cells.has(key)) cells.set(key, { build, profile, page, loading, loads: [] });
            const figures = await loadOnce(browser, hosting.url(page, loading), PROFILES[profile], ready);
            cells.get(key).loads.push(summariseLoad(figures, page, hosting.templatesOrigin));
            progress();
          }
        }
      }
    }
  }
  return [...cells.values()].map(({ loads, ...cell }) => {
    const of = (key) => spread(loads.map((load) => load[key]));
    const worst = loads.reduce((a, b) => (b.cls > a.cls ? b : a));
    return {
      ...cell,
      runs: loads.length,
      ...Object.fromEntries(['navToReady', 'navToPainted', 'dclToReady', 'kitToReady', 'dcl', 'kitStart', 'formInApi', 'modulesIn', 'lastInToReady', 'qrValueToPaint', 'qrFrames', 'roundTrips', 'kitBytes', 'templateBytes', 'pageBytes', 'cls', 'clsKit'].map((key) => [key, of(key)])),
      kitFiles: loads[0].kitFiles,
      worstShifts: worst.shifts,
      loads,
    };
  });
}
