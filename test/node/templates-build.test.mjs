// The hosting build of the page templates, run as Node tests (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTemplates } from '../tools/check-templates.mjs';

const root = new URL('../..', import.meta.url).pathname;
const BASE = 'https://contosob2c.blob.core.windows.net/templates/v1/';

function viteBuild(env, outDir) {
  return spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

const outDir = mkdtempSync(join(tmpdir(), 'templates-'));
const built = viteBuild({ TEMPLATE_BASE_URL: BASE }, outDir);

test('the build emits the four templates with absolute, hashed asset URLs', () => {
  assert.equal(built.status, 0, built.stderr);
  const pages = readdirSync(outDir).filter((name) => name.endsWith('.html')).sort();
  assert.deepEqual(pages, ['error.html', 'selfasserted.html', 'totp.html', 'unified.html']);
  const html = readFileSync(join(outDir, 'totp.html'), 'utf8');
  assert.match(html, new RegExp(`<script defer src="${BASE}assets/b2c-totp-kit-[\\w-]{8}\\.js"></script>`));
  assert.match(html, new RegExp(`<link rel="stylesheet" href="${BASE}assets/brand-[\\w-]{8}\\.css">`));
  const css = readdirSync(join(outDir, 'assets')).find((name) => name.endsWith('.css'));
  assert.match(readFileSync(join(outDir, 'assets', css), 'utf8'), new RegExp(`url\\(${BASE}assets/logo-[\\w-]{8}\\.svg\\)`));
});

test('the template script is a classic script that defines no globals and loads its page\'s elements', () => {
  const script = readdirSync(join(outDir, 'assets')).find((name) => name.startsWith('b2c-totp-kit-'));
  const code = readFileSync(join(outDir, 'assets', script), 'utf8');
  assert.ok(code.startsWith('(()=>{'), 'wrapped in a function');
  assert.doesNotMatch(code, /(^|[;})])\s*import\s*[\w{*"'`]|\bexport\s*[{*\w]/, 'no static import or export');
  const chunks = [...code.matchAll(/import\(`\.\/([\w-]+\.js)`\)/g)].map((match) => match[1]).sort();
  assert.deepEqual(chunks.map((name) => name.replace(/-[\w-]{8}\.js$/, '')), ['enrollment', 'shared', 'verification']);
  // The verification page, seen at every sign-in, never loads the QR encoder.
  const verification = readFileSync(join(outDir, 'assets', chunks[2]), 'utf8');
  assert.doesNotMatch(verification, /code length overflow|getRSBlocks|totp-qr-code/);
});

test('the built set passes the template check', () => {
  const { problems, report } = checkTemplates(outDir);
  assert.deepEqual(problems, []);
  assert.equal(report.length, 4);
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

test('the check command exits 1 on a broken set and 0 on a good one', () => {
  assert.doesNotThrow(() => execFileSync('node', ['test/tools/check-templates.mjs', outDir], { cwd: root, stdio: 'pipe' }));
  const empty = mkdtempSync(join(tmpdir(), 'empty-'));
  assert.throws(() => execFileSync('node', ['test/tools/check-templates.mjs', empty], { cwd: root, stdio: 'pipe' }));
});
