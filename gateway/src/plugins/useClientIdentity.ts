import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { GraphQLError } from 'graphql';
import { replyWithError, unauthenticated } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';

export interface ClientIdentity {
  /** The client's name, or null for an anonymous caller. */
  name: string | null;
  /** How it was told: an API key (proof), or the `apollographql-client-name` header (a claim). */
  via: 'apiKey' | 'header' | 'anonymous';
}

declare module 'fastify' {
  interface FastifyRequest {
    client: ClientIdentity;
  }
}

export const API_KEY_HEADER = 'x-api-key';
export const CLIENT_NAME_HEADER = 'apollographql-client-name';
const CLIENT_NAME = /^[\w.-]{1,64}$/;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Says which client is calling, from a request's headers: the owner of the `x-api-key`
 * (an unknown key is UNAUTHENTICATED), else the name in `apollographql-client-name`, else
 * anonymous. Policies (safelists, rate limits, metrics) key on it.
 */
export function createClientIdentifier(
  config: GatewayConfig,
): (headers: IncomingHttpHeaders) => ClientIdentity {
  const owners = new Map<string, string>();
  for (const [name, client] of Object.entries(config.persistedQueries.safelist.clients))
    for (const digest of client.apiKeySha256) owners.set(digest, name);
  return (headers) => {
    const key = headers[API_KEY_HEADER];
    if (typeof key === 'string' && key !== '') {
      const owner = owners.get(sha256(key));
      if (!owner) throw unauthenticated('The API key is not valid.');
      return { name: owner, via: 'apiKey' };
    }
    const name = headers[CLIENT_NAME_HEADER];
    return typeof name === 'string' && CLIENT_NAME.test(name)
      ? { name, via: 'header' }
      : { name: null, via: 'anonymous' };
  };
}

/**
 * The client name a graphql-ws `connection_init` payload claims in
 * `apollographql-client-name`, when it is a valid name.
 */
export function claimedClientName(
  params: Readonly<Record<string, unknown>> | undefined,
): string | null {
  const name = params?.[CLIENT_NAME_HEADER];
  return typeof name === 'string' && CLIENT_NAME.test(name) ? name : null;
}

/** The client's identity on every HTTP request (`request.client`). */
export function useClientIdentity(
  app: FastifyInstance,
  identify: (headers: IncomingHttpHeaders) => ClientIdentity,
): void {
  app.decorateRequest('client', null as unknown as ClientIdentity);
  app.addHook('onRequest', async (request, reply) => {
    try {
      request.client = identify(request.headers);
    } catch (error) {
      return replyWithError(reply, error as GraphQLError);
    }
  });
}
