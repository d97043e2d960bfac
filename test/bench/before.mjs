#!/usr/bin/env node
// The templates as an earlier commit built them, for the bench's "before" column
// (`npm run bench -- --before[=<commit>]`; `node test/bench/before.mjs [<commit>]`
// only prepares them). The default, 23c82ac, is the kit before the templates
// preloaded their modules and imported them by absolute URL.
//
// The commit's files (git archive, no worktree) go to a folder of the system's
// temporary directory, outside the repository, where `npm ci` installs its own
// dependencies and its own `vite build` builds its templates, once per commit
// (delete the folder to rebuild). They are built for a placeholder base URL, and
// copied for the storage's real one when the bench serves them (templatesFor).
// That commit's template script import()ed its modules by relative URL, which a
// classic script resolves against the page's URL, B2C's origin, so that they
// fail in every browser; as the author did, those import()s are made
// absolute: nothing else of the build is changed.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './build.mjs';

export const BEFORE_COMMIT = '23c82ac';
/** The base URL the earlier templates are built for; each file's copy says the storage's instead. */
const PLACEHOLDER = 'http://127.0.0.1:1/';

const run = (command, args, cwd, env = {}) => execFileSync(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

/** Builds `commit`'s templates (once) and returns their folder and the commit's full hash. */
export function prepareBefore(commit = BEFORE_COMMIT, log = (line) => process.stderr.write(`${line}\n`)) {
  const hash = run('git', ['rev-parse', '--verify', `${commit}^{commit}`], root).trim();
  const dir = join(tmpdir(), `b2c-totp-kit-bench-${hash.slice(0, 12)}`);
  const templates = join(dir, 'dist/templates');
  if (existsSync(join(templates, 'totp.html'))) return { dir: templates, commit: hash };
  log(`Building the templates of ${hash.slice(0, 7)} in ${dir} (once)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${hash} | tar -x -C "${dir}"`], { cwd: root, stdio: 'inherit' });
  run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
  run('npx', ['vite', 'build', '--logLevel', 'warn'], dir, { TEMPLATE_BASE_URL: PLACEHOLDER });
  if (!existsSync(join(templates, 'totp.html'))) throw new Error(`${hash.slice(0, 7)}'s vite build made no dist/templates/totp.html`);
  return { dir: templates, commit: hash };
}

/** The earlier template script's relative import()s, `import(\`./x.js\`)`. */
const RELATIVE_IMPORT = /\bimport\(\s*([`'"])\.\/([\w.-]+\.js)\1\s*\)/g;

/**
 * Copies the prepared templates into `outDir` for `base` (the storage's URL):
 * the placeholder replaced in every text file, the template script's import()s
 * made absolute. Throws when the script has none to patch (a commit that needs
 * no patch, or a build that changed).
 */
export function templatesFor(preparedDir, outDir, base) {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(preparedDir, outDir, { recursive: true });
  let patched = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(html|css|js|svg)$/.test(name)) {
        let text = readFileSync(file, 'utf8').replaceAll(PLACEHOLDER, base);
        if (/^b2c-totp-kit-[\w-]+\.js$/.test(name)) {
          text = text.replace(RELATIVE_IMPORT, (_, quote, chunk) => {
            patched++;
            return `import(${quote}${base}assets/${chunk}${quote})`;
          });
        }
        writeFileSync(file, text);
      }
    }
  };
  walk(outDir);
  if (patched === 0) throw new Error('the earlier template script has no relative import() to make absolute');
  return outDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { dir, commit } = prepareBefore(process.argv[2]);
  console.log(`${commit.slice(0, 7)}'s templates, built for ${PLACEHOLDER}: ${dir}`);
}
