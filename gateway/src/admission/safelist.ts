import type { GraphQLError } from 'graphql';
import type { Counter } from 'prom-client';
import { createError } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import type { ManifestRegistry } from '../persistedQueries/manifestRegistry.ts';
import type { RequestedOperation } from '../plugins/requestedOperations.ts';
import { sha256 } from '../plugins/useClientIdentity.ts';

export type SafelistCheck = (
  clientName: string | null,
  operation: RequestedOperation,
  log: { warn(object: object, message: string): void },
) => GraphQLError | undefined;

/**
 * The persisted-query checks for one operation, wherever it arrives (an HTTP request, a
 * WebSocket message, an event stream):
 * - a query sent with a hash that is not its SHA-256 is PERSISTED_QUERY_HASH_MISMATCH;
 * - a client whose safelist mode is `enforce` may run only operations of its manifests
 *   (by id, or by the exact body), others are PERSISTED_QUERY_NOT_IN_LIST; in `log` mode
 *   they run, and are logged and counted, so a team can see what enforcing would refuse.
 */
export function createSafelistCheck(options: {
  config: GatewayConfig;
  manifests: ManifestRegistry;
  violations: Counter<'client' | 'mode'>;
}): SafelistCheck {
  const { safelist } = options.config.persistedQueries;
  return (clientName, operation, log) => {
    const policy = clientName ? safelist.clients[clientName] : undefined;
    const mode = policy?.mode ?? safelist.defaultMode;
    if (
      operation.query !== undefined &&
      operation.id !== undefined &&
      sha256(operation.query) !== operation.id
    )
      return createError(
        'PERSISTED_QUERY_HASH_MISMATCH',
        'The persisted query hash is not the SHA-256 of the query.',
      );
    if (mode === 'allow') return undefined;
    if (
      options.manifests.allows(policy?.manifests ?? [], { id: operation.id, body: operation.query })
    )
      return undefined;
    options.violations.inc({ client: clientName ?? 'anonymous', mode });
    log.warn(
      { client: clientName, mode, operationName: operation.operationName, id: operation.id },
      mode === 'enforce'
        ? 'refused an operation outside the safelist'
        : 'an operation outside the safelist (log only)',
    );
    return mode === 'enforce'
      ? createError(
          'PERSISTED_QUERY_NOT_IN_LIST',
          'This client may run only the operations of its persisted query manifest; call them by id.',
        )
      : undefined;
  };
}
