import type { FastifyRequest } from 'fastify';

export interface RequestedOperation {
  query?: string;
  /** `extensions.persistedQuery.sha256Hash`: an id from a manifest, or an APQ hash. */
  id?: string;
  operationName?: string;
  /** An object (a POST), or the JSON text of one (a GET's query string). */
  variables?: Record<string, unknown>;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'string') {
    try {
      return asObject(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/**
 * The operations of a GraphQL request as sent (a POST body, a batch of them, or GET
 * parameters), for the admission chain that runs before Apollo Server.
 */
export function requestedOperations(request: FastifyRequest): RequestedOperation[] {
  const payload = request.method === 'GET' ? request.query : request.body;
  return (Array.isArray(payload) ? payload : [payload]).map(requestedOperation);
}

/** One operation as sent (a request body, or a graphql-ws `subscribe` payload). */
export function requestedOperation(item: unknown): RequestedOperation {
  const fields = asObject(item) ?? {};
  const id = asObject(asObject(fields['extensions'])?.['persistedQuery'])?.['sha256Hash'];
  const { query, operationName } = fields;
  const variables = asObject(fields['variables']);
  return {
    ...(typeof query === 'string' && query !== '' ? { query } : {}),
    ...(typeof id === 'string' ? { id } : {}),
    ...(typeof operationName === 'string' ? { operationName } : {}),
    ...(variables ? { variables } : {}),
  };
}

/** Whether a hook should look at this request: a GraphQL GET or POST. */
export function isGraphQLRequest(request: FastifyRequest, path: string): boolean {
  return (
    request.routeOptions.url === path && (request.method === 'GET' || request.method === 'POST')
  );
}
