/**
 * Modules built from copies of their own, so that they share no module with
 * any other chunk. The template's script is a classic script and can have no
 * static import (classic-entry.ts): a module that both the script and a chunk
 * it loads import would otherwise become a chunk of its own that the script
 * must import. And the bridge's page modules (the enrollment page's mounts, the
 * sent codes') must not share a chunk of their common helpers, which each page
 * would then fetch one round trip later.
 *
 * So each root's whole static graph is built from copies: every module a root
 * imports, and that they import in turn, is loaded again under an id of its
 * own for that root; `import()` leaves the graph, and what it loads is built
 * from the originals. A module two sides need (the B2C contract, the
 * session-replay markers) is then in each: the same source file built twice,
 * so the copies cannot drift, and tree-shaken, so each holds only what its side uses.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

// A virtual id that names no file (so no other plugin or chunk rule takes it for the module itself).
const COPY = '\0copy:';
const END = '?copy';

interface Copy {
  readonly root: number;
  readonly path: string;
}

function parse(id: string): Copy | undefined {
  if (!id.startsWith(COPY) || !id.endsWith(END)) return undefined;
  const [root, path] = id.slice(COPY.length, -END.length).split('|') as [string, string];
  return { root: Number(root), path };
}

/** `roots`: the absolute paths of the modules whose graphs are copies of their own. */
export function selfContained(...roots: readonly string[]): Plugin {
  return {
    name: 'b2c-totp-kit:self-contained',
    apply: 'build',
    enforce: 'pre', // before Vite's own resolver, which would settle the import first
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const copy = parse(importer);
      const root = copy?.root ?? roots.indexOf(importer);
      if (root < 0) return null;
      // A copy's imports resolve from its original's place.
      const resolved = await this.resolve(source, copy?.path ?? importer, { ...options, skipSelf: true });
      // `import()` leaves the graph: the chunk it loads is built from the originals.
      if (!resolved || resolved.external || resolved.id.startsWith('\0') || options.kind !== 'import-statement') return resolved;
      return `${COPY}${root}|${resolved.id}${END}`;
    },
    async load(id) {
      const copy = parse(id);
      if (!copy) return null;
      return { code: await readFile(copy.path, 'utf8'), moduleType: /\.tsx?$/.test(copy.path) ? 'ts' : 'js' };
    },
  };
}
