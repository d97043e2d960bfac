/** Decodes QR codes back to text with jsQR, an independent decoder. */
import 'jsqr'; // UMD: sets globalThis.jsQR
import type jsQRType from 'jsqr';
import { screenshot } from './commands.js';

const { jsQR } = globalThis as unknown as { jsQR: typeof jsQRType };

export interface Decoded {
  readonly text: string;
  readonly bytes: Uint8Array;
}

export function decodePixels(image: ImageData): Decoded | null {
  const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
  return found ? { text: found.data, bytes: Uint8Array.from(found.binaryData) } : null;
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
 * Serialises an `<svg>`, rasterises it at a whole number of pixels per module
 * (at least `minSize` pixels wide) and decodes it.
 */
export async function decodeSvg(svg: SVGSVGElement, minSize = 480): Promise<Decoded | null> {
  const modules = svg.viewBox.baseVal.width;
  const size = modules * Math.ceil(minSize / modules);
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  try {
    return decodePixels(pixelsOf(await loadImage(url), size, size));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The pixels the browser painted for `element`'s box, from a real screenshot. */
export async function screenshotPixels(element: Element): Promise<ImageData> {
  const box = element.getBoundingClientRect();
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
