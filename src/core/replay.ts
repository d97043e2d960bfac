/**
 * How session-replay and analytics tools are told what not to record: each
 * tool's own class or attribute, as its documentation gives it (README,
 * "Analytics and session replay on sign-in pages", with the sources). A tool
 * that records open shadow roots reads these on the nodes inside them too, so
 * the elements mark their own nodes and the bridge marks B2C's.
 */

/**
 * Markers, space-separated: `.name` a class, `name=value` or `name` an attribute.
 * A string rather than a list of pairs: it travels on the page every sign-in sees.
 *
 * Not recorded at all (the replay shows an empty box of the same size): every
 * node that holds the secret, as text, as a URI or drawn as a QR code.
 * - `rr-block`: rrweb, and the tools built on it (Sentry, PostHog, OpenReplay, CloudWatch RUM…)
 * - `sentry-block`: Sentry Session Replay
 * - `ph-no-capture`: PostHog (its rrweb block class)
 * - `fs-exclude`: FullStory
 * - `data-clarity-mask=true`: Microsoft Clarity (masks text and images: its strongest element option)
 * - `data-hj-suppress`: Hotjar
 * - `data-private`: LogRocket (nothing of the element or its children)
 * - `data-dd-privacy=hidden`: Datadog RUM
 */
export const NOT_RECORDED = '.rr-block .sentry-block .ph-no-capture .fs-exclude data-clarity-mask=true data-hj-suppress data-private data-dd-privacy=hidden';

/**
 * Recorded, but not what is typed into it: the one-time code field, whose
 * keystrokes are a live second factor for up to a period. rrweb masks inputs
 * only when told, and records none of `rr-ignore`'s input events; Sentry
 * `sentry-mask`, FullStory `fs-mask`, Datadog `mask-user-input`; the others as above.
 */
export const INPUT_NOT_RECORDED = '.rr-ignore .sentry-mask .fs-mask data-clarity-mask=true data-hj-suppress data-private data-dd-privacy=mask-user-input';

/** The part of the DOM API that marking needs: no more, so that this module stays DOM-free. */
interface Markable {
  readonly classList: { contains(name: string): boolean; add(name: string): void };
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
}

/**
 * Puts `markers` on `node`. Idempotent, and writes no class or attribute
 * that is already there: a recorder logs every attribute write as a change.
 */
export function markForReplays(node: Markable, markers: string = NOT_RECORDED): void {
  for (const marker of markers.split(' ')) {
    const [name, value = ''] = marker.split('=');
    if (name[0] === '.') {
      if (!node.classList.contains(name.slice(1))) node.classList.add(name.slice(1));
    } else if (!node.hasAttribute(name)) node.setAttribute(name, value);
  }
}
