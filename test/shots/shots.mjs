#!/usr/bin/env node
// `npm run shots`: a picture book for designers, not a test. Every page and state of the
// preview, on the built templates hosted as B2C hosts them (npm run preview:b2c's two
// origins), in Chromium, Firefox and WebKit, at 320, 375, 768 and 1280 px (the phones and
// the tablet emulated as in the preview), light; and dark and Arabic (right to left) at
// 375 px. Written to dist/shots/<engine>/<state>-<width>[-dark|-ar].png, with an
// index.html that shows them side by side. `-- --engines=chromium --states=enroll` narrows it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveB2C } from '../../src/preview/server/serve-b2c.mjs';
import { root } from '../../src/build/tools/build-templates.mjs';
import { ENGINES, launch } from '../node/engines.mjs';
import { STATES, WIDTHS } from './states.mjs';

const option = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3).split(',');

async function main() {
  const engines = option('engines') ?? ENGINES;
  const states = option('states') ?? Object.keys(STATES);
  const out = join(root, 'dist/shots');
  rmSync(out, { recursive: true, force: true });
  const hosted = await serveB2C();
  const shots = [];
  try {
    for (const engine of engines) {
      mkdirSync(join(out, engine), { recursive: true });
      // WebKit's window is narrower than 447 px only zoomed (engines.mjs): 320 and 375 CSS px as in the others.
      const browser = await launch(engine, { zoom: 2 });
      try {
        const page = await browser.newPage({ width: 1280, height: 1400 });
        for (const state of states) {
          const variants = [...Object.keys(WIDTHS).map((width) => [Number(width), '']), [375, 'dark'], [375, 'ar']];
          for (const [width, variant] of variants) {
            const query = new URLSearchParams({ device: WIDTHS[width], ...(variant === 'dark' ? { theme: 'dark' } : { theme: 'light' }), ...(variant === 'ar' ? { lang: 'ar' } : {}) });
            await page.setViewport({ width, height: 1400 });
            await page.goto(`${hosted.b2cOrigin}/page-templates/${STATES[state]}&${query}`);
            // B2C's markup in, every control upgraded, fonts and frames settled.
            await page.waitFor(() => document.querySelector('#api > *') && !document.querySelector('#api :is(.qrCodeControlContent, li.AuthenticatorInfoControl .attrEntry[id], .authenticatorIconControlContent, input#otpCode):not([data-totp-kit])'));
            await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
            const name = `${state}-${width}${variant ? `-${variant}` : ''}.png`;
            writeFileSync(join(out, engine, name), await page.screenshot());
            shots.push({ engine, state, name });
            process.stderr.write('.');
          }
        }
        await page.close();
      } finally {
        await browser.close();
      }
    }
  } finally {
    await hosted.close();
  }
  const rows = [...new Set(shots.map((shot) => shot.name))].map((name) => {
    const cells = engines.map((engine) => (shots.some((shot) => shot.engine === engine && shot.name === name) ? `<td><a href="${engine}/${name}"><img src="${engine}/${name}" alt="${name} in ${engine}" loading="lazy"></a></td>` : '<td></td>'));
    return `<tr><th scope="row">${name.replace('.png', '')}</th>${cells.join('')}</tr>`;
  });
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>b2c-totp-kit: every state in every engine</title><style>body{font:14px system-ui;margin:1rem}img{width:320px;border:1px solid #ccc}th{text-align:left;vertical-align:top;padding-right:1rem}td{vertical-align:top;padding:0 0.5rem 1rem 0}</style><h1>Every state in every engine</h1><table><tr><th></th>${engines.map((engine) => `<th scope="col">${engine}</th>`).join('')}</tr>${rows.join('')}</table></html>\n`,
  );
  process.stderr.write(`\n${shots.length} screenshots in dist/shots (open dist/shots/index.html)\n`);
}

await main();
process.exit(0);
