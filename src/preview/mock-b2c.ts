/**
 * B2C's part of a page in the preview and the hosting tests: what B2C's own
 * scripts do on a real page, served by the B2C stand-in origin (b2c-origin.ts).
 * Once the template is in the page, it asks the mock server (mock-server.ts)
 * what to show, renders the fixture into #api the way B2C injects its form,
 * runs B2C's client-side checks, posts the fields by id and shows B2C's server
 * errors.
 *
 * URL parameters: `state` (a gallery state) or `journey` and `step`;
 * `lang` (en, ar: the origin sets <html lang>), `theme` (light, dark),
 * `kit=off` (B2C's plain rendering), `loading` (how the template arrives).
 */
import { codeVerified, hideServerError, renderPage, sendCode, showControlMessage, showServerError } from './fixtures.js';
import { b2cStrings, type Language } from './b2c-strings.js';
import type { ControlReply, PageReply, SubmitReply } from './mock-server.js';

const params = new URLSearchParams(location.search);
const language: Language = params.get('lang') === 'ar' ? 'ar' : 'en';
const strings = { ...b2cStrings.en, ...b2cStrings[language] };
/** Display parameters that follow the user from page to page. */
const display = new URLSearchParams([...params].filter(([name]) => ['lang', 'theme', 'kit', 'loading', 'probe', 'device'].includes(name)));

function applyTheme(): void {
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
}

/** #api, once the template is in the page: at once where it was merged, later where a loader brings it. */
function templateApi(): Promise<HTMLElement> {
  return new Promise((resolve) => {
    const found = () => document.getElementById('api');
    if (found()) return resolve(found()!);
    const observer = new MutationObserver(() => {
      if (!found()) return;
      observer.disconnect();
      resolve(found()!);
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** B2C's client-side check before it posts: required fields and patterns, with its own error display. */
function validate(form: HTMLFormElement): boolean {
  let valid = true;
  // A disabled field is not the user's to fill (a verification control's code before it is sent).
  for (const input of form.querySelectorAll<HTMLInputElement>('#attributeList input:not(:disabled)')) {
    const entry = input.closest('.attrEntry');
    const error = entry?.querySelector<HTMLElement>('.error.itemLevel');
    // A radio claim is answered when one of its options is checked.
    const empty = input.type === 'radio' ? !form.querySelector(`input[name="${CSS.escape(input.name)}"]:checked`) : input.value.trim() === '';
    const missing = input.getAttribute('aria-required') === 'true' && empty;
    const wrong = !missing && input.pattern !== '' && !new RegExp(`^(?:${input.pattern})$`).test(input.value);
    entry?.classList.toggle('validate', missing || wrong);
    input.classList.toggle('invalid', missing || wrong);
    if (error) {
      error.textContent = missing ? strings.requiredFieldMissing : wrong ? input.title : '';
      error.classList.toggle('show', missing || wrong);
    }
    valid &&= !missing && !wrong;
  }
  return valid;
}

async function post(fields: URLSearchParams): Promise<SubmitReply> {
  const response = await fetch(`/__mock-b2c/submit?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: fields,
  });
  return (await response.json()) as SubmitReply;
}

async function handleSubmit(api: HTMLElement, form: HTMLFormElement): Promise<void> {
  // B2C keeps Continue off (aria-disabled) until a verification control has verified its code.
  if (form.querySelector('#continue')?.getAttribute('aria-disabled') === 'true') return;
  hideServerError(api);
  if (form.id === 'attributeVerification' && !validate(form)) return;
  // B2C serialises the form by element id, not by name.
  const fields = new URLSearchParams({ request_type: 'RESPONSE' });
  for (const input of form.querySelectorAll<HTMLInputElement>('input[id]')) {
    // A radio claim posts the checked option's value under the claim's id (its name).
    if (input.type === 'radio') {
      if (input.checked) fields.set(input.name, input.value);
    } else fields.set(input.id, input.value);
  }
  const blurb = api.querySelector('#verifying_blurb');
  if (blurb) blurb.textContent = strings.verifying;
  const reply = await post(fields);
  if (blurb) blurb.textContent = '';
  if (reply.status === '200') {
    const next = new URL(reply.redirect, location.href);
    for (const [name, value] of display) next.searchParams.set(name, value);
    location.assign(next);
  } else {
    const message = strings[reply.message] ?? reply.message;
    if (form.id === 'attributeVerification') showServerError(api, message);
    else {
      const error = api.querySelector<HTMLElement>('.error.pageLevel');
      error?.replaceChildren(Object.assign(document.createElement('p'), { textContent: message }));
      if (error) error.style.display = 'block';
    }
  }
}

/**
 * The mock phone beside the page: where the text message (or the e-mail) with the
 * code arrives. Outside #api, as the user's phone is outside B2C's page.
 */
function showMessage(to: string, code: string, email: boolean): void {
  let phone = document.getElementById('mock-phone');
  if (!phone) {
    phone = Object.assign(document.createElement('aside'), { id: 'mock-phone' });
    phone.setAttribute('aria-label', email ? 'Mock inbox (not part of the page)' : 'Mock phone (not part of the page)');
    // Beside the page where there is room; below it on a phone, never over B2C's buttons.
    const beside = matchMedia('(min-width: 60rem)').matches;
    phone.style.cssText =
      `${beside ? 'position:fixed;inset-inline-end:1rem;inset-block-end:1rem;z-index:10;' : 'margin:1rem auto;'}inline-size:15rem;padding:.75rem 1rem;border-radius:1.25rem;` +
      'background:#111;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px #0006';
    document.body.append(phone);
  }
  const from = Object.assign(document.createElement('strong'), { textContent: email ? `Contoso demo → ${to}` : `Text message to ${to}` });
  const text = Object.assign(document.createElement('p'), { textContent: `${code} is your Contoso demo verification code.` });
  text.style.margin = '.25rem 0 0';
  phone.replaceChildren(from, text);
}

/** B2C's display-control calls: the control's Send and Verify buttons post its fields and show B2C's reply in the control. */
function wireControl(api: HTMLElement, control: HTMLElement): void {
  const email = control.querySelector('input[type="email"]') !== null;
  const call = async (action: string): Promise<ControlReply> => {
    const fields = new URLSearchParams();
    for (const field of control.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[id], select[id]')) fields.set(field.id, field.value);
    const response = await fetch(`/__mock-b2c/control?${new URLSearchParams({ action })}`, { method: 'POST', body: fields });
    return (await response.json()) as ControlReply;
  };
  const send = async () => {
    const reply = await call('send');
    if (reply.status === '200') {
      sendCode(api, email ? strings.vcSentEmail : strings.vcSentPhone);
      showMessage(reply.to ?? '', reply.sms ?? '', email);
    } else showControlMessage(api, 'error', strings[reply.message] ?? reply.message);
  };
  control.querySelector('.sendCode')?.addEventListener('click', () => void send());
  control.querySelector('.sendNewCode')?.addEventListener('click', () => void send());
  control.querySelector('.verifyCode')?.addEventListener('click', () => {
    void call('verify').then((reply) => {
      if (reply.status === '200') codeVerified(api, email ? strings.vcVerifiedEmail : strings.vcVerifiedPhone);
      else showControlMessage(api, 'error', strings[reply.message] ?? reply.message);
    });
  });
  control.querySelector('.changeClaims')?.addEventListener('click', () => location.reload());
}

async function start(): Promise<void> {
  const api = await templateApi();
  applyTheme();
  const reply = (await (await fetch(`/__mock-b2c/page?${params}`)).json()) as PageReply;
  await renderPage(api, reply.page, {
    ...reply.values,
    language,
    strings: reply.message ? { errorText: strings[reply.message] } : undefined,
  });
  if (reply.error) showServerError(api, strings[reply.error] ?? reply.error);
  const control = api.querySelector<HTMLElement>('.verificationControlContent');
  if (control) wireControl(api, control);
  if (reply.sent) {
    sendCode(api, strings.vcSentPhone);
    showMessage('+1 555 0142', reply.sent, false);
  }
  if (reply.controlError) showControlMessage(api, 'error', strings[reply.controlError]);

  for (const form of api.querySelectorAll('form')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void handleSubmit(api, form);
    });
  }
  api.querySelector('#cancel')?.addEventListener('click', (event) => {
    event.preventDefault();
    // B2C sends a cancelled journey back to the application.
    const back = new URL(reply.cancelUrl, location.href);
    for (const [name, value] of display) back.searchParams.set(name, value);
    location.assign(back);
  });
}

void start();
