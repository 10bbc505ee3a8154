import type { ApolloGateway } from '@apollo/gateway';
import type { ServiceEvents } from '@cinegraph/events';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { GatewayConfig } from '../config.ts';
import { startCachePurgeEvents } from './cachePurgeEvents.ts';
import { openResponseCacheStore } from './openResponseCacheStore.ts';
import type { ResponseCache, ResponseCacheMetrics } from './responseCache.ts';
import { createResponseCache } from './responseCache.ts';

/**
 * The response cache as configured (`responseCache` in gateway.yaml; off: undefined): its
 * store in the keyspace, the hints of each supergraph the gateway loads, and its event
 * consumer (a broker that is down delays event purges, never the gateway).
 */
export async function startResponseCache(
  gateway: Pick<ApolloGateway, 'onSchemaLoadOrUpdate'>,
  config: GatewayConfig,
  options: { logger: Logger; metrics: ResponseCacheMetrics; registry: Registry },
): Promise<{ cache: ResponseCache; close(): Promise<void> } | undefined> {
  const settings = config.responseCache;
  if (!settings.enabled) return undefined;
  const cache = createResponseCache({
    settings,
    store: openResponseCacheStore({
      url: config.redis.url,
      keyPrefix: config.redis.keyPrefix,
      logger: options.logger,
      // A purge's stamps must outlive every answer read before it.
      tagTtlMs: settings.maxTtlSeconds * 2_000,
      memoryMaxBytes: settings.memoryMaxBytes,
    }),
    logger: options.logger,
    metrics: options.metrics,
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) =>
    cache.useSupergraph(apiSchema, coreSupergraphSdl),
  );
  let events: ServiceEvents | undefined;
  const { url } = config.events;
  if (settings.purgeOnEvents && url)
    events = await startCachePurgeEvents({
      events: { ...config.events, url },
      cache,
      logger: options.logger,
      registry: options.registry,
    }).catch((error: unknown) => {
      // Serving matters more: mutations through the gateway and maxAge still bound staleness.
      options.logger.error({ err: error }, 'response cache: cannot consume purge events');
      return undefined;
    });
  return {
    cache,
    async close() {
      await events?.close();
      await cache.close();
    },
  };
}
