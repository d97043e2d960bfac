// Web Test Runner: every *.test.ts under test/ in Debian's Chromium and Firefox ESR.
// Run through `npm test` (test/run.mjs), which finds or installs the browsers.
import { writeFileSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';

const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const only = process.env.WTR_BROWSERS?.split(',') ?? ['chromium', 'firefox'];

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

const browsers = [];
if (only.includes('chromium')) {
  browsers.push(chromeLauncher({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }));
}
if (only.includes('firefox')) {
  // puppeteer-core drives stock Firefox over WebDriver BiDi; Playwright cannot.
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
    }),
  );
}

/**
 * `executeServerCommand('screenshot', { x, y, width, height })` returns a PNG (base64)
 * of that part of the page as the browser painted it: what a phone's camera sees.
 */
function screenshotCommand() {
  return {
    name: 'screenshot-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'screenshot') return undefined;
      const page = session.browser.getPage(session.id);
      return page.screenshot({ clip: payload, encoding: 'base64' });
    },
  };
}

/** Writes the counts for test/run.mjs, which prints the closing `N passed, N failed` line. */
function countsReporter() {
  return {
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite?.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        walk(session.testResults);
        // A file that fails to load or throws outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) failed++;
      }
      if (process.env.WTR_COUNTS_FILE) writeFileSync(process.env.WTR_COUNTS_FILE, JSON.stringify({ passed, failed, skipped }));
    },
  };
}

export default {
  rootDir: '.',
  files: process.env.WTR_FILES?.split(',') ?? ['test/**/*.test.ts'],
  nodeResolve: true,
  // tsconfig is required: esbuild takes useDefineForClassFields: false from it, without
  // which class fields would shadow Lit's reactive accessors.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), screenshotCommand()],
  browsers,
  concurrency: 1,
  // Tests load Lit's development build on purpose (its warnings catch misuse); its banner is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), countsReporter()],
  testFramework: { config: { timeout: 10000 } },
};
