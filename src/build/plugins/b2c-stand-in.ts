/**
 * The preview on two origins, as B2C runs it: Vite's dev server is the
 * customer's storage (the templates and the kit, with live reload), and a
 * second server beside it, on the next free port, is B2C's origin
 * (src/preview/b2c-origin.ts): the page a user opens, which loads the template
 * from the first one under B2C's policy. What works here works on B2C; a
 * relative URL or a missing CORS header fails here too.
 *
 * On the templates' origin, a template is served as the build would have it:
 * every URL absolute (the build does it with TEMPLATE_BASE_URL, this with the
 * address the browser used), with CORS for the B2C origin only. The B2C origin
 * serves its pages, the mock's API and B2C's own scripts (src/preview/, through
 * Vite), and nothing of the templates or the kit.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Connect, Plugin, ViteDevServer } from 'vite';
import type { MockB2C } from '../../preview/mock-server.ts';

/** What the B2C origin takes from Vite: B2C's own scripts and what they import, never the templates or the kit. */
const B2C_SCRIPTS = /^\/(src\/preview\/|@vite\/|@id\/|@fs\/|node_modules\/)/;

/** `html` with every src and href resolved against `base`: what TEMPLATE_BASE_URL does in a build. */
export function absoluteUrls(html: string, base: string): string {
  return html.replace(/\b(src|href)="([^"]*)"/g, (attribute, name: string, value: string) =>
    /^(#|[a-z][a-z\d+.-]*:)/i.test(value) ? attribute : `${name}="${new URL(value, base).href}"`,
  );
}

/** Listens on the first free port from `port` on `host`. */
function listenFrom(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const attempt = (candidate: number) => {
      server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? attempt(candidate + 1) : reject(error)));
      server.listen(candidate, host, () => resolve((server.address() as AddressInfo).port));
    };
    attempt(port);
  });
}

/** The B2C origin a request's page would have: the same host name, the B2C port. */
const isB2COrigin = (origin: string | undefined, port: number) => {
  try {
    return origin !== undefined && new URL(origin).port === String(port);
  } catch {
    return false;
  }
};

export function b2cStandIn(): Plugin {
  let b2cPort = 0;
  let b2cServer: Server | undefined;
  let mock: Promise<MockB2C> | undefined;
  const mockOf = (server: ViteDevServer) =>
    (mock ??= server.ssrLoadModule('/src/preview/mock-server.ts').then((module) => (module as typeof import('../../preview/mock-server.ts')).createMockB2C()));
  const origin = (server: ViteDevServer) =>
    server.ssrLoadModule('/src/preview/server/b2c-origin.ts') as Promise<typeof import('../../preview/server/b2c-origin.ts')>;
  let ready!: (port: number) => void;
  const started = new Promise<number>((resolve) => (ready = resolve));

  /** The templates' origin: /page-templates/*.html with absolute URLs and CORS for the B2C origin. */
  const templates = (server: ViteDevServer): Connect.NextHandleFunction => async (request, response, next) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (!/^\/page-templates\/[\w-]+\.html$/.test(url.pathname)) return next();
    try {
      const source = readFileSync(join(server.config.root, url.pathname), 'utf8');
      const html = absoluteUrls(await server.transformIndexHtml(url.pathname, source, request.originalUrl), url.href);
      const origin = request.headers.origin;
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        vary: 'origin',
        ...(isB2COrigin(origin, b2cPort) ? { 'access-control-allow-origin': origin } : {}),
      });
      response.end(html);
    } catch (error) {
      next(error);
    }
  };

  async function startB2COrigin(server: ViteDevServer): Promise<void> {
    const { createB2COrigin } = await origin(server);
    const mock = await mockOf(server);
    const address = server.httpServer!.address() as AddressInfo;
    // The templates' and the app's address as this browser reaches them: localhost, or the machine's address from a phone.
    const templatesOrigin = (request: IncomingMessage) => `http://${request.headers.host?.replace(/:\d+$/, '')}:${address.port}`;
    const handler = createB2COrigin({
      templates: (request) => `${templatesOrigin(request)}/page-templates/`,
      returnTo: (request) => `${templatesOrigin(request)}/src/preview/done.html`,
      scripts: { page: '/src/preview/mock-b2c.ts', loader: '/src/preview/template-loader.ts' },
      mock,
    });
    b2cServer = createServer((request, response) => {
      handler(request, response, () => {
        if (B2C_SCRIPTS.test(request.url ?? '')) server.middlewares(request, response);
        else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not on the B2C origin: templates and the kit come from the templates origin.');
      });
    });
    b2cPort = await listenFrom(b2cServer, address.port + 1, address.address === '::' ? undefined : address.address);
    ready(b2cPort);
    server.config.logger.info(`  B2C stand-in: http://localhost:${b2cPort}/ (the page; the templates come from port ${address.port})`);
  }

  return {
    name: 'b2c-totp-kit:b2c-stand-in',
    apply: 'serve',
    /** For the tests: the B2C origin's port, once it listens. */
    api: { started },
    config: () => ({
      // The kit's modules are fetched by the B2C origin's page: CORS for it, as the storage must send.
      server: { cors: { origin: (origin, callback) => callback(null as unknown as Error, isB2COrigin(origin, b2cPort)) } },
    }),
    configureServer(server) {
      server.middlewares.use(templates(server));
      // The chrome's "Forget enrolled users", on its own origin.
      server.middlewares.use((request, response, next) => {
        if (request.url !== '/__preview/reset') return next();
        Promise.all([mockOf(server), origin(server)])
          .then(([mock, { resetHandler }]) => resetHandler(mock)(request, response, next))
          .catch(next);
      });
      server.httpServer?.once('listening', () => {
        startB2COrigin(server).catch((error: Error) => server.config.logger.error(`B2C stand-in failed to start: ${error.message}`));
      });
      server.httpServer?.once('close', () => b2cServer?.close());
    },
    transformIndexHtml(html, context) {
      // The preview's chrome finds the B2C origin by its port.
      if (context.path !== '/src/preview/index.html') return undefined;
      return { html, tags: [{ tag: 'meta', attrs: { name: 'b2c-port', content: String(b2cPort) }, injectTo: 'head' }] };
    },
  };
}
