// Generates custom-elements.json into any directory, exactly as `npm run manifest`
// does (same CLI, same config), for the tests: the analyzer writes relative to
// the working directory, so the directory goes to the config as a relative path.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../../..', import.meta.url).pathname;

/** Writes `<dir>/custom-elements.json` and returns it, parsed. */
export function generateManifest(dir) {
  const run = spawnSync(
    join(root, 'node_modules/.bin/custom-elements-manifest'),
    ['analyze', '--litelement', '--quiet', '--config', 'src/build/tools/cem.config.mjs'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CEM_OUTDIR: relative(root, dir) } },
  );
  if (run.status !== 0) throw new Error(`custom-elements-manifest failed:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
}
