/**
 * Putting a kit element in place of a B2C control, once, without ever breaking
 * B2C's page: the marker that hides B2C's original is set only after the
 * element has rendered once; any failure takes the element out again and
 * leaves B2C's control exactly as B2C rendered it.
 */

/** Set on each B2C node the kit upgraded; the bridge's stylesheet hides what it replaces only there. */
export const MARKER = 'data-totp-kit';

/** Set on a B2C text inside an upgraded control that says only B2C's default, which the kit's element says better. */
export const DEFAULT_TEXT = 'data-totp-kit-default';

/** Set on the item of a claim whose value a kit element shows (the REST-API sample's URI or secret claim): hidden. */
export const SHOWN_BY_KIT = 'data-totp-kit-shown';

/**
 * A stylesheet for the page, adopted once per document by the first mount that
 * needs it: each module brings the rules that hide what it replaces, scoped to
 * MARKER (or to the attribute it sets), so a page loads only its own. A sheet
 * of its own, not Lit's `css`: the bridge must not pull Lit into its modules.
 */
export function sheetOnce(css: string): (doc: Document) => void {
  const adopted = new WeakSet<Document>();
  return (doc) => {
    if (adopted.has(doc)) return;
    adopted.add(doc);
    const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  };
}

/** A kit element made for a B2C node, and how to put it in place. */
export interface Mount {
  readonly element: Element & { readonly updateComplete?: Promise<unknown> };
  readonly insert: () => void;
}

/** B2C nodes being upgraded now, and those whose upgrade failed: never tried again, or undoing it would trigger the observer forever. */
const pending = new WeakSet<Element>();
const failed = new WeakSet<Element>();

/** Whether `node` was upgraded, is being upgraded, or failed: nothing more to do for it. */
export const settled = (node: Element) => node.hasAttribute(MARKER) || pending.has(node) || failed.has(node);

/** Mounts once per B2C node: inserts the element, waits for its first render, then marks the node. */
export async function upgradeOnce(node: Element, prepare: () => Mount): Promise<void> {
  if (settled(node)) return;
  pending.add(node);
  let mount: Mount | undefined;
  try {
    mount = prepare();
    mount.insert();
    // Lit rejects updateComplete when a render throws: B2C's node stays as it was, visible.
    await mount.element.updateComplete;
    node.setAttribute(MARKER, '');
  } catch (error) {
    failed.add(node);
    mount?.element.remove();
    // The name only: a message could quote a claim.
    console.warn(`b2c-totp-kit: left a B2C control as B2C rendered it (${(error as Error)?.name ?? 'error'})`);
  } finally {
    pending.delete(node);
  }
}
