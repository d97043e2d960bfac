// The runner's own commands (test/commands.mjs), in every engine: the element tests lean
// on them to type, hold Control and read painted pixels, so they must do the same thing
// through puppeteer (Chromium, Firefox) and through WebDriver (WebKit).
import { expect, fixture, html } from '@open-wc/testing';
import { pressWithControl, screenshot, sendKeys, setViewport } from '../helpers/commands.js';

/** A focused textarea that records its key events as `down:key` / `up:key`. */
async function keyLog() {
  const area = await fixture<HTMLTextAreaElement>(html`<textarea></textarea>`);
  const events: string[] = [];
  const modifiers: boolean[] = [];
  area.addEventListener('keydown', (event) => {
    events.push(`down:${event.key}`);
    if (event.key !== 'Control') modifiers.push(event.ctrlKey);
  });
  area.addEventListener('keyup', (event) => events.push(`up:${event.key}`));
  area.focus();
  return { area, events, modifiers };
}

async function decodePng(base64: string): Promise<{ width: number; height: number; pixel: (x: number, y: number) => number[] }> {
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  return {
    width: canvas.width,
    height: canvas.height,
    pixel: (x, y) => [...data.slice((y * canvas.width + x) * 4, (y * canvas.width + x) * 4 + 3)],
  };
}

/** A 40×20 CSS px block at (left, top) of the document: red on its left half, blue on its right. */
async function block(left: number, top: number) {
  return fixture<HTMLElement>(html`
    <div style="position: absolute; left: ${left}px; top: ${top}px; width: 40px; height: 20px; display: flex">
      <span style="flex: 1; background: rgb(255, 0, 0)"></span><span style="flex: 1; background: rgb(0, 0, 255)"></span>
    </div>
  `);
}

describe('runner commands', () => {
  describe('sendKeys', () => {
    it('types each character as its own press, in order, repeats included', async () => {
      const { area, events } = await keyLog();
      await sendKeys({ type: '1123' });
      expect(area.value).to.equal('1123');
      expect(events).to.deep.equal(['down:1', 'up:1', 'down:1', 'up:1', 'down:2', 'up:2', 'down:3', 'up:3']);
    });

    it('presses named keys', async () => {
      const { area } = await keyLog();
      await sendKeys({ type: 'ab' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: ' ' });
      expect(area.value).to.equal('a ');
    });

    it('holds a key down between calls until it is let up', async () => {
      const { area, modifiers } = await keyLog();
      area.addEventListener('keydown', (event) => event.preventDefault()); // no select-all, no typing
      await pressWithControl('a');
      await sendKeys({ press: 'b' });
      expect(modifiers).to.deep.equal([true, false]);
    });
  });

  describe('screenshot', () => {
    it('returns the clip as painted, at the device pixel ratio', async () => {
      await block(30, 40);
      const png = await decodePng(await screenshot({ x: 30, y: 40, width: 40, height: 20 }));
      expect([png.width, png.height]).to.deep.equal([40 * devicePixelRatio, 20 * devicePixelRatio]);
      expect(png.pixel(2, 2)).to.deep.equal([255, 0, 0]);
      expect(png.pixel(png.width - 3, png.height - 3)).to.deep.equal([0, 0, 255]);
    });

    it('shows what the page changed just before', async () => {
      const element = await block(30, 40);
      for (const color of ['rgb(0, 128, 0)', 'rgb(255, 255, 0)', 'rgb(0, 0, 0)']) {
        element.querySelector('span')!.style.background = color;
        const png = await decodePng(await screenshot({ x: 30, y: 40, width: 40, height: 20 }));
        expect(`rgb(${png.pixel(2, 2).join(', ')})`).to.equal(color);
      }
    });

    it('shoots a clip below the fold and leaves the page scrolled as it was', async () => {
      const top = innerHeight + 300;
      await block(30, top);
      const before = scrollY;
      const png = await decodePng(await screenshot({ x: 30, y: top, width: 40, height: 20 }));
      expect(png.pixel(2, 2)).to.deep.equal([255, 0, 0]);
      expect(png.pixel(png.width - 3, 2)).to.deep.equal([0, 0, 255]);
      expect(scrollY).to.equal(before);
    });
  });

  describe('setViewport', () => {
    it('sets the size of the viewport in CSS pixels', async () => {
      const before = { width: innerWidth, height: innerHeight };
      try {
        await setViewport({ width: 640, height: 480 });
        expect([innerWidth, innerHeight]).to.deep.equal([640, 480]);
      } finally {
        await setViewport(before);
      }
      expect([innerWidth, innerHeight]).to.deep.equal([before.width, before.height]);
    });
  });
});
