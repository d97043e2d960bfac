/**
 * Embedding example (a), the script of sign-in.html. In an app this import is
 * `import 'b2c-totp-kit';` (or one element: `import 'b2c-totp-kit/qr-code';`),
 * or the CDN bundle in a `<script type="module">`.
 */
import '../../index.js';
import { DEMO_URI, applyPreviewTheme } from './demo.js';

applyPreviewTheme();

const form = document.getElementById('enroll') as HTMLFormElement;
const posted = document.getElementById('posted')!;
const events = document.getElementById('events')!;

// Properties, not attributes: the URI holds the secret, and an attribute would
// leave it in the page's markup for any script or extension to read.
const qrCode = document.querySelector('totp-qr-code')!;
qrCode.value = DEMO_URI;
document.querySelector('totp-authenticator-info')!.uri = DEMO_URI;

function logEvent(text: string): void {
  events.append(Object.assign(document.createElement('li'), { textContent: text }));
}

form.addEventListener('totp-complete', (event) => logEvent(`totp-complete: code ${event.code}`));
form.addEventListener('totp-copy', (event) => logEvent(`totp-copy: ${event.ok ? 'copied' : 'the clipboard refused'}`));
// A value the element refuses fires nothing (it is the page's own doing): its `problem` says why.
void qrCode.updateComplete.then(() => qrCode.problem && logEvent(`qr-code problem: ${qrCode.problem}`));

// The browser only fires `submit` once the form is valid: the code input keeps
// its <input> invalid until it holds all six digits.
form.addEventListener('submit', (event) => {
  event.preventDefault(); // no server in this demo: show what would be posted
  const data = new FormData(form, event.submitter);
  posted.textContent = [...data].map(([name, value]) => `${name}=${typeof value === 'string' ? value : value.name}`).join('\n');
});
