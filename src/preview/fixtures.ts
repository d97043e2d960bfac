/**
 * The B2C pages the preview and the tests render: the HTML fixtures in
 * ./fixtures/ filled with claim values and B2C's localised strings, put into
 * #api the way B2C does it (as markup), and B2C's server-error display.
 * Dev and test only: never part of a production bundle.
 */
import qrcode from 'qrcode-generator';
import { b2cStrings, type Language } from './b2c-strings.js';

export type B2CPage = 'totp-enroll' | 'totp-verify' | 'email-verify' | 'phone-verify' | 'phonefactor' | 'choice' | 'selfasserted' | 'unified' | 'error' | 'rest-enroll' | 'rest-verify';

/** Claim values and control ids a page is rendered with. */
export interface PageValues {
  /** The qrCodeContent claim. */
  uri?: string;
  /** The totpIdentifier claim. */
  identifier?: string;
  /** The secretKey claim. */
  secret?: string;
  /** DisplayControl ids: the policy author's choice. */
  qrId?: string;
  infoId?: string;
  iconId?: string;
  /** The code claim's id and its pattern. */
  codeId?: string;
  codePattern?: string;
  /** The REST-API sample's QR image claim (base64 of its bitmap) and the claim's id. */
  qrBitmap?: string;
  qrImageId?: string;
  /** The self-asserted page contract the REST-API sample's pages are drawn on: the sample's old one or a current one (the default). */
  contract?: '1.x' | '2.1';
  /** More Readonly claims on the REST-API sample's enrollment page (a URI claim a tenant added): id → value. */
  readonlyClaims?: Record<string, string>;
  /** A verification control's id and its code claim's id (the policy's choice). */
  controlId?: string;
  codeClaim?: string;
  /** The phone number a phone page shows. */
  phone?: string;
  language?: Language;
  /** B2C strings that replace the language's defaults (an error page's message, say). */
  strings?: Record<string, string>;
}

export const SAMPLE_IDS = {
  qrId: 'totpQrCodeControl',
  infoId: 'authenticatorInfoControl',
  iconId: 'authenticatorAppIconControl',
  codeId: 'otpCode',
} as const;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A store badge stand-in: B2C loads Google's and Apple's badge images, which the preview cannot reach offline. */
function badge(text: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="135" height="40"><rect width="135" height="40" rx="6"/><text x="67.5" y="25" fill="#fff" font-family="sans-serif" font-size="13" text-anchor="middle">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * B2C's QR image: since 2.1.22 a server-made bitmap in a data URL (a 256 px JPEG on
 * B2C; an SVG of the same modules here, drawn from qrcode-generator's matrix: the
 * kit ships that library trimmed of its own image output).
 */
function qrImage(uri: string): string {
  const code = qrcode(0, 'M');
  code.addData(uri);
  try {
    code.make();
  } catch {
    return ''; // too long for any QR code: B2C's server has no image either (it throws a string)
  }
  const size = code.getModuleCount();
  let path = '';
  for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) if (code.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size + 8} ${size + 8}" width="256" height="256" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${path}"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const fixtureText = new Map<B2CPage, Promise<string>>();

function loadFixture(page: B2CPage): Promise<string> {
  if (!fixtureText.has(page)) {
    const url = new URL(`./fixtures/${page}.html`, import.meta.url);
    fixtureText.set(page, fetch(url).then((response) => response.text()));
  }
  return fixtureText.get(page)!;
}

/** The markup B2C would put into #api for `page`. */
export async function pageMarkup(page: B2CPage, values: PageValues = {}): Promise<string> {
  // A language without a page's strings yet shows B2C's English ones, as B2C does.
  const strings = { ...b2cStrings.en, ...b2cStrings[values.language ?? 'en'], ...values.strings };
  const uri = values.uri ?? '';
  const fill: Record<string, string> = {
    ...strings,
    ...SAMPLE_IDS,
    codePattern: '^[0-9]{6}$',
    controlId: page === 'phone-verify' ? 'phoneVerificationControl' : 'emailVerificationControl',
    codeClaim: page === 'phone-verify' ? 'verificationCode' : 'emailVerificationCode',
    choiceClaim: 'mfaMethod',
    ...Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === 'string')),
    restCodeLabel: '3. Enter the verification code',
    restQrLabel: 'Verified App QR Code Bitmap',
    heading:
      ({ 'totp-verify': strings.verifyHeading, 'rest-verify': strings.verifyHeading, selfasserted: strings.profileHeading, 'email-verify': strings.emailHeading, 'phone-verify': strings.phoneHeading, choice: strings.choiceHeading } as Record<string, string>)[page] ??
      strings.heading,
    identifier: values.identifier ?? '',
    identifierName: (values.identifier ?? '').split('@')[0],
    secret: values.secret ?? '',
    uri,
    qrImage: uri ? qrImage(uri) : '',
    googleBadge: badge('Google Play'),
    appleBadge: badge('App Store'),
  };
  const rest = page === 'rest-enroll' || page === 'rest-verify';
  if (rest) {
    fill.codeId = values.codeId ?? 'strongAuthenticationAppCode';
    fill.qrImageId = values.qrImageId ?? 'strongAuthenticationAppQRCodeBitmap';
    fill.qrBitmap = values.qrBitmap ?? '';
  }
  const extra = Object.entries(values.readonlyClaims ?? {})
    .map(
      ([id, value]) =>
        `\n      <li class="Readonly"><div class="attrEntry"><label id="${escapeHtml(id)}_label" for="${escapeHtml(id)}">${escapeHtml(id)}</label><div class="error itemLevel" role="alert"></div><input id="${escapeHtml(id)}" class="textInput" type="text" readonly="" value="${escapeHtml(value)}"></div></li>`,
    )
    .join('');
  // The contract's own markup (fixed strings, never claim values): see the fixtures' headers.
  const current = values.contract !== '1.x';
  const contract: Record<string, string> = {
    extraClaims: extra,
    headingBlock: current ? `<div class="heading"><h1>${escapeHtml(fill.heading)}</h1></div>\n` : '',
    formAction: current ? '' : ' action="JavaScript:void(0);"',
  };
  if (rest) {
    fill.codeItemClass = current ? ` ${fill.codeId}_li` : '';
    fill.qrItemClass = current ? ` ${fill.qrImageId}_li` : '';
  }
  const markup = (await loadFixture(page))
    .replace(/<!--[\s\S]*?-->\s*/, '')
    .replace(/\{\{(extraClaims|headingBlock|formAction)\}\}/g, (_, name: string) => contract[name]);
  return markup.replace(/\{\{(\w+)\}\}/g, (_, name: string) => escapeHtml(fill[name] ?? ''));
}

/** Renders `page` into `api` as B2C does: it replaces the container's content with markup. */
export async function renderPage(api: HTMLElement, page: B2CPage, values: PageValues = {}): Promise<void> {
  const markup = await pageMarkup(page, values);
  api.dataset.name = page === 'unified' ? 'Unified' : page === 'error' ? 'GlobalException' : page === 'phonefactor' ? 'Phonefactor' : 'SelfAsserted';
  // Preview and tests only: B2C injects its form as markup too (its values are escaped above).
  // eslint-disable-next-line no-unsanitized/property
  api.innerHTML = markup;
}

/** What B2C does with a failed verification: it fills and reveals the page-level server error. */
export function showServerError(api: HTMLElement, message: string): void {
  const error = api.querySelector<HTMLElement>('#claimVerificationServerError');
  if (!error) return;
  error.textContent = message;
  error.style.display = 'block';
  error.setAttribute('aria-hidden', 'false');
  error.setAttribute('role', 'alert');
  error.setAttribute('aria-live', 'polite');
  error.setAttribute('tabindex', '1');
}

/** B2C hides the server error again when the user submits anew. */
export function hideServerError(api: HTMLElement): void {
  const error = api.querySelector<HTMLElement>('#claimVerificationServerError');
  if (!error) return;
  error.style.display = 'none';
  error.setAttribute('aria-hidden', 'true');
}

// ---- What B2C's script does with a code it sends (verification controls, the phone-factor page) ----

const show = (node: Element | null, shown: boolean, display = 'inline') => {
  if (!(node instanceof HTMLElement)) return;
  node.style.display = shown ? display : 'none';
  node.setAttribute('aria-hidden', String(!shown));
};

/** The message nodes of the verification control (or phone-factor page) in `api`. */
function messageNodes(api: HTMLElement) {
  const control = api.querySelector('.verificationControlContent');
  return {
    control,
    info: control?.querySelector<HTMLElement>('.verificationInfoText > div'),
    success: control?.querySelector<HTMLElement>('.verificationSuccessText > div'),
    error: control?.querySelector<HTMLElement>('.verificationErrorText > div') ?? api.querySelector<HTMLElement>('#codeVerification .error.itemLevel'),
  };
}

/** Shows one of the control's messages (`info`, `success`, `error`) with `text`, and hides the others, as B2C does. */
export function showControlMessage(api: HTMLElement, kind: 'info' | 'success' | 'error', text: string): void {
  const nodes = messageNodes(api);
  for (const name of ['info', 'success', 'error'] as const) {
    const node = nodes[name];
    if (!node) continue;
    const shown = name === kind;
    if (shown) {
      // The phone-factor page's error holds a paragraph.
      (node.querySelector('p') ?? node).textContent = text;
      if (node.hasAttribute('aria-label')) node.setAttribute('aria-label', text);
    }
    show(node, shown, 'block');
  }
}

/**
 * B2C sent a code: the code field is enabled and shown, Verify and "Send new code"
 * replace Send (on the phone-factor page: the code's part shows, and Send becomes `verifyText`).
 */
export function sendCode(api: HTMLElement, message = '', verifyText = 'Verify Code'): void {
  const { control } = messageNodes(api);
  if (control) {
    const code = control.querySelector<HTMLInputElement>('li.VerificationCode input')!;
    code.disabled = false;
    show(code.closest('li'), true);
    show(control.querySelector('.sendCode'), false);
    show(control.querySelector('.verifyCode'), true);
    show(control.querySelector('.sendNewCode'), true);
    showControlMessage(api, 'info', message);
    return;
  }
  show(api.querySelector('#codeVerification'), true, 'block');
  show(api.querySelector('#verifyPhone'), false);
  const verify = api.querySelector('#verifyCode');
  if (verify) verify.textContent = verifyText;
}

/** B2C verified the code: the field is disabled and hidden, and "Change e-mail" (or phone number) is offered. */
export function codeVerified(api: HTMLElement, message: string): void {
  const { control } = messageNodes(api);
  if (!control) return;
  const code = control.querySelector<HTMLInputElement>('li.VerificationCode input')!;
  code.disabled = true;
  show(code.closest('li'), false);
  for (const button of control.querySelectorAll('.buttons > button')) show(button, button.classList.contains('changeClaims'));
  showControlMessage(api, 'success', message);
  api.querySelector('#continue')?.setAttribute('aria-disabled', 'false');
}
