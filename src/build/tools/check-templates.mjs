#!/usr/bin/env node
// `npm run check-templates [dir]`: validates a built template set (default dist/templates)
// against what B2C requires of a content definition page, and reports sizes.
// Exits 1 and names each problem when a template would break on B2C.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'parse5';

const UNSUPPORTED_TAGS = new Set(['form', 'iframe', 'frame', 'frameset']); // customize-ui-with-html.md

const isAbsolute = (url) => /^https:\/\//i.test(url) || /^http:\/\/(localhost|127\.0\.0\.1)[:/]/i.test(url);

function* walk(node, inHead = false) {
  for (const child of node.childNodes ?? []) {
    const head = inHead || child.nodeName === 'head';
    yield { node: child, inHead: head };
    yield* walk(child.content ?? child, head);
  }
}

const attribute = (node, name) => node.attrs?.find((a) => a.name === name)?.value;

/** The local file a URL of the build points at (…/assets/name-hash.ext). */
function localFile(dir, url) {
  const path = new URL(url).pathname;
  const file = join(dir, path.includes('/assets/') ? join('assets', basename(path)) : basename(path));
  return existsSync(file) ? file : undefined;
}

export function checkTemplates(dir) {
  const problems = [];
  const report = [];
  const pages = readdirSync(dir).filter((name) => name.endsWith('.html'));
  if (pages.length === 0) problems.push(`${dir}: no .html templates (run npm run build first)`);

  for (const page of pages) {
    const html = readFileSync(join(dir, page), 'utf8');
    const problem = (text) => problems.push(`${page}: ${text}`);
    const assets = new Map();
    let hasApi = false;

    for (const { node, inHead } of walk(parse(html))) {
      if (!node.tagName) continue;
      if (attribute(node, 'id') === 'api' && node.tagName === 'div') hasApi = true;
      if (UNSUPPORTED_TAGS.has(node.tagName)) problem(`<${node.tagName}> is not supported in B2C templates`);
      for (const { name } of node.attrs) if (/^on/i.test(name)) problem(`inline handler ${name} on <${node.tagName}> (blocked by CSP)`);

      if (node.tagName === 'script') {
        if (!inHead) problem('a <script> in <body>: B2C breaks body scripts since selfasserted 2.1.21; put it in <head>');
        const src = attribute(node, 'src');
        // A JSON data block (#totp-kit-strings, #totp-kit-claims) is data, never run: no CSP or B2C rule is at stake.
        const data = /^application\/json$/i.test(attribute(node, 'type') ?? '');
        if (!src && !data) problem('an inline <script>: use an external file with defer');
        else if (src && data) problem(`<script type="application/json" src="${src}">: a data block is inline`);
        else if (!data && attribute(node, 'defer') === undefined && attribute(node, 'async') === undefined) problem(`<script src="${src}"> needs defer or async`);
      }
      for (const name of ['src', 'href']) {
        const url = attribute(node, name);
        if (url === undefined || (node.tagName === 'a' && /^(#|mailto:|tel:)/i.test(url))) continue;
        if (!isAbsolute(url)) problem(`relative or non-HTTPS URL in <${node.tagName} ${name}="${url}">: B2C needs absolute HTTPS URLs`);
        else if (node.tagName !== 'a') assets.set(url, node.tagName);
      }
    }
    if (!hasApi) problem('no <div id="api">: B2C has nowhere to put its form');

    let total = Buffer.byteLength(html);
    const sizes = [`${page} ${kb(total)}`];
    for (const [url] of assets) {
      const file = localFile(dir, url);
      if (!file) continue; // hosted elsewhere (a CDN): not ours to measure
      const bytes = readFileSync(file);
      total += bytes.length;
      sizes.push(`${basename(file)} ${kb(bytes.length)} (${kb(gzipSync(bytes, { level: 9 }).length)} gzip)`);
      // Modules the template's script import()s when B2C shows the page that needs them (by absolute
      // URL), and theirs (relative to them), that the template does not already load.
      const seen = new Set([...assets.keys()].map((asset) => basename(new URL(asset).pathname)));
      const follow = (code) => {
        for (const [, chunk] of code.matchAll(/(?:import\(|from|import)\s*[`"'](?:\.\/|[^`"']*\/assets\/)([\w.-]+\.js)[`"']/g)) {
          if (seen.has(chunk)) continue;
          seen.add(chunk);
          const chunkBytes = readFileSync(join(dirname(file), chunk));
          sizes.push(`on demand ${chunk} ${kb(chunkBytes.length)} (${kb(gzipSync(chunkBytes, { level: 9 }).length)} gzip)`);
          follow(chunkBytes.toString('utf8'));
        }
      };
      if (file.endsWith('.js')) follow(bytes.toString('utf8'));
      if (file.endsWith('.css')) {
        for (const [, ref] of bytes.toString('utf8').matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
          if (!ref.startsWith('data:') && !isAbsolute(ref)) problem(`${basename(file)}: relative url(${ref}) in CSS`);
        }
      }
    }
    report.push(`${sizes.join(', ')}; ${kb(total)} up front, before on-demand modules`);
  }
  return { problems, report };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist/templates';
  const { problems, report } = checkTemplates(dir);
  for (const line of report) console.log(line);
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`\n${dir}: ready for B2C (${report.length} templates).`);
}
