/**
 * A session replay is not a copy of the second factor (README, "Analytics and
 * session replay on sign-in pages"). rrweb, the recorder inside Sentry, PostHog
 * and others, records the B2C pages with its default options; its events and
 * the page rebuilt from them by its own Replayer must hold neither the secret
 * (raw, grouped, either case, spelt out, percent-encoded) nor the otpauth URI,
 * no QR code that decodes, and not the code as it is typed. Each check has a
 * control: the same recording with rrweb's markers turned off does hold what is
 * looked for.
 */
import { expect } from '@open-wc/testing';
import { EventType, IncrementalSource, record, Replayer, type eventWithTime } from 'rrweb';
import '../../src/index.js';
import type { TotpAuthenticatorInfoElement } from '../../src/elements/authenticator-info/authenticator-info.js';
import type { TotpQrCodeElement } from '../../src/elements/qr-code/qr-code.js';
import { startBridge } from '../../src/b2c/bridge.js';
import { renderPage } from '../../src/preview/fixtures.js';
import { bridgedPage, removePages, settle, ENROLL_URI, ENROLL_VALUES } from '../helpers/b2c.js';
import { sendKeys } from '../helpers/commands.js';
import { boxPixels, decodePixelsBoth } from '../helpers/qr.js';

const SECRET = ENROLL_VALUES.secret!;
/**
 * The forms the secret could take in a recording: as issued, uppercased, grouped as shown, spelt out
 * for screen readers, percent-encoded, and the URI (not the bare scheme: the kit's CSS selects `a[href^="otpauth:"]`).
 */
const FORMS = [SECRET, SECRET.toUpperCase(), 'fay2 lj7y', 'f a y 2', encodeURIComponent(SECRET), 'otpauth://'];
const leaksIn = (text: string) => FORMS.filter((form) => text.toLowerCase().includes(form.toLowerCase()));

/** rrweb's defaults, or (the control) its block and ignore classes pointed at nothing. */
type Markers = 'defaults' | 'off';

/** Records until `stop()`, with rrweb's default options (or, for the control, its markers turned off). */
function startRecording(markers: Markers = 'defaults') {
  const events: eventWithTime[] = [];
  const off = markers === 'off' ? { blockClass: 'no-such-class', ignoreClass: 'no-such-class' } : {};
  const stopRecording = record({ emit: (event) => void events.push(event), ...off })!;
  return {
    /** Stops, after the recorder's mutation callbacks and throttled input events have run. */
    async stop(): Promise<eventWithTime[]> {
      await new Promise((resolve) => setTimeout(resolve, 50));
      stopRecording();
      return events;
    },
  };
}

/** Everything a replay service would receive, as text. */
const serialised = (events: readonly eventWithTime[]) => JSON.stringify(events);

interface Replayed {
  readonly frame: HTMLIFrameElement;
  readonly document: Document;
  readonly remove: () => void;
}

/** The page rebuilt by rrweb's Replayer at the recording's end, in an iframe on top of the test page. */
async function replay(events: eventWithTime[]): Promise<Replayed> {
  const root = document.createElement('div');
  // On top, at the viewport's corner, so that a screenshot sees what the replay paints.
  root.style.cssText = 'position: fixed; inset: 0 auto auto 0; z-index: 2147483647; background: #fff';
  document.body.append(root);
  const replayer = new Replayer(events, { root, mouseTail: false, skipInactive: false, showWarning: false });
  replayer.pause(events.at(-1)!.timestamp - events[0].timestamp);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const frame = root.querySelector('iframe')!;
  return { frame, document: frame.contentDocument!, remove: () => (replayer.destroy(), root.remove()) };
}

/**
 * What the replay paints where the page had its QR code, as an attacker with the recording would
 * rebuild it: any image in the control drawn at 240 px (the replay does not restore every style).
 */
async function replayedQrPixels(replayed: Replayed): Promise<ImageData> {
  const control = replayed.document.querySelector('totp-qr-code')!;
  const style = replayed.document.createElement('style');
  style.textContent = 'svg, img { display: block; width: 240px; height: 240px; margin: 0 }';
  control.shadowRoot!.append(style);
  control.scrollIntoView({ block: 'start', inline: 'start' });
  await new Promise(requestAnimationFrame);
  const frame = replayed.frame.getBoundingClientRect();
  const image = (control.shadowRoot!.querySelector('svg, img') ?? control).getBoundingClientRect();
  return boxPixels({ left: Math.max(0, frame.left + image.left - 16), top: Math.max(0, frame.top + image.top - 16), width: 272, height: 272 });
}

/** The rebuilt page's text and attributes, through its (rebuilt) open shadow roots. */
function replayedText(doc: Document): string {
  const nodes = (root: ParentNode): Element[] => [...root.querySelectorAll('*')].flatMap((node) => [node, ...(node.shadowRoot ? nodes(node.shadowRoot) : [])]);
  return nodes(doc)
    .map((node) => {
      const attributes = [...node.attributes].map(({ name, value }) => `${name}=${value}`);
      const text = [...node.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.textContent);
      return [node.localName, ...attributes, ...text].join(' ');
    })
    .join('\n');
}

/** What a user does on the enrollment page: details open, the secret shown, hidden and shown again, the link shown. */
async function useEnrollment(api: HTMLElement): Promise<void> {
  const info = api.querySelector<TotpAuthenticatorInfoElement>('totp-authenticator-info')!;
  info.open = true;
  await info.updateComplete;
  for (const hidden of [false, true, false]) {
    info.secretHidden = hidden;
    await info.updateComplete;
  }
  api.querySelector<TotpQrCodeElement>('totp-qr-code')!.deepLink = 'always';
  await settle(api);
}

describe('session replays: rrweb with its default options', function () {
  this.timeout(20000);
  afterEach(removePages);

  it('records the enrollment page without the secret, the URI or a readable QR code, and the control does hold them', async () => {
    // As on B2C: the page is there and the bridge has run before the recorder's snapshot (at load).
    const { api } = await bridgedPage('totp-enroll');
    const recording = startRecording();
    await useEnrollment(api);
    const events = await recording.stop();
    expect(events.length, 'rrweb recorded').to.be.above(1);
    expect(leaksIn(serialised(events))).to.deep.equal([]);

    const replayed = await replay(events);
    try {
      const text = replayedText(replayed.document);
      expect(text, 'the replay rebuilt the page').to.include('totp-qr-code');
      expect(leaksIn(text)).to.deep.equal([]);
      expect(replayed.document.querySelector('totp-qr-code')?.shadowRoot?.querySelector('path'), 'no QR path in the replay').to.equal(null);
      const decoded = await decodePixelsBoth(await replayedQrPixels(replayed));
      expect([decoded.jsQR?.text ?? null, decoded.zxing?.text ?? null], 'no decoder reads a QR code off the replay').to.deep.equal([null, null]);
    } finally {
      replayed.remove();
    }

    // The control: the same page with rrweb's block and ignore classes off.
    const control = startRecording('off');
    api.querySelector<TotpAuthenticatorInfoElement>('totp-authenticator-info')!.secretHidden = true;
    await settle(api);
    const controlEvents = await control.stop();
    expect(leaksIn(serialised(controlEvents))).to.include.members([SECRET, 'otpauth://']);
    const controlReplay = await replay(controlEvents);
    try {
      const decoded = await decodePixelsBoth(await replayedQrPixels(controlReplay));
      expect([decoded.jsQR?.text, decoded.zxing?.text], 'the unblocked replay shows a code both decoders read').to.deep.equal([ENROLL_URI, ENROLL_URI]);
    } finally {
      controlReplay.remove();
    }
  });

  it('keeps out a control B2C renders while the recorder runs (the bridge sees the change first)', async () => {
    // The bridge watches #api from the template's script, before a recorder that starts at load.
    const api = document.createElement('div');
    api.id = 'api';
    document.body.append(api);
    const stopBridge = startBridge(document);
    const recording = startRecording();
    try {
      await renderPage(api, 'totp-enroll', ENROLL_VALUES);
      await settle(api);
      await useEnrollment(api);
      const events = await recording.stop();
      expect(serialised(events), 'the recorder saw B2C render').to.include('qrCodeControlContent');
      expect(leaksIn(serialised(events))).to.deep.equal([]);
    } finally {
      stopBridge();
      api.remove();
    }
  });

  it('records the verification page without the code as it is typed, and the control does hold it', async () => {
    for (const markers of ['defaults', 'off'] as const) {
      const { api, remove } = await bridgedPage('totp-verify');
      const recording = startRecording(markers);
      const input = api.querySelector<HTMLInputElement>('#otpCode')!;
      input.focus();
      await sendKeys({ type: '493 027' });
      expect(input.value.replace(/\D/g, ''), 'the code was typed').to.equal('493027');
      const events = await recording.stop();
      // rrweb's input events (incremental snapshots from the input source) carry what was typed.
      const typed = events.flatMap((event) => (event.type === EventType.IncrementalSnapshot && event.data.source === IncrementalSource.Input ? [event.data.text] : []));
      if (markers === 'defaults') {
        expect(typed, 'no keystroke of the code recorded').to.deep.equal([]);
        expect(serialised(events)).to.not.match(/493/);
      } else {
        expect(typed.map((text) => text.replace(/\D/g, '')), 'the control records the keystrokes').to.include('493027');
      }
      remove();
    }
  });
});
