import { consumerTransaction, startServiceEvents } from '@cinegraph/events';
import type { Runnable } from '@cinegraph/service-kit';
import { createSubgraphService } from '@cinegraph/service-kit';
import type { NotificationsConfig } from './config.ts';
import { createContext } from './context.ts';
import { startDeliveryWorker } from './delivery/deliveryWorker.ts';
import { createTransports } from './delivery/transports.ts';
import { handlers } from './events/handlers.ts';
import type { Tx } from './events/notify.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * The notifications subgraph: its database, the consumer of its queue, the delivery
 * worker that sends what the consumer records, and the GraphQL inbox.
 */
export function createNotificationsService(config: NotificationsConfig): Promise<Runnable> {
  return createSubgraphService({
    name: 'notifications',
    config,
    PrismaClient,
    schema: { sdl: new URL('./schema.graphql', import.meta.url), resolvers },
    setup({ db, logger }) {
      // Started before the consumer, which wakes it for every notification it records,
      // and stopped after it (`close`).
      const delivery = startDeliveryWorker({
        db,
        transports: createTransports(config, logger),
        logger,
        maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
        pollIntervalMs: config.DELIVERY_POLL_INTERVAL_MS,
      });
      return {
        context: (viewer) => createContext(db, viewer),
        events: (base) =>
          startServiceEvents<Tx>({
            ...base,
            consume: {
              handlers,
              transaction: consumerTransaction(db),
              onHandled: () => delivery.wake(),
            },
          }),
        close: () => delivery.stop(),
      };
    },
  });
}
