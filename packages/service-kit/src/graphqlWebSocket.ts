import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Registry } from 'prom-client';
import { Gauge } from 'prom-client';
import { WebSocketServer } from 'ws';
import { createFormatError } from './formatError.ts';
import type { AccessTokenVerifier, Viewer } from './jwt.ts';

/** A keep-alive ping this often keeps proxies from closing quiet sockets. */
const WEBSOCKET_KEEP_ALIVE_MS = 12_000;

/**
 * The Authorization value a graphql-ws client sends in its `connection_init` payload:
 * `{ "authorization": "Bearer <jwt>" }` (`Authorization` is accepted too).
 */
export function authorizationOf(connectionParams: unknown): string | undefined {
  if (!connectionParams || typeof connectionParams !== 'object') return undefined;
  const params = connectionParams as Record<string, unknown>;
  const value = params['authorization'] ?? params['Authorization'];
  return typeof value === 'string' ? value : undefined;
}

/** Whether an upgrade request is for `path` (the query string aside). */
export function isUpgradeFor(request: IncomingMessage, path: string): boolean {
  return (request.url ?? '').split('?', 1)[0] === path;
}

/** Refuses an upgrade with a plain HTTP status, before any WebSocket handshake. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export interface SubgraphWebSocketOptions<Context> {
  schema: GraphQLSchema;
  path: string;
  authenticate?: AccessTokenVerifier;
  /** An operation's context, from the viewer the connection proved in `connection_init`. */
  context: (viewer: Viewer | null) => Promise<Context>;
  /** Largest message accepted, in bytes; a bigger one closes the socket (1009). */
  maxPayload: number;
  registry: Registry;
}

/**
 * A subgraph's subscriptions over graphql-ws (`graphql-transport-ws`) on its GraphQL path,
 * for the gateway to open upstream streams. The token in `connection_init` is verified as
 * on HTTP (a bad one closes the socket with 4403); errors are masked as on HTTP.
 */
export function serveSubgraphWebSocket<Context>(
  app: FastifyInstance,
  options: SubgraphWebSocketOptions<Context>,
): { close(): Promise<void> } {
  const formatError = createFormatError(app.log);
  const format = (error: GraphQLError) => formatError(error.toJSON(), error);
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
  new Gauge({
    name: 'graphql_ws_connections',
    help: 'Open graphql-ws connections (the gateway’s upstream subscription sockets).',
    registers: [options.registry],
    collect() {
      this.set(wss.clients.size);
    },
  });
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isUpgradeFor(request, options.path)) return refuseUpgrade(socket, 404, 'Not Found');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  const server = useServer<Record<string, unknown> | undefined, { viewer?: Viewer | null }>(
    {
      schema: options.schema,
      async onConnect(ctx) {
        try {
          ctx.extra.viewer =
            (await options.authenticate?.(authorizationOf(ctx.connectionParams))) ?? null;
          return true;
        } catch (error) {
          if (error instanceof GraphQLError && error.extensions['code'] === 'UNAUTHENTICATED')
            return false;
          throw error;
        }
      },
      context: (ctx) => options.context(ctx.extra.viewer ?? null),
      onNext: (_ctx, _id, _payload, _args, result) => {
        const { errors } = result as ExecutionResult;
        return errors ? { ...result, errors: errors.map(format) } : result;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
    },
    wss,
    WEBSOCKET_KEEP_ALIVE_MS,
  );
  // dispose() closes every socket with 1001 (going away); clients resubscribe elsewhere.
  return { close: async () => server.dispose() };
}
