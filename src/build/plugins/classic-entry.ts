/**
 * The template's script runs as a classic script (`<script defer src>`): B2C may
 * drop `type="module"`, and re-creates template scripts with its own loader.
 * This plugin makes the entry chunk safe for that:
 * - wrapped in a function, so none of its minified names can clobber B2C's
 *   globals (jQuery's `$`, say);
 * - no static import or export (a classic script may only `import()`);
 * - every `import()` of a chunk by an absolute URL under the base: a classic
 *   script from another origin without `crossorigin` is "CORS-cross-origin", and
 *   Chromium resolves its relative `import('./x.js')` against about:blank
 *   (src/b2c/CONTRACT.md, "Hosting"). Absolute URLs work however B2C loads the
 *   script (merged, re-created, attributes dropped, no `document.currentScript`).
 */
import type { Plugin } from 'vite';

/** Relative specifiers of `import()` calls in minified output: import("./x.js"), import(`../y.js`). */
const RELATIVE_IMPORT = /\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*\)/g;

/** `code` with every relative `import()` made absolute: `fileName` is the chunk's own path under `base`. */
export function absoluteImports(code: string, fileName: string, base: string): string {
  const from = new URL(fileName, base);
  return code.replace(RELATIVE_IMPORT, (_, quote: string, specifier: string) => `import(${quote}${new URL(specifier, from).href}${quote})`);
}

export function classicEntry(entryName: string, base: () => string): Plugin {
  return {
    name: 'b2c-totp-kit:classic-entry',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((output) => output.type === 'chunk' && output.isEntry && output.name === entryName);
      if (!entry || entry.type !== 'chunk') return this.error(`the template script ${entryName} was not built`);
      if (entry.imports.length > 0 || entry.exports.length > 0) {
        return this.error(`${entryName} must have no static imports or exports to run as a classic script`);
      }
      const code = absoluteImports(entry.code, entry.fileName, base());
      const left = [...code.matchAll(RELATIVE_IMPORT)].map((match) => match[2]);
      if (left.length > 0 || /\bimport\(\s*[^"'`\s]/.test(code)) {
        return this.error(`${entryName} still imports by a relative or computed URL (${left.join(', ') || 'import(expression)'})`);
      }
      entry.code = `(()=>{${code}})();`;
    },
  };
}
