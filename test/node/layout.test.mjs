// Every page and state of the preview's gallery, on the built templates hosted as B2C
// hosts them (two origins), in every engine, at 320, 375, 768 and 1280 px (the phones
// and the tablet emulated as the preview does: user agent, touch, coarse pointer),
// light and dark, left to right and right to left (Arabic). On each:
// - nothing scrolls sideways: the page's scrollWidth is at most its clientWidth;
// - every target is at least 24 × 24 CSS px (WCAG 2.2, 2.5.8), but a link inline in a
//   line of text (the criterion's own exception);
// - the focus ring of every focusable control lies inside the viewport once the control
//   is scrolled into view, and no ancestor that clips (overflow other than visible, in
//   the composed tree, through shadow roots and slots) cuts it.
// And once more on each enrollment page with every disclosure of the kit's opened
// (the manual details, the QR code behind its button on a phone).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveB2C } from '../../src/preview/server/serve-b2c.mjs';
import { ENGINES, launch } from './engines.mjs';
import { STATES, WIDTHS } from '../shots/states.mjs';
import { readFileSync } from 'node:fs';
import { stretch } from '../helpers/pseudo.mjs';

/**
 * Each element's English defaults, read from its source (the `…Strings` object: one `key: 'text',`
 * a line), in the pseudo-locale (test/helpers/pseudo.mjs): the texts the page checks put on every
 * element of a page, as a template's #totp-kit-strings would, to see a long language at 320 px.
 */
const PSEUDO = Object.fromEntries(
  ['qr-code', 'authenticator-info', 'app-icon', 'code-input'].map((name) => {
    const source = readFileSync(new URL(`../../src/elements/${name}/${name}.ts`, import.meta.url), 'utf8');
    const block = /export const \w+Strings: \w+ = \{\n([\s\S]*?)\n\};/.exec(source)[1];
    const strings = Object.fromEntries(
      [...block.matchAll(/^\s+(\w+): (['"])(.*)\2,$/gm)].map(([, key, , text]) => [key, JSON.parse(`"${text.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`)]),
    );
    assert.ok(Object.keys(strings).length >= 8, `${name}: its English defaults`);
    return [`totp-${name}`, stretch(strings)];
  }),
);

/** Runs in the page: gives every kit element its pseudo-locale texts, waits for them to render, and says how many elements there are and how many show them. */
async function applyPseudo(byTag) {
  const elements = [...document.querySelectorAll('totp-qr-code, totp-authenticator-info, totp-app-icon, totp-code-input')];
  for (const element of elements) element.strings = byTag[element.localName];
  await Promise.all(elements.map((element) => element.updateComplete));
  const shown = elements.filter((element) => `${element.shadowRoot?.textContent ?? ''}${element.textContent}`.includes('⟦'));
  return [elements.length, shown.length];
}

const VARIANTS = [
  { theme: 'light', lang: 'en' },
  { theme: 'dark', lang: 'en' },
  { theme: 'light', lang: 'ar' },
  { theme: 'dark', lang: 'ar' },
];

/**
 * Runs in the page: what breaks the three rules, as readable lines. With `open`,
 * first opens every disclosure of the kit's (buttons with aria-expanded="false").
 */
async function layoutProblems(open) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const elements = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      elements.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  const collect = () => {
    elements.length = 0;
    walk(document);
  };
  // Layout as painted: ResizeObservers (the code input fits its boxes to the room) run before a frame.
  await frame();
  collect();
  if (open) {
    for (const button of elements.filter((element) => element.getRootNode() instanceof ShadowRoot && element.matches('button[aria-expanded="false"]'))) button.click();
    await frame();
    collect();
  }
  const problems = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth > width) problems.push(`scrolls sideways: scrollWidth ${root.scrollWidth} > clientWidth ${width}`);

  const parentOf = (node) => node.assignedSlot ?? node.parentElement ?? node.parentNode?.host ?? null;
  const nameOf = (element) => {
    const own = `${element.localName}${element.id ? `#${element.id}` : ''}${element.getAttribute('part') ? `[part="${element.getAttribute('part')}"]` : ''}`;
    const host = element.getRootNode().host;
    return host ? `${host.localName} > ${own}` : own;
  };
  const TARGET = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
  const targets = elements.filter((element) => element.matches(TARGET) && element.checkVisibility({ visibilityProperty: true, opacityProperty: false }));

  // An inline link in a line of text: its block holds other text besides it.
  const inlineInText = (element) => {
    if (element.localName !== 'a' || getComputedStyle(element).display !== 'inline') return false;
    const block = parentOf(element);
    return Boolean(block) && block.textContent.replace(element.textContent, '').replace(/[\s·|•-]/g, '').length > 0;
  };
  // A pointer target: a control, not text that only takes focus to be read (B2C's <p tabindex>).
  const pointerTargets = targets.filter((element) => !element.matches('p, div, span, label, h1, h2, h3, li'));
  for (const target of pointerTargets) {
    const { width: w, height: h } = target.getBoundingClientRect();
    if ((w < 23.5 || h < 23.5) && !inlineInText(target)) problems.push(`target ${nameOf(target)} is ${w.toFixed(1)} × ${h.toFixed(1)} px`);
  }

  let rings = 0;
  const focusable = targets.filter((element) => element.tabIndex >= 0 && !element.disabled && element.getClientRects().length > 0);
  for (const element of focusable) {
    element.scrollIntoView({ block: 'center', inline: 'nearest' });
    element.focus();
    await frame();
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const ring = style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset) : 0;
    if (style.outlineStyle !== 'none') rings++;
    const r = { left: box.left - ring, right: box.right + ring, top: box.top - ring, bottom: box.bottom + ring };
    const viewport = { left: 0, top: 0, right: width, bottom: root.clientHeight };
    const outside = (clip) => r.left < clip.left - 0.5 || r.right > clip.right + 0.5 || r.top < clip.top - 0.5 || r.bottom > clip.bottom + 0.5;
    const describe = () => `${r.left.toFixed(1)},${r.top.toFixed(1)} – ${r.right.toFixed(1)},${r.bottom.toFixed(1)}`;
    if (box.height + 2 * ring <= root.clientHeight && outside(viewport)) problems.push(`focus ring of ${nameOf(element)} leaves the viewport (${describe()}, viewport ${width} × ${root.clientHeight})`);
    for (let ancestor = parentOf(element); ancestor && ancestor !== document.body && ancestor !== root; ancestor = parentOf(ancestor)) {
      const { overflowX, overflowY } = getComputedStyle(ancestor);
      if (overflowX === 'visible' && overflowY === 'visible') continue;
      const outer = ancestor.getBoundingClientRect();
      const clip = {
        left: overflowX === 'visible' ? -Infinity : outer.left + ancestor.clientLeft,
        right: overflowX === 'visible' ? Infinity : outer.left + ancestor.clientLeft + ancestor.clientWidth,
        top: overflowY === 'visible' ? -Infinity : outer.top + ancestor.clientTop,
        bottom: overflowY === 'visible' ? Infinity : outer.top + ancestor.clientTop + ancestor.clientHeight,
      };
      if (outside(clip)) problems.push(`focus ring of ${nameOf(element)} is clipped by ${nameOf(ancestor)} (overflow ${overflowX} ${overflowY}; ring ${describe()})`);
    }
  }
  document.activeElement?.blur?.();
  return { problems, targets: targets.length, focusable: focusable.length, rings };
}

let hosted;
before(async () => {
  hosted = await serveB2C();
});
after(() => hosted?.close());

/** Every page the check loads: a state at a width in a variant, and whether its disclosures are opened. */
const LOADS = Object.keys(STATES).flatMap((state) =>
  Object.keys(WIDTHS).flatMap((width) => VARIANTS.flatMap((variant) => [false, ...(state === 'enroll' ? [true] : [])].map((open) => ({ state, width: Number(width), ...variant, open })))),
);

for (const engine of ENGINES) {
  describe(`layout in ${engine}`, () => {
    let browser;
    let page;
    before(async () => {
      // WebKit's window is narrower than 447 px only zoomed (engines.mjs): 320 and 375 CSS px as in the others.
      browser = await launch(engine, { zoom: 2 });
      page = await browser.newPage({ width: 1280, height: 900 });
    });
    after(() => browser?.close());

    test('the checks see what they look for: a page that scrolls sideways, a small target, a clipped and an outlying focus ring', async () => {
      await page.setViewport({ width: 320, height: 900 });
      await page.goto(`${hosted.b2cOrigin}/page-templates/${STATES.verify}&device=android`);
      await page.waitFor(() => document.querySelector('#api input#otpCode[data-totp-kit]'));
      await page.evaluate(() => {
        const ring = 'outline: 3px solid red; outline-offset: 2px';
        document.body.insertAdjacentHTML(
          'beforeend',
          `<div style="width: 400px">wide</div>` +
            `<button id="tiny" style="width: 10px; height: 10px; padding: 0"></button>` +
            `<div style="overflow: hidden; width: 100px"><button id="clipped" style="display: block; width: 100px; ${ring}">x</button></div>` +
            `<button id="outlying" style="position: absolute; left: -6px; top: 300px; ${ring}">x</button>`,
        );
      });
      const { problems } = await page.evaluate(layoutProblems, false);
      const has = (pattern) => problems.some((problem) => pattern.test(problem));
      assert.ok(has(/^scrolls sideways: scrollWidth 4\d\d > clientWidth 3\d\d$/), problems.join('\n'));
      assert.ok(has(/^target button#tiny is 10\.0 × 10\.0 px$/), problems.join('\n'));
      assert.ok(has(/^focus ring of button#clipped is clipped by div/), problems.join('\n'));
      assert.ok(has(/^focus ring of button#outlying leaves the viewport/), problems.join('\n'));
    });

    // The pages with the kit's elements, at 320 px, with every text 40 % longer and accented.
    for (const state of ['enroll', 'verify', 'wrong-code', 'too-many', 'server-error']) {
      test(`${state}: a pseudo-locale 40 % longer, accented, at 320 px: no sideways scroll, targets of 24 px, focus rings whole`, async () => {
        const problems = [];
        for (const open of state === 'enroll' ? [false, true] : [false]) {
          await page.setViewport({ width: 320, height: 900 });
          await page.goto(`${hosted.b2cOrigin}/page-templates/${STATES[state]}&device=${WIDTHS[320]}`);
          await page.waitFor(() => document.querySelector('#api > *') && !document.querySelector('#api :is(.qrCodeControlContent, li.AuthenticatorInfoControl .attrEntry[id], .authenticatorIconControlContent, input#otpCode):not([data-totp-kit])'));
          const [elements, shown] = await page.evaluate(applyPseudo, PSEUDO);
          assert.ok(elements > 0 && shown === elements, `${state}: ${shown} of ${elements} kit elements show the pseudo-locale`);
          const result = await page.evaluate(layoutProblems, open);
          problems.push(...result.problems.map((problem) => `320 px pseudo${open ? ' (opened)' : ''}: ${problem}`));
        }
        assert.deepEqual(problems, []);
      });
    }

    for (const state of Object.keys(STATES)) {
      test(`${state}: no sideways scroll, targets of 24 px, focus rings whole, at every width, light and dark, left to right and right to left`, async (t) => {
        const problems = [];
        let checked = 0;
        let rings = 0;
        for (const load of LOADS.filter((load) => load.state === state)) {
          const query = new URLSearchParams({ device: WIDTHS[load.width], theme: load.theme, ...(load.lang === 'ar' ? { lang: 'ar' } : {}) });
          await page.setViewport({ width: load.width, height: 900 });
          await page.goto(`${hosted.b2cOrigin}/page-templates/${STATES[state]}&${query}`);
          // B2C's markup in and every control upgraded.
          await page.waitFor(
            () =>
              document.querySelector('#api > *') &&
              !document.querySelector(
                '#api :is(.qrCodeControlContent, li.AuthenticatorInfoControl .attrEntry[id], .authenticatorIconControlContent, input#otpCode, input#strongAuthenticationAppCode, li:has(> .attrEntry > #strongAuthenticationAppQRCodeBitmap)):not([data-totp-kit])',
              ),
          );
          // The server's QR image drawn at its size (its width is set once it has loaded).
          await page.waitFor(() => [...document.querySelectorAll('.totp-kit-server-qr-image')].every((img) => img.complete));
          await page.evaluate(() => document.fonts.ready);
          const result = await page.evaluate(layoutProblems, load.open);
          const where = `${load.width} px ${load.theme} ${load.lang}${load.open ? ' (opened)' : ''}`;
          problems.push(...result.problems.map((problem) => `${where}: ${problem}`));
          assert.ok(result.focusable > 0, `${where}: the check found controls to focus`);
          // Focused from script, the controls still show their :focus-visible rings: the check measures real rings.
          assert.ok(result.rings > 0, `${where}: focused controls draw an outline`);
          checked += result.focusable;
          rings += result.rings;
        }
        t.diagnostic(`${checked} controls focused, ${rings} with an outline`);
        assert.deepEqual(problems, []);
      });
    }
  });
}
