/**
 * The base of the elements with a shadow root: ReactiveKitElement, rendering
 * lit-html templates into an open shadow root that adopts `static styles`.
 * `createRenderRoot()` may return the element itself to render in light DOM.
 * No `<style>` fallback: every browser B2C's users have today has
 * constructable stylesheets.
 */
import { render } from 'lit/html.js';
import type { CSSResult } from './css.js';
import { ReactiveKitElement } from './reactive-element.js';

export { css, CSSResult } from './css.js';
export type { PropertyOptions, PropertyValues } from './reactive-element.js';

export class KitElement extends ReactiveKitElement {
  static styles?: CSSResult | readonly CSSResult[];

  /** Where `render()` draws: an open shadow root with the class's styles, unless a subclass says otherwise. */
  readonly renderRoot: HTMLElement | ShadowRoot = this.createRenderRoot();

  protected createRenderRoot(): HTMLElement | ShadowRoot {
    const root = this.attachShadow({ mode: 'open' });
    const styles = (this.constructor as typeof KitElement).styles;
    if (styles) root.adoptedStyleSheets = [styles].flat().map((style) => style.styleSheet);
    return root;
  }

  protected override update(): void {
    render(this.render(), this.renderRoot, { host: this });
  }

  /** The element's content, as a lit-html template. */
  protected render(): unknown {
    return undefined;
  }
}
