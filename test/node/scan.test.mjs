// scanQr, the screenshot scanner of the Node suites: jsQR and ZXing must both read
// the code, and read the same; ZXing runs in Node on its wasm from node_modules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import qrcode from 'qrcode-generator';
import { launchChromium, scanQr } from './browser.mjs';

const URI = 'otpauth://totp/Zürich%20Bank:müller@example.ch?secret=JBSWY3DPEHPK3PXP&issuer=Zürich%20Bank';
const OTHER = 'otpauth://totp/Acme:bob@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Acme';

/** An SVG of QR codes side by side, 5 px a module, each in a quiet zone of 4 modules. */
function svgOf(...texts) {
  let x = 0;
  let height = 0;
  let path = '';
  for (const text of texts) {
    const code = qrcode(0, 'M');
    code.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
    code.make();
    const size = code.getModuleCount();
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) if (code.isDark(row, col)) path += `M${x + 4 + col} ${4 + row}h1v1h-1z`;
    }
    x += size + 8;
    height = Math.max(height, size + 8);
  }
  return `<svg viewBox="0 0 ${x} ${height}" width="${5 * x}" height="${5 * height}" shape-rendering="crispEdges"><rect width="${x}" height="${height}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/** A page whose <totp-qr-code> (a stand-in for the kit's) shows `svg` in its shadow root. */
const pageWith = (svg) => `<totp-qr-code></totp-qr-code><script>
  customElements.define('totp-qr-code', class extends HTMLElement {
    constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(svg)}; }
  });
</script>`;

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

async function scan(svg) {
  const page = await browser.newPage();
  try {
    await page.setContent(pageWith(svg));
    return await scanQr(page);
  } finally {
    await page.close();
  }
}

test('reads a code with both decoders, as UTF-8, and ZXing fetches nothing', async () => {
  // The first test of the file, so ZXing's wasm is instantiated here: Node's fetch must stay unused.
  const { fetch } = globalThis;
  globalThis.fetch = (url) => Promise.reject(new Error(`fetched ${url}`));
  try {
    assert.equal(await scan(svgOf(URI)), URI);
  } finally {
    globalThis.fetch = fetch;
  }
});

test('returns null when neither decoder reads a code', async () => {
  assert.equal(await scan('<svg viewBox="0 0 40 40" width="200" height="200"><rect width="40" height="40" fill="#fff"/></svg>'), null);
});

test('throws when only one decoder reads the screenshot', async () => {
  // Two codes side by side: ZXing reads one, jsQR neither.
  await assert.rejects(scan(svgOf(URI, OTHER)), /jsQR and ZXing read the screenshot differently: null \/ "otpauth:/);
});
