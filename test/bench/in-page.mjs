// Helpers every benchmark page gets first in its <head> (as `window.benchFrames`),
// so that the measurements share one definition of "painted".

/** Serialised into the page: `(${installFrameHelpers})()`. */
export function installFrameHelpers() {
  /**
   * Resolves with the time just after the next frame was rendered and painted:
   * a message posted from a requestAnimationFrame callback is a task, and runs
   * only once that frame's style, layout and paint are done.
   */
  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  /**
   * The first frame after whose paint `ready()` holds: its time and how many
   * frames that took (1 = the next frame). Call it before the change it waits
   * for, so that its requestAnimationFrame callback runs ahead of any the
   * change schedules.
   */
  const firstPaintWhere = async (ready) => {
    for (let frames = 1; ; frames++) {
      const at = await afterPaint();
      if (ready()) return { at, frames };
    }
  };
  window.benchFrames = { afterPaint, firstPaintWhere };
}

export const frameHelpersScript = `<script>(${installFrameHelpers})()</script>`;
