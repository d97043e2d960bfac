/**
 * A stand-in for B2C's own origin, <tenant>.b2clogin.com, for the preview and
 * the hosting tests: the page a user's browser opens. As on B2C, the page is on
 * this origin and the template on another (the customer's storage, which must
 * send CORS headers for this origin): the page loads the template from there
 * under B2C's Content Security Policy, and B2C's own script (mock-b2c.ts) writes
 * the form into #api once the template is in the page. Node side; dev and test only.
 *
 * How the template reaches the page (`?loading=`); B2C does not document which
 * it does (src/b2c/CONTRACT.md, "Hosting"), so the kit is tested under each:
 * - `merged`: this server fetches the template and serves it as the page, with
 *   B2C's scripts first and B2C's nonce on every script and module preload;
 * - `loader` (the default): B2C's nonce'd loader script fetches the template
 *   with CORS, adopts its head and body, and re-creates its scripts (so `defer`
 *   no longer applies, and `document.currentScript` is null in module scripts);
 * - `bare`: as `loader`, keeping nothing of a script but its `src`.
 *
 * Routes: /page-templates/<name>.html (the page; the same path as the template,
 * so that the preview's live reload finds it), /__mock-b2c/* (B2C's server:
 * mock-server.ts), /__b2c/probe.js (a recorder of errors for the tests, first
 * on the page with `?probe`), /__b2c/device.js (`?device=iphone|android|ipad`: the
 * preview's phones and tablet, emulated for scripts). Anything else goes to `next`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newSession, type MockB2C, type Session } from '../mock-server.js';

export type TemplateLoading = 'merged' | 'loader' | 'bare';
export const LOADINGS: readonly TemplateLoading[] = ['merged', 'loader', 'bare'];

export interface B2COriginOptions {
  /** The URL of the templates' folder on the other origin, ending in `/`, as the requesting browser reaches it. */
  readonly templates: (request: IncomingMessage) => string;
  /** The application's page journeys return to (B2C's redirect_uri); the preview's done page by default. */
  readonly returnTo?: (request: IncomingMessage) => string;
  /** B2C's own scripts on this origin: the page's script (mock-b2c.ts) and the template loader. */
  readonly scripts: { readonly page: string; readonly loader: string };
  readonly mock: MockB2C;
  /** Loads a template for `merged` (by default, `fetch` from its origin, as B2C's server would). */
  readonly fetchTemplate?: (url: string) => Promise<string>;
}

type Next = (error?: unknown) => void;
export type Handler = (request: IncomingMessage, response: ServerResponse, next: Next) => void;

const SESSION_COOKIE = 'b2c-preview-session';
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/**
 * Records what the tests must see none of: errors (uncaught, console, failed
 * loads), warnings and policy violations, from before anything else runs.
 */
const PROBE = `(() => {
  const probe = (window.__b2cProbe = { errors: [], warnings: [], violations: [] });
  addEventListener('error', (event) => {
    const target = event.target;
    probe.errors.push(target && target !== window ? 'failed to load ' + (target.src || target.href) : String(event.message));
  }, true);
  addEventListener('unhandledrejection', (event) => probe.errors.push('unhandled rejection: ' + event.reason));
  addEventListener('securitypolicyviolation', (event) => probe.violations.push(event.violatedDirective + ' ' + event.blockedURI));
  for (const [level, list] of [['error', probe.errors], ['warn', probe.warnings]]) {
    const original = console[level];
    console[level] = function (...args) { list.push(args.map(String).join(' ')); return original.apply(this, args); };
  }
})();`;

/** The devices the preview emulates: what the kit reads to tell a phone from a computer. */
export const DEVICES = {
  iphone: { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1', platform: 'iPhone', touchPoints: 5, mobile: true },
  android: { userAgent: 'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36', platform: 'Linux armv8l', touchPoints: 5, mobile: true },
  ipad: { userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15', platform: 'MacIntel', touchPoints: 5, mobile: false },
} as const;

/**
 * Makes the page look like `device` to scripts, before any runs: the user agent,
 * platform, touch points, `userAgentData.mobile` and the pointer and hover media
 * queries that matchMedia answers. CSS media queries still follow the computer's
 * own pointer (a browser's device mode emulates those too).
 */
const emulate = (device: (typeof DEVICES)[keyof typeof DEVICES]) => `(() => {
  const device = ${JSON.stringify(device)};
  const define = (name, value) => Object.defineProperty(navigator, name, { get: () => value, configurable: true });
  define('userAgent', device.userAgent);
  define('platform', device.platform);
  define('maxTouchPoints', device.touchPoints);
  define('userAgentData', device.platform === 'MacIntel' || device.platform === 'iPhone' ? undefined : { mobile: device.mobile, brands: [], platform: 'Android' });
  const matchMedia = window.matchMedia.bind(window);
  const answers = { '(pointer: coarse)': true, '(pointer: fine)': false, '(hover: none)': true, '(hover: hover)': false, '(any-pointer: coarse)': true };
  window.matchMedia = (query) => {
    const key = query.replace(/\\s+/g, ' ').trim();
    if (!(key in answers)) return matchMedia(query);
    // A MediaQueryList's matches is a getter: the answer shadows it on an object of its own.
    return Object.create(matchMedia(query), { matches: { value: answers[key] }, media: { value: query } });
  };
})();`;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The value of B2C's `script-src`, as seen on its pages (MicrosoftDocs/azure-docs #83681), enforced here. */
export function contentSecurityPolicy(nonce: string): string {
  return `script-src 'strict-dynamic' 'nonce-${nonce}' 'report-sample'; object-src 'none'; base-uri 'none'`;
}

/** The template as B2C's server would merge it: B2C's scripts first, the nonce on every script and module preload. */
export function mergeTemplate(template: string, { lang, nonce, head, kit }: { lang: string; nonce: string; head: string; kit: boolean }): string {
  let html = template;
  if (!kit) html = html.replace(/\s*<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
  return html
    .replace(/<html\b[^>]*>/, `<html lang="${escapeAttribute(lang)}" dir="${RTL.has(lang.slice(0, 2)) ? 'rtl' : 'ltr'}">`)
    .replace(/<script\b/g, `<script nonce="${nonce}"`)
    .replace(/<link rel="modulepreload"/g, `<link rel="modulepreload" nonce="${nonce}"`)
    .replace(/<head>/, `<head>${head}`);
}

/**
 * The preview chrome's "Forget enrolled users" (POST /__preview/reset), on the
 * chrome's own origin: only that origin's pages may call it.
 */
export function resetHandler(mock: MockB2C): Handler {
  return (request, response, next) => {
    const sameOrigin = request.headers.origin === undefined || request.headers.origin === `http://${request.headers.host}`;
    if (request.url !== '/__preview/reset' || request.method !== 'POST' || !sameOrigin) return next();
    mock.reset();
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  };
}

export function createB2COrigin({ templates, returnTo, scripts, mock, fetchTemplate }: B2COriginOptions): Handler {
  const sessions = new Map<string, Session>();
  const load =
    fetchTemplate ??
    (async (url: string) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`the template ${url} answered ${response.status}`);
      return response.text();
    });

  /** This browser's session, by its cookie; a new one (and its cookie) when it has none. */
  function sessionOf(request: IncomingMessage, response: ServerResponse): Session {
    const id = /(?:^|;\s*)b2c-preview-session=([\w-]+)/.exec(request.headers.cookie ?? '')?.[1];
    if (id && sessions.has(id)) return sessions.get(id)!;
    const fresh = randomBytes(16).toString('base64url');
    sessions.set(fresh, newSession(returnTo?.(request)));
    response.setHeader('set-cookie', `${SESSION_COOKIE}=${fresh}; Path=/; HttpOnly; SameSite=Lax`);
    return sessions.get(fresh)!;
  }

  async function page(name: string, request: IncomingMessage, query: URLSearchParams, response: ServerResponse): Promise<void> {
    const nonce = randomBytes(16).toString('base64');
    const lang = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(query.get('lang') ?? '') ? query.get('lang')! : 'en';
    const loading = LOADINGS.find((mode) => mode === query.get('loading')) ?? 'loader';
    const kit = query.get('kit') !== 'off';
    const template = `${templates(request)}${name}.html`;
    const device = Object.hasOwn(DEVICES, query.get('device') ?? '') ? query.get('device') : undefined;
    const b2cScripts = [
      query.has('probe') ? `<script nonce="${nonce}" src="/__b2c/probe.js"></script>` : '',
      device ? `<script nonce="${nonce}" src="/__b2c/device.js?device=${device}"></script>` : '',
      `<script nonce="${nonce}" type="module" src="${scripts.page}"></script>`,
    ].join('');
    let html: string;
    if (loading === 'merged') {
      html = mergeTemplate(await load(template), { lang, nonce, head: b2cScripts, kit });
    } else {
      const config = `<meta name="b2c-template" content="${escapeAttribute(template)}" data-loading="${loading}" data-kit="${kit ? 'on' : 'off'}">`;
      html = `<!doctype html><html lang="${escapeAttribute(lang)}" dir="${RTL.has(lang.slice(0, 2)) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">${config}${b2cScripts}<script nonce="${nonce}" type="module" src="${scripts.loader}"></script></head><body></body></html>`;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': contentSecurityPolicy(nonce),
    });
    response.end(html);
  }

  async function mockApi(route: string, request: IncomingMessage, response: ServerResponse, query: URLSearchParams): Promise<boolean> {
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(value));
    };
    // A browser sends its page's origin with every POST: only this origin's pages may change state.
    if (request.method === 'POST' && request.headers.origin !== undefined && request.headers.origin !== `http://${request.headers.host}`) {
      json(403, { status: '403' });
      return true;
    }
    const session = sessionOf(request, response);
    if (route === 'page' && request.method === 'GET') json(200, await mock.page(query, session));
    else if (route === 'submit' && request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += chunk;
      json(200, await mock.submit(query, new URLSearchParams(body), session));
    } else if (route === 'control' && request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += chunk;
      json(200, mock.control(query.get('action') ?? '', new URLSearchParams(body), session));
    } else if (route === 'reset' && request.method === 'POST') {
      mock.reset();
      sessions.clear();
      json(200, { ok: true });
    } else return false;
    return true;
  }

  return (request, response, next) => {
    const url = new URL(request.url ?? '/', 'http://b2c');
    const name = /^\/page-templates\/([\w-]+)\.html$/.exec(url.pathname)?.[1];
    const route = /^\/__mock-b2c\/(\w+)$/.exec(url.pathname)?.[1];
    const done = (handled: boolean) => handled || next();
    const fail = () => {
      // Never a stack or a path: this may listen on the network (`npm run dev -- --host`).
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: '500' }));
    };
    if (name && request.method === 'GET') page(name, request, url.searchParams, response).catch(fail);
    else if (route) mockApi(route, request, response, url.searchParams).then(done, fail);
    else if (url.pathname === '/__b2c/probe.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(PROBE);
    else if (url.pathname === '/__b2c/device.js' && Object.hasOwn(DEVICES, url.searchParams.get('device') ?? '')) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(emulate(DEVICES[url.searchParams.get('device') as keyof typeof DEVICES]));
    }
    // B2C's page has its own icon; the stand-in's is none at all, rather than a 404 in the console.
    else if (url.pathname === '/favicon.ico') response.writeHead(204).end();
    else next();
  };
}
