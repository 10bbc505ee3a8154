import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import type { Gauge } from 'prom-client';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { AccessTokenVerifier, Viewer } from '@cinegraph/service-kit';
import { authorizationOf, createError, isUpgradeFor, refuseUpgrade } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import type { GatewayContext } from '../context.ts';
import type { ClientIdentity } from '../plugins/useClientIdentity.ts';
import { claimedClientName } from '../plugins/useClientIdentity.ts';
import { requestedOperation } from '../plugins/requestedOperations.ts';
import type { Admission, AdmitOperation } from '../admission/admitOperation.ts';
import type { ConnectionLimiter } from './connectionLimiter.ts';
import type { FederatedSubscriptions } from './federatedSubscriptions.ts';
import type { OperationRunner } from './operationRunners.ts';
import { operationRunners } from './operationRunners.ts';
import { whenTokenExpires } from './tokenExpiry.ts';

/** What the gateway keeps per socket, beside graphql-ws's own context. */
interface Connection {
  socket: WebSocket;
  request: IncomingMessage;
  address?: string;
  viewer?: Viewer | null;
  authorization?: string;
  client?: ClientIdentity;
  clientName?: string;
  cancelExpiry?: () => void;
}

/** Runs a query or mutation sent over the socket through the HTTP pipeline (Apollo Server). */
/**
 * GraphQL over WebSocket (graphql-ws, `graphql-transport-ws`) on the gateway's GraphQL
 * path. At the upgrade: the connection limit per client address (HTTP 429). In
 * `connection_init`: the access token, verified as on HTTP (a bad or expired one closes
 * the socket with 4403), and the socket closes with 4403 when the token expires. Per
 * operation: the subscription limit per socket, then the admission chain, as on HTTP
 * (admission/admitOperation.ts; persisted operations by a manifest's id only). Subscriptions run federated; queries and mutations go through
 * Apollo Server like any HTTP request.
 */
export function serveWebSocketSubscriptions(
  app: FastifyInstance,
  options: {
    path: string;
    settings: GatewayConfig['subscriptions'];
    clientAddress: (request: IncomingMessage) => string;
    connections: ConnectionLimiter;
    authenticate: AccessTokenVerifier;
    identifyClient: (headers: IncomingHttpHeaders) => ClientIdentity;
    admit: AdmitOperation;
    subscriptions: FederatedSubscriptions;
    runOperation: OperationRunner;
    openConnections: Gauge<'transport'>;
    logger: Logger;
  },
): { close(): Promise<void> } {
  const { settings } = options;
  /** Each operation's socket, to cut off a subscriber that stopped reading. */
  const socketOf = new WeakMap<GatewayContext, WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: settings.maxMessageBytes });
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isUpgradeFor(request, options.path)) return refuseUpgrade(socket, 404, 'Not Found');
    let client: ClientIdentity;
    try {
      client = options.identifyClient(request.headers);
    } catch {
      return refuseUpgrade(socket, 401, 'Unauthorized');
    }
    const address = options.clientAddress(request);
    if (!options.connections.acquire(address))
      return refuseUpgrade(socket, 429, 'Too Many Requests');
    // Released when the TCP socket goes, also when the handshake itself fails.
    socket.once('close', () => options.connections.release(address));
    wss.handleUpgrade(request, socket, head, (ws) => {
      options.openConnections.inc({ transport: 'ws' });
      ws.once('close', () => options.openConnections.dec({ transport: 'ws' }));
      wss.emit('connection', ws, Object.assign(request, { clientAddress: address, client }));
    });
  });

  const server = useServer<Record<string, unknown> | undefined, Partial<Connection>>(
    {
      connectionInitWaitTimeout: settings.connectionInitTimeoutMs,
      async onConnect(ctx) {
        const extra = ctx.extra as Connection;
        const authorization = authorizationOf(ctx.connectionParams);
        let viewer: Viewer | null;
        try {
          viewer = await options.authenticate(authorization);
        } catch (error) {
          if (error instanceof GraphQLError && error.extensions['code'] === 'UNAUTHENTICATED')
            return false;
          throw error;
        }
        extra.viewer = viewer;
        const upgrade = extra.request as { clientAddress?: string; client?: ClientIdentity };
        extra.address = upgrade.clientAddress;
        // Browsers cannot set headers on a WebSocket: their client name may come in the
        // connection_init payload instead (a claim, as the header is; an API key wins).
        const claimed = claimedClientName(ctx.connectionParams);
        extra.client =
          upgrade.client && upgrade.client.via !== 'anonymous'
            ? upgrade.client
            : claimed
              ? { name: claimed, via: 'header' }
              : { name: null, via: 'anonymous' };
        if (extra.client.name) extra.clientName = extra.client.name;
        if (authorization && viewer) {
          extra.authorization = authorization;
          extra.cancelExpiry = whenTokenExpires(authorization, () =>
            extra.socket.close(CloseCode.Forbidden, 'Forbidden: the access token has expired'),
          );
        }
        return true;
      },
      async onSubscribe(ctx, _id, payload) {
        // graphql-ws has already counted this one.
        if (Object.keys(ctx.subscriptions).length > settings.maxSubscriptionsPerConnection)
          return [
            createError(
              'TOO_MANY_SUBSCRIPTIONS',
              `A connection may hold ${settings.maxSubscriptionsPerConnection} subscriptions; complete one first.`,
            ),
          ];
        const extra = ctx.extra as Connection;
        const caller = {
          client: extra.client ?? null,
          address: extra.address ?? '',
          log: options.logger,
        };
        let admission: Admission;
        try {
          admission = await options.admit(caller, requestedOperation(payload), { apq: false });
        } catch (error) {
          // A refusal for this operation, not the end of the client's socket.
          options.logger.error({ err: error }, 'admitting an operation failed');
          return [createError('INTERNAL_SERVER_ERROR', 'Internal server error')];
        }
        if ('errors' in admission) return [...admission.errors];
        const { admitted } = admission;
        return {
          schema: admitted.schema,
          document: admitted.document,
          operationName: admitted.operationName,
          variableValues: admitted.variables,
          contextValue: contextOf(extra),
        };
      },
      // Queries and mutations: the HTTP pipeline, with its plugins and error masking.
      ...operationRunners(options, 'ws', (context) => {
        // No close frame: a client that does not read would never see it.
        socketOf.get(context)?.terminate();
      }),
      // Results from Apollo Server are formatted already; federated ones hold GraphQLErrors.
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result),
      onClose: (ctx) => (ctx.extra as Connection).cancelExpiry?.(),
    },
    wss,
    settings.keepAliveMs,
  );

  function contextOf(connection: Connection): GatewayContext {
    const context: GatewayContext = {
      viewer: connection.viewer ?? null,
      ...(connection.authorization ? { authorization: connection.authorization } : {}),
      requestId: randomUUID(),
      forwardedFor: connection.address ?? '',
      clientName: connection.clientName ?? 'anonymous',
    };
    socketOf.set(context, connection.socket);
    return context;
  }

  return {
    /** Closes every socket with 1001 (going away): clients reconnect to another replica. */
    close: async () => {
      await server.dispose();
    },
  };
}

function formatResult(result: ExecutionResult | FormattedExecutionResult) {
  if (!result.errors) return result as FormattedExecutionResult;
  return {
    ...result,
    errors: result.errors.map((error) =>
      'toJSON' in error && typeof error.toJSON === 'function' ? error.toJSON() : error,
    ),
  } as FormattedExecutionResult;
}
