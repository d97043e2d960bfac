// Bytes a page pays, minified and gzip -9: the kit whole and in parts, and what a
// designer would otherwise pick for the same parts (dev dependencies only).
// Every bundle is made the same way (Vite/Rolldown, es2022, fully minified, no
// comments); the kit's own go through vite.config.ts so that they are trimmed
// exactly as shipped. Each file counts separately, as each is its own response.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle as lightningBundle } from 'lightningcss';
import { bundle, buildKitBundle, root, sizeOf } from './build.mjs';

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
export const PEER_MODULES = {
  'wa-qr-code': `${WEB_AWESOME}/qr-code/qr-code.js`,
  'wa-otp-input': `${WEB_AWESOME}/otp-input/otp-input.js`,
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

/**
 * Everything measured at build time. Also returns the bundles the browser
 * measurements serve, so that what is timed is what is weighed.
 * @bitjson/qr-code is weighed later, from what Chromium actually fetches
 * (see qr-render.mjs): it is a Stencil loader that picks its core and
 * lazy-loads the component's chunk at run time, so no bundler can stand in.
 */
export async function measureSizes(templates) {
  const kit = await buildKitBundle();
  const servable = (chunks, name) => {
    if (chunks.length !== 1) throw new Error(`${name} bundled into ${chunks.length} chunks; the bench serves one file`);
    return chunks;
  };
  const waQrCode = servable(await bundle(entryOf(PEER_MODULES['wa-qr-code'])), 'wa-qr-code');
  const waOtpInput = servable(await bundle(entryOf(PEER_MODULES['wa-otp-input'])), 'wa-otp-input');
  const waTheme = webAwesomeThemeCss();
  const elements = {};
  for (const [tag, entry] of Object.entries(ELEMENTS)) elements[tag] = await elementSizes(entry);
  const qrcodeGenerator = "export { default } from 'qrcode-generator';";
  const sizes = {
    kit: sizeOf(kit),
    template: {
      script: sizeOf(templates.entry.code),
      ...Object.fromEntries(Object.entries(templates.pages).map(([page, files]) => [`${page}Page`, sizeOf([templates.entry.code, ...files.map((file) => file.code)])])),
    },
    elements,
    lit: sizeOf(await bundle("export * from 'lit';")),
    qrcodeGenerator: {
      trimmed: sizeOf(await bundle(qrcodeGenerator, { kitConfig: true })),
      untrimmed: sizeOf(await bundle(qrcodeGenerator)),
    },
    oursQrAndCodeInput: sizeOf(await bundle(entryOf(ELEMENTS['totp-qr-code'], ELEMENTS['totp-code-input']), { kitConfig: true })),
    peers: {
      'wa-qr-code': sizeOf(waQrCode),
      'wa-otp-input': sizeOf(waOtpInput),
      'wa-qr-code + wa-otp-input': sizeOf(await bundle(entryOf(...Object.values(PEER_MODULES)))),
      'Web Awesome theme CSS': sizeOf(waTheme),
    },
  };
  return { sizes, bundles: { kit, waQrCode: waQrCode[0], waOtpInput: waOtpInput[0], waTheme } };
}

/** @bitjson/qr-code's files as Chromium fetched them (Stencil's own minified output), with wa-otp-input beside it for the peers' other set. */
export function addBitjsonSizes(sizes, fetchedFiles) {
  const files = fetchedFiles.map((path) => readFileSync(path, 'utf8'));
  const qrCode = sizeOf(files);
  const otp = sizes.peers['wa-otp-input'];
  sizes.peers['@bitjson/qr-code'] = { ...qrCode, fetched: fetchedFiles.map((path) => path.slice(path.indexOf('dist/') + 5)) };
  sizes.peers['@bitjson/qr-code + wa-otp-input'] = { raw: qrCode.raw + otp.raw, gzip: qrCode.gzip + otp.gzip, files: qrCode.files + otp.files };
}
