#!/usr/bin/env node
// `npm run bench [-- --before[=<commit>]]`: what users feel, in numbers, beside
// what a designer would use instead. Builds what it measures into dist/bench
// (the templates, the kit, each element, the peers) and measures it in Debian's
// headless Chromium:
// - the TOTP pages hosted as on B2C (hosting.mjs, page-load.mjs): the built
//   templates on a storage origin, B2C's page on another, each load in a fresh
//   context, on a slow phone (slow 4G, 4× CPU) and a desktop, in each way B2C
//   may load the template; with `--before`, the same for an earlier commit's
//   templates (before.mjs; 23c82ac by default) on the slow phone, interleaved;
// - bytes: each page's files as loaded, the whole kit, the peers page for page;
// - the QR code's first render in a fresh tab, and code-input latency, beside the peers.
// Prints the tables and writes the figures to dist/bench/results.json (and the
// tables to dist/bench/results.md, the text README.md's "Benchmark" section quotes).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import puppeteer, { KnownDevices } from 'puppeteer-core';
import { buildTemplates } from '../../src/build/tools/build-templates.mjs';
import { serve } from '../node/browser.mjs';
import { BEFORE_COMMIT, prepareBefore, templatesFor } from './before.mjs';
import { benchDir, root } from './build.mjs';
import { codeInputPage, measureCodeInput } from './code-input.mjs';
import { startHosting } from './hosting.mjs';
import { measurePages, PAGES, PROFILES } from './page-load.mjs';
import { measureQrRender, qrPage } from './qr-render.mjs';
import { formatReport, targets } from './report.mjs';
import { addBitjsonSizes, measureSizes, pageSizes } from './sizes.mjs';

// BENCH_RUNS=1 for a quick check of the bench itself (figures of one run are no figures).
const quick = Number(process.env.BENCH_RUNS) || 0;
const RUNS = {
  pageLoads: quick || 5, // per build, profile, page and loading mode, each in a fresh context
  qrRenders: quick || 7, // cold, a fresh context each, per library and profile
  qrWarm: 5, // warm renders after each cold one
  qrLength: 97, // the length of B2C's otpauth URI for the gallery's account
  codeRuns: quick || 5, // a fresh context each: six key presses and a paste
};

/** Where the QR code and the code inputs are timed: served locally, no network throttling. */
const LOCAL_PROFILES = {
  phone: { label: 'phone (Pixel 5, 393 × 851, touch), 4× CPU', device: KnownDevices['Pixel 5'], cpu: 4 },
  desktop: { label: 'desktop (1280 × 800, mouse), no throttling', device: { viewport: { width: 1280, height: 800, deviceScaleFactor: 1 } }, cpu: 1 },
};

/**
 * Debian's Chromium, headless, with the flags of test/node/browser.mjs, and a
 * mouse: headless Chromium reports no pointer at all, which no desktop user has
 * (the template hides the otpauth: link only for `pointer: fine`). The phone
 * viewport's touch emulation makes it a coarse pointer again.
 */
function launchChromium() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    protocolTimeout: 60_000, // a page that never finishes fails the run in a minute, not three
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--blink-settings=primaryPointerType=4,availablePointerTypes=4,primaryHoverType=2,availableHoverTypes=2',
    ],
  });
}

/** The QR code and code-input pages and what they load, never cached. */
function router(state) {
  const noStore = { 'cache-control': 'no-store' };
  const text = (body, type) => ({ body, type, headers: noStore });
  const bitjson = join(root, 'node_modules/@bitjson/qr-code/dist');
  const route = (area, rest) => {
    switch (area) {
      case 'bundles':
        return text(state.bundles[rest], rest.endsWith('.css') ? 'text/css' : 'text/javascript');
      case 'qr':
        return text(qrPage(rest.replace(/\.html$/, '')), 'text/html');
      case 'code':
        return text(codeInputPage(rest.replace(/\.html$/, '')), 'text/html');
      case 'bitjson':
        return join(bitjson, rest);
      default:
        return undefined;
    }
  };
  return (path) => {
    const [, area, rest = ''] = /^\/([^/]+)\/?(.*)$/.exec(decodeURIComponent(path)) ?? [];
    try {
      return route(area, rest);
    } catch {
      return undefined; // a file that is not there: 404
    }
  };
}

/** Runs one stage of the bench, saying so on stderr (the table goes to stdout). */
async function stage(name, run) {
  const started = Date.now();
  process.stderr.write(`${name}… `);
  const result = await run();
  process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
}

/** `--before` or `--before=<commit>`: also measure that commit's templates. */
function beforeCommit(argv) {
  const arg = argv.find((a) => a === '--before' || a.startsWith('--before='));
  return arg === undefined ? undefined : arg.includes('=') ? arg.slice('--before='.length) : BEFORE_COMMIT;
}

/** The kit's files each page loaded (the same in every loading mode, or the run says so). */
function filesOf(pages, build) {
  const files = {};
  for (const page of Object.keys(PAGES)) {
    const lists = new Set(pages.filter((c) => c.build === build && c.page === page).map((c) => c.kitFiles.join(' ')));
    if (lists.size !== 1) throw new Error(`the ${build} build's ${page} page loaded different files in different modes: ${[...lists].join(' | ')}`);
    files[page] = [...lists][0].split(' ');
  }
  return files;
}

async function main() {
  // vite.config.ts resolves the template script's entry against the working directory.
  process.chdir(root);
  const started = Date.now();
  const loadStart = loadavg();
  const before = beforeCommit(process.argv.slice(2));
  const state = {};
  const { server, origin } = await serve(router(state)); // state fills in as the builds finish
  const browser = await launchChromium();
  const closing = [];
  try {
    const { sizes, bundles, hostings } = await stage('Building and weighing', async () => {
      const { sizes, bundles } = await measureSizes();
      const hostings = {
        after: await startHosting({ dir: join(benchDir, 'templates'), templates: (dir, base) => buildTemplates({ outDir: dir, base, logLevel: 'silent' }) }),
      };
      closing.push(hostings.after);
      if (before) {
        const prepared = prepareBefore(before);
        hostings.before = await startHosting({ dir: join(benchDir, 'before/templates'), templates: (dir, base) => templatesFor(prepared.dir, dir, base) });
        hostings.before.commit = prepared.commit;
        closing.push(hostings.before);
      }
      return { sizes, bundles, hostings };
    });
    state.bundles = { 'kit.js': bundles.kit, 'wa-qr-code.js': bundles.waQrCode, 'wa-otp-input.js': bundles.waOtpInput, 'wa-theme.css': bundles.waTheme };

    const builds = { after: { hosting: hostings.after, profiles: ['slow-phone', 'desktop'] } };
    if (hostings.before) builds.before = { hosting: hostings.before, profiles: ['slow-phone'] };
    const total = Object.values(builds).reduce((sum, build) => sum + build.profiles.length, 0) * 3 * 2 * RUNS.pageLoads;
    let done = 0;
    const pages = await stage(`Pages (${total} loads)`, () => measurePages(browser, builds, RUNS.pageLoads, () => process.stderr.write(++done % 10 ? '.' : `${done}`)));
    sizes.pages = { after: pageSizes(hostings.after.templatesDir, filesOf(pages, 'after')) };
    if (hostings.before) sizes.pages.before = pageSizes(hostings.before.templatesDir, filesOf(pages, 'before'));

    const qr = await stage('QR render', () => measureQrRender(browser, origin, LOCAL_PROFILES, { runs: RUNS.qrRenders, warm: RUNS.qrWarm, length: RUNS.qrLength }));
    addBitjsonSizes(sizes, qr.bitjsonFetched.map((path) => join(root, 'node_modules/@bitjson/qr-code/dist', path.slice('/bitjson/'.length))));
    const codeInput = await stage('Code input', () => measureCodeInput(browser, origin, LOCAL_PROFILES, RUNS.codeRuns));

    const results = {
      date: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown CPU',
        cores: cpus().length,
        loadAverage: { start: loadStart, end: loadavg() },
        node: process.version,
        chromium: `Chromium ${(await browser.version()).split('/').pop()}`,
      },
      runs: RUNS,
      profiles: Object.fromEntries(Object.entries(PROFILES).map(([name, profile]) => [name, profile.label])),
      localProfiles: Object.fromEntries(Object.entries(LOCAL_PROFILES).map(([name, profile]) => [name, profile.label])),
      builds: {
        after: { label: 'this build' },
        ...(hostings.before ? { before: { label: hostings.before.commit.slice(0, 7), commit: hostings.before.commit } } : {}),
      },
      sizes,
      pages,
      qrRender: qr.results,
      codeInput,
    };
    results.targets = targets(results);
    results.seconds = Math.round((Date.now() - started) / 1000);
    const report = formatReport(results);
    mkdirSync(benchDir, { recursive: true });
    writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(benchDir, 'results.md'), report);
    console.log(report);
    console.log(`Written to dist/bench/results.json and dist/bench/results.md (${results.seconds} s).`);
  } finally {
    await browser.close();
    server.close();
    await Promise.all(closing.map((hosting) => hosting.close()));
  }
}

await main();
