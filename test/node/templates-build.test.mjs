// The hosting build of the page templates, run as Node tests (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTemplates } from '../../src/build/tools/check-templates.mjs';

const root = new URL('../..', import.meta.url).pathname;
const BASE = 'https://contosob2c.blob.core.windows.net/templates/v1/';

/** `npm run build:templates` into `outDir`: the template script's build, then the pages'. */
function viteBuild(env, outDir) {
  const run = (args) => spawnSync('npx', ['vite', 'build', ...args, '--outDir', outDir], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  const script = run(['--mode', 'template-script', '--emptyOutDir']);
  return script.status === 0 ? run([]) : script;
}

const outDir = mkdtempSync(join(tmpdir(), 'templates-'));
const built = viteBuild({ TEMPLATE_BASE_URL: BASE }, outDir);

test('the build emits the five templates with absolute, hashed asset URLs, and nothing else', () => {
  assert.equal(built.status, 0, built.stderr);
  const pages = readdirSync(outDir).filter((name) => name.endsWith('.html')).sort();
  assert.deepEqual(pages, ['choice.html', 'error.html', 'selfasserted.html', 'totp-rest.html', 'totp.html', 'unified.html']);
  // What is there is what gets uploaded: no build manifest left behind.
  assert.deepEqual(readdirSync(outDir).filter((name) => !name.endsWith('.html')).sort(), ['assets', 'logo.svg']);
  const html = readFileSync(join(outDir, 'totp.html'), 'utf8');
  assert.match(html, new RegExp(`<script defer src="${BASE}assets/b2c-totp-kit-[\\w-]{8}\\.js"></script>`));
  assert.match(html, new RegExp(`<link rel="stylesheet" href="${BASE}assets/brand-[\\w-]{8}\\.css">`));
  const css = readdirSync(join(outDir, 'assets')).find((name) => name.endsWith('.css'));
  assert.match(readFileSync(join(outDir, 'assets', css), 'utf8'), new RegExp(`url\\(${BASE}logo\\.svg\\)`));
});

const assetsOf = (pattern) => readdirSync(join(outDir, 'assets')).filter((name) => pattern.test(name));
const scriptCode = () => readFileSync(join(outDir, 'assets', assetsOf(/^b2c-totp-kit-/)[0]), 'utf8');

test('the template script is a classic script that defines no globals and imports every module by absolute URL', () => {
  const code = scriptCode();
  assert.ok(code.startsWith('(()=>{'), 'wrapped in a function');
  assert.doesNotMatch(code, /(^|[;})])\s*import\s*[\w{*"'`]|\bexport\s*[{*\w]/, 'no static import or export');
  // Every import() the script can make: a literal URL under the base, never relative (Chromium resolves a
  // relative one from a CORS-cross-origin classic script against about:blank) and never computed.
  // One exception, the page's language module: a literal URL under the base up to the language and page,
  // which come from the kit's own list (src/b2c/index.ts, src/build/plugins/locales.ts).
  const all = [...code.matchAll(/\bimport\(((?:[^()]|\([^()]*\))*)\)/g)].map((match) => match[1]);
  const language = all.filter((specifier) => specifier.startsWith(`\`${BASE}assets/locales-`));
  assert.equal(language.length, 1, all.join());
  assert.match(language[0], new RegExp(`^\`${BASE}assets/locales-[0-9a-f]{10}/\\$\\{`));
  const folder = language[0].slice(BASE.length + 1, BASE.length + 1 + 'assets/locales-0123456789'.length);
  assert.equal(readdirSync(join(outDir, folder)).length, 111, `${folder}: 37 languages × 3 pages (verification, enrollment, the REST page's QR image)`);
  const imports = all.filter((specifier) => !language.includes(specifier));
  assert.ok(imports.length >= 3, imports.join());
  for (const specifier of imports) assert.match(specifier, new RegExp(`^\`${BASE}assets/[\\w-]+\\.js\`$`), specifier);
  const chunks = imports.map((specifier) => specifier.slice(BASE.length + 'assets/'.length + 1, -1)).sort();
  const names = chunks.map((name) => name.replace(/-[\w-]{8}\.js$/, ''));
  // The verification page's module is the shared chunk itself: the page every sign-in shows loads one file.
  assert.deepEqual(names, ['enrollment', 'enrollment-mounts', 'sent-code', 'server-qr', 'shared']);
  const chunk = (name) => readFileSync(join(outDir, 'assets', chunks[names.indexOf(name)]), 'utf8');
  // The verification page, seen at every sign-in, never loads the QR encoder nor the REST page's image check.
  assert.match(chunk('shared'), /totp-code-input/);
  assert.doesNotMatch(chunk('shared'), /code length overflow|getRSBlocks|totp-qr-code|image\/bmp/);
  // Nor, in the script itself, what only the enrollment page, the REST page or the sent codes need:
  // the enrollment mounts' selectors and B2C's default texts, the REST page's styles, the sent codes' buttons.
  assert.doesNotMatch(code, /qrCodeInfo|Still having trouble|Scan the QR code|totp-kit-server-qr-image|sendNewCode|verificationErrorText/);
  assert.match(chunk('enrollment-mounts'), /qrCodeInfo/);
  assert.match(chunk('sent-code'), /sendNewCode/);
  // The REST page's module checks the server's image and loads no encoder of its own.
  assert.match(chunk('server-qr'), /image\/bmp/);
  assert.doesNotMatch(chunk('server-qr'), /code length overflow|getRSBlocks/);
  // Each of the bridge's page modules is whole: it imports nothing (plugins/self-contained.ts), so it costs one request.
  for (const name of ['enrollment-mounts', 'sent-code', 'server-qr']) assert.doesNotMatch(chunk(name), /^import|[;}]import[{*\s]/, name);
});

test('the session-replay markers are in the template script itself (plugins/self-contained.ts) and in the shared chunk, never a chunk of their own', () => {
  // The bridge marks B2C's copies of the secret before any module loads: a recorder may snapshot the page meanwhile.
  assert.match(scriptCode(), /rr-block[^"'`]*data-dd-privacy=hidden/);
  assert.match(scriptCode(), /rr-ignore/);
  const [shared] = assetsOf(/^shared-/);
  assert.match(readFileSync(join(outDir, 'assets', shared), 'utf8'), /rr-block/);
  assert.deepEqual(assetsOf(/\.js$/).map((name) => name.replace(/-[\w-]{8}\.js$/, '')).sort(), ['b2c-totp-kit', 'enrollment', 'enrollment-mounts', 'sent-code', 'server-qr', 'shared']);
});

test('the TOTP template preloads the verification page\'s modules, absolutely; the others preload nothing', () => {
  const preloads = (page) => [...readFileSync(join(outDir, page), 'utf8').matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
  const [shared] = assetsOf(/^shared-/);
  const [serverQr] = assetsOf(/^server-qr-/);
  assert.deepEqual(preloads('totp.html'), [`${BASE}assets/${shared}`]);
  assert.deepEqual(preloads('totp-rest.html'), [`${BASE}assets/${shared}`, `${BASE}assets/${serverQr}`]);
  for (const page of ['unified.html', 'selfasserted.html', 'choice.html', 'error.html']) assert.deepEqual(preloads(page), [], page);
});

test('the built set passes the template check', () => {
  const { problems, report } = checkTemplates(outDir);
  assert.deepEqual(problems, []);
  assert.equal(report.length, 6); // every template the build emits
});

test('a build without TEMPLATE_BASE_URL fails with a clear message', () => {
  const result = viteBuild({ TEMPLATE_BASE_URL: '' }, mkdtempSync(join(tmpdir(), 'no-base-')));
  assert.notEqual(result.status, 0);
  assert.match(result.stderr + result.stdout, /TEMPLATE_BASE_URL is not set/);
});

test('a relative or plain-HTTP base URL is refused', () => {
  for (const base of ['/templates/', 'http://contoso.example/templates/']) {
    const result = viteBuild({ TEMPLATE_BASE_URL: base }, mkdtempSync(join(tmpdir(), 'bad-base-')));
    assert.notEqual(result.status, 0, base);
    assert.match(result.stderr + result.stdout, /TEMPLATE_BASE_URL (is not an absolute URL|must use https)/, base);
  }
});

test('a base URL carrying credentials, a query (an Azure SAS) or a fragment is refused, and never echoed', () => {
  const cases = [
    ['https://admin:s3cr3t-pass@contoso.example/templates/', /user name or password/, 's3cr3t-pass'],
    ['https://contosob2c.blob.core.windows.net/templates/?sv=2024-11-04&ss=b&sig=AbCdSiGnAtUrE%3D', /query \(such as an Azure SAS token/, 'AbCdSiGnAtUrE'],
    ['https://contoso.example/templates/#v2', /fragment/, '#v2'],
  ];
  for (const [base, why, secret] of cases) {
    const result = viteBuild({ TEMPLATE_BASE_URL: base }, mkdtempSync(join(tmpdir(), 'bad-base-')));
    const output = result.stderr + result.stdout;
    assert.notEqual(result.status, 0, base);
    assert.match(output, why, base);
    assert.ok(!output.includes(secret), `the message does not repeat ${secret}`);
  }
});

test('the check names what B2C would reject', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bad-set-'));
  cpSync(outDir, dir, { recursive: true });
  const page = join(dir, 'totp.html');
  const html = readFileSync(page, 'utf8')
    .replace('<div id="api" role="main"></div>', '<div id="main"></div><script src="late.js"></script>')
    .replace(/href="https:[^"]+\.css"/, 'href="assets/brand.css"')
    .replace('<span class="brand-logo">', '<span class="brand-logo" onclick="x()">');
  writeFileSync(page, html);
  const { problems } = checkTemplates(dir);
  assert.ok(problems.some((p) => /totp\.html: no <div id="api">/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /<script> in <body>/.test(p)));
  assert.ok(problems.some((p) => /relative or non-HTTPS URL in <link href="assets\/brand.css">/.test(p)));
  assert.ok(problems.some((p) => /relative or non-HTTPS URL in <script src="late.js">/.test(p)));
  assert.ok(problems.some((p) => /inline handler onclick/.test(p)));
  rmSync(dir, { recursive: true, force: true });
});

test("the check takes a template's JSON data block (the claim map) for data, and any other inline script for a script", () => {
  assert.match(readFileSync(join(outDir, 'totp-rest.html'), 'utf8'), /<script type="application\/json" id="totp-kit-claims">/);
  const dir = mkdtempSync(join(tmpdir(), 'data-block-'));
  cpSync(outDir, dir, { recursive: true });
  const page = join(dir, 'totp-rest.html');
  const html = readFileSync(page, 'utf8');
  writeFileSync(page, html.replace('type="application/json" id="totp-kit-claims"', 'type="text/javascript" id="totp-kit-claims"'));
  assert.deepEqual(checkTemplates(dir).problems, ['totp-rest.html: an inline <script>: use an external file with defer']);
  writeFileSync(page, html.replace('<script type="application/json" id="totp-kit-claims">', '<script type="application/json" id="totp-kit-claims" src="https://x.example/map.json">'));
  assert.ok(checkTemplates(dir).problems.some((p) => /a data block is inline/.test(p)));
  rmSync(dir, { recursive: true, force: true });
});

test('the check command exits 1 on a broken set and 0 on a good one', () => {
  assert.doesNotThrow(() => execFileSync('node', ['src/build/tools/check-templates.mjs', outDir], { cwd: root, stdio: 'pipe' }));
  const empty = mkdtempSync(join(tmpdir(), 'empty-'));
  assert.throws(() => execFileSync('node', ['src/build/tools/check-templates.mjs', empty], { cwd: root, stdio: 'pipe' }));
});
