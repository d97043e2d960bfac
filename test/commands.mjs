// Server commands the browser tests call (through test/helpers/commands.ts), for every
// launcher the suite uses: puppeteer's page (Chromium, Firefox) and a WebDriver classic
// session (WebKit). WTR's own commands cover WebDriver only in part: its `sendKeys` has no
// `down`/`up` there, its `setViewport` refuses WebDriver, and WebDriver has no clip screenshot.
import { sendKeysPlugin } from '@web/test-runner-commands/plugins';
import { PNG } from 'pngjs';

/** WebDriver's code points for the key names puppeteer's keyboard takes (WebDriver spec, "keyboard actions"). */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
  Space: ' ',
};

function webdriverKey(name) {
  if (Object.hasOwn(WEBDRIVER_KEYS, name)) return WEBDRIVER_KEYS[name];
  if ([...name].length === 1) return name;
  throw new Error(`No WebDriver key for "${name}"`);
}

const isWebdriver = (session) => session.browser.type === 'webdriver';
/** The webdriverio browser of a @web/test-runner-webdriver launcher (one session: concurrency 1). */
const driverOf = (session) => {
  const driver = session.browser.driver;
  if (!driver) throw new Error('The WebDriver session is not started');
  return driver;
};

/**
 * Key actions on one keyboard input source. WebDriver keeps that source's pressed keys
 * between calls (until Release Actions, which this never sends), so `down: 'Control'`,
 * then `press: 'c'`, then `up: 'Control'` is Ctrl+C, as with puppeteer's keyboard.
 */
async function webdriverKeys(session, payload) {
  const actions = [];
  if ('type' in payload) {
    // One key at a time, each released before the next (webdriverio's keys() would press
    // them all down together, then release them all).
    for (const character of payload.type) actions.push({ type: 'keyDown', value: character }, { type: 'keyUp', value: character });
  } else if ('press' in payload) {
    const key = webdriverKey(payload.press);
    actions.push({ type: 'keyDown', value: key }, { type: 'keyUp', value: key });
  } else if ('down' in payload) {
    actions.push({ type: 'keyDown', value: webdriverKey(payload.down) });
  } else if ('up' in payload) {
    actions.push({ type: 'keyUp', value: webdriverKey(payload.up) });
  } else {
    throw new Error('sendKeys takes one of type, press, down or up');
  }
  await driverOf(session).performActions([{ type: 'key', id: 'keyboard', actions }]);
  return true;
}

/**
 * The viewport of a WebDriver session, in CSS pixels: the window is resized by what its
 * frame takes (WebDriver sets the outer size), then checked.
 */
async function webdriverViewport(session, { width, height }) {
  const driver = driverOf(session);
  for (let attempt = 0; attempt < 3; attempt++) {
    const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
    if (innerWidth === width && innerHeight === height) return true;
    const outer = await driver.getWindowRect();
    await driver.setWindowRect(null, null, outer.width + width - innerWidth, outer.height + height - innerHeight);
  }
  const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
  throw new Error(`The viewport stays ${innerWidth}×${innerHeight}, not ${width}×${height}`);
}

/**
 * A PNG (base64) of the page's rectangle `clip` (CSS pixels, from the top left of the
 * document), at the device's pixel ratio: what puppeteer's `page.screenshot({ clip })` gives.
 * WebDriver screenshots the viewport, so the clip is scrolled into view if need be, the
 * viewport is shot and the clip cut out of it.
 */
async function webdriverScreenshot(session, clip) {
  const driver = driverOf(session);
  const view = await driver.execute(() => ({ x: scrollX, y: scrollY, width: innerWidth, height: innerHeight, dpr: devicePixelRatio }));
  if (clip.width > view.width || clip.height > view.height) {
    throw new Error(`A clip of ${clip.width}×${clip.height} does not fit the ${view.width}×${view.height} viewport`);
  }
  const inView =
    clip.x >= view.x && clip.y >= view.y && clip.x + clip.width <= view.x + view.width && clip.y + clip.height <= view.y + view.height;
  let scroll = { x: view.x, y: view.y };
  if (!inView) scroll = await driver.execute((x, y) => (scrollTo(x, y), { x: scrollX, y: scrollY }), clip.x, clip.y);
  let shot;
  try {
    // WebKitGTK answers a viewport screenshot with the last frame its compositor presented,
    // so what the page changed since (a digit typed, a blur) can be missing: 10 stale
    // shots in 40 without this wait, none in 240 after one or two animation frames (two
    // are waited for, as margin).
    await driver.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    shot = PNG.sync.read(Buffer.from(await driver.takeScreenshot(), 'base64'));
  } finally {
    if (!inView) await driver.execute((x, y) => scrollTo(x, y), view.x, view.y);
  }
  // The screenshot's pixels per CSS pixel (the device pixel ratio, as the image has it).
  const scale = shot.width / view.width;
  if (Math.abs(scale - view.dpr) > 0.01) throw new Error(`The screenshot is ${shot.width} px wide for a viewport of ${view.width} CSS px at ratio ${view.dpr}`);
  const left = Math.round((clip.x - scroll.x) * scale);
  const top = Math.round((clip.y - scroll.y) * scale);
  const out = new PNG({ width: Math.round(clip.width * scale), height: Math.round(clip.height * scale) });
  if (left < 0 || top < 0 || left + out.width > shot.width || top + out.height > shot.height) {
    throw new Error(`The clip ${JSON.stringify(clip)} is not inside the viewport after scrolling to ${scroll.x},${scroll.y}`);
  }
  PNG.bitblt(shot, out, left, top, out.width, out.height, 0, 0);
  return PNG.sync.write(out).toString('base64');
}

/**
 * `keys`: WTR's sendKeys payload ({ type } | { press } | { down } | { up }) for every launcher.
 * `viewport`: { width, height } of the viewport in CSS pixels.
 * `screenshot`: { x, y, width, height } → PNG (base64) of that part of the page as the
 * browser painted it: what a phone's camera sees.
 */
export function kitCommands() {
  const wtrSendKeys = sendKeysPlugin();
  return {
    name: 'kit-commands',
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'keys':
          if (isWebdriver(session)) return webdriverKeys(session, payload);
          return wtrSendKeys.executeCommand({ command: 'send-keys', payload, session });
        case 'viewport':
          if (isWebdriver(session)) return webdriverViewport(session, payload);
          await session.browser.getPage(session.id).setViewport({ width: payload.width, height: payload.height });
          return true;
        case 'screenshot':
          if (isWebdriver(session)) return webdriverScreenshot(session, payload);
          return session.browser.getPage(session.id).screenshot({ clip: payload, encoding: 'base64' });
        default:
          return undefined;
      }
    },
  };
}
