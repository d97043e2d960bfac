/**
 * THIRD-PARTY-LICENSES.txt beside a bundle: the licence of every package bundled
 * into it (minifying drops their comments), found by rollup-plugin-license from
 * the modules in the output. Packages with one text share it (lit, lit-html,
 * lit-element and @lit/reactive-element). A package that ships no licence file
 * (qrcode-generator) gets the SPDX text of its licence (spdx-license-list) with
 * the copyright line of its source's header. The build fails on a package whose
 * licence is not one of ALLOWED, or whose text cannot be found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import license from 'rollup-plugin-license';
import spdx from 'spdx-license-list/full.js';
import type { Plugin } from 'vite';

const ALLOWED = '(MIT OR BSD-3-Clause OR BSD-2-Clause OR ISC OR Apache-2.0)';
const require = createRequire(import.meta.url);

type Dependency = { readonly name: string | null; readonly version: string | null; readonly license: string | null; readonly licenseText: string | null };

/** A package's directory, found up from its entry (`exports` may hide its package.json). */
function packageDir(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).name === name) return dir;
  }
  throw new Error(`${name}: package.json not found`);
}

/** The licence text of a package without a licence file: the SPDX text, with the copyright line from its source. */
function spdxText({ name, license: id }: Dependency): string {
  const text = id ? spdx[id]?.licenseText : undefined;
  const dir = packageDir(name!);
  const { module: entry = 'index.js' } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { module?: string };
  const copyright = /Copyright \(c\) ([^\n]+)/.exec(readFileSync(join(dir, entry), 'utf8'))?.[1]?.trim();
  if (!text || !copyright) throw new Error(`${name} is bundled but its licence text was not found`);
  return text.replace('<year> <copyright holders>', copyright);
}

/** The notice: one block per licence text, naming the packages under it. */
function notice(bundleName: string, dependencies: readonly Dependency[]): string {
  const byText = new Map<string, string[]>();
  for (const dependency of [...dependencies].sort((a, b) => String(a.name).localeCompare(String(b.name)))) {
    const text = dependency.licenseText?.trim() || spdxText(dependency);
    byText.set(text, [...(byText.get(text) ?? []), `${dependency.name}@${dependency.version} (${dependency.license})`]);
  }
  const blocks = [...byText].map(([text, names]) => `${names.join('\n')}\n\n${text}\n`);
  return `${bundleName} bundles the following packages, under these licences.\n\n${blocks.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

/** Emits THIRD-PARTY-LICENSES.txt into the build's output, beside `bundleName`. */
export function thirdPartyLicenses(bundleName: string): Plugin[] {
  let dependencies: readonly Dependency[] = [];
  const finder = license({
    thirdParty: {
      includePrivate: false,
      allow: { test: ALLOWED, failOnUnlicensed: true, failOnViolation: true },
      output: (found: Dependency[]) => {
        dependencies = found;
      },
    },
  }) as Plugin;
  return [
    finder,
    {
      name: 'b2c-totp-kit:third-party-licenses',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'THIRD-PARTY-LICENSES.txt', source: notice(bundleName, dependencies) });
      },
    },
  ];
}
