/**
 * Decodes QR codes back to text with two independent decoders: jsQR (JavaScript)
 * and ZXing (zxing-cpp compiled to WebAssembly, the zxing-wasm package), and
 * reads a symbol's format and version information straight from its modules.
 */
import 'jsqr'; // UMD: sets globalThis.jsQR
import type jsQRType from 'jsqr';
import { prepareZXingModule, readBarcodes, writeBarcode, ZXING_WASM_SHA256 } from 'zxing-wasm/full';
import type { ErrorCorrection } from '../../src/core/qr.js';
import { screenshot } from './commands.js';

const { jsQR } = globalThis as unknown as { jsQR: typeof jsQRType };

/**
 * ZXing's wasm, as the test server serves it from node_modules. zxing-wasm would
 * fetch it from a CDN by default; here it never looks a file up itself.
 */
export const ZXING_WASM_URL = new URL('../../node_modules/zxing-wasm/dist/full/zxing_full.wasm', import.meta.url).href;

let zxingWasm: Promise<WebAssembly.Module> | undefined;

/** ZXing's wasm, fetched and compiled on first use (a missing or wrong file fails there, with its reason). */
function loadZxingWasm(): Promise<WebAssembly.Module> {
  zxingWasm ??= (async () => {
    const response = await fetch(ZXING_WASM_URL);
    if (!response.ok) throw new Error(`ZXing's wasm: ${response.status} from ${ZXING_WASM_URL}`);
    const bytes = await response.arrayBuffer();
    const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
    if (digest !== ZXING_WASM_SHA256) throw new Error(`${ZXING_WASM_URL} is not the wasm zxing-wasm ${ZXING_WASM_SHA256} was built with`);
    return WebAssembly.compile(bytes);
  })();
  return zxingWasm;
}

prepareZXingModule({
  overrides: {
    locateFile(path: string): string {
      throw new Error(`zxing-wasm looked up ${path}; it must only use ${ZXING_WASM_URL}`);
    },
    instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) {
      void loadZxingWasm().then((module) => WebAssembly.instantiate(module, imports)).then(done);
      return {};
    },
  },
});

export interface Decoded {
  readonly text: string;
  readonly bytes: Uint8Array;
  /** The symbol's version, 1–40, as the decoder read it. */
  readonly version: number;
}

export interface JsQrDecoded extends Decoded {
  /** The mode of each segment, in order: 'byte', 'numeric', 'alphanumeric', 'kanji' or 'eci'. */
  readonly segments: readonly string[];
}

export interface ZxingDecoded extends Decoded {
  readonly level: string;
  readonly mask: number;
  readonly hasEci: boolean;
  /** The content as the ECI protocol transmits it: symbology identifier (`]Q1`, or `]Q2` with ECI), then the data. */
  readonly bytesEci: Uint8Array;
}

export interface BothDecoded {
  readonly jsQR: JsQrDecoded | null;
  readonly zxing: ZxingDecoded | null;
}

function decodeJsQr(image: ImageData): JsQrDecoded | null {
  const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
  if (!found) return null;
  return { text: found.data, bytes: Uint8Array.from(found.binaryData), version: found.version, segments: found.chunks.map((chunk) => chunk.type) };
}

async function decodeZxing(image: ImageData): Promise<ZxingDecoded | null> {
  await loadZxingWasm();
  // Text as UTF-8, as the kit encodes it, rather than ZXing's guess of the character set.
  const [found] = await readBarcodes(image, { formats: ['QRCode'], maxNumberOfSymbols: 1, characterSet: 'UTF8' });
  if (!found?.isValid) return null;
  const extra = JSON.parse(found.extra) as { Version: string; ECLevel: string; DataMask: number };
  return {
    text: found.text,
    bytes: found.bytes,
    version: Number(extra.Version),
    level: extra.ECLevel,
    mask: extra.DataMask,
    hasEci: found.hasECI,
    bytesEci: found.bytesECI,
  };
}

/** Both decoders' reading of the pixels, each on its own. */
export async function decodePixelsBoth(image: ImageData): Promise<BothDecoded> {
  return { jsQR: decodeJsQr(image), zxing: await decodeZxing(image) };
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * What both decoders read, or null when neither reads a code.
 * @throws when one reads what the other does not.
 */
export async function decodePixels(image: ImageData): Promise<Decoded | null> {
  const { jsQR: byJsQr, zxing } = await decodePixelsBoth(image);
  if (!byJsQr && !zxing) return null;
  if (!byJsQr || !zxing || byJsQr.text !== zxing.text || !same(byJsQr.bytes, zxing.bytes) || byJsQr.version !== zxing.version) {
    throw new Error(`jsQR and ZXing disagree: ${JSON.stringify(byJsQr?.text ?? null)} / ${JSON.stringify(zxing?.text ?? null)}`);
  }
  return { text: zxing.text, bytes: zxing.bytes, version: zxing.version };
}

async function loadImage(src: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = src;
  await image.decode();
  return image;
}

function pixelsOf(image: HTMLImageElement, width: number, height: number): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(image, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

/**
 * Serialises an `<svg>` and rasterises it, as the browser draws it, at a whole
 * number of pixels per module (at least `minSize` pixels wide).
 */
export async function svgPixels(svg: SVGSVGElement, minSize = 480): Promise<ImageData> {
  const modules = svg.viewBox.baseVal.width;
  const size = modules * Math.ceil(minSize / modules);
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  try {
    return pixelsOf(await loadImage(url), size, size);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Rasterises an `<svg>` (see svgPixels) and decodes it with both decoders, each on its own. */
export async function decodeSvgBoth(svg: SVGSVGElement, minSize = 480): Promise<BothDecoded> {
  return decodePixelsBoth(await svgPixels(svg, minSize));
}

/** Rasterises an `<svg>` (see svgPixels); what both decoders read (see decodePixels). */
export async function decodeSvg(svg: SVGSVGElement, minSize = 480): Promise<Decoded | null> {
  return decodePixels(await svgPixels(svg, minSize));
}

/** The pixels the browser painted for `element`'s box, from a real screenshot. */
export async function screenshotPixels(element: Element): Promise<ImageData> {
  return boxPixels(element.getBoundingClientRect());
}

/** The pixels the browser painted in `box` (CSS pixels from the viewport's top left), from a real screenshot. */
export async function boxPixels(box: { left: number; top: number; width: number; height: number }): Promise<ImageData> {
  const clip = {
    x: Math.floor(box.left + scrollX),
    y: Math.floor(box.top + scrollY),
    width: Math.ceil(box.width),
    height: Math.ceil(box.height),
  };
  const png = await screenshot(clip);
  return pixelsOf(await loadImage(`data:image/png;base64,${png}`), clip.width, clip.height);
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** A symbol as rows of modules, `true` for dark, without a quiet zone. */
export type Modules = readonly (readonly boolean[])[];

/** The modules of an SVG path of `M{x} {y}h{w}v1H{x}z` runs (what encodeQr draws). */
export function modulesOfPath(path: string, size: number): Modules {
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const runs = /M(\d+) (\d+)h(\d+)v1H\1z/g;
  let drawn = 0;
  for (const [run, x, y, width] of path.matchAll(runs)) {
    for (let col = Number(x); col < Number(x) + Number(width); col++) modules[Number(y)][col] = true;
    drawn += run.length;
  }
  if (drawn !== path.length) throw new Error(`not a path of module runs: ${path.slice(0, 40)}…`);
  return modules;
}

/** The modules of a one-channel image of a symbol at one pixel per module (ZXing's writer output). */
export function modulesOfSymbol({ data, width }: { data: Uint8ClampedArray; width: number }): Modules {
  return Array.from({ length: width }, (_, row) => Array.from({ length: width }, (_, col) => data[row * width + col] < 128));
}

/** Paints modules black on white, `scale` pixels each, inside a quiet zone of 4 modules. */
export function modulePixels(modules: Modules, scale = 4): ImageData {
  const side = (modules.length + 8) * scale;
  const image = new ImageData(side, side);
  image.data.fill(255);
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = (r + 4) * scale; y < (r + 5) * scale; y++) image.data.fill(0, (y * side + (c + 4) * scale) * 4, (y * side + (c + 5) * scale) * 4);
    }),
  );
  for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
  return image;
}

/** Remainder of the polynomial `value` divided by `generator` over GF(2) (the BCH codes of format and version information). */
function bchRemainder(value: number, generator: number): number {
  const degree = Math.floor(Math.log2(generator));
  for (let bit = Math.floor(Math.log2(value || 1)); bit >= degree; bit--) {
    if (value & (1 << bit)) value ^= generator << (bit - degree);
  }
  return value;
}

/** ISO/IEC 18004 table 12: the two error-correction bits of the format information. */
const LEVEL_BITS: Record<number, ErrorCorrection> = { 0b01: 'L', 0b00: 'M', 0b11: 'Q', 0b10: 'H' };

/**
 * The error-correction level and mask read from a symbol's two copies of its
 * format information (ISO/IEC 18004 7.9: 15 bits, BCH(15,5) with generator
 * 0x537, masked with 0x5412, placed around the finder patterns).
 * @throws when the copies differ or their BCH code does not check.
 */
export function readFormatInformation(modules: Modules): { level: ErrorCorrection; mask: number } {
  const size = modules.length;
  const at = (row: number, col: number) => (modules[row][col] ? 1 : 0);
  let first = 0;
  let second = 0;
  // Bit i of the first copy, beside the top-left finder; of the second, split between the other two.
  const firstCopy = (i: number) => (i < 6 ? at(i, 8) : i === 6 ? at(7, 8) : i === 7 ? at(8, 8) : i === 8 ? at(8, 7) : at(8, 14 - i));
  const secondCopy = (i: number) => (i < 8 ? at(8, size - 1 - i) : at(size - 15 + i, 8));
  for (let i = 0; i < 15; i++) {
    first |= firstCopy(i) << i;
    second |= secondCopy(i) << i;
  }
  if (first !== second) throw new Error(`the two copies of the format information differ: ${first.toString(2)} / ${second.toString(2)}`);
  const unmasked = first ^ 0x5412;
  if (bchRemainder(unmasked, 0x537) !== 0) throw new Error(`the format information ${first.toString(2)} fails its BCH check`);
  if (at(size - 8, 8) !== 1) throw new Error('the dark module beside the bottom-left finder is light');
  const data = unmasked >> 10;
  return { level: LEVEL_BITS[data >> 3], mask: data & 0b111 };
}

/**
 * The version read from a symbol's version information (ISO/IEC 18004 7.10:
 * versions 7 and up, 18 bits, BCH(18,6) with generator 0x1F25, two copies beside
 * the top-right and bottom-left finders), or null for the smaller versions, which
 * have none.
 * @throws when the copies differ or their BCH code does not check.
 */
export function readVersionInformation(modules: Modules): number | null {
  const size = modules.length;
  if (size < 45) return null;
  let topRight = 0;
  let bottomLeft = 0;
  for (let i = 0; i < 18; i++) {
    const near = size - 11 + (i % 3);
    const far = Math.floor(i / 3);
    topRight |= (modules[far][near] ? 1 : 0) << i;
    bottomLeft |= (modules[near][far] ? 1 : 0) << i;
  }
  if (topRight !== bottomLeft) throw new Error(`the two copies of the version information differ: ${topRight} / ${bottomLeft}`);
  if (bchRemainder(topRight, 0x1f25) !== 0) throw new Error(`the version information ${topRight.toString(2)} fails its BCH check`);
  return topRight >> 12;
}

/**
 * A QR code written by ZXing's own encoder (zint), for tests that need a symbol
 * the kit would never draw (with an ECI, say). `options` as zxing-wasm's
 * writer takes them: `ecLevel=M,eci=26,version=7,dataMask=3`.
 */
export async function zxingWrittenModules(text: string | Uint8Array, options: string): Promise<Modules> {
  await loadZxingWasm();
  const written = await writeBarcode(text, { format: 'QRCode', options, scale: 1, addQuietZones: false });
  if (written.error) throw new Error(written.error);
  return modulesOfSymbol(written.symbol);
}
