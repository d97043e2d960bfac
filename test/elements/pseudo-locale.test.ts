/**
 * A pseudo-locale at 320 px: every English default made 40 % longer and
 * accented (placeholders kept), as a long language would write it, in every
 * state of every element. None may overflow: the container of a 320 px phone's
 * page does not scroll sideways, and no box inside the element (shadow roots
 * included) reaches past its edges. The keys are the English defaults', so a
 * new string is stretched too.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { qrCodeStrings } from '../../src/elements/qr-code/qr-code.js';
import { authenticatorInfoStrings } from '../../src/elements/authenticator-info/authenticator-info.js';
import { appIconStrings } from '../../src/elements/app-icon/app-icon.js';
import { codeInputStrings } from '../../src/elements/code-input/code-input.js';
import { registerTranslation, type Translation } from '../../src/elements/translation.js';
import { STATES, textsOf } from '../helpers/kit-states.js';
import { serverQrStrings } from '../../src/b2c/controls/server-qr.js';
import { setViewport } from '../helpers/commands.js';
import { pseudo, stretch } from '../helpers/pseudo.mjs';

const PSEUDO: Translation = {
  language: 'qps-ploc',
  qrCode: stretch(qrCodeStrings),
  authenticatorInfo: stretch(authenticatorInfoStrings),
  appIcon: stretch(appIconStrings),
  codeInput: stretch(codeInputStrings),
  serverQr: stretch(serverQrStrings),
};

/** Every box in `root`'s composed tree that reaches past `bounds`, as readable lines. */
function overflowing(root: Element, bounds: DOMRect): string[] {
  const found: string[] = [];
  const walk = (element: Element) => {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && (box.right > bounds.right + 0.5 || box.left < bounds.left - 0.5)) {
      found.push(`${element.localName}${element.getAttribute('part') ? `[part="${element.getAttribute('part')}"]` : ''} spans ${box.left.toFixed(0)}–${box.right.toFixed(0)} px, the container ${bounds.left.toFixed(0)}–${bounds.right.toFixed(0)}`);
    }
    for (const child of [...(element.shadowRoot?.children ?? []), ...element.children]) walk(child);
  };
  walk(root);
  return found;
}

describe('a pseudo-locale 40 % longer, accented, at 320 px', () => {
  const original = { width: innerWidth, height: innerHeight };
  before(async () => {
    registerTranslation(PSEUDO);
    try {
      await setViewport({ width: 320, height: 640 });
    } catch {
      // WebKitGTK's MiniBrowser keeps its window at least 447 px wide: the container is a phone's page then.
    }
  });
  after(() => setViewport(original));

  it('stretches every text, keeps its placeholders', () => {
    expect(pseudo('Copy {app} key')).to.match(/^⟦Çøpý \{app\} kêý( \S+)+⟧$/);
    expect(pseudo('x'.repeat(100)).length).to.be.at.least(140);
  });

  it('reports a box that reaches past the container (the check looks)', async () => {
    const container = await fixture<HTMLDivElement>(html`<div style="width: 304px"><p><span style="display: inline-block; width: 400px">wide</span></p></div>`);
    expect(overflowing(container.firstElementChild!, container.getBoundingClientRect())).to.have.length(1);
  });

  for (const state of STATES) {
    it(`${state.group}, ${state.name}: shows the pseudo-locale and overflows nothing`, async () => {
      const container = await fixture<HTMLDivElement>(html`<div lang="qps-ploc" style="width: 304px"></div>`);
      const element = await state.make(container);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(textsOf(element).some((text) => text.includes('⟦')), 'the pseudo-locale shows').to.equal(true);
      expect(container.scrollWidth, 'the container scrolls sideways').to.be.at.most(container.clientWidth);
      expect(overflowing(element, container.getBoundingClientRect())).to.deep.equal([]);
      const root = document.documentElement;
      expect(root.scrollWidth, 'the page scrolls sideways').to.be.at.most(root.clientWidth);
    });
  }
});
