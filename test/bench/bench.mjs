#!/usr/bin/env node
// `npm run bench`: what users feel, in numbers, beside what a designer would
// use instead. Builds what it measures into dist/bench (the kit, the templates,
// each element, the peers), serves it on a local port, and measures in Debian's
// headless Chromium: bytes, the enrollment page (time to a painted QR code,
// layout shift), QR encode-and-render time, code-input latency. Prints the
// table and writes the same figures to dist/bench/results.json (and the table
// to dist/bench/results.md, the text README.md's "Benchmark" section quotes).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from '../node/browser.mjs';
import { benchDir, buildTemplates, root } from './build.mjs';
import { codeInputPage, measureCodeInput } from './code-input.mjs';
import { enrollmentHtml, enrollmentMarkup, markedScript, measureEnrollmentPage } from './enrollment-page.mjs';
import { measureQrRender, qrPage } from './qr-render.mjs';
import { formatReport, targets } from './report.mjs';
import { addBitjsonSizes, measureSizes } from './sizes.mjs';

const RUNS = {
  pageLoads: 9, // per viewport
  qrRenders: 101, // per library and URI length
  qrLengths: [100, 300],
  codes: 10, // six key presses each
  pastes: 20,
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

/** Every file the pages load, never cached, so each page load fetches the kit anew. */
function router(state) {
  const noStore = { 'cache-control': 'no-store' };
  const text = (body, type) => ({ body, type, headers: noStore });
  const bitjson = join(root, 'node_modules/@bitjson/qr-code/dist');
  const route = (area, rest) => {
    switch (area) {
      case 'templates':
        if (rest === 'totp.html') return text(state.enrollmentHtml, 'text/html');
        if (rest === `assets/${state.templates.entry.name}`) return text(markedScript(state.templates.entry.code), 'text/javascript');
        return text(readFileSync(join(state.templates.outDir, rest))); // its type from the extension
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

async function main() {
  // vite.config.ts resolves the template script's entry against the working directory.
  process.chdir(root);
  const started = Date.now();
  const state = {};
  const { server, origin } = await serve(router(state)); // state fills in as the builds finish
  const browser = await launchChromium();
  try {
    const { sizes, bundles } = await stage('Building and weighing', async () => {
      state.templates = await buildTemplates(`${origin}/templates/`);
      state.enrollmentHtml = enrollmentHtml(readFileSync(join(state.templates.outDir, 'totp.html'), 'utf8'), await enrollmentMarkup());
      return measureSizes(state.templates);
    });
    state.bundles = { 'kit.js': bundles.kit, 'wa-qr-code.js': bundles.waQrCode, 'wa-otp-input.js': bundles.waOtpInput, 'wa-theme.css': bundles.waTheme };

    const enrollmentPage = await stage('Enrollment page', () => measureEnrollmentPage(browser, `${origin}/templates/totp.html`, RUNS.pageLoads));
    const qr = await stage('QR encode and render', () => measureQrRender(browser, origin, RUNS.qrLengths, RUNS.qrRenders));
    addBitjsonSizes(sizes, qr.bitjsonFetched.map((path) => join(root, 'node_modules/@bitjson/qr-code/dist', path.slice('/bitjson/'.length))));
    const codeInput = await stage('Code input', () => measureCodeInput(browser, origin, { codes: RUNS.codes, pastes: RUNS.pastes }));

    const results = {
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model ?? 'unknown CPU', cores: cpus().length, node: process.version, chromium: `Chromium ${(await browser.version()).split('/').pop()}` },
      runs: RUNS,
      sizes,
      enrollmentPage,
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
  }
}

await main();
