import type { GraphQLError } from 'graphql';
import type { KeyValueStore } from '@cinegraph/keyspace';
import { createError } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import type { ManifestRegistry } from '../persistedQueries/manifestRegistry.ts';
import { APQ_PREFIX } from '../persistedQueries/persistedQueryStore.ts';
import type { RequestedOperation } from '../plugins/requestedOperations.ts';
import type { RateLimitedCaller } from './rateLimit.ts';

type ApqSettings = GatewayConfig['persistedQueries']['apq'];

const HOUR_MS = 60 * 60 * 1_000;

export type PersistedQueryBudget = (
  caller: RateLimitedCaller,
  operation: RequestedOperation,
) => Promise<GraphQLError | undefined>;

/**
 * The budgets of automatic persisted query registration, checked before a new document
 * is stored in the keyspace (the Redis that also holds seat holds, refresh tokens and
 * throttles), so that no caller can fill it:
 * - a document over `maxDocumentBytes` is refused (PERSISTED_QUERY_TOO_LARGE): send it
 *   without a hash;
 * - each client with an API key, else each address, may register `registrationsPerHour`
 *   new documents an hour;
 * - everyone together may register `maxEntries` new documents per `ttlSeconds` (the time a
 *   document is kept), so the keyspace holds at most about twice `maxEntries` documents.
 * Past a budget, registration is refused with PERSISTED_QUERY_BUDGET_EXCEEDED and the
 * time to wait; nothing stored is evicted. A document already stored, or in a manifest,
 * costs nothing. Counts are fixed windows in the keyspace, shared by every replica.
 */
export function createPersistedQueryBudget(options: {
  store: KeyValueStore;
  manifests: ManifestRegistry;
  settings: ApqSettings;
}): PersistedQueryBudget {
  const { store, settings } = options;
  const exceeded = async (key: string, limit: number, windowMs: number, whose: string) => {
    if ((await store.increment(key, windowMs)) <= limit) return undefined;
    const retryAfterSeconds = Math.max(1, Math.ceil(((await store.ttl(key)) ?? windowMs) / 1_000));
    return createError(
      'PERSISTED_QUERY_BUDGET_EXCEEDED',
      `${whose} registered as many persisted queries as the gateway keeps; send the query without a hash, or retry in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  };
  return async (caller, operation) => {
    if (operation.query === undefined || operation.id === undefined) return undefined;
    if (options.manifests.bodyById(operation.id) !== undefined) return undefined;
    if (Buffer.byteLength(operation.query) > settings.maxDocumentBytes)
      return createError(
        'PERSISTED_QUERY_TOO_LARGE',
        `A persisted query may hold at most ${settings.maxDocumentBytes} bytes; send this one without a hash.`,
        { limit: settings.maxDocumentBytes },
      );
    if ((await store.get(`${APQ_PREFIX}${operation.id}`)) !== null) return undefined;
    const who =
      caller.client?.via === 'apiKey' && caller.client.name
        ? `client:${caller.client.name}`
        : `ip:${caller.address}`;
    return (
      (await exceeded(
        `apq-budget:${who}`,
        settings.registrationsPerHour,
        HOUR_MS,
        'This client has',
      )) ??
      (await exceeded(
        'apq-budget:total',
        settings.maxEntries,
        settings.ttlSeconds * 1_000,
        'Clients have',
      ))
    );
  };
}
