import type { FastifyRequest } from 'fastify';
import type { Viewer } from '@cinegraph/service-kit';

export interface GatewayContext {
  viewer: Viewer | null;
  /** Forwarded verbatim to subgraphs, which verify it again. */
  authorization?: string;
  requestId: string;
  /** The X-Forwarded-For chain to hand on: trusted proxies' entries plus the client. */
  forwardedFor: string;
  /** Which client is calling (API key owner or claimed name), or `anonymous`. */
  clientName: string;
}

export async function createContext(request: FastifyRequest): Promise<GatewayContext> {
  return {
    viewer: request.viewer,
    ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    requestId: request.id,
    forwardedFor: [...(request.ips ?? [request.ip])].reverse().join(', '),
    clientName: request.client?.name ?? 'anonymous',
  };
}
