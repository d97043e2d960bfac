// `npm run lint`'s ESLint rules (src/build/eslint.config.js) catch what must never reach a page:
// Lit's unsafe directives and unsafeCSS, data written as HTML, eval in every form. Each is
// written into a scratch file under src/ as the kit's own code would be, and must be reported;
// the same code made safe must not be. And the repository itself lints clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root, overrideConfigFile: 'src/build/eslint.config.js' });

/** The rules ESLint reports for `code` as a module of src/ (plain JS: the type-aware rules need a file on disk). */
async function reported(code) {
  const [result] = await eslint.lintText(code, { filePath: 'src/elements/lint-check.js' });
  return result.messages.map((message) => message.ruleId);
}

const CASES = [
  ["import { unsafeHTML } from 'lit/directives/unsafe-html.js';", 'no-restricted-imports'],
  ["import { unsafeSVG } from 'lit/directives/unsafe-svg.js';", 'no-restricted-imports'],
  ["import { unsafeStatic } from 'lit/static-html.js';", 'no-restricted-imports'],
  ["import { css, unsafeCSS } from 'lit'; export const s = css`${unsafeCSS(location.hash)}`;", 'no-restricted-syntax'],
  ['export const put = (el, claim) => { el.innerHTML = claim; };', 'no-unsanitized/property'],
  ['export const put = (el, claim) => { el.outerHTML = claim; };', 'no-unsanitized/property'],
  ["export const put = (el, claim) => el.insertAdjacentHTML('beforeend', claim);", 'no-unsanitized/method'],
  ['export const put = (claim) => document.write(claim);', 'no-unsanitized/method'],
  ['export const put = (range, claim) => range.createContextualFragment(claim);', 'no-unsanitized/method'],
  ['export const run = (claim) => eval(claim);', 'no-eval'],
  ['export const run = (claim) => new Function(claim);', 'no-new-func'],
  ["export const run = () => setTimeout('alert(1)', 0);", 'no-implied-eval'],
];

for (const [code, rule] of CASES) {
  test(`reports ${rule}: ${code.slice(0, 70)}`, async () => {
    assert.ok((await reported(code)).includes(rule), `${rule} was not reported`);
  });
}

test('the safe forms are not reported', async () => {
  assert.deepEqual(await reported("export const put = (el, claim) => { el.textContent = claim; el.innerHTML = ''; setTimeout(() => claim, 0); };"), []);
});

test('the repository lints clean', async () => {
  const results = await eslint.lintFiles(['.']);
  const problems = results.flatMap((result) => result.messages.map((message) => `${result.filePath.slice(root.length)}:${message.line} ${message.ruleId}: ${message.message}`));
  assert.deepEqual(problems, []);
});
