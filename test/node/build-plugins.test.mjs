// The build's plugins that change code, each on its own: what they do to a sample,
// and that they fail loudly rather than ship something else.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runnerImport } from 'vite';

const root = new URL('../..', import.meta.url).pathname;
const load = async (path) => (await runnerImport(`${root}src/build/${path}`, { configFile: false, logLevel: 'silent' })).module;
let trim;
let classic;
let minify;
let baseUrl;
before(async () => {
  [trim, classic, minify, baseUrl] = await Promise.all(['plugins/trim-qrcode-generator.ts', 'plugins/classic-entry.ts', 'plugins/minify-css-literals.ts', 'base-url.ts'].map(load));
});

test('trim-qrcode-generator cuts the library\'s output helpers and other modes, and fails naming a cut whose text moved', () => {
  const source = readFileSync(createRequire(import.meta.url).resolve('qrcode-generator').replace(/qrcode\.js$/, 'qrcode.mjs'), 'utf8');
  const trimmed = trim.trimSource(source);
  // What the cuts take from the text; what they leave unreachable (the Kanji mode, the GIF encoder)
  // goes when the bundle is tree-shaken (test/node/bundles.test.mjs checks the bundles).
  for (const gone of ['createImgTag', 'createSvgTag', 'createTableTag', 'case QRMaskPattern.PATTERN000']) assert.ok(!trimmed.includes(gone), gone);
  for (const kept of ['getLostPoint', 'getBCHTypeInfo', 'getRSBlocks', 'qr8BitByte']) assert.ok(trimmed.includes(kept), kept);
  assert.throws(() => trim.trimSource(source.replace('_this.createTableTag', '_this.makeTableTag')), /qrcode-generator has changed: "_this\.createTableTag = function" is gone/);
});

test('classic-entry makes every relative import() absolute under the base, and leaves absolute ones alone', () => {
  const code = 'import(`./shared-abc.js`);import("../x/y.js");import(\'https://cdn.example/z.js\')';
  assert.equal(
    classic.absoluteImports(code, 'assets/b2c-totp-kit-123.js', 'https://contoso.example/templates/'),
    'import(`https://contoso.example/templates/assets/shared-abc.js`);import("https://contoso.example/templates/x/y.js");import(\'https://cdn.example/z.js\')',
  );
});

test('minify-css-literals minifies each css`` literal, keeps interpolations in place, and fails on invalid CSS', () => {
  const code = 'const a = css`\n  :host {\n    display: block; /* a comment */\n  }\n  .x {\n    ${rules}\n    color: red;\n  }\n`;\nconst b = css`\n  position: absolute;\n  width: 1px;\n`;\nconst c = unsafeCss`  keep  me  `;';
  const out = minify.minifyCssLiterals(code, 'sample.styles.ts');
  assert.equal(out, 'const a = css`:host{display:block}.x{${rules};color:red}`;\nconst b = css`width:1px;position:absolute`;\nconst c = unsafeCss`  keep  me  `;');
  assert.throws(() => minify.minifyCssLiterals('css`a { color: red; } }}} {{`', 'bad.styles.ts'));
});

test('the base URL check refuses what would be published or break the asset URLs, without repeating it', () => {
  assert.equal(baseUrl.templateBaseUrl('https://contoso.example/templates'), 'https://contoso.example/templates/');
  assert.equal(baseUrl.templateBaseUrl('http://localhost:4174/'), 'http://localhost:4174/');
  for (const [value, why] of [
    ['', /not set/],
    ['templates/', /not an absolute URL/],
    ['http://contoso.example/', /must use https/],
    ['https://u:p4ss@contoso.example/', /user name or password/],
    ['https://contoso.example/t/?sv=1&sig=S1GN', /query/],
    ['https://contoso.example/t/#x', /fragment/],
  ]) {
    assert.throws(() => baseUrl.templateBaseUrl(value), (error) => why.test(error.message) && !/p4ss|S1GN/.test(error.message), String(value));
  }
});

test('locales reads each language module as data and emits one chunk per language and page, holding that page\'s groups only', async () => {
  const locales = await load('plugins/locales.ts');
  const german = locales.readLocale('de');
  assert.equal(german.language, 'de');
  assert.deepEqual(Object.keys(german), ['language', 'qrCode', 'authenticatorInfo', 'appIcon', 'serverQr', 'codeInput']);
  assert.equal(locales.readLocale('he').dir, 'rtl');
  assert.equal(locales.LOCALE_LANGUAGES.length, 37);
  assert.ok(!locales.LOCALE_LANGUAGES.includes('en'));
  // The folder's name changes with the texts; it is the same for the same texts.
  assert.match(locales.localesFolder(), /^assets\/locales-[0-9a-f]{10}\/$/);
  assert.equal(locales.localesFolder(), locales.localesFolder());

  const plugin = locales.localeChunks('assets/locales-x/');
  const emitted = [];
  plugin.buildStart.call({ emitFile: (file) => emitted.push(file) });
  assert.equal(emitted.length, 111); // 37 languages × the verification, enrollment and REST QR image pages
  assert.deepEqual(emitted.find((file) => file.fileName === 'assets/locales-x/pt-br-verification.js')?.type, 'chunk');
  const id = emitted.find((file) => file.fileName === 'assets/locales-x/de-verification.js').id;
  assert.equal(plugin.resolveId(id), id);
  assert.equal(plugin.resolveId('./other.js'), undefined);
  const code = await plugin.load(id);
  const data = JSON.parse(code.replace(/^export default /, '').replace(/;$/, ''));
  assert.deepEqual(Object.keys(data), ['language', 'codeInput']);
  assert.equal(data.codeInput.label, 'Bestätigungscode');
  const enrollment = JSON.parse((await plugin.load(id.replace(':verification', ':enrollment'))).replace(/^export default /, '').replace(/;$/, ''));
  assert.deepEqual(Object.keys(enrollment), ['language', 'qrCode', 'authenticatorInfo', 'appIcon']);
  const serverQr = JSON.parse((await plugin.load(id.replace(':verification', ':server-qr'))).replace(/^export default /, '').replace(/;$/, ''));
  assert.deepEqual(Object.keys(serverQr), ['language', 'serverQr']);

  // Packed, as the templates' build emits them: each group's values alone, in the source's (the English) key order.
  const packed = locales.localeChunks('assets/locales-x/', locales.PAGE_GROUPS, true);
  const packedData = JSON.parse((await packed.load.call({ error: (message) => assert.fail(message) }, id)).replace(/^export default /, '').replace(/;$/, ''));
  assert.deepEqual(packedData.codeInput, Object.values(german.codeInput));
});

test('self-contained builds each root from copies of its own: two roots that import one module share no chunk, and import() leaves the copies', async () => {
  const { mkdtempSync, writeFileSync, readdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { build } = await import('vite');
  const { selfContained } = await load('plugins/self-contained.ts');
  const dir = mkdtempSync(join(tmpdir(), 'self-contained-'));
  writeFileSync(join(dir, 'common.ts'), "export const common = (n: number) => `common ${n}`;\nexport const unused = 'TREE-SHAKEN';\n");
  writeFileSync(join(dir, 'lazy.ts'), "import { common } from './common.js';\nexport const lazy = () => common(2);\n");
  writeFileSync(join(dir, 'entry.ts'), "import { common } from './common.js';\nconsole.log(common(1));\nexport const later = () => import('./lazy.js');\n");
  const run = (plugins) =>
    build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      plugins,
      build: { outDir: join(dir, 'out'), emptyOutDir: true, write: false, minify: false, lib: { entry: join(dir, 'entry.ts'), formats: ['es'] } },
    });
  const chunksOf = (result) => (Array.isArray(result) ? result[0] : result).output.filter((output) => output.type === 'chunk');
  // Without the plugin, the common module becomes a chunk both import (or the lazy chunk imports the entry).
  const shared = chunksOf(await run([]));
  assert.ok(shared.some((chunk) => chunk.imports.length > 0), 'without it, something is shared');
  // With the entry and the lazy module as roots, neither imports anything, and each holds the common code.
  const copied = chunksOf(await run([selfContained(join(dir, 'entry.ts'), join(dir, 'lazy.ts'))]));
  assert.equal(copied.length, 2, copied.map((chunk) => chunk.fileName).join());
  for (const chunk of copied) {
    assert.deepEqual(chunk.imports, [], `${chunk.fileName} imports nothing`);
    assert.match(chunk.code, /common \$\{/, `${chunk.fileName} holds the common code`);
    assert.doesNotMatch(chunk.code, /TREE-SHAKEN/, `${chunk.fileName}: a copy is tree-shaken like the original`);
  }
  assert.ok(copied.find((chunk) => chunk.isEntry).dynamicImports.length === 1, 'the entry still loads the lazy chunk with import()');
  assert.equal(readdirSync(dir).length, 3);
});
