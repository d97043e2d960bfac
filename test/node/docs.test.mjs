// custom-elements.json and the README's reference tables: the manifest is generated
// from the sources (as `npm run manifest` does) and must be complete; the README's
// tables must be what `npm run docs` renders from it; every CSS custom property,
// part and custom state in the code must be documented, with the default the code uses.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateManifest } from '../../src/build/tools/manifest.mjs';
import { elementsOf, parseStrings, renderReference, updateReadme } from '../../src/build/tools/docs.mjs';

const root = new URL('../..', import.meta.url).pathname;
const read = (path) => readFileSync(join(root, path), 'utf8');
const ELEMENTS = { 'totp-qr-code': 'qr-code', 'totp-authenticator-info': 'authenticator-info', 'totp-app-icon': 'app-icon', 'totp-code-input': 'code-input' };

let manifest;
before(() => {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  try {
    manifest = generateManifest(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const elementOf = (tag) => elementsOf(manifest).find(({ declaration }) => declaration.tagName === tag)?.declaration;

/** `var(--name, default)` uses in a stylesheet: name → every default written (nested parentheses allowed). */
function customPropertyUses(css, prefix) {
  const uses = new Map();
  for (let at = css.indexOf(`var(${prefix}`); at >= 0; at = css.indexOf(`var(${prefix}`, at + 1)) {
    let depth = 0;
    let end = at + 3;
    for (; end < css.length; end++) {
      if (css[end] === '(') depth++;
      else if (css[end] === ')' && --depth === 0) break;
    }
    const inner = css.slice(at + 4, end);
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const fallback = comma < 0 ? undefined : inner.slice(comma + 1).replace(/\s+/g, ' ').trim();
    uses.set(name, [...(uses.get(name) ?? []), fallback]);
  }
  return uses;
}

test("the README's reference tables are what `npm run docs` renders from the manifest", () => {
  const readme = read('README.md');
  const { text, missing, unknown } = updateReadme(readme, manifest);
  assert.deepEqual(missing, [], 'every element has a <!-- reference:tag --> block in README.md');
  assert.deepEqual(unknown, [], 'no reference block names an unknown element');
  if (text !== readme) {
    const ours = readme.split('\n');
    const line = text.split('\n').findIndex((value, index) => value !== ours[index]);
    assert.fail(`README.md's reference tables differ from custom-elements.json from line ${line + 1}:\n` +
      `  README:    ${ours[line]}\n  generated: ${text.split('\n')[line]}\nRun \`npm run docs\`.`);
  }
});

test('the drift check sees a change: a CSS property dropped from the manifest changes the tables', () => {
  const changed = structuredClone(manifest);
  const qr = elementsOf(changed).find(({ declaration }) => declaration.tagName === 'totp-qr-code').declaration;
  qr.cssProperties.pop();
  assert.notEqual(updateReadme(read('README.md'), changed).text, read('README.md'));
  assert.notEqual(renderReference(changed, 'totp-qr-code'), renderReference(manifest, 'totp-qr-code'));
});

test('the manifest describes the four elements completely, at the paths the package publishes', () => {
  const pkg = JSON.parse(read('package.json'));
  const published = new Set(Object.values(pkg.exports).map((target) => (typeof target === 'string' ? target : target.default).replace(/^\.\//, '')));
  assert.deepEqual(elementsOf(manifest).map(({ declaration }) => declaration.tagName).sort(), Object.keys(ELEMENTS).sort());
  for (const { module, declaration: element } of elementsOf(manifest)) {
    const tag = element.tagName;
    assert.ok(published.has(module.path), `${tag}: ${module.path} is a file package.json exports`);
    assert.ok(module.exports.some((entry) => entry.kind === 'custom-element-definition' && entry.name === tag), `${tag}: defined`);
    assert.ok(element.summary?.trim() && !element.summary.includes('\n\n'), `${tag}: a summary of one paragraph`);
    assert.ok(element.description?.trim(), `${tag}: a description`);
    const fields = (element.members ?? []).filter((member) => member.kind === 'field');
    for (const member of element.members ?? []) {
      assert.ok(!member.name.startsWith('#') && member.privacy !== 'private', `${tag}: private ${member.name} is not in the manifest`);
      assert.ok(member.description?.trim(), `${tag}: ${member.name} has a description`);
    }
    for (const attribute of element.attributes ?? []) {
      assert.ok(fields.some((field) => field.name === attribute.fieldName && field.attribute === attribute.name), `${tag}: attribute ${attribute.name} has its property`);
    }
    for (const event of element.events ?? []) assert.ok(/^totp-[a-z-]+$/.test(event.name) && event.type?.text && event.description, `${tag}: event ${JSON.stringify(event)}`);
    for (const kind of ['slots', 'cssParts', 'cssProperties', 'cssStates']) {
      for (const item of element[kind] ?? []) assert.ok(item.description?.trim(), `${tag}: ${kind} ${item.name} has a description`);
    }
    for (const property of element.cssProperties ?? []) assert.ok(property.default, `${tag}: ${property.name} has a default`);
  }
  // No internal state (`static properties` with `state: true`) shows as an attribute.
  assert.ok(!elementOf('totp-code-input').attributes.some((attribute) => attribute.name === 'message'));
  assert.equal(elementOf('totp-code-input').attributes.find((attribute) => attribute.name === 'for')?.fieldName, 'htmlFor');
});

test('every CSS custom property the styles read is documented with the same default, and nothing else', () => {
  for (const [tag, name] of Object.entries(ELEMENTS)) {
    const uses = customPropertyUses(read(`src/elements/${name}/${name}.styles.ts`), `--${tag}-`);
    const documented = new Map((elementOf(tag).cssProperties ?? []).map((property) => [property.name, property.default]));
    assert.ok(uses.size > 0, `${tag}: reads custom properties`);
    assert.deepEqual([...documented.keys()].sort(), [...uses.keys()].sort(), `${tag}: documented = used`);
    for (const [property, defaults] of uses) {
      for (const fallback of defaults) assert.equal(fallback, documented.get(property), `${tag}: ${property} falls back to its documented default`);
    }
  }
});

test('every part and custom state in the code is documented, and every documented one exists', () => {
  for (const [tag, name] of Object.entries(ELEMENTS)) {
    const own = read(`src/elements/${name}/${name}.ts`);
    // The step heading's parts come from the module the element renders it with.
    const source = own.includes("from '../step.js'") ? own + read('src/elements/step.ts') : own;
    const element = elementOf(tag);
    const staticParts = new Set([...source.matchAll(/\bpart="([^"]*)"/g)].flatMap(([, value]) => value.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/).filter(Boolean)));
    const literals = new Set([...source.matchAll(/'([a-z][a-z-]*)'/g)].map(([, value]) => value));
    const parts = (element.cssParts ?? []).map((part) => part.name);
    for (const part of staticParts) assert.ok(parts.includes(part), `${tag}: part ${part} is documented`);
    for (const part of parts) assert.ok(staticParts.has(part) || literals.has(part), `${tag}: documented part ${part} is in the code`);
    const usedStates = new Set([...source.matchAll(/states(?:\.(?:add|delete)|\[[^\]]*\])\(\s*'([\w-]+)'/g)].map(([, state]) => state));
    assert.deepEqual((element.cssStates ?? []).map((state) => state.name).sort(), [...usedStates].sort(), `${tag}: documented states = states set`);
  }
  assert.deepEqual(elementOf('totp-code-input').cssStates.map((state) => state.name), ['complete', 'invalid', 'blocked']);
  assert.deepEqual(elementOf('totp-qr-code').cssStates.map((state) => state.name), ['invalid']);
});

test("the qr code's documented problems are exactly the parser's problems", () => {
  const union = /export type OtpauthProblem =([^;]*);/.exec(read('src/core/otpauth.ts'))[1];
  const problems = [...union.matchAll(/'([a-z-]+)'/g)].map(([, problem]) => problem);
  const description = elementOf('totp-qr-code').members.find((member) => member.name === 'problem').description;
  const documented = [...description.matchAll(/`([a-z-]+)`/g)].map(([, reason]) => reason);
  assert.deepEqual(documented, problems);
  assert.deepEqual(elementOf('totp-qr-code').events ?? [], [], 'a property set fires nothing');
});

test('the strings tables have every key of each strings interface, with its English default', () => {
  for (const [tag, name] of Object.entries(ELEMENTS)) {
    const source = read(`src/elements/${name}/${name}.ts`);
    const type = /^Partial<(\w+)>$/.exec(elementOf(tag).members.find((member) => member.name === 'strings').type.text)[1];
    const keys = [...new RegExp(`export interface ${type} \\{([\\s\\S]*?)\\n\\}`).exec(source)[1].matchAll(/^\s+(\w+): string;/gm)].map(([, key]) => key);
    const module = elementsOf(manifest).find(({ declaration }) => declaration.tagName === tag).module;
    const defaults = parseStrings(module.declarations.find((declaration) => declaration.type?.text === type).default);
    assert.deepEqual(defaults.map(([key]) => key).sort(), keys.sort(), `${tag}: ${type}`);
    for (const [key, text] of defaults) assert.ok(typeof text === 'string' && text.length > 0, `${tag}: ${key}`);
  }
  assert.deepEqual(parseStrings(`{ a: 'it\\'s', b: "say \\"hi\\"", }`), [['a', "it's"], ['b', 'say "hi"']]);
  assert.throws(() => parseStrings('{ a: `template`, }'), /cannot read/);
});

test("the README's theme excerpt is taken from the example brand theme", () => {
  const section = read('README.md').split('### Theming')[1];
  const excerpt = /```css\n([\s\S]*?)```/.exec(section)[1];
  const theme = read('src/preview/examples/brand-theme.css');
  const declarations = excerpt.split('\n').map((line) => line.trim()).filter((line) => /^[\w-]+:.*;$/.test(line));
  assert.ok(declarations.length >= 8);
  for (const declaration of declarations) assert.ok(theme.includes(declaration), `brand-theme.css has ${declaration}`);
});
