import type { FastifyInstance } from 'fastify';
import type { Counter } from 'prom-client';
import { createError, replyWithError } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import type { ManifestRegistry } from '../persistedQueries/manifestRegistry.ts';
import { isGraphQLRequest, requestedOperations } from './requestedOperations.ts';
import { sha256 } from './useClientIdentity.ts';

/**
 * Persisted-query checks at the edge, before anything is parsed:
 * - a query sent with a hash that is not its SHA-256 is PERSISTED_QUERY_HASH_MISMATCH;
 * - a client whose safelist mode is `enforce` may run only operations of its manifests
 *   (by id, or by the exact body), others are PERSISTED_QUERY_NOT_IN_LIST; in `log` mode
 *   they run, and are logged and counted, so a team can see what enforcing would refuse.
 */
export function useSafelist(
  app: FastifyInstance,
  options: {
    config: GatewayConfig;
    manifests: ManifestRegistry;
    violations: Counter<'client' | 'mode'>;
    path: string;
  },
): void {
  const { safelist } = options.config.persistedQueries;
  app.addHook('preHandler', async (request, reply) => {
    if (!isGraphQLRequest(request, options.path)) return;
    const clientName = request.client?.name ?? null;
    const policy = clientName ? safelist.clients[clientName] : undefined;
    const mode = policy?.mode ?? safelist.defaultMode;

    for (const operation of requestedOperations(request)) {
      if (
        operation.query !== undefined &&
        operation.id !== undefined &&
        sha256(operation.query) !== operation.id
      ) {
        return replyWithError(
          reply,
          createError(
            'PERSISTED_QUERY_HASH_MISMATCH',
            'The persisted query hash is not the SHA-256 of the query.',
          ),
        );
      }
      if (mode === 'allow') continue;
      if (
        options.manifests.allows(policy?.manifests ?? [], {
          id: operation.id,
          body: operation.query,
        })
      )
        continue;

      options.violations.inc({ client: clientName ?? 'anonymous', mode });
      request.log.warn(
        { client: clientName, mode, operationName: operation.operationName, id: operation.id },
        mode === 'enforce'
          ? 'refused an operation outside the safelist'
          : 'an operation outside the safelist (log only)',
      );
      if (mode === 'enforce') {
        return replyWithError(
          reply,
          createError(
            'PERSISTED_QUERY_NOT_IN_LIST',
            'This client may run only the operations of its persisted query manifest; call them by id.',
          ),
        );
      }
    }
  });
}
