import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from './context.ts';

/**
 * How the gateway calls a subgraph: it forwards the caller's Authorization header (each
 * subgraph verifies the token again), the request id, and the client's address.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    const headers = request.http?.headers;
    if (!headers || !context.requestId) return;
    headers.set('x-request-id', context.requestId);
    headers.set('x-forwarded-for', context.forwardedFor);
    if (context.authorization) headers.set('authorization', context.authorization);
  }
}
