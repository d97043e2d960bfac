// Bytes a page pays: as stored (Azure Blob Storage sends files as stored unless
// they were uploaded compressed), gzip -9 and brotli (quality 11), each summed
// over the files a page loads, each its own response. The kit whole and in
// parts, each TOTP page as Chromium loaded it, and what a designer would
// otherwise pick for the same page (dev dependencies only). Every bundle is made
// the same way (Vite/Rolldown, es2022, fully minified, no comments); the kit's
// own go through vite.config.ts so that they are trimmed exactly as shipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle as lightningBundle } from 'lightningcss';
import { addSizes, bundle, buildKitBundle, root, sizeOf } from './build.mjs';

const src = (path) => join(root, 'src', path);

/** The kit's elements, each with its own entry module. */
export const ELEMENTS = {
  'totp-qr-code': src('elements/qr-code/qr-code.ts'),
  'totp-authenticator-info': src('elements/authenticator-info/authenticator-info.ts'),
  'totp-app-icon': src('elements/app-icon/app-icon.ts'),
  'totp-code-input': src('elements/code-input/code-input.ts'),
};

/** Web Awesome's per-component modules: each imports its chunks, Lit and the libraries it needs, and defines its tag. */
const WEB_AWESOME = '@awesome.me/webawesome/dist/components';
const WA = {
  'wa-qr-code': `${WEB_AWESOME}/qr-code/qr-code.js`,
  'wa-copy-button': `${WEB_AWESOME}/copy-button/copy-button.js`,
  'wa-otp-input': `${WEB_AWESOME}/otp-input/otp-input.js`,
};

/**
 * The peers' equivalent of each page, what a designer would load instead:
 * - verification (B2C's code field): a one-time-code input, wa-otp-input;
 * - enrollment (B2C's QR code, account details with the secret to copy, and app
 *   store links): a QR code and a copy button, wa-qr-code or @bitjson/qr-code
 *   with wa-copy-button; the store links are plain links (B2C's own, or the
 *   template's), which no peer has a component for;
 * - the whole set: all three Web Awesome components in one bundle.
 * Each set is one bundle (Lit and Web Awesome's base counted once).
 */
export const PEER_SETS = {
  verification: ['wa-otp-input'],
  enrollment: ['wa-qr-code', 'wa-copy-button'],
  whole: ['wa-qr-code', 'wa-copy-button', 'wa-otp-input'],
};

/**
 * An entry that loads `modules` as a page would (for their side effect: defining
 * the tag) and re-exports them, so that their code is kept even where a
 * package.json declares it free of side effects.
 */
const entryOf = (...modules) => modules.map((module) => `import ${JSON.stringify(module)};export * from ${JSON.stringify(module)};`).join('\n');

/** One element: with Lit and all it needs, without Lit, and its own code only (no package at all). */
async function elementSizes(entry) {
  const code = entryOf(entry);
  const [alone, withoutLit, ownCode] = await Promise.all(
    ['none', 'lit', 'packages'].map(async (external) => sizeOf(await bundle(code, { kitConfig: true, external }))),
  );
  return { alone, withoutLit, ownCode };
}

/**
 * Web Awesome's theme stylesheet (design tokens and colour palette), bundled
 * and minified with Lightning CSS (Vite's CSS minifier). Its components read
 * their colours, spacing and radii from it; without it they are unstyled.
 */
function webAwesomeThemeCss() {
  const filename = join(root, 'node_modules', '@awesome.me/webawesome/dist/styles/themes/default.css');
  return lightningBundle({ filename, minify: true }).code.toString();
}

/** A bundle the browser measurements serve: one file. */
async function servable(...names) {
  const chunks = await bundle(entryOf(...names.map((name) => WA[name])));
  if (chunks.length !== 1) throw new Error(`${names.join(' + ')} bundled into ${chunks.length} chunks; the bench serves one file`);
  return chunks[0];
}

/**
 * Everything measured at build time. Also returns the bundles the browser
 * measurements serve, so that what is timed is what is weighed.
 * @bitjson/qr-code is weighed later, from what Chromium actually fetches
 * (see qr-render.mjs): it is a Stencil loader that picks its core and
 * lazy-loads the component's chunk at run time, so no bundler can stand in.
 */
export async function measureSizes() {
  const kit = await buildKitBundle();
  const waQrCode = await servable('wa-qr-code');
  const waOtpInput = await servable('wa-otp-input');
  const waTheme = webAwesomeThemeCss();
  const elements = {};
  for (const [tag, entry] of Object.entries(ELEMENTS)) elements[tag] = await elementSizes(entry);
  const qrcodeGenerator = "export { default } from 'qrcode-generator';";
  const peerSets = {};
  for (const [page, names] of Object.entries(PEER_SETS)) peerSets[page] = { names, size: sizeOf(await servable(...names)) };
  const sizes = {
    kit: sizeOf(kit),
    elements,
    lit: sizeOf(await bundle("export * from 'lit';")),
    qrcodeGenerator: {
      trimmed: sizeOf(await bundle(qrcodeGenerator, { kitConfig: true })),
      untrimmed: sizeOf(await bundle(qrcodeGenerator)),
    },
    peers: {
      sets: peerSets,
      copyButton: sizeOf(await servable('wa-copy-button')),
      theme: sizeOf(waTheme),
    },
  };
  return { sizes, bundles: { kit, waQrCode, waOtpInput, waTheme } };
}

/**
 * Each page's files as Chromium loaded them from the storage (`files`: page →
 * paths under the templates' folder), weighed from that folder: the kit's
 * (its script and modules) and the template's own (HTML where the browser
 * fetched it, stylesheet, logo), each file on its own.
 */
export function pageSizes(templatesDir, files) {
  const weigh = (list) => ({ ...sizeOf(list.map((path) => readFileSync(join(templatesDir, path)))), names: list.map((path) => path.replace(/^assets\//, '')) });
  return Object.fromEntries(Object.entries(files).map(([page, list]) => [page, weigh(list)]));
}

/** @bitjson/qr-code's files as Chromium fetched them (Stencil's own minified output), and its enrollment set with wa-copy-button. */
export function addBitjsonSizes(sizes, fetchedFiles) {
  const qrCode = sizeOf(fetchedFiles.map((path) => readFileSync(path, 'utf8')));
  sizes.peers.bitjson = { ...qrCode, fetched: fetchedFiles.map((path) => path.slice(path.indexOf('dist/') + 5)) };
  sizes.peers.sets.enrollmentBitjson = { names: ['@bitjson/qr-code', 'wa-copy-button'], size: addSizes(qrCode, sizes.peers.copyButton) };
}
