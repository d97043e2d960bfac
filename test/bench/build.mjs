// Builds for the benchmark, all with Vite's JS API: the kit's own bundles through
// the project's vite.config.ts (so they are minified and trimmed exactly as
// shipped), and any other entry (Lit alone, the peers) minified the same way.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { buildTemplates as buildKitTemplates } from '../../src/build/tools/build-templates.mjs';

export const root = new URL('../..', import.meta.url).pathname;
export const benchDir = join(root, 'dist/bench');

/** vite.config.ts's output options for everything that reaches a page: fully minified, no comments. */
const MINIFIED = { minify: true, comments: false };

export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

/** Bytes of one or more files, each sent as its own response: minified and gzip -9 sizes summed. */
export function sizeOf(codes) {
  const list = [codes].flat();
  return { raw: list.reduce((sum, code) => sum + Buffer.byteLength(code), 0), gzip: list.reduce((sum, code) => sum + gzipSize(code), 0), files: list.length };
}

// Vite resolves a library entry against the root, so the virtual entry gets a real-looking path.
const VIRTUAL = join(benchDir, 'entry.js');

/** An entry module given as source, so a measured bundle needs no file of its own. */
function virtualEntry(code) {
  return {
    name: 'bench:virtual-entry',
    enforce: 'pre',
    resolveId: (id) => (id === VIRTUAL ? VIRTUAL : null),
    load: (id) => (id === VIRTUAL ? code : null),
  };
}

/** What a bundle may leave out: nothing, Lit, or every package (the element's own code only). */
const EXTERNALS = {
  none: undefined,
  lit: (id) => /^(lit|lit-html|lit-element)(\/|$)|^@lit\//.test(id),
  packages: (id) => !/^[./\0]/.test(id),
};

/**
 * Bundles `code` (an ES module's source; imports may be bare or absolute paths)
 * as one minified ES module library and returns the chunks' code.
 * `kitConfig`: through vite.config.ts in its `cdn` mode, which adds the kit's
 * qrcode-generator trimming; otherwise a bare config with the same minification.
 */
export async function bundle(code, { kitConfig = false, external = 'none' } = {}) {
  const output = await build({
    root,
    configFile: kitConfig ? join(root, 'vite.config.ts') : false,
    mode: kitConfig ? 'cdn' : 'production',
    logLevel: 'silent',
    plugins: [virtualEntry(code)],
    build: {
      target: 'es2022',
      write: false,
      emptyOutDir: false,
      lib: { entry: VIRTUAL, formats: ['es'], fileName: () => 'bundle.js' },
      rolldownOptions: { external: EXTERNALS[external], output: MINIFIED },
    },
  });
  return [output].flat()[0].output.filter((file) => file.type === 'chunk').map((chunk) => chunk.code);
}

/** The kit's self-contained bundle, as `vite build --mode cdn` makes dist/cdn/b2c-totp-kit.js. */
export async function buildKitBundle() {
  const output = await build({ root, mode: 'cdn', logLevel: 'silent', build: { write: false, emptyOutDir: false } });
  return [output].flat()[0].output.find((file) => file.type === 'chunk' && file.isEntry).code;
}

/** `import … from "./x.js"` and `import "./x.js"` in a minified chunk; `import("./x.js")` apart. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`]\.\/([\w.-]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`][^"'`]*\/assets\/([\w.-]+\.js)["'`]\s*\)/g;

/**
 * The page templates, as `npm run build` makes dist/templates, but into
 * dist/bench/templates with every URL under `baseUrl` (the bench's server).
 * Returns the directory, the template script (the bridge) and, for each page
 * chunk it import()s (enrollment, verification), every file that page loads.
 */
export async function buildTemplates(baseUrl) {
  const outDir = join(benchDir, 'templates');
  await buildKitTemplates({ outDir, base: baseUrl, logLevel: 'silent' });
  const assets = join(outDir, 'assets');
  const read = (name) => readFileSync(join(assets, name), 'utf8');
  const entry = readdirSync(assets).find((name) => /^b2c-totp-kit-.*\.js$/.test(name));
  if (!entry) throw new Error('the templates build made no assets/b2c-totp-kit-*.js');
  // A page chunk and what it imports statically, as the browser fetches them.
  const withImports = (name, files = new Set()) => {
    if (!files.has(name)) {
      files.add(name);
      for (const [, next] of read(name).matchAll(STATIC_IMPORT)) withImports(next, files);
    }
    return files;
  };
  const pages = {};
  for (const [, chunk] of read(entry).matchAll(DYNAMIC_IMPORT)) {
    // The shared module (Lit) is fetched beside each page's module, which imports it anyway.
    if (chunk.startsWith('shared-')) continue;
    pages[chunk.replace(/-[\w-]+\.js$/, '')] = [...withImports(chunk)].map((name) => ({ name, code: read(name) }));
    if (!read(chunk).trim()) {
      throw new Error(`the templates build left assets/${chunk} empty: its elements were tree-shaken away (are src/ modules missing from package.json "sideEffects"?)`);
    }
  }
  return { outDir, entry: { name: entry, code: read(entry) }, pages };
}
