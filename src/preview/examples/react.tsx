/**
 * Embedding example (b): React 19 with the kit's elements, no wrappers.
 *
 * React 19 supports custom elements natively: a prop the element has as a
 * property (`value`, `uri`, `strings`, `autosubmit`, `error`…) is set as that
 * property, anything else as an attribute, and `on<event-name>` props listen to
 * the element's own events by their exact name (`ontotp-complete`). The code
 * input enhances the <input> React renders inside it, so the form, FormData and
 * React's `onInput` see one ordinary input.
 *
 * Vite compiles the JSX with its built-in Oxc transform (automatic runtime);
 * no React plugin is needed for this page.
 */
import { StrictMode, useState, type DetailedHTMLProps, type FormEvent, type HTMLAttributes } from 'react';
import { createRoot } from 'react-dom/client';
// In an app: import 'b2c-totp-kit'; and the types from 'b2c-totp-kit'.
import '../../index.js';
import type {
  TotpAppIconElement,
  TotpAuthenticatorInfoElement,
  TotpCodeInputElement,
  TotpCompleteEvent,
  TotpCopyEvent,
  TotpQrCodeElement,
} from '../../index.js';
import { DEMO_URI, applyPreviewTheme } from './demo.js';

/** JSX props of a kit element: HTML attributes, the chosen properties, and its events. */
type KitProps<E extends HTMLElement, P extends keyof E, Events = object> = DetailedHTMLProps<HTMLAttributes<E>, E> & Partial<Pick<E, P>> & Events;

declare module 'react' {
  // React's JSX types are a namespace: the kit's tags are added to it.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'totp-qr-code': KitProps<TotpQrCodeElement, 'value' | 'errorCorrection' | 'deepLink' | 'step' | 'strings'>;
      'totp-authenticator-info': KitProps<
        TotpAuthenticatorInfoElement,
        'uri' | 'identifier' | 'secret' | 'issuer' | 'collapsible' | 'open' | 'periodHint' | 'countdown' | 'strings',
        { 'ontotp-copy'?: (event: TotpCopyEvent) => void }
      >;
      'totp-app-icon': KitProps<TotpAppIconElement, 'app' | 'appName' | 'appStoreHref' | 'playStoreHref' | 'platform' | 'strings'>;
      'totp-code-input': KitProps<
        TotpCodeInputElement,
        'length' | 'appearance' | 'autosubmit' | 'submitButton' | 'error' | 'strings',
        { 'ontotp-complete'?: (event: TotpCompleteEvent) => void }
      >;
    }
  }
}

const SERVER_ERROR = 'That code did not work. Enter the code the app shows now.';

function App() {
  const [value, setValue] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [posted, setPosted] = useState('');
  const [autosubmit, setAutosubmit] = useState(false);
  const [error, setError] = useState('');
  const log = (text: string) => setEvents((list) => [...list, text]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault(); // no server in this demo: show what would be posted
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    setPosted([...data].map(([name, field]) => `${name}=${String(field)}`).join('\n'));
  }

  return (
    <main>
      <p className="brand">
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
          <path d="M12 2 3 7v10l9 5 9-5V7z" />
          <path d="M3 7l9 5 9-5M12 12v10" />
        </svg>
        Northwind
      </p>
      <h1>Two-step verification, in React</h1>
      <p>The same elements as the plain page, rendered by React 19.</p>
      <form id="enroll" onSubmit={handleSubmit}>
        <ol className="steps">
          <li>
            <h2>Get an authenticator app</h2>
            <totp-app-icon app="microsoft"></totp-app-icon>
          </li>
          <li>
            <h2>Scan this QR code with the app</h2>
            <totp-qr-code value={DEMO_URI}></totp-qr-code>
            <totp-authenticator-info uri={DEMO_URI} collapsible periodHint ontotp-copy={(event) => log(`totp-copy: ${event.ok ? 'copied' : 'refused'}`)}></totp-authenticator-info>
          </li>
          <li>
            <h2>Enter the code from the app</h2>
            <totp-code-input autosubmit={autosubmit} error={error} ontotp-complete={(event) => log(`totp-complete: code ${event.code}`)}>
              <label htmlFor="otp">6-digit code</label>
              <input
                id="otp"
                name="otpCode"
                required
                onInput={(event) => {
                  setValue(event.currentTarget.value);
                  // The element clears its error when the user types; keep React's state in step.
                  setError('');
                }}
              />
            </totp-code-input>
          </li>
        </ol>
        <p>
          <label>
            <input type="checkbox" checked={autosubmit} onChange={(event) => setAutosubmit(event.currentTarget.checked)} /> Submit as soon as the
            code is complete (<code>autosubmit</code>)
          </label>
        </p>
        <button className="submit" name="intent" value="verify">
          Verify and finish
        </button>{' '}
        <button type="button" className="secondary" id="server-error" onClick={() => setError(SERVER_ERROR)}>
          Show a server error
        </button>
      </form>
      <section className="panel" aria-labelledby="value-title">
        <h2 id="value-title">Form value, as React sees it</h2>
        <pre id="value">otpCode = {value || '(empty)'}</pre>
      </section>
      <section className="panel" aria-labelledby="posted-title">
        <h2 id="posted-title">What the form would post</h2>
        <pre id="posted" role="status">{posted || 'Nothing yet: enter the code and press Verify.'}</pre>
      </section>
      <section className="panel" aria-labelledby="events-title">
        <h2 id="events-title">Events</h2>
        <ol id="events">
          {events.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
        </ol>
      </section>
    </main>
  );
}

applyPreviewTheme();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
