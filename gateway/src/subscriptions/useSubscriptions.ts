import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { FormattedExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import type { AccessTokenVerifier, Service } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import type { GatewayContext } from '../context.ts';
import type { GatewayMetrics } from '../gatewayMetrics.ts';
import type { ClientIdentity } from '../plugins/useClientIdentity.ts';
import type { AdmitOperation, OperationRequest } from '../admission/admitOperation.ts';
import { clientAddressResolver, createConnectionLimiter } from './connectionLimiter.ts';
import type { FederatedSubscriptions } from './federatedSubscriptions.ts';
import { serveServerSentEvents } from './serverSentEventsTransport.ts';
import type { OperationRunner } from './operationRunners.ts';
import { serveWebSocketSubscriptions } from './webSocketTransport.ts';

/**
 * Subscriptions at the gateway: graphql-ws on the GraphQL path's WebSocket upgrade and
 * graphql-sse on `Accept: text/event-stream` requests, sharing one connection limit per
 * client address, the same admission checks and the federated subscriptions. On shutdown
 * (Fastify's preClose) every stream completes before the sockets close.
 */
export function useSubscriptions(
  app: FastifyInstance,
  options: {
    path: string;
    config: GatewayConfig;
    authenticate: AccessTokenVerifier;
    identifyClient: (headers: IncomingHttpHeaders) => ClientIdentity;
    admit: AdmitOperation;
    subscriptions: FederatedSubscriptions;
    runOperation: OperationRunner;
    metrics: GatewayMetrics['subscriptions'];
    logger: Logger;
  },
): void {
  const settings = options.config.subscriptions;
  const connections = createConnectionLimiter(settings.maxConnectionsPerIp);
  const webSocket = serveWebSocketSubscriptions(app, {
    path: options.path,
    settings,
    clientAddress: clientAddressResolver(options.config.server.trustProxy),
    connections,
    authenticate: options.authenticate,
    identifyClient: options.identifyClient,
    admit: options.admit,
    subscriptions: options.subscriptions,
    runOperation: options.runOperation,
    openConnections: options.metrics.connections,
    logger: options.logger,
  });
  serveServerSentEvents(app, {
    path: options.path,
    connections,
    admit: options.admit,
    subscriptions: options.subscriptions,
    runOperation: options.runOperation,
    openConnections: options.metrics.connections,
  });
  app.addHook('preClose', async () => {
    // Every stream completes first (each client is sent `complete`), then the sockets go.
    options.subscriptions.completeAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await webSocket.close();
  });
}

/** A query or mutation from a socket or stream, through Apollo Server as over HTTP. */
export async function runOperation(
  service: Service<GatewayContext> | undefined,
  payload: OperationRequest & { query: string },
  context: GatewayContext,
): Promise<FormattedExecutionResult> {
  if (!service) throw new Error('The gateway is not started yet.');
  const response = await service.apollo.executeOperation(
    {
      query: payload.query,
      ...(payload.operationName ? { operationName: payload.operationName } : {}),
      ...(payload.variables ? { variables: payload.variables } : {}),
    },
    { contextValue: context },
  );
  if (response.body.kind !== 'single')
    return { errors: [{ message: 'Incremental delivery is not served over this transport.' }] };
  return response.body.singleResult;
}
