#!/usr/bin/env node
// `npm run bench`: what users feel, in numbers. Builds the self-contained
// bundle, measures its size, and times the kit in headless Chromium.
// Prints a table and writes the same figures to dist/bench/results.json.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import puppeteer from 'puppeteer-core';

const root = new URL('../..', import.meta.url).pathname;
const outDir = join(root, 'dist/bench');
const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
const RUNS = 101;

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function buildBundle() {
  await build({ root, mode: 'cdn', logLevel: 'silent', build: { outDir: join(outDir, 'cdn'), emptyOutDir: true } });
  return readFileSync(join(outDir, 'cdn/b2c-totp-kit.js'));
}

/** An otpauth URI of exactly `length` characters, unique per `seed` so each run encodes anew. */
function uriOfLength(length, seed) {
  const base = `otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=${seed.toString(32).toUpperCase().replace(/[01890]/g, 'A').padEnd(16, 'B').slice(0, 16)}&issuer=Contoso+demo&pad=`;
  return base + 'x'.repeat(Math.max(0, length - base.length));
}

function serve(files) {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url, 'http://localhost').pathname];
    if (!file) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Runs in the page. For each URI, set at the start of a frame: the time until
 * the SVG is rendered and laid out (main-thread work), and how many frames pass
 * before the browser starts the next one, by which point it has painted the code.
 */
async function measureQr(uris) {
  const element = document.createElement('totp-qr-code');
  document.body.append(element);
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const work = [];
  const frames = [];
  let interval = 0;
  for (const uri of uris) {
    const frameStart = await frame();
    const start = performance.now();
    element.value = uri;
    await element.updateComplete;
    element.shadowRoot.querySelector('svg').getBoundingClientRect(); // style and layout
    work.push(performance.now() - start);
    const nextFrame = await frame();
    interval = nextFrame - frameStart;
    frames.push(Math.round((nextFrame - frameStart) / (1000 / 60)));
  }
  const sorted = (values) => [...values].sort((a, b) => a - b);
  return {
    workMedianMs: sorted(work)[Math.floor(work.length / 2)],
    workP95Ms: sorted(work)[Math.floor(work.length * 0.95)],
    framesToPaintMedian: sorted(frames)[Math.floor(frames.length / 2)],
    lastFrameIntervalMs: interval,
  };
}

async function main() {
  const bundle = await buildBundle();
  const sizes = { bundle: { raw: bundle.length, gzip: gzipSize(bundle) } };

  const server = await serve({
    '/': { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><script type="module" src="/kit.js"></script><body></body>' },
    '/kit.js': { type: 'text/javascript', body: bundle },
  });
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const timings = {};
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => customElements.get('totp-qr-code'));
    for (const length of [100, 300]) {
      const uris = Array.from({ length: RUNS }, (_, i) => uriOfLength(length, 1000 + i));
      timings[`qr${length}`] = await page.evaluate(measureQr, uris);
    }
  } finally {
    await browser.close();
    server.close();
  }

  const results = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${await chromiumVersion()}`,
    runs: RUNS,
    sizes,
    timings,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
  const ms = (value) => `${value.toFixed(2)} ms`;
  console.log(`b2c-totp-kit benchmark, ${results.date.slice(0, 10)}, ${results.machine}\n`);
  console.table({
    'bundle (lit + qrcode-generator + kit), min': { value: kb(sizes.bundle.raw) },
    'bundle, min+gzip': { value: kb(sizes.bundle.gzip) },
    ...Object.fromEntries(
      [100, 300].flatMap((length) => [
        [`QR ${length} chars: value to SVG laid out, median`, { value: ms(timings[`qr${length}`].workMedianMs) }],
        [`QR ${length} chars: value to SVG laid out, p95`, { value: ms(timings[`qr${length}`].workP95Ms) }],
        [`QR ${length} chars: frames until painted, median`, { value: String(timings[`qr${length}`].framesToPaintMedian) }],
      ]),
    ),
  });
  console.log(`\nWritten to ${join('dist/bench', 'results.json')}`);
}

async function chromiumVersion() {
  const { execFileSync } = await import('node:child_process');
  try {
    return execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

await main();
