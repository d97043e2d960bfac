#!/usr/bin/env node
// `npm test`: every suite of the kit, in Debian's Chromium, Firefox ESR and WebKit
// (WebKitGTK's MiniBrowser, driven by WebKitWebDriver under Xvfb).
// Finds the browsers (installing Debian's packages when run as root), starts Xvfb and
// WebKitWebDriver for WebKit and stops them at the end, runs each suite, prints each
// engine's counts and ends with one line: `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const miniBrowserPath =
  process.env.MINIBROWSER_PATH ||
  ['x86_64-linux-gnu', 'aarch64-linux-gnu'].map((arch) => `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`).find((path) => existsSync(path)) ||
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** What each engine needs on disk, and the Debian packages that bring it. */
const engines = {
  chromium: { needs: [{ env: 'CHROME_PATH', path: process.env.CHROME_PATH || '/usr/bin/chromium' }], debian: ['chromium'] },
  firefox: { needs: [{ env: 'FIREFOX_PATH', path: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr' }], debian: ['firefox-esr'] },
  webkit: {
    needs: [
      { env: 'WEBKIT_DRIVER_PATH', path: process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver' },
      { env: 'MINIBROWSER_PATH', path: miniBrowserPath },
      { env: 'XVFB_PATH', path: process.env.XVFB_PATH || '/usr/bin/Xvfb' },
      { env: 'XAUTH_PATH', path: process.env.XAUTH_PATH || '/usr/bin/xauth' },
    ],
    // webkit2gtk-driver depends on libwebkit2gtk-4.1-0, which has the MiniBrowser.
    debian: ['webkit2gtk-driver', 'xvfb', 'xauth'],
  },
};
const pathOf = (engine, env) => engines[engine].needs.find((need) => need.env === env).path;

/** Ends the run before any suite: the closing line counts the set-up as one failure. */
function fail(message) {
  console.error(message);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

function ensureBrowsers(names) {
  const missingOf = () => names.flatMap((name) => engines[name].needs.filter((need) => !existsSync(need.path)).map((need) => ({ name, ...need })));
  let missing = missingOf();
  if (missing.length === 0) return;
  const packages = [...new Set(missing.flatMap(({ name }) => engines[name].debian))];
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing Debian's ${packages.join(', ')} for the browser tests…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
    missing = missingOf();
    if (update.status === 0 && install.status === 0 && missing.length === 0) return;
  }
  fail(
    [
      `The tests run in real browsers and these are missing: ${missing.map((need) => need.path).join(', ')}.`,
      `Install Debian's packages:  sudo apt-get install --no-install-recommends ${packages.join(' ')}`,
      `or point ${[...new Set(missing.map((need) => need.env))].join(' / ')} at installed ones.`,
      `(WTR_BROWSERS=${Object.keys(engines).join(',')} picks the engines.)`,
    ].join('\n'),
  );
}

// ---- Xvfb and WebKitWebDriver, started here and always stopped ----------------------

/** Processes this script started (each the leader of its own process group), newest last. */
const started = [];
const scratch = [];

function startProcess(label, command, args, options = {}) {
  // detached: a process group of its own, so stopping it also stops what it started
  // (WebKitWebDriver starts the MiniBrowser and its web and network processes).
  const child = spawn(command, args, { detached: true, ...options });
  const entry = { label, child, exited: false, output: '' };
  child.on('exit', () => (entry.exited = true));
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (data) => (entry.output = (entry.output + data).slice(-4000)));
  started.push(entry);
  return entry;
}

function killGroup(entry, signal) {
  try {
    process.kill(-entry.child.pid, signal);
  } catch {
    // already gone
  }
}

/** Stops everything started here (synchronous, so it also runs from an exit handler). */
function stopAllNow() {
  for (const entry of started.reverse()) killGroup(entry, 'SIGKILL');
  started.length = 0;
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  scratch.length = 0;
}

/** Stops everything started here: SIGTERM, then SIGKILL what is left after 2 s. */
async function stopAll() {
  for (const entry of [...started].reverse()) {
    killGroup(entry, 'SIGTERM');
    const deadline = Date.now() + 2000;
    while (!entry.exited && Date.now() < deadline) await sleep(50);
  }
  stopAllNow();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on 127.0.0.1 (closed again at once; the caller binds it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Xvfb on the first free display (it picks one itself and reports it through -displayfd),
 * with an MIT-MAGIC-COOKIE so that only this run's clients may connect, as xvfb-run does.
 */
async function startXvfb() {
  const dir = mkdtempSync(join(tmpdir(), 'totp-kit-x-'));
  scratch.push(dir);
  const authority = join(dir, 'Xauthority');
  writeFileSync(authority, '', { mode: 0o600 });
  const cookie = randomBytes(16).toString('hex');
  const xauth = pathOf('webkit', 'XAUTH_PATH');
  // The server accepts any cookie in its file; clients look theirs up by display, added below.
  const add = (display) => spawnSync(xauth, ['-q', '-f', authority, 'add', display, 'MIT-MAGIC-COOKIE-1', cookie], { stdio: 'inherit' }).status === 0;
  if (!add(':0')) throw new Error('xauth could not write a cookie');
  // A small screen: with no window manager, X gives keyboard focus to the window under the
  // pointer, which rests at the screen's centre (320, 240); every MiniBrowser window (447 px
  // wide at least) covers it, so focus and :focus-visible work in every test.
  const xvfb = startProcess('Xvfb', pathOf('webkit', 'XVFB_PATH'), ['-displayfd', '3', '-screen', '0', '640x480x24', '-nolisten', 'tcp', '-auth', authority], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const number = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in 10 s\n${xvfb.output}`)), 10000);
    xvfb.child.stdio[3].on('data', (data) => {
      text += data;
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(text.trim());
      }
    });
    xvfb.child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code})\n${xvfb.output}`));
    });
  });
  const display = `:${number}`;
  if (!add(display)) throw new Error('xauth could not write a cookie');
  return { display, authority };
}

/** WebKitWebDriver on a free port under that display; resolves once it answers /status ready. */
async function startWebKitWebDriver({ display, authority }) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const driver = startProcess('WebKitWebDriver', pathOf('webkit', 'WEBKIT_DRIVER_PATH'), [`--port=${port}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DISPLAY: display, XAUTHORITY: authority },
    });
    const deadline = Date.now() + 10000;
    while (!driver.exited && Date.now() < deadline) {
      try {
        const status = await (await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(1000) })).json();
        if (status?.value?.ready) return port;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    killGroup(driver, 'SIGKILL');
    // Another process may have taken the port between freePort() and the driver's bind.
    if (attempt === 3) throw new Error(`WebKitWebDriver did not answer /status on port ${port}\n${driver.output}`);
  }
}

// ---- the suites ----------------------------------------------------------------------

let current; // the running suite's child, the leader of its own process group
let stopping = false; // a signal came: the handler ends the run
const never = () => new Promise(() => {});

function run(command, args, options) {
  return new Promise((resolve) => {
    // Its own process group, so that a signal reaches all of it (npx, wtr) and nothing else.
    const child = spawn(command, args, { detached: true, ...options });
    current = child;
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  }).then((status) => {
    current = undefined;
    return stopping ? never() : status;
  });
}

/** Runs Web Test Runner; its reporter leaves each engine's counts in a file. */
async function runBrowserSuites(names, env) {
  const dir = mkdtempSync(join(tmpdir(), 'totp-kit-'));
  scratch.push(dir);
  const countsFile = join(dir, 'counts.json');
  const status = await run('npx', ['wtr', '--config', 'test/web-test-runner.config.mjs', ...process.argv.slice(2)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env, WTR_BROWSERS: names.join(','), WTR_COUNTS_FILE: countsFile, PUPPETEER_SKIP_DOWNLOAD: 'true' },
  });
  const counts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : {};
  for (const name of names) counts[name] ??= { passed: 0, failed: 0, skipped: 0 };
  // A runner that crashed before reporting still fails the run.
  if (status !== 0 && names.every((name) => counts[name].failed === 0)) counts[names.at(-1)].failed = 1;
  return counts;
}

/** test/node/*.test.mjs (Node 20's --test takes no globs; helpers beside them are not suites). */
function nodeTestFiles() {
  const only = process.env.NODE_TEST_FILES?.split(',');
  return only ?? readdirSync('test/node').filter((name) => name.endsWith('.test.mjs')).map((name) => `test/node/${name}`);
}

/** Runs the Node suites (test/node: builds, packaging, hosting, the end-to-end journeys) with node:test. */
async function runNodeSuites(env) {
  const dir = mkdtempSync(join(tmpdir(), 'totp-kit-'));
  scratch.push(dir);
  const tap = join(dir, 'node.tap');
  const status = await run(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...nodeTestFiles()],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env, PUPPETEER_SKIP_DOWNLOAD: 'true' } },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const counts = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') };
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

// Ctrl-C, a CI timeout or a closed terminal: the suite is asked to stop (WTR then closes its
// browsers), then Xvfb and WebKitWebDriver are stopped; a second signal stops at once.
const signalNumbers = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
for (const signal of Object.keys(signalNumbers)) {
  process.on(signal, async () => {
    const suite = current;
    if (stopping) {
      if (suite) killGroup({ child: suite }, 'SIGKILL');
      stopAllNow();
      process.exit(128 + signalNumbers[signal]);
    }
    stopping = true;
    console.error(`\n${signal}: stopping the tests${started.length ? ', Xvfb and WebKitWebDriver' : ''}…`);
    if (suite) {
      killGroup({ child: suite }, signal);
      const deadline = Date.now() + 15000;
      while (suite.exitCode === null && suite.signalCode === null && Date.now() < deadline) await sleep(100);
      killGroup({ child: suite }, 'SIGKILL');
    }
    await stopAll();
    console.log('\n0 passed, 1 failed');
    process.exit(128 + signalNumbers[signal]);
  });
}
process.on('exit', () => {
  if (current) killGroup({ child: current }, 'SIGKILL');
  stopAllNow();
});

// TEST_SUITES=browser,node picks suites; picking files with WTR_FILES runs only those.
// WTR_BROWSERS=chromium,firefox,webkit picks the engines of the browser suites.
const suites = process.env.TEST_SUITES?.split(',') ?? (process.env.WTR_FILES ? ['browser'] : ['browser', 'node']);
const browserEngines = process.env.WTR_BROWSERS?.split(',').filter(Boolean) ?? Object.keys(engines);
const unknown = browserEngines.filter((name) => !(name in engines));
if (unknown.length > 0) fail(`WTR_BROWSERS: unknown ${unknown.join(', ')} (pick from ${Object.keys(engines).join(', ')})`);
const runBrowser = suites.includes('browser') && browserEngines.length > 0;
// The Node suites drive all three engines themselves (the hosting tests run in each).
const runNode = suites.includes('node');
const needed = [...new Set([...(runNode ? Object.keys(engines) : []), ...(runBrowser ? browserEngines : [])])];
ensureBrowsers(needed);

const results = []; // [label, counts]
const env = {};
if (needed.includes('webkit')) {
  try {
    const x = await startXvfb();
    const port = await startWebKitWebDriver(x);
    console.log(`WebKit: WebKitWebDriver on port ${port}, Xvfb on display ${x.display}, ${miniBrowserPath}`);
    Object.assign(env, {
      WEBKIT_WEBDRIVER_PORT: String(port),
      WEBKIT_WEBDRIVER_URL: `http://127.0.0.1:${port}/`,
      WEBKIT_DISPLAY: x.display,
      MINIBROWSER_PATH: miniBrowserPath,
    });
  } catch (error) {
    if (stopping) await never();
    await stopAll();
    fail(`WebKit could not be started: ${error.message}`);
  }
}
if (runBrowser) {
  const counts = await runBrowserSuites(browserEngines, env);
  for (const name of browserEngines) results.push([name, counts[name]]);
}
if (runNode) results.push(['node', await runNodeSuites(env)]);
await stopAll();

const width = Math.max(...results.map(([label]) => label.length)) + 1;
console.log('');
for (const [label, { passed, failed, skipped }] of results) console.log(`${`${label}:`.padEnd(width)} ${passed} passed, ${failed} failed, ${skipped} skipped`);
const passed = results.reduce((sum, [, r]) => sum + r.passed, 0);
const failed = results.reduce((sum, [, r]) => sum + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
