// The npm package as a consumer gets it: the library, the CDN bundle, the
// declarations and custom-elements.json are built (as `npm run build:lib` and
// `npm run build:cdn` build them, into a scratch copy of the package, so the
// checkout's dist/ is left alone), `npm pack`ed, and the tarball is installed into
// an empty project (lit and qrcode-generator from npm's cache where it has them,
// else from the registry: a fresh machine's cache is empty). Then:
// every `exports` subpath resolves, a TypeScript consumer type-checks against the
// installed declarations, and a page bundled by Vite from the installed package
// runs in Debian's Chromium: the QR code decodes and the code input posts its code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { generateManifest } from '../../src/build/tools/manifest.mjs';
import { b2cMarkup, launchChromium, root, scanQr, serve } from './browser.mjs';

const URI = 'otpauth://totp/Contoso%20demo:emily@fabrikam.com?secret=fay2lj7ynpntjgqa&issuer=Contoso+demo';
const ELEMENTS = ['qr-code', 'authenticator-info', 'app-icon', 'code-input'];
const TAGS = ELEMENTS.map((name) => `totp-${name}`);

const work = mkdtempSync(join(tmpdir(), 'pack-'));
const pkgDir = join(work, 'package');
const consumer = join(work, 'consumer');
const installed = join(consumer, 'node_modules/b2c-totp-kit');
let packed; // npm pack --json's report
let tarball;
let browser;
let server;
let origin;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' }, ...options });
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

const write = (path, text) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};

before(async () => {
  // The package directory: package.json, README, LICENSE and the built dist/.
  mkdirSync(pkgDir);
  for (const file of ['package.json', 'README.md', 'LICENSE']) copyFileSync(join(root, file), join(pkgDir, file));
  await build({ root, mode: 'cdn', logLevel: 'silent', build: { outDir: join(pkgDir, 'dist/cdn') } });
  run(join(root, 'node_modules/.bin/tsc'), ['-p', 'src/tsconfig.lib.json', '--outDir', join(pkgDir, 'dist/lib')], { cwd: root });
  generateManifest(join(pkgDir, 'dist'));

  // --ignore-scripts: prepack would build again, in the checkout.
  const pack = run('npm', ['pack', pkgDir, '--ignore-scripts', '--json', '--pack-destination', work], { cwd: work });
  [packed] = JSON.parse(pack.stdout);
  tarball = join(work, packed.filename);

  write(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: consumer });
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the library, its declarations, the CDN bundle with its licences and the manifest, and nothing else', (t) => {
  const files = packed.files.map((file) => file.path).sort();
  for (const file of files) {
    assert.match(file, /^(package\.json|README\.md|LICENSE|dist\/custom-elements\.json|dist\/cdn\/.+|dist\/lib\/.+)$/, `${file} belongs in the package`);
    assert.doesNotMatch(file, /preview|\.ts$(?<!\.d\.ts)|\.map$|\.test\./, `${file} is not for consumers`);
  }
  // JavaScript and declarations side by side, mirroring src/.
  for (const file of files.filter((path) => path.startsWith('dist/lib/'))) {
    assert.match(file, /^dist\/lib\/(index|b2c\/(controls\/)?[\w-]+|core\/[\w-]+|elements\/([\w-]+\/)?[\w.-]+|locales\/[\w-]+)\.(js|d\.ts)$/, file);
    const twin = file.endsWith('.d.ts') ? file.replace(/\.d\.ts$/, '.js') : file.replace(/\.js$/, '.d.ts');
    assert.ok(files.includes(twin), `${file} has its ${twin}`);
  }
  for (const name of ELEMENTS) assert.ok(files.includes(`dist/lib/elements/${name}/${name}.js`), name);
  // Every language, for npm and for the CDN (src/locales/, src/build/plugins/locales.ts).
  assert.equal(files.filter((file) => /^dist\/lib\/locales\/[\w-]+\.js$/.test(file)).length, 38, 'the 37 languages and their index');
  assert.equal(files.filter((file) => /^dist\/cdn\/locales\/[\w-]+\.js$/.test(file)).length, 37, 'the 37 languages beside the CDN bundle');
  for (const file of ['LICENSE', 'README.md', 'dist/lib/index.js', 'dist/lib/b2c/bridge.js', 'dist/cdn/b2c-totp-kit.js', 'dist/cdn/THIRD-PARTY-LICENSES.txt', 'dist/custom-elements.json']) {
    assert.ok(files.includes(file), file);
  }
  const notice = readFileSync(join(installed, 'dist/cdn/THIRD-PARTY-LICENSES.txt'), 'utf8');
  // Exactly what is bundled: lit-html (the kit's own base replaces LitElement) and qrcode-generator.
  for (const text of ['lit-element@', '@lit/reactive-element@']) assert.ok(!notice.includes(text), `${text} is not bundled, so not named`);
  for (const text of ['lit-html@', 'BSD 3-Clause License', 'Google LLC', 'qrcode-generator@', '(MIT)', 'Copyright (c) 2009 Kazuhiko Arase', 'Permission is hereby granted']) {
    assert.ok(notice.includes(text), `the CDN bundle's notice names ${text}`);
  }
  t.diagnostic(`tarball: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`);
  // The README is most of it (74 KB of 340 KB unpacked at 0.1.0), then the 37 languages, twice (the
  // library's and the CDN's, about 50 KB packed); a stray folder would be far more.
  assert.ok(packed.size < 200_000, `the tarball stays small (${packed.size} bytes)`);
});

test('every exports subpath resolves in the installed package, each with its declarations', () => {
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const subpaths = Object.keys(pkg.exports);
  assert.deepEqual(subpaths, ['.', './qr-code', './authenticator-info', './app-icon', './code-input', './b2c', './locales', './locales/*', './cdn', './custom-elements.json', './package.json']);
  // Node's own resolution, from the consumer's directory; a language for the pattern.
  const specifiers = subpaths.map((subpath) => `b2c-totp-kit${subpath.slice(1).replace('*', 'pt-br')}`);
  const script = `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => import.meta.resolve(s))))`;
  const resolved = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer }).stdout);
  for (const [index, url] of resolved.entries()) {
    const file = new URL(url).pathname;
    assert.ok(file.startsWith(`${installed}/`) && existsSync(file), `${specifiers[index]} → ${relative(consumer, file)}`);
  }
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue;
    assert.equal(Object.keys(target)[0], 'types', `${subpath}: types first`);
    assert.ok(existsSync(join(installed, target.types.replace('*', 'pt-br'))), `${subpath}: ${target.types}`);
  }
  for (const field of ['main', 'module', 'types']) assert.ok(existsSync(join(installed, pkg[field])), `${field}: ${pkg[field]}`);
  assert.ok(existsSync(join(installed, pkg.customElements)), 'customElements');
  // The manifest points at files of the package.
  const manifest = JSON.parse(readFileSync(join(installed, pkg.customElements), 'utf8'));
  for (const module of manifest.modules) assert.ok(existsSync(join(installed, module.path)), `manifest module ${module.path}`);
});

test('only the modules named in sideEffects define elements, and the library imports nothing but its dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  // `./src/**` keeps the repository's own builds (templates, CDN) from dropping the
  // elements' definitions; the package ships no src/, so for consumers it matches nothing.
  const [sources, published] = [pkg.sideEffects.filter((path) => path.startsWith('./src/')), pkg.sideEffects.filter((path) => !path.startsWith('./src/'))];
  assert.deepEqual(sources, ['./src/**']);
  assert.ok(!existsSync(join(installed, 'src')));
  const listed = new Set(published.map((path) => path.replace(/^\.\//, '')));
  const lib = (dir) => readdirSync(join(installed, dir), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? lib(`${dir}/${entry.name}`) : entry.name.endsWith('.js') ? [`${dir}/${entry.name}`] : []));
  const dependencies = Object.keys(pkg.dependencies);
  for (const file of lib('dist/lib')) {
    const code = readFileSync(join(installed, file), 'utf8');
    // Unminified: a statement at the top level starts its line.
    const defines = /^(defineElement|customElements\.define)\(/m.test(code);
    assert.equal(defines, listed.has(file) && file !== 'dist/lib/index.js', `${file}: defines an element at import ⇔ listed in sideEffects`);
    for (const [, specifier] of code.matchAll(/^(?:import|export)\b(?:[^'"]*?from)?\s*["']([^"']+)["']/gm)) {
      assert.ok(specifier.startsWith('./') || specifier.startsWith('../') || dependencies.includes(specifier.split('/')[0]), `${file} imports ${specifier}`);
    }
  }
  for (const file of listed) assert.ok(existsSync(join(installed, file)), `sideEffects: ${file}`);
  const index = readFileSync(join(installed, 'dist/lib/index.js'), 'utf8');
  for (const name of ELEMENTS) assert.match(index, new RegExp(`from '\\./elements/${name}/${name}\\.js'`), `index imports ${name}`);
  assert.ok(!/qrcode-generator|from 'lit'/.test(readFileSync(join(installed, 'dist/lib/b2c/bridge.js'), 'utf8')), 'the bridge pulls in neither Lit nor the QR encoder');
  for (const dependency of ['lit', 'qrcode-generator']) assert.ok(existsSync(join(consumer, 'node_modules', dependency, 'package.json')), `${dependency} installed`);
});

test('a TypeScript consumer type-checks against the installed declarations (NodeNext and Bundler), and a wrong use fails', () => {
  write(
    join(consumer, 'src/main.ts'),
    `import { TotpQrCodeElement, qrCodeStrings, type QrCodeStrings } from 'b2c-totp-kit';
import type { TotpCodeInputElement, TotpCompleteEvent } from 'b2c-totp-kit/code-input';
import { TotpCopyEvent } from 'b2c-totp-kit/authenticator-info';
import { appIconStrings } from 'b2c-totp-kit/app-icon';
import { startBridge, readOptions, type BridgeOptions } from 'b2c-totp-kit/b2c';
import type { TotpAppIconElement } from 'b2c-totp-kit/cdn';
import { registerTranslation, type Translation } from 'b2c-totp-kit';
import { loadTranslation, matchLanguage } from 'b2c-totp-kit/locales';
import german from 'b2c-totp-kit/locales/de';

const qr: TotpQrCodeElement = document.createElement('totp-qr-code');
qr.value = 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP';
qr.errorCorrection = 'Q';
const strings: Partial<QrCodeStrings> = { link: qrCodeStrings.link };
qr.strings = strings;
const input: TotpCodeInputElement = document.createElement('totp-code-input');
input.addEventListener('totp-complete', (event: TotpCompleteEvent) => console.log(event.code.padStart(6)));
document.addEventListener('totp-copy', (event) => console.log(event instanceof TotpCopyEvent && event.ok));
const copied: Promise<boolean> | undefined = document.querySelector('totp-authenticator-info')?.copySecret();
const icon: TotpAppIconElement | null = document.querySelector('totp-app-icon');
if (icon) icon.strings = { appStore: appIconStrings.appStore };
const options: BridgeOptions = { ...readOptions(document), autosubmit: true };
const stop: () => void = startBridge(document, options);
stop();
const de: Translation = german;
registerTranslation(de, 'de-AT');
void loadTranslation(matchLanguage('pt-BR')).then((translation) => translation && registerTranslation(translation));
export { copied };
`,
  );
  write(join(consumer, 'bad/main.ts'), `import 'b2c-totp-kit';\ndocument.createElement('totp-qr-code').value = 42;\n`);
  const tsc = join(root, 'node_modules/.bin/tsc');
  // skipLibCheck stays off: the package's declarations (and Lit's) are checked too.
  const common = ['--ignoreConfig', '--strict', '--noEmit', '--target', 'ES2022', '--lib', 'ES2024,DOM,DOM.Iterable'];
  for (const resolution of [['--module', 'NodeNext', '--moduleResolution', 'NodeNext'], ['--module', 'ESNext', '--moduleResolution', 'Bundler']]) {
    const result = run(tsc, [...common, ...resolution, 'src/main.ts'], { cwd: consumer, allowFailure: true });
    assert.equal(result.status, 0, `tsc ${resolution.join(' ')}:\n${result.stdout}${result.stderr}`);
  }
  const bad = run(tsc, [...common, '--module', 'NodeNext', '--moduleResolution', 'NodeNext', 'bad/main.ts'], { cwd: consumer, allowFailure: true });
  assert.notEqual(bad.status, 0, 'a number for `value` fails');
  assert.match(bad.stdout, /TS2322/);
});

test('the installed package works in Chromium: bundled by Vite, from the CDN file, and through the bridge', async () => {
  write(
    join(consumer, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Consumer</title><script type="module" src="./main.js"></script></head>
<body><form id="form"><totp-qr-code deep-link="never"></totp-qr-code><totp-authenticator-info></totp-authenticator-info><totp-app-icon></totp-app-icon>
<totp-code-input><label for="code">Code</label><input id="code" name="otpCode"></totp-code-input><button>Verify</button></form><output id="posted"></output></body></html>`,
  );
  write(
    join(consumer, 'main.js'),
    `import 'b2c-totp-kit';
document.querySelector('totp-qr-code').value = ${JSON.stringify(URI)};
document.querySelector('totp-authenticator-info').uri = ${JSON.stringify(URI)};
window.completed = [];
document.addEventListener('totp-complete', (event) => window.completed.push(event.code));
document.getElementById('form').addEventListener('submit', (event) => {
  event.preventDefault();
  document.getElementById('posted').value = new URLSearchParams(new FormData(event.target)).toString();
});
`,
  );
  write(join(consumer, 'qr-only.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>QR only</title><script type="module" src="./qr-only.js"></script></head><body></body></html>`);
  write(join(consumer, 'qr-only.js'), `import 'b2c-totp-kit/qr-code';\n`);
  write(
    join(consumer, 'bridge.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bridge</title><script type="module" src="./bridge.js"></script></head><body><div id="api"></div></body></html>`,
  );
  write(join(consumer, 'bridge.js'), `import 'b2c-totp-kit';\nimport { startBridge } from 'b2c-totp-kit/b2c';\nwindow.startKit = () => startBridge();\n`);
  const input = Object.fromEntries(['index', 'qr-only', 'bridge'].map((name) => [name, join(consumer, `${name}.html`)]));
  await build({ root: consumer, configFile: false, logLevel: 'silent', build: { outDir: join(consumer, 'dist'), rolldownOptions: { input } } });
  ({ server, origin } = await serve((path) => {
    if (path === '/blank.html') return { body: '<!doctype html><html lang="en"><title>Blank</title></html>' };
    return path.startsWith('/cdn/') ? join(installed, 'dist', path) : join(consumer, 'dist', path);
  }));
  browser = await launchChromium();
  const errors = [];
  const open = async (path) => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
    await page.goto(`${origin}${path}`);
    return page;
  };

  // The whole kit, bundled from the package: renders, the QR decodes, the form posts the code.
  const page = await open('/index.html');
  await page.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), {}, TAGS);
  assert.equal(await scanQr(page), URI);
  assert.ok(await page.$eval('totp-app-icon', (element) => element.shadowRoot.querySelectorAll('a').length > 0), 'store links render');
  assert.ok(await page.$eval('totp-authenticator-info', (element) => /FAY2/.test(element.shadowRoot.textContent)), 'the secret shows');
  await page.type('#code', '123 456');
  assert.deepEqual(await page.evaluate(() => window.completed), ['123456']);
  await page.click('button');
  assert.equal(await page.$eval('#posted', (output) => output.value), 'otpCode=123456');
  await page.close();

  // One element's entry brings that element only: sideEffects and the per-element entries let the rest go.
  const qrOnly = await open('/qr-only.html');
  await qrOnly.waitForFunction(() => customElements.get('totp-qr-code'));
  assert.deepEqual(await qrOnly.evaluate((tags) => tags.filter((tag) => customElements.get(tag)), TAGS), ['totp-qr-code']);
  const scripts = await qrOnly.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.endsWith('.js')));
  for (const script of scripts) assert.ok(!readFileSync(join(consumer, 'dist', script), 'utf8').includes('totp-code-input'), `${script} has no code input`);
  await qrOnly.close();

  // The CDN bundle from the installed package, in a plain page.
  const cdn = await open('/blank.html');
  await cdn.addScriptTag({ url: `${origin}/cdn/b2c-totp-kit.js`, type: 'module' });
  await cdn.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), {}, TAGS);
  await cdn.close();

  // The bridge from `b2c-totp-kit/b2c` upgrades B2C's enrollment page.
  const b2c = await open('/bridge.html');
  await b2c.evaluate((markup) => {
    document.getElementById('api').innerHTML = markup;
    window.startKit();
  }, b2cMarkup('totp-enroll', { uri: URI, qrId: 'totpQrCodeControl', infoId: 'info', iconId: 'icon' }));
  assert.equal(await scanQr(b2c), URI);
  await b2c.close();
  assert.deepEqual(errors, []);
});
