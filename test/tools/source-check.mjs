// The kit never turns data into markup or code: no unsafe Lit directives, no HTML
// sinks, no eval, anywhere in src/ outside a reviewed allow-list. Comments are ignored.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const BANNED = [
  { name: 'unsafeHTML', pattern: /\bunsafeHTML\b|unsafe-html/ },
  { name: 'unsafeSVG', pattern: /\bunsafeSVG\b|unsafe-svg/ },
  { name: 'unsafeMathML', pattern: /\bunsafeMathML\b|unsafe-mathml/ },
  { name: 'unsafeStatic', pattern: /\bunsafeStatic\b|static-html/ },
  { name: 'unsafeCSS', pattern: /\bunsafeCSS\b/ },
  { name: 'innerHTML', pattern: /\binnerHTML\b/ },
  { name: 'outerHTML', pattern: /\bouterHTML\b/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(ln)?\b/ },
  { name: 'eval', pattern: /\beval\s*\(/ },
  { name: 'new Function', pattern: /\bnew\s+Function\b/ },
  { name: 'setTimeout with a string', pattern: /\bset(Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/ },
];

/** Reviewed uses: file → banned names it may use, and why. */
export const ALLOWED = {
  'src/preview/fixtures.ts': { innerHTML: "dev/test only: renders B2C's #api markup the way B2C injects it" },
};

const stripComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|js|mjs)$/.test(name)) yield path;
  }
}

/** Every banned use in `dir`'s sources that the allow-list does not cover. */
export function findBanned(root, dir = 'src', allowed = ALLOWED) {
  const found = [];
  for (const file of files(join(root, dir))) {
    const path = relative(root, file);
    const code = stripComments(readFileSync(file, 'utf8'));
    for (const { name, pattern } of BANNED) {
      if (pattern.test(code) && !allowed[path]?.[name]) found.push(`${path}: ${name}`);
    }
  }
  return found;
}
