/** What every control's mount reads: the page's language, the template's texts, and B2C's own texts. */
import type { BridgeOptions, PageStrings } from '../options.js';
import { tenantText } from '../texts.js';
import * as B2C from '../contract.js';

export interface Context {
  /** B2C's #api: the page the control is on. */
  readonly api: HTMLElement;
  readonly options: BridgeOptions;
  /** The page's language: the template's `data-totp-lang`, else `<html lang>` as B2C sets it. */
  readonly language: string;
  /** The template's texts (#totp-kit-strings): they win over everything. */
  readonly strings: PageStrings;
}

export const textOf = (node: Element | null | undefined) => node?.textContent?.trim() ?? '';

/** Hidden the way B2C hides its nodes (its messages, its server error): an inline `display: none` or `aria-hidden="true"`. */
export const hiddenByB2C = (node: HTMLElement) => node.style.display === 'none' || node.getAttribute('aria-hidden') === 'true';

export function contextOf(api: HTMLElement, options: BridgeOptions): Context {
  const language = options.language || api.ownerDocument.documentElement.lang || 'en';
  return { api, options, language, strings: options.strings ?? {} };
}

/**
 * Which of B2C's texts on the page a tenant wrote: each undefined where it is B2C's default or empty.
 * (Only the enrollment page's mounts ask: B2C's defaults stay out of the script every page loads.)
 */
export const tenantTexts =
  ({ language }: Context) =>
  (text: string): string | undefined =>
    tenantText(text, language);

/** The entries of `texts` that hold a text (a tenant's, or one made from it). */
export function nonEmpty<T>(texts: { readonly [K in keyof T]?: string | false | undefined }): Partial<T> {
  return Object.fromEntries(Object.entries(texts).filter(([, text]) => typeof text === 'string' && text)) as Partial<T>;
}

/** The number of the enrollment step whose B2C container is `container`: its place among those on the page. */
export function stepOf(api: HTMLElement, container: Element): number {
  const present = B2C.enrollmentSteps().map((selector) => api.querySelector(selector)).filter(Boolean);
  return present.indexOf(container) + 1;
}
