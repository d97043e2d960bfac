// Web Test Runner: every *.test.ts under test/ in Debian's Chromium, Firefox ESR and WebKit
// (WebKitGTK's MiniBrowser through WebKitWebDriver, under Xvfb).
// Run through `npm test` (test/run.mjs), which finds or installs the browsers and starts
// Xvfb and WebKitWebDriver for WebKit (WEBKIT_WEBDRIVER_PORT).
import { writeFileSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { runnerImport } from 'vite';
import { kitCommands } from './commands.mjs';

// The QR encoder as the kit ships it: qrcode-generator with the build's cuts
// (src/build/plugins/trim-qrcode-generator.ts), so that what the tests decode is what ships.
const { module: trim } = await runnerImport(new URL('../src/build/plugins/trim-qrcode-generator.ts', import.meta.url).pathname, { configFile: false, logLevel: 'silent' });
const trimmedQrcodeGenerator = {
  name: 'trimmed-qrcode-generator',
  transform(context) {
    if (/qrcode-generator\/dist\/qrcode\.mjs$/.test(context.path)) return { body: trim.trimSource(context.body) };
  },
};

const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const miniBrowserPath = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const engines = ['chromium', 'firefox', 'webkit'];
const only = process.env.WTR_BROWSERS?.split(',') ?? engines;
const unknown = only.filter((name) => !engines.includes(name));
if (unknown.length > 0) throw new Error(`WTR_BROWSERS: unknown ${unknown.join(', ')} (pick from ${engines.join(', ')})`);

const chromiumArgs = [
  '--no-sandbox', // root on CI refuses the sandbox
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // The machine's network is closed: Chromium's background calls only fail.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Each launcher with the engine it runs, for the per-engine counts. */
const engineOf = new Map();
const browsers = [];
const add = (engine, launcher) => {
  engineOf.set(launcher, engine);
  browsers.push(launcher);
};
if (only.includes('chromium')) {
  add('chromium', chromeLauncher({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }));
}
if (only.includes('firefox')) {
  // puppeteer-core drives stock Firefox over WebDriver BiDi; Playwright cannot.
  add(
    'firefox',
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
    }),
  );
}
if (only.includes('webkit')) {
  // test/run.mjs starts Xvfb and WebKitWebDriver on a free display and port; the driver
  // starts the MiniBrowser. Playwright's WebKit is its own build (and a download): not used.
  const port = Number(process.env.WEBKIT_WEBDRIVER_PORT);
  if (!port) throw new Error('WebKit needs WebKitWebDriver running: run the tests with `npm test` (or set WEBKIT_WEBDRIVER_PORT)');
  add(
    'webkit',
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // Without it webdriverio asks for WebDriver BiDi, which WebKitWebDriver refuses
        // ("Failed to match capabilities").
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
      },
    }),
  );
}

/** Writes each engine's counts for test/run.mjs, which prints them and the closing `N passed, N failed` line. */
function countsReporter() {
  return {
    stop({ sessions }) {
      // { chromium: { passed, failed, skipped }, firefox: …, webkit: … }
      const counts = Object.fromEntries([...engineOf.values()].map((engine) => [engine, { passed: 0, failed: 0, skipped: 0 }]));
      const walk = (suite, count) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) count.skipped++;
          else if (test.passed) count.passed++;
          else count.failed++;
        }
        for (const child of suite?.suites ?? []) walk(child, count);
      };
      for (const session of sessions) {
        const count = counts[engineOf.get(session.browser)];
        walk(session.testResults, count);
        // A file that fails to load or throws outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) count.failed++;
      }
      if (process.env.WTR_COUNTS_FILE) writeFileSync(process.env.WTR_COUNTS_FILE, JSON.stringify(counts));
    },
  };
}

export default {
  rootDir: '.',
  files: process.env.WTR_FILES?.split(',') ?? ['test/**/*.test.ts'],
  nodeResolve: true,
  // tsconfig is required: esbuild takes useDefineForClassFields: false from it, without
  // which class fields would shadow Lit's reactive accessors.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), trimmedQrcodeGenerator, kitCommands()],
  browsers,
  // All engines at once (WTR's default is 2, which left WebKit waiting for one of the
  // others: 64-66 s against 59 s for the browser suites on 2 cores); one page each.
  concurrentBrowsers: browsers.length,
  concurrency: 1,
  // Tests load Lit's development build on purpose (its warnings catch misuse); its banner is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), countsReporter()],
  testFramework: { config: { timeout: 10000 } },
};
