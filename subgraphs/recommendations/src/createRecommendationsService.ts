import type { AnyEventEnvelope } from '@cinegraph/events';
import { consumerTransaction, startServiceEvents } from '@cinegraph/events';
import type { Runnable } from '@cinegraph/service-kit';
import { createSubgraphService, createWorkerLease } from '@cinegraph/service-kit';
import { startCatalogBackfill } from './catalog/backfillCatalog.ts';
import type { RecommendationsConfig } from './config.ts';
import { createContext } from './context.ts';
import type { Tx } from './events/handlers.ts';
import { handlers } from './events/handlers.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { createPicksCaches } from './picks/picksCaches.ts';
import { resolvers } from './resolvers/index.ts';
import { startRecomputeWorker } from './similarity/recomputeWorker.ts';

/** Whose picks an event changes: the person it is about, if any. */
const userOf = (event: AnyEventEnvelope): string | undefined =>
  'userId' in event.data && typeof event.data.userId === 'string' ? event.data.userId : undefined;

/**
 * The recommendations subgraph: what it learns from events (the catalog, people's
 * signals), a catalog backfill at start-up, the periodic similarity recompute (one
 * replica, by lease), and the three lists, cached in the keyspace (docs/recommendations.md).
 */
export function createRecommendationsService(config: RecommendationsConfig): Promise<Runnable> {
  return createSubgraphService({
    name: 'recommendations',
    config,
    PrismaClient,
    schema: { sdl: new URL('./schema.graphql', import.meta.url), resolvers },
    keyspace: 'cache',
    setup({ db, keyspace, logger, metrics }) {
      const caches = createPicksCaches({
        store: keyspace.store,
        ttlSeconds: config.CACHE_TTL_SECONDS,
        registry: metrics.registry,
        logger,
      });
      return {
        context: (viewer) => createContext(db, caches, viewer),
        events: (base) =>
          startServiceEvents<Tx>({
            ...base,
            consume: {
              handlers,
              transaction: consumerTransaction(db),
              // After the commit: the lists this event changes are read afresh.
              onHandled(event) {
                const userId = userOf(event);
                if (!userId) return;
                void caches.user.invalidate([userId]);
                void caches.popular.invalidateAll();
              },
            },
          }),
        startupTasks: {
          catalog: () => startCatalogBackfill({ moviesUrl: config.MOVIES_URL, db, logger }),
        },
        workers: {
          recompute: () =>
            startRecomputeWorker({
              db,
              // A holder that stops renewing (it died) is replaced after three missed runs.
              lease: createWorkerLease(
                db,
                'recommendations-recompute',
                config.RECOMPUTE_INTERVAL_MS * 3,
              ),
              intervalMs: config.RECOMPUTE_INTERVAL_MS,
              logger,
              async onRecomputed() {
                await Promise.all([caches.user.invalidateAll(), caches.similar.invalidateAll()]);
              },
            }),
        },
      };
    },
  });
}
