import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { BrokerConnection } from './brokerConnection.ts';
import { connectBroker } from './brokerConnection.ts';
import { isMemoryBusUrl } from './bus/busModel.ts';
import type { EventsConfig } from './config.ts';
import type { EventConsumer, EventConsumerOptions } from './eventConsumer.ts';
import { startEventConsumer } from './eventConsumer.ts';
import { createEventMetrics } from './eventMetrics.ts';
import type { SqlExecutor } from './outbox.ts';
import type { OutboxRelay } from './outboxRelay.ts';
import { startOutboxRelay } from './outboxRelay.ts';
import { producerIdentity } from './producerIdentity.ts';
import { queueTopology } from './topology.ts';

export interface ServiceEventsOptions<Tx extends SqlExecutor> {
  /** The service's name: its broker connection's name and its queue's (`<prefix><service>`). */
  service: string;
  config: EventsConfig & { DATABASE_URL: string };
  logger: Logger;
  /** The process's Prometheus registry. */
  registry: Registry;
  /** Relay this service's outbox to the exchange. */
  publish?: boolean;
  /** Consume these event types from the service's queue. */
  consume?: Pick<EventConsumerOptions<Tx>, 'handlers' | 'transaction' | 'onHandled'>;
}

/** A Prisma client, as far as running a consumer's transaction goes. */
interface TransactionClient<Tx> {
  $transaction<T>(
    fn: (tx: Tx) => Promise<T>,
    options: { timeout: number; maxWait: number },
  ): Promise<T>;
}

/**
 * The transaction each consumed event runs in, on the service's Prisma client. Prisma's
 * defaults (5 s, 2 s) are too short for a handler that calls out (a payment processor's
 * refund) or waits for a pooled connection under load; a redelivery is safe either way.
 */
export function consumerTransaction<Tx extends SqlExecutor>(
  db: TransactionClient<Tx>,
): EventConsumerOptions<Tx>['transaction'] {
  return (fn) => db.$transaction(fn, { timeout: 15_000, maxWait: 10_000 });
}

export interface ServiceEvents {
  broker: BrokerConnection;
  relay: OutboxRelay | null;
  consumer: EventConsumer | null;
  /** For `/ready`: fails while the broker connection is down. */
  readiness(): Promise<void>;
  /** Stops consuming (in-flight messages finish), then publishing, then disconnects. */
  close(): Promise<void>;
}

/** Everything a subgraph process needs of the event backbone, from its configuration. */
export async function startServiceEvents<Tx extends SqlExecutor>(
  options: ServiceEventsOptions<Tx>,
): Promise<ServiceEvents> {
  const { config, logger } = options;
  const metrics = createEventMetrics(options.registry);
  const broker = await connectBroker({ url: config.AMQP_URL, name: options.service, logger });
  const identity = producerIdentity(
    broker.user,
    config.EVENTS_PRODUCER_USER ?? (isMemoryBusUrl(config.AMQP_URL) ? '{service}' : undefined),
  );
  const relay = options.publish
    ? await startOutboxRelay({
        databaseUrl: config.DATABASE_URL,
        broker,
        producer: options.service,
        prefix: config.EVENTS_PREFIX,
        logger,
        metrics,
        pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
        retentionHours: config.OUTBOX_RETENTION_HOURS,
      })
    : null;
  const consumer = options.consume
    ? await startEventConsumer<Tx>({
        ...options.consume,
        broker,
        topology: queueTopology(
          config.EVENTS_PREFIX,
          options.service,
          config.EVENTS_RETRY_DELAYS_MS,
        ),
        identity,
        prefetch: config.EVENTS_PREFETCH,
        maxAttempts: config.EVENTS_MAX_ATTEMPTS,
        logger,
        metrics,
      })
    : null;
  return {
    broker,
    relay,
    consumer,
    async readiness() {
      if (!broker.isConnected) throw new Error('not connected to the broker');
    },
    async close() {
      await consumer?.stop();
      await relay?.stop();
      await broker.close();
    },
  };
}
