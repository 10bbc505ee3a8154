import { consumerTransaction, startServiceEvents } from '@cinegraph/events';
import type { Runnable } from '@cinegraph/service-kit';
import {
  createAccessTokenVerifier,
  createLogger,
  createMetrics,
  createPrismaClient,
  createService,
  loadSubgraphSchema,
} from '@cinegraph/service-kit';
import type { NotificationsConfig } from './config.ts';
import type { NotificationsContext } from './context.ts';
import { createContext } from './context.ts';
import { startDeliveryWorker } from './delivery/deliveryWorker.ts';
import { createTransports } from './delivery/transports.ts';
import { handlers } from './events/handlers.ts';
import type { Tx } from './events/notify.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * Wires the notifications subgraph: its database, the consumer of its queue, the delivery
 * worker that sends what the consumer records, and the GraphQL inbox.
 */
export async function createNotificationsService(config: NotificationsConfig): Promise<Runnable> {
  const logger = createLogger('notifications', config.LOG_LEVEL);
  const metrics = createMetrics('notifications');
  const db = createPrismaClient(PrismaClient, config.DATABASE_URL, 10, metrics.registry);
  const delivery = startDeliveryWorker({
    db,
    transports: createTransports(config, logger),
    logger,
    maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
    pollIntervalMs: config.DELIVERY_POLL_INTERVAL_MS,
  });
  const events = await startServiceEvents<Tx>({
    service: 'notifications',
    config,
    logger,
    registry: metrics.registry,
    consume: {
      handlers,
      transaction: consumerTransaction(db),
      onHandled: () => delivery.wake(),
    },
  });

  const service = await createService<NotificationsContext>({
    name: 'notifications',
    logger,
    metrics,
    trustProxy: config.TRUST_PROXY,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    apollo: { schema: loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), resolvers) },
    authenticate: createAccessTokenVerifier(new URL(config.JWKS_URL)),
    context: async (request) => createContext(db, request.viewer),
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      broker: events.readiness,
    },
    async onClose() {
      await events.close();
      await delivery.stop();
      await db.$disconnect();
    },
  });
  return { service, port: config.PORT, host: config.HOST };
}
