/**
 * The template's script is a classic script, so it can have no static import
 * (classic-entry.ts): a module that both the bridge and the elements import
 * would otherwise become a chunk of its own that the entry must import. Such a
 * module (`modules`, absolute paths, each without imports of its own) is built twice instead: as it is for the
 * elements' chunks, and as a copy for the bridge's files (`bridgeDir`), which
 * the entry holds. The copy is the same source file, so the two cannot drift.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

// A virtual id that names no file (so no other plugin or chunk rule takes it for the module itself).
const COPY = '\0entry-copy:';
const END = '?entry-copy';

export function copyIntoEntry(bridgeDir: string, modules: readonly string[]): Plugin {
  return {
    name: 'b2c-totp-kit:copy-into-entry',
    apply: 'build',
    enforce: 'pre', // before Vite's own resolver, which would settle the import first
    async resolveId(source, importer, options) {
      if (!importer?.startsWith(bridgeDir)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && modules.includes(resolved.id) ? `${COPY}${resolved.id}${END}` : null;
    },
    async load(id) {
      if (!id.startsWith(COPY)) return null;
      const path = id.slice(COPY.length, -END.length);
      const code = await readFile(path, 'utf8');
      // The copy's own relative imports would resolve from a virtual id: refused rather than guessed.
      if (/^\s*(import|export)\s[^;]*\sfrom\s/m.test(code)) return this.error(`${path} imports other modules: it cannot be copied into the entry`);
      return { code, moduleType: 'ts' };
    },
  };
}
