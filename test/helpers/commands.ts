/**
 * The runner's commands that drive the browser like a user, in every engine the suite
 * runs in (Chromium and Firefox through puppeteer, WebKit through WebDriver); served by
 * test/commands.mjs. WTR's own `sendKeys` cannot hold a key down over WebDriver, and its
 * `setViewport` refuses WebDriver.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type SendKeysPayload = { type: string } | { press: string } | { down: string } | { up: string };

/** Types text, presses a key, or holds one down / lets it up (key names as puppeteer's keyboard takes them). */
export const sendKeys = (payload: SendKeysPayload) => executeServerCommand<boolean, SendKeysPayload>('keys', payload);

/** Presses `key` with Control held, as a user does for Ctrl+C / Ctrl+V. */
export async function pressWithControl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  try {
    await sendKeys({ press: key });
  } finally {
    await sendKeys({ up: 'Control' });
  }
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** Sets the viewport's size in CSS pixels. */
export const setViewport = (viewport: Viewport) => executeServerCommand<boolean, Viewport>('viewport', viewport);

export interface Clip {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A PNG (base64) of the page's rectangle `clip` (CSS pixels from the document's top left) at the device's pixel ratio. */
export const screenshot = (clip: Clip) => executeServerCommand<string, Clip>('screenshot', clip);
