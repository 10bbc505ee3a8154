import { randomUUID } from 'node:crypto';
import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fastify } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { errorCodes, isErrorCode } from './errorCodes.ts';
import { createFormatError } from './formatError.ts';
import { serveSubgraphWebSocket } from './graphqlWebSocket.ts';
import type { AccessTokenVerifier, Viewer } from './jwt.ts';
import { QUIET_PATHS, REQUEST_ID_HEADER, loggingOptions } from './logger.ts';
import { startTracing, useRequestSpans } from './tracing.ts';
import { tracingPlugin } from './tracingPlugin.ts';
import { withTimeout } from './withTimeout.ts';
import type { Metrics } from './metrics.ts';
import { createMetrics } from './metrics.ts';

/** A named dependency check for `/ready`: resolves when the dependency answers. */
export type ReadinessCheck = () => Promise<unknown>;

export interface ServiceOptions<Context extends BaseContext> {
  /** Process name, in logs and metrics (e.g. `users`, `gateway`). */
  name: string;
  /** Which start launched the process (INSTANCE_ID), on `/health`; by default a fresh id. */
  instance?: string;
  /** The process's logger (createLogger), shared with its clients (Redis, ...). */
  logger: Logger;
  trustProxy?: boolean | string[];
  /** Largest request body accepted, in bytes (Fastify's default: 1 MiB). Bigger is HTTP 413. */
  bodyLimit?: number;
  /** The GraphQL half of Apollo Server's options: `schema` (a subgraph) or `gateway`. */
  apollo: Omit<ApolloServerOptions<Context>, 'plugins' | 'formatError'> & {
    plugins?: ApolloServerOptions<Context>['plugins'];
  };
  context: (request: FastifyRequest) => Promise<Context>;
  /**
   * Verifies the caller's access token before GraphQL runs. A bad token answers the whole
   * request with UNAUTHENTICATED (HTTP 401); the viewer (or null) is on `request.viewer`.
   */
  authenticate?: AccessTokenVerifier;
  readiness?: Record<string, ReadinessCheck>;
  /** The process's metrics, when something registered on it before the service (e.g. events). */
  metrics?: Metrics;
  /** Extra HTTP routes (e.g. the JWKS) and hooks, registered before GraphQL. */
  routes?: (app: FastifyInstance) => void | Promise<void>;
  /** OTLP/HTTP endpoint for traces (OTEL_EXPORTER_OTLP_ENDPOINT); unset: no tracing. */
  otlpEndpoint?: string | undefined;
  /**
   * Subscriptions over graphql-ws on the GraphQL path (needs `apollo.schema`): each
   * operation's context from the viewer proven in `connection_init`.
   */
  subscriptions?: { context: (viewer: Viewer | null) => Promise<Context> };
  /** Closes pools and clients, after the HTTP server has drained. */
  onClose?: () => Promise<void>;
}

export interface Service<Context extends BaseContext = BaseContext> {
  app: FastifyInstance;
  /** The GraphQL server, to run operations that arrive another way (e.g. a WebSocket). */
  apollo: ApolloServer<Context>;
  metrics: Metrics;
  /** Starts listening; resolves with the base URL (e.g. `http://127.0.0.1:4001`). */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, finishes in-flight requests, then closes the dependencies. */
  close(): Promise<void>;
}

const READINESS_TIMEOUT_MS = 2_000;
/** Fastify's own default body limit: 1 MiB. */
const DEFAULT_BODY_LIMIT = 1_048_576;
export const GRAPHQL_PATH = '/graphql';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller, or null when anonymous. */
    viewer: Viewer | null;
  }
}

/**
 * The HTTP shell every CineGraph process shares: Fastify with request-id logs (JSON, or pretty on a terminal),
 * Apollo Server at `/graphql`, and `/health`, `/ready`, `/metrics`.
 */
export async function createService<Context extends BaseContext>(
  options: ServiceOptions<Context>,
): Promise<Service<Context>> {
  const app: FastifyInstance = fastify({
    ...loggingOptions(options.logger),
    trustProxy: options.trustProxy ?? ['loopback'],
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    forceCloseConnections: 'idle',
  });
  const metrics = options.metrics ?? createMetrics(options.name);
  const tracing = startTracing(options.name, options.otlpEndpoint);
  useRequestSpans(app, QUIET_PATHS);

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  // Failures before GraphQL runs (a malformed JSON body, a body over the size limit)
  // still answer in GraphQL's error shape, and never with internals.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const body =
      status >= 500
        ? { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }
        : { message: error.message, extensions: { code: 'BAD_REQUEST' } };
    return reply
      .code(status)
      .type('application/json')
      .send({ errors: [body] });
  });

  app.decorateRequest('viewer', null);
  const { authenticate } = options;
  if (authenticate) {
    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.url !== GRAPHQL_PATH || request.method === 'OPTIONS') return;
      try {
        request.viewer = await authenticate(request.headers.authorization);
      } catch (error) {
        if (!(error instanceof GraphQLError) || !isErrorCode(error.extensions.code)) throw error;
        return replyWithError(reply, error);
      }
    });
  }

  // Says who answers: a supervisor waiting for the process it spawned must not take an
  // earlier one, still running on the port, for it.
  const health = {
    status: 'ok',
    service: options.name,
    instance: options.instance ?? randomUUID(),
  };
  app.get('/health', async () => health);
  app.get('/ready', async (_request, reply) => {
    const results = await Promise.all(
      Object.entries(options.readiness ?? {}).map(async ([name, check]) => {
        try {
          await withTimeout(check(), READINESS_TIMEOUT_MS);
          return [name, 'ok'] as const;
        } catch (error) {
          app.log.warn({ err: error, check: name }, 'readiness check failed');
          return [name, 'failing'] as const;
        }
      }),
    );
    const ready = results.every(([, state]) => state === 'ok');
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });
  app.get('/metrics', async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  await options.routes?.(app);

  const apollo = new ApolloServer<Context>({
    ...options.apollo,
    includeStacktraceInErrorResponses: false,
    // runService drains and closes on SIGTERM; Apollo's own handler would stop the server
    // early and re-send the signal, cutting the drain short.
    stopOnTerminationSignals: false,
    formatError: createFormatError(app.log),
    plugins: [
      fastifyApolloDrainPlugin(app),
      // Inline traces are for Apollo's hosted studio, which CineGraph does not report to.
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's landing page loads Sandbox from a CDN; the gateway serves its own IDE.
      ApolloServerPluginLandingPageDisabled(),
      metrics.plugin,
      tracingPlugin(),
      ...(options.apollo.plugins ?? []),
    ],
  } as ApolloServerOptions<Context>);
  await apollo.start();
  await app.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    context: (request) => options.context(request),
  });
  const subscriptions = options.subscriptions;
  const { schema } = options.apollo as { schema?: GraphQLSchema };
  if (subscriptions && !schema) throw new Error('subscriptions need apollo.schema');
  const webSocket =
    subscriptions && schema
      ? serveSubgraphWebSocket(app, {
          schema,
          path: GRAPHQL_PATH,
          ...(authenticate ? { authenticate } : {}),
          context: subscriptions.context,
          maxPayload: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
          registry: metrics.registry,
        })
      : undefined;

  let closing: Promise<void> | undefined;
  return {
    app,
    apollo,
    metrics,
    async listen(port, host) {
      // Fastify's one line at `info` once listening, saying where GraphQL is.
      await app.listen({
        port,
        host,
        listenTextResolver: (address) => `ready to serve at ${address}${GRAPHQL_PATH}`,
      });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      return `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
    },
    close() {
      closing ??= (async () => {
        // Open streams end first: upgraded sockets would keep the HTTP server open.
        await webSocket?.close();
        // Apollo Server's stop drains HTTP (its drain plugin closes Fastify), then stops what
        // it started: a gateway's supergraph watcher, which holds the whole gateway (plans,
        // query graph) and kept it alive after Fastify alone was closed.
        await apollo.stop();
        await options.onClose?.();
        await tracing.shutdown();
      })();
      return closing;
    },
  };
}

/**
 * Ends a request before GraphQL runs, in GraphQL's error shape, with the HTTP status of
 * the error's code (e.g. an edge check such as authentication or a safelist).
 */
export function replyWithError(
  reply: FastifyReply,
  error: GraphQLError,
  headers: Record<string, string> = {},
): FastifyReply {
  const code = error.extensions['code'];
  return reply
    .code(isErrorCode(code) ? errorCodes[code].status : 400)
    .headers(headers)
    .type('application/json')
    .send({ errors: [{ message: error.message, extensions: error.extensions }] });
}
