/**
 * The tags the kit adds to each page template's <head>.
 *
 * In a build: the template's script as a classic `<script defer>` (B2C may not
 * keep `type="module"`), and a `<link rel="modulepreload">` for each module the
 * page needs, so that they are requested with the template rather than after
 * its script has run: one round trip, not two, for the verification page every
 * sign-in shows. Where B2C drops the links, the script still imports the
 * modules (by absolute URL, see classic-entry.ts); nothing depends on the links.
 * The script's file names come from the manifest its own build wrote.
 *
 * In the preview (dev): the kit's script from its sources, as a module.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { HtmlTagDescriptor, Manifest, Plugin } from 'vite';

export interface TemplateTagsOptions {
  /** The template script's source entry, as its manifest names it. */
  readonly entry: string;
  /** The template script's manifest, relative to the outDir. */
  readonly manifest: string;
  /** Page template (`totp`) → the source modules (`src/b2c/verification.ts`) it preloads. */
  readonly preloads: Readonly<Record<string, readonly string[]>>;
}

const pageName = (path: string) => /([\w-]+)\.html$/.exec(path)?.[1] ?? '';

/**
 * The files of `source`'s chunk and of every chunk it imports statically, dependencies first.
 * `source`: a module that is a chunk of its own, or the name of a chunk of several (a `codeSplitting` group).
 */
export function preloadFiles(manifest: Manifest, source: string, files: string[] = []): string[] {
  const chunk = manifest[source] ?? Object.values(manifest).find((candidate) => candidate.name === source && !candidate.isEntry && !candidate.isDynamicEntry);
  if (!chunk) throw new Error(`the template script's build has no module or chunk ${source}`);
  for (const imported of chunk.imports ?? []) preloadFiles(manifest, imported, files);
  if (!files.includes(chunk.file)) files.push(chunk.file);
  return files;
}

export function templateTags({ entry, manifest: manifestPath, preloads }: TemplateTagsOptions): Plugin {
  let base = '/';
  let manifestFile = '';
  let manifest: Manifest | undefined;
  return {
    name: 'b2c-totp-kit:template-tags',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
      manifestFile = resolve(config.root, config.build.outDir, manifestPath);
    },
    buildStart() {
      if (this.meta.watchMode) return;
      if (!existsSync(manifestFile)) {
        this.error(`the template script is not built: run \`vite build --mode template-script\` first (\`npm run build\` runs both)`);
      }
      manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.path.startsWith('/page-templates/')) return undefined;
        // A stylesheet needs no CORS: without `crossorigin` it loads even where the host sends no CORS headers.
        html = html.replace(/(<link rel="stylesheet") crossorigin/g, '$1');
        if (manifest) {
          const files = new Set((preloads[pageName(context.path)] ?? []).flatMap((source) => preloadFiles(manifest!, source)));
          const tags: HtmlTagDescriptor[] = [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', href: `${base}${file}` }, injectTo: 'head' }));
          tags.push({ tag: 'script', attrs: { defer: true, src: `${base}${manifest[entry].file}` }, injectTo: 'head' });
          return { html, tags };
        }
        // The preview: the kit's script from its sources (B2C's own come from the B2C stand-in's page).
        return { html, tags: [{ tag: 'script', attrs: { type: 'module', src: `/${entry}` }, injectTo: 'head' }] };
      },
    },
    generateBundle(_options, bundle) {
      // page-templates/totp.html → totp.html
      for (const output of Object.values(bundle)) {
        if (output.fileName.endsWith('.html')) output.fileName = output.fileName.replace(/^.*\//, '');
      }
    },
    closeBundle() {
      // The manifest was for this build only: what is in dist/templates is what gets uploaded.
      if (!manifest) return;
      rmSync(manifestFile, { force: true });
      rmSync(dirname(manifestFile), { recursive: true, force: true });
    },
  };
}
