// The three engines the suite runs in, behind one small interface for the Node
// suites: Debian's Chromium and Firefox ESR through puppeteer-core (Firefox over
// WebDriver BiDi), and WebKitGTK's MiniBrowser through its WebDriver
// (webdriverio, WebDriver classic), under Xvfb. Nothing downloads a browser.
//
//   const browser = await launch('webkit');
//   const page = await browser.newPage({ width: 375, height: 812 });
//   await page.goto(url); await page.waitFor(() => document.querySelector('x'));
//   const png = await page.screenshot({ x, y, width, height });
//
// WebKitGTK's MiniBrowser window cannot be narrower than its toolbar (447 CSS px on
// these machines): `launch('webkit', { zoom: 2 })` starts a WebKitWebDriver of its
// own whose MiniBrowser zooms pages twice (GDK_DPI_SCALE, which WebKitGTK takes as
// the page's zoom, as Safari's): a 640 px window is a 320 CSS px viewport.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { PNG } from 'pngjs';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

export const PATHS = {
  chromium: process.env.CHROME_PATH || '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
  webkit: process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  webkitDriver: process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver',
  xvfb: process.env.XVFB_PATH || '/usr/bin/Xvfb',
};

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Crops a PNG to `clip` (CSS pixels, scaled by `scale`). */
function crop(png, clip, scale = 1) {
  const image = PNG.sync.read(png);
  const x = Math.round(clip.x * scale);
  const y = Math.round(clip.y * scale);
  const width = Math.min(Math.round(clip.width * scale), image.width - x);
  const height = Math.min(Math.round(clip.height * scale), image.height - y);
  const out = new PNG({ width, height });
  PNG.bitblt(image, out, x, y, width, height, 0, 0);
  return PNG.sync.write(out);
}

/** A page of Chromium or Firefox, through puppeteer-core. */
function puppeteerPage(page) {
  const consoleErrors = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    consoleErrors,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    url: () => page.url(),
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    waitFor: (fn, ...args) => page.waitForFunction(fn, { timeout: 15_000, polling: 50 }, ...args).then((handle) => handle.jsonValue()),
    /** A PNG of `clip` (CSS pixels of the viewport), or of the whole viewport. */
    screenshot: (clip) => page.screenshot({ ...(clip ? { clip } : {}), type: 'png' }).then((data) => Buffer.from(data)),
    click: (selector) => page.click(selector),
    setViewport: (viewport) => page.setViewport(viewport),
    type: (selector, text) => page.type(selector, text),
    async fill(selector, text) {
      await page.$eval(selector, (input) => (input.value = ''));
      await page.type(selector, text);
    },
    waitForNavigation: (action) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]),
    close: () => page.close(),
  };
}

/**
 * The WebKitWebDriver `npm test` started (WEBKIT_WEBDRIVER_URL), or, for a test file
 * run on its own or for a page `zoom` other than 1, Xvfb and WebKitWebDriver started
 * here once per zoom and stopped with the process.
 */
const webkitDrivers = new Map();
function startWebKitDriver(zoom = 1) {
  if (zoom === 1 && process.env.WEBKIT_WEBDRIVER_URL) return Promise.resolve(new URL(process.env.WEBKIT_WEBDRIVER_URL));
  if (!webkitDrivers.has(zoom)) webkitDrivers.set(zoom, spawnWebKitDriver(zoom));
  return webkitDrivers.get(zoom);
}

async function spawnWebKitDriver(zoom) {
  for (const path of [PATHS.webkit, PATHS.webkitDriver, PATHS.xvfb]) {
    if (!existsSync(path)) throw new Error(`WebKit needs ${path}: apt-get install --no-install-recommends webkit2gtk-driver xvfb xauth`);
  }
  const display = `:${90 + Math.floor(Math.random() * 900)}`;
  // A small screen: with no window manager, X gives keyboard focus to the window under the
  // pointer, which rests at the screen's centre; every window covers (320, 240).
  const xvfb = spawn(PATHS.xvfb, [display, '-screen', '0', '640x480x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const port = await freePort();
  const env = { ...process.env, DISPLAY: display, ...(zoom === 1 ? {} : { GDK_DPI_SCALE: String(zoom) }) };
  const driver = spawn(PATHS.webkitDriver, [`--port=${port}`], { stdio: 'ignore', env });
  // Neither keeps this process alive; both go when it does.
  for (const child of [driver, xvfb]) child.unref();
  process.once('exit', () => {
    driver.kill();
    xvfb.kill();
  });
  const url = new URL(`http://127.0.0.1:${port}/`);
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(new URL('status', url))).ok) break;
    } catch {
      // not listening yet
    }
    if (tries > 100) throw new Error('WebKitWebDriver did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return url;
}

/** A page of WebKit: a WebDriver session of its own (its own cookies), in a MiniBrowser window. */
async function webkitPage({ width, height }, zoom) {
  const driver = await startWebKitDriver(zoom);
  const session = await remote({
    hostname: driver.hostname,
    port: Number(driver.port),
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: PATHS.webkit, args: ['--automation'] },
    },
  });
  await session.setWindowSize(width, height);
  const run = (fn, args) => session.execute(`return (${fn}).apply(null, arguments)`, ...args);
  return {
    consoleErrors: [], // WebDriver classic has no console: the B2C stand-in's probe records them in the page
    goto: (url) => session.url(url),
    url: () => session.getUrl(),
    evaluate: (fn, ...args) => run(fn, args),
    async waitFor(fn, ...args) {
      let value;
      await session.waitUntil(async () => (value = await run(fn, args)), { timeout: 15_000, interval: 50 });
      return value;
    },
    async screenshot(clip) {
      const shot = Buffer.from(await session.takeScreenshot(), 'base64');
      // Pixels per CSS pixel as the image has them: a zoomed page reports a ratio of 1.
      return clip ? crop(shot, clip, PNG.sync.read(shot).width / (await run(() => window.innerWidth, []))) : shot;
    },
    /** Resizes the window so that the viewport is `width` × `height` CSS pixels. */
    async setViewport({ width, height }) {
      const [innerWidth, innerHeight] = await run(() => [window.innerWidth, window.innerHeight], []);
      const outer = await session.getWindowSize();
      // The window is sized in screen pixels, the viewport measured in CSS pixels: zoom converts.
      await session.setWindowSize(Math.ceil(outer.width + (width - innerWidth) * zoom), Math.ceil(outer.height + (height - innerHeight) * zoom));
      // WebKitGTK resizes its window a little after answering: wait for the viewport (a second at most).
      let [reached] = await run(() => [window.innerWidth], []);
      for (let tries = 0; reached !== width && tries < 20; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        [reached] = await run(() => [window.innerWidth], []);
      }
      if (reached !== width) {
        throw new Error(`WebKit's viewport stays ${reached} CSS px wide, not ${width}: its window has a minimum width (launch('webkit', { zoom: 2 }) reaches 320)`);
      }
    },
    click: async (selector) => (await session.$(selector)).click(),
    type: async (selector, text) => (await session.$(selector)).addValue(text),
    fill: async (selector, text) => (await session.$(selector)).setValue(text),
    async waitForNavigation(action) {
      const before = await session.getUrl();
      await action();
      await session.waitUntil(async () => (await session.getUrl()) !== before && (await run(() => document.readyState, [])) === 'complete', { timeout: 15_000, interval: 50 });
    },
    close: () => session.deleteSession(),
  };
}

/** One engine, ready to open pages; `close()` ends it. `zoom`: the page zoom of a WebKit window (see above); the others ignore it. */
export async function launch(engine, { zoom = 1 } = {}) {
  if (engine === 'webkit') return { engine, newPage: (viewport = { width: 1024, height: 1400 }) => webkitPage(viewport, zoom), close: async () => undefined };
  const browser = await puppeteer.launch(
    engine === 'firefox'
      ? { browser: 'firefox', executablePath: PATHS.firefox, headless: true }
      : { executablePath: PATHS.chromium, headless: true, args: CHROMIUM_ARGS },
  );
  return {
    engine,
    async newPage(viewport = { width: 1024, height: 1400 }) {
      // A context of its own: its own cookies, as a WebKit session has.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(viewport);
      const wrapped = puppeteerPage(page);
      return { ...wrapped, close: () => context.close() };
    },
    close: () => browser.close(),
  };
}
