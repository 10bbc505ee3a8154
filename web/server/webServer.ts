import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

export const webDistDir = path.resolve(import.meta.dirname, '../dist');

/** The origins a browser loads the app from on this machine: the gateway's CORS allows them. */
export function localWebOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

export interface WebServerOptions {
  port: number;
  host?: string;
  /** The built app (`npm run build -w @cinegraph/web`). */
  distDir?: string;
  /**
   * The gateway's GraphQL URL as browsers reach it. A bare port (e.g. `4000`) means "that
   * port on the host the page was loaded from", which suits localhost and a LAN alike.
   */
  gateway: string | number;
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built web app: hashed assets cached for good, `index.html` for every page
 * path (client-side routes), and `/config.json` telling the app where the gateway is.
 * The gateway allows this origin by CORS; the page's CSP lets it talk to that gateway only.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const distDir = options.distDir ?? webDistDir;
  if (!existsSync(path.join(distDir, 'index.html')))
    throw new Error(`The web app is not built (${distDir}): npm run build -w @cinegraph/web`);
  const app = Fastify({ logger: false });

  const gatewayFor = (hostHeader: string | undefined) => {
    if (typeof options.gateway === 'string') return new URL(options.gateway);
    const hostname = new URL(`http://${hostHeader ?? '127.0.0.1'}`).hostname;
    return new URL(
      `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${options.gateway}/graphql`,
    );
  };

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: [
          "'self'",
          (request) => gatewayFor(request.headers.host).origin,
          (request) => gatewayFor(request.headers.host).origin.replace(/^http/, 'ws'),
        ],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });

  app.get('/config.json', async (request, reply) => {
    const graphqlUrl = gatewayFor(request.headers.host);
    const subscriptionsUrl = new URL(graphqlUrl);
    subscriptionsUrl.protocol = graphqlUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    return reply
      .header('cache-control', 'no-store')
      .send({ graphqlUrl: graphqlUrl.href, subscriptionsUrl: subscriptionsUrl.href });
  });

  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    setHeaders(reply, file) {
      // Vite names assets by content: a new build has new names.
      reply.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });

  // Client-side routes (/movies/…, /showtimes/…) get the app; missing files stay 404s.
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !path.extname(request.url.split('?')[0] ?? '') &&
      (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return reply.code(404).type('text/plain').send('Not found');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  const address = await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  return {
    url: address.replace('127.0.0.1', 'localhost'),
    close: () => app.close(),
  };
}
