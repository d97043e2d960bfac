/**
 * The elements' styles: CSS in a tagged template, made into one constructable
 * stylesheet on first use. Its own module, without Lit: the code input (light
 * DOM, no templates) styles itself with it on the page every sign-in shows.
 */

/** A piece of CSS from the `css` tag; `styleSheet` is made once, on first use. */
export class CSSResult {
  #sheet?: CSSStyleSheet;
  constructor(readonly cssText: string) {}
  get styleSheet(): CSSStyleSheet {
    if (!this.#sheet) {
      this.#sheet = new CSSStyleSheet();
      this.#sheet.replaceSync(this.cssText);
    }
    return this.#sheet;
  }
}

/** CSS as a template literal: only another `css` result or a number may go inside it, never a string from data. */
export function css(strings: TemplateStringsArray, ...values: (CSSResult | number)[]): CSSResult {
  return new CSSResult(
    strings.reduce((text, part, i) => {
      const value = values[i - 1];
      if (!(value instanceof CSSResult) && typeof value !== 'number') throw new TypeError('css`` takes only css`` results and numbers');
      return text + (value instanceof CSSResult ? value.cssText : value) + part;
    }),
  );
}
