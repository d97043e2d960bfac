// Builds for the benchmark, all with Vite's JS API: the kit's own bundles through
// the project's vite.config.ts (so they are minified and trimmed exactly as
// shipped), and any other entry (Lit alone, the peers) minified the same way.
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

export const root = new URL('../..', import.meta.url).pathname;
export const benchDir = join(root, 'dist/bench');

/** vite.config.ts's output options for everything that reaches a page: fully minified, no comments. */
const MINIFIED = { minify: true, comments: false };

export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;
export const brotliSize = (code) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(code) } }).length;

/**
 * Bytes of one or more files, each sent as its own response: as stored (what
 * Azure Blob Storage sends by default), gzip -9 and brotli (quality 11), each summed.
 */
export function sizeOf(codes) {
  const list = [codes].flat();
  const sum = (size) => list.reduce((total, code) => total + size(code), 0);
  return { raw: sum((code) => Buffer.byteLength(code)), gzip: sum(gzipSize), brotli: sum(brotliSize), files: list.length };
}

/** Sizes added up, file counts too. */
export const addSizes = (...sizes) => Object.fromEntries(['raw', 'gzip', 'brotli', 'files'].map((key) => [key, sizes.reduce((sum, size) => sum + size[key], 0)]));

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
  // Not the languages the cdn mode writes beside the bundle (locales/<code>.js): a page loads one at most, and not English.
  return [output].flat()[0].output.filter((file) => file.type === 'chunk' && !file.fileName.startsWith('locales/')).map((chunk) => chunk.code);
}

/** The kit's self-contained bundle, as `vite build --mode cdn` makes dist/cdn/b2c-totp-kit.js. */
export async function buildKitBundle() {
  const output = await build({ root, mode: 'cdn', logLevel: 'silent', build: { write: false, emptyOutDir: false } });
  return [output].flat()[0].output.find((file) => file.type === 'chunk' && file.isEntry).code;
}
