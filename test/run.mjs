#!/usr/bin/env node
// `npm test`: every suite of the kit, in Debian's Chromium and Firefox ESR.
// Finds the browsers (installing Debian's packages when run as root), runs each
// suite, and ends with one line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const browsers = [
  { name: 'chromium', env: 'CHROME_PATH', path: process.env.CHROME_PATH || '/usr/bin/chromium', debian: 'chromium' },
  { name: 'firefox', env: 'FIREFOX_PATH', path: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', debian: 'firefox-esr' },
];

function ensureBrowsers() {
  const missing = browsers.filter((browser) => !existsSync(browser.path));
  if (missing.length === 0) return;
  const packages = missing.map((browser) => browser.debian);
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing Debian's ${packages.join(' and ')} for the browser tests…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
    if (update.status === 0 && install.status === 0 && missing.every((browser) => existsSync(browser.path))) return;
  }
  console.error(
    [
      `The tests run in real browsers and these are missing: ${missing.map((b) => b.path).join(', ')}.`,
      `Install Debian's packages:  sudo apt-get install --no-install-recommends ${packages.join(' ')}`,
      `or point ${missing.map((b) => b.env).join(' / ')} at an installed browser.`,
    ].join('\n'),
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** Runs Web Test Runner; its reporter leaves the counts in a file. */
function runBrowserSuites() {
  const dir = mkdtempSync(join(tmpdir(), 'totp-kit-'));
  const countsFile = join(dir, 'counts.json');
  const run = spawnSync('npx', ['wtr', '--config', 'test/web-test-runner.config.mjs', ...process.argv.slice(2)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, WTR_COUNTS_FILE: countsFile, PUPPETEER_SKIP_DOWNLOAD: 'true' },
  });
  const counts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : { passed: 0, failed: 1 };
  rmSync(dir, { recursive: true, force: true });
  // A runner that crashed before reporting still fails the run.
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

/** test/node/*.test.mjs (Node 20's --test takes no globs; helpers beside them are not suites). */
function nodeTestFiles() {
  const only = process.env.NODE_TEST_FILES?.split(',');
  return only ?? readdirSync('test/node').filter((name) => name.endsWith('.test.mjs')).map((name) => `test/node/${name}`);
}

/** Runs the Node suites (test/node: builds, packaging, the end-to-end journeys) with node:test. */
function runNodeSuites() {
  const dir = mkdtempSync(join(tmpdir(), 'totp-kit-'));
  const tap = join(dir, 'node.tap');
  const run = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...nodeTestFiles()],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' } },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const counts = { passed: count('pass'), failed: count('fail') + count('cancelled') };
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

// TEST_SUITES=browser,node picks suites; picking files with WTR_FILES runs only those.
const suites = process.env.TEST_SUITES?.split(',') ?? (process.env.WTR_FILES ? ['browser'] : ['browser', 'node']);
ensureBrowsers();
const results = [];
if (suites.includes('browser')) results.push(runBrowserSuites());
if (suites.includes('node')) results.push(runNodeSuites());
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
