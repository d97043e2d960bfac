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
import { hideServerError, renderPage, showServerError } from './fixtures.js';
import { b2cStrings, type Language } from './b2c-strings.js';
import type { PageReply, SubmitReply } from './mock-server.js';

const params = new URLSearchParams(location.search);
const language: Language = params.get('lang') === 'ar' ? 'ar' : 'en';
const strings = b2cStrings[language];
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
  for (const input of form.querySelectorAll<HTMLInputElement>('#attributeList input')) {
    const entry = input.closest('.attrEntry');
    const error = entry?.querySelector<HTMLElement>('.error.itemLevel');
    const missing = input.getAttribute('aria-required') === 'true' && input.value.trim() === '';
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
  hideServerError(api);
  if (form.id === 'attributeVerification' && !validate(form)) return;
  // B2C serialises the form by element id, not by name.
  const fields = new URLSearchParams({ request_type: 'RESPONSE' });
  for (const input of form.querySelectorAll<HTMLInputElement>('input[id]')) fields.set(input.id, input.value);
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
