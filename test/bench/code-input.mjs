// Code-input latency: real key presses and a real paste (Ctrl+V from the
// clipboard) through puppeteer, into ours and into wa-otp-input, each alone in
// a page, a fresh browser context for every run: the first key press is the
// element's first input (cold), the five after it are warm. Two clocks from
// the keydown's timestamp (when the browser created the event): to the end of
// the element's handling of the `input` event that followed (its Lit update
// included), and to the end of the next frame painted after it (paint inside
// the clock, for both elements alike).
import { frameHelpersScript } from './in-page.mjs';
import { spread } from './stats.mjs';

export const CODE_INPUTS = {
  ours: {
    head: '<script type="module" src="/bundles/kit.js"></script>',
    body: '<form><totp-code-input><label for="code">Verification code</label><input id="code" name="otpCode"></totp-code-input><button>Verify</button></form>',
    focus: '#code',
  },
  'wa-otp-input': {
    head: '<link rel="stylesheet" href="/bundles/wa-theme.css"><script type="module" src="/bundles/wa-otp-input.js"></script>',
    body: '<form><wa-otp-input label="Verification code" name="otpCode" length="6"></wa-otp-input><button>Verify</button></form>',
    focus: 'wa-otp-input',
  },
};

export const codeInputPage = (name) =>
  `<!doctype html><html><head><meta charset="utf-8">${frameHelpersScript}${CODE_INPUTS[name].head}</head><body>${CODE_INPUTS[name].body}</body></html>`;

/** Runs in the page: times every keydown that leads to an `input` event (a digit, or the V of Ctrl+V). */
function recordInputs() {
  const element = document.querySelector('totp-code-input, wa-otp-input');
  const records = [];
  let pending;
  addEventListener('keydown', (event) => {
    if (/^[0-9v]$/.test(event.key)) pending = { start: event.timeStamp };
  }, true);
  // Bubbling to the window: the element's own listeners have run.
  addEventListener('input', async () => {
    const record = pending;
    pending = undefined;
    if (!record) return;
    await element.updateComplete;
    record.handledMs = performance.now() - record.start;
    record.paintedMs = (await window.benchFrames.afterPaint()) - record.start;
    records.push(record);
  });
  window.benchInputs = {
    /** Resolves once `count` inputs are recorded: the next key waits for the previous frame. */
    recorded: (count) => new Promise((resolve) => {
      const check = () => (records.length >= count ? resolve() : requestAnimationFrame(check));
      check();
    }),
    records,
    value: () => element.value ?? element.querySelector('input').value,
  };
}

/** Ctrl+`key`, as a user presses it. */
async function withControl(page, key) {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
}

async function clear(page) {
  await withControl(page, 'a');
  await page.keyboard.press('Backspace');
}

/** In a fresh context per run and profile: types one six-digit code, clears it, pastes one. */
export async function measureCodeInput(browser, origin, profiles, runs) {
  const results = {};
  for (const [profileName, profile] of Object.entries(profiles)) {
    results[profileName] = {};
    const records = Object.fromEntries(Object.keys(CODE_INPUTS).map((name) => [name, []]));
    for (let run = 0; run < runs; run++) {
      for (const [name, { focus }] of Object.entries(CODE_INPUTS)) {
        const context = await browser.createBrowserContext();
        try {
          const page = await context.newPage();
          await context.overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
          if (profile.device.userAgent) await page.emulate(profile.device);
          else await page.setViewport(profile.device.viewport);
          if (profile.cpu > 1) await page.emulateCPUThrottling(profile.cpu);
          await page.goto(`${origin}/code/${name}.html`, { waitUntil: 'load' });
          await page.waitForFunction((tag) => customElements.get(tag), { timeout: 20_000 }, name === 'ours' ? 'totp-code-input' : name);
          await page.evaluate(recordInputs);
          await page.evaluate(() => window.benchFrames.afterPaint());
          await page.focus(focus);
          let count = 0;
          const expect = async (wanted, what) => {
            const value = await page.evaluate(() => window.benchInputs.value());
            if (value !== wanted) throw new Error(`${name}: ${what} gave "${value}", not "${wanted}"`);
          };
          const code = String(100000 + run * 7919).slice(-6);
          for (const digit of code) {
            await page.keyboard.press(digit);
            await page.evaluate((n) => window.benchInputs.recorded(n), ++count);
          }
          await expect(code, `typing ${code}`);
          await clear(page);
          await expect('', 'select all and Backspace');
          await page.evaluate(() => navigator.clipboard.writeText('123 456')); // with a space: both keep the digits
          await withControl(page, 'v');
          await page.evaluate((n) => window.benchInputs.recorded(n), ++count);
          await expect('123456', 'pasting "123 456"');
          records[name].push(await page.evaluate(() => window.benchInputs.records));
        } finally {
          await context.close();
        }
      }
    }
    for (const [name, list] of Object.entries(records)) {
      results[profileName][name] = {
        firstKeystroke: summarise(list.map((r) => r[0])),
        laterKeystrokes: summarise(list.flatMap((r) => r.slice(1, 6))),
        paste: summarise(list.map((r) => r[6])),
      };
    }
  }
  return results;
}

function summarise(records) {
  return { count: records.length, handledMs: spread(records.map((record) => record.handledMs)), paintedMs: spread(records.map((record) => record.paintedMs)) };
}
