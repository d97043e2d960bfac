/**
 * Registers an element once. A page that loads the kit twice (the bundle from a
 * template and again from a CDN, say) keeps the first definition instead of
 * throwing "already defined" (which Lit's @customElement would).
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

// The template's script registers the page's language through the shared chunk it loads anyway.
export { registerTranslation } from './translation.js';
