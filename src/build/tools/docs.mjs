#!/usr/bin/env node
// The README's per-element reference, generated from custom-elements.json:
// `npm run docs` (manifest, then this) rewrites what sits between
//   <!-- reference:totp-qr-code --> … <!-- /reference -->
// in each element's section. test/node/docs.test.mjs fails when they differ.
// Edit the JSDoc in src/elements/, never the tables.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const START = /<!-- reference:([a-z0-9-]+) -->\n[\s\S]*?<!-- \/reference -->/g;

/** Every custom element declaration of the manifest, with its module. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName).map((declaration) => ({ module, declaration })),
  );
}

/** A table cell: one line, pipes escaped. */
const cell = (text) => String(text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text === undefined || text === '' ? '' : `\`${String(text).replace(/\s*\n\s*/g, ' ').trim()}\``);
/** Plain text in a cell: no HTML, no stray code span. */
const plain = (text) => String(text).replace(/</g, '&lt;').replace(/`/g, '\\`');

function table(caption, head, rows) {
  if (rows.length === 0) return '';
  return [
    `**${caption}**`,
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ].join('\n');
}

/**
 * The `*Strings` defaults object as [key, text] pairs, from the source text of
 * its initializer that the manifest records: an object literal of string literals.
 */
export function parseStrings(source) {
  const body = /^\{([\s\S]*)\}$/.exec(source.trim())?.[1];
  if (body === undefined) throw new Error(`not an object literal: ${source.slice(0, 60)}`);
  const pairs = [];
  const entry = /\s*(\w+)\s*:\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*(,|$)/y;
  let at = 0;
  for (let match; (entry.lastIndex = at), (match = entry.exec(body)); ) {
    const [, key, literal, comma] = match;
    const inner = literal.slice(1, -1);
    // JSON reads the escapes; a single-quoted literal's \' and bare " are made JSON first.
    const json = literal[0] === '"' ? literal : `"${inner.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`;
    pairs.push([key, JSON.parse(json)]);
    at = entry.lastIndex;
    if (!comma) break;
  }
  if (body.slice(at).trim() !== '') throw new Error(`cannot read the strings object near: ${body.slice(at, at + 60)}`);
  return pairs;
}

function signature(method) {
  const parameters = (method.parameters ?? []).map((parameter) => `${parameter.name}${parameter.optional ? '?' : ''}: ${parameter.type?.text ?? 'unknown'}`);
  return `${method.name}(${parameters.join(', ')}): ${method.return?.type?.text ?? 'void'}`;
}

/** The reference of one element, as Markdown tables. */
export function renderReference(manifest, tag) {
  const found = elementsOf(manifest).find(({ declaration }) => declaration.tagName === tag);
  if (!found) throw new Error(`<${tag}> is not in the manifest`);
  const { module, declaration: element } = found;
  const members = (element.members ?? []).filter((member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected');
  const fields = members.filter((member) => member.kind === 'field');
  const attributes = element.attributes ?? [];
  const attributeOf = (field) => attributes.find((attribute) => (attribute.fieldName ?? attribute.name) === field.name);
  const eventClass = (name) =>
    manifest.modules.flatMap((m) => m.declarations ?? []).find((declaration) => declaration.kind === 'class' && declaration.name === name);

  const stringsType = /^Partial<(\w+)>$/.exec(fields.find((field) => field.name === 'strings')?.type?.text ?? '')?.[1];
  const stringsObject = stringsType && module.declarations.find((declaration) => declaration.kind === 'variable' && declaration.type?.text === stringsType);
  if (stringsType && !stringsObject?.default) throw new Error(`<${tag}>: the defaults of ${stringsType} are not in the manifest`);

  const sections = [
    table(
      'Attributes and properties',
      ['attribute', 'property', 'type', 'default', 'description'],
      fields.map((field) => {
        const attribute = attributeOf(field);
        const name = attribute ? `${code(attribute.name)}${field.reflects ? ' (reflected)' : ''}` : '—';
        const property = `${code(field.name)}${field.readonly ? ' (read-only)' : ''}`;
        return [name, property, code(field.type?.text), code(field.default), field.description];
      }),
    ),
    table(
      'Methods',
      ['method', 'description'],
      members.filter((member) => member.kind === 'method').map((method) => [code(signature(method)), method.description]),
    ),
    table(
      'Events',
      ['event', 'type', 'fields', 'description'],
      (element.events ?? []).map((event) => {
        const payload = (eventClass(event.type?.text)?.members ?? []).filter((member) => member.kind === 'field');
        return [code(event.name), code(event.type?.text), payload.map((field) => `${code(field.name)}: ${code(field.type?.text)}`).join(', '), event.description];
      }),
    ),
    table('Slots', ['slot', 'description'], (element.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', slot.description])),
    table('Parts', ['part', 'description'], (element.cssParts ?? []).map((part) => [code(part.name), part.description])),
    table(
      'CSS custom properties',
      ['property', 'default', 'description'],
      (element.cssProperties ?? []).map((property) => [code(property.name), code(property.default), property.description]),
    ),
    table(
      'Custom states',
      ['state', 'CSS', 'description'],
      (element.cssStates ?? []).map((state) => [code(state.name), code(`${tag}:state(${state.name})`), state.description]),
    ),
    stringsObject
      ? table(`Strings (\`${stringsObject.name}\`, replaced key by key through \`strings\`)`, ['key', 'English default'], parseStrings(stringsObject.default).map(([key, text]) => [code(key), plain(text)]))
      : '',
  ].filter(Boolean);
  return [
    `<!-- reference:${tag} -->`,
    '<!-- Generated from custom-elements.json by `npm run docs`: edit the JSDoc in src/elements/, not these tables. -->',
    '',
    ...sections,
    '<!-- /reference -->',
  ].join('\n');
}

/**
 * README text with every reference block regenerated. `missing` lists the
 * manifest's elements without a block, `unknown` the blocks of no element.
 */
export function updateReadme(readme, manifest) {
  const tags = elementsOf(manifest).map(({ declaration }) => declaration.tagName);
  const seen = new Set();
  const unknown = [];
  const text = readme.replace(START, (block, tag) => {
    if (!tags.includes(tag)) {
      unknown.push(tag);
      return block;
    }
    seen.add(tag);
    return renderReference(manifest, tag);
  });
  return { text, missing: tags.filter((tag) => !seen.has(tag)), unknown };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../../..', import.meta.url);
  const manifestPath = process.argv[2] ?? new URL('dist/custom-elements.json', root);
  const readmePath = new URL('README.md', root);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const readme = readFileSync(readmePath, 'utf8');
  const { text, missing, unknown } = updateReadme(readme, manifest);
  if (missing.length > 0 || unknown.length > 0) {
    for (const tag of missing) console.error(`README.md has no <!-- reference:${tag} --> … <!-- /reference --> block`);
    for (const tag of unknown) console.error(`README.md has a reference block for <${tag}>, which the manifest does not know`);
    process.exit(1);
  }
  if (text === readme) console.log('README.md reference tables are up to date.');
  else {
    writeFileSync(readmePath, text);
    console.log('README.md reference tables regenerated from custom-elements.json.');
  }
}
