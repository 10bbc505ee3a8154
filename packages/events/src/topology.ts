import type { BusChannel } from './bus/busModel.ts';
import type { EventType } from './eventSchemas.ts';
import { eventConsumers } from './eventConsumers.ts';

/** The broker names one consuming service uses; see docs/events.md. */
export interface QueueTopology {
  exchange: string;
  queue: string;
  deadLetterQueue: string;
  /** One holding queue per retry delay; expired messages fall back into `queue`. */
  retryQueues: { delayMs: number; name: string }[];
}

export const EXCHANGE = 'cinegraph.events';

export function exchangeName(prefix: string): string {
  return `${prefix}${EXCHANGE}`;
}

export function queueTopology(
  prefix: string,
  service: string,
  retryDelaysMs: number[],
): QueueTopology {
  const queue = `${prefix}${service}`;
  return {
    exchange: exchangeName(prefix),
    queue,
    deadLetterQueue: `${queue}.dlq`,
    retryQueues: retryDelaysMs.map((delayMs) => ({
      delayMs,
      name: `${queue}.retry.${delayMs}ms`,
    })),
  };
}

/** The topic exchange every producer publishes to. Idempotent. */
export async function assertExchange(channel: BusChannel, exchange: string): Promise<void> {
  await channel.assertExchange(exchange, 'topic', { durable: true });
}

/**
 * Declares every subscribing service's queue with its bindings (see eventConsumers.ts),
 * as a producer does before publishing. Idempotent.
 */
export async function assertSubscriberQueues(
  channel: BusChannel,
  prefix: string,
  subscribers: Record<string, readonly EventType[]>,
): Promise<void> {
  const exchange = exchangeName(prefix);
  await assertExchange(channel, exchange);
  for (const [service, keys] of Object.entries(subscribers)) {
    const queue = `${prefix}${service}`;
    await channel.assertQueue(queue, { durable: true });
    for (const key of keys) await channel.bindQueue(queue, exchange, key);
  }
}

/**
 * Declares a consumer's durable queue bound to the routing keys it handles, its dead-letter
 * queue and its retry queues. A retry queue holds a message for its TTL and then
 * dead-letters it back to the main queue through the default exchange, so a pending retry
 * survives a restart of the consumer or the broker.
 */
export async function assertQueueTopology(
  channel: BusChannel,
  topology: QueueTopology,
  routingKeys: readonly EventType[],
): Promise<void> {
  await assertExchange(channel, topology.exchange);
  await channel.assertQueue(topology.queue, { durable: true });
  for (const key of routingKeys) await channel.bindQueue(topology.queue, topology.exchange, key);
  await channel.assertQueue(topology.deadLetterQueue, { durable: true });
  for (const retry of topology.retryQueues) {
    await channel.assertQueue(retry.name, {
      durable: true,
      arguments: {
        'x-message-ttl': retry.delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': topology.queue,
      },
    });
  }
}

/** Message headers CineGraph sets, beside the AMQP properties. */
export const headers = {
  /** Failed handler attempts so far. */
  attempts: 'cg-attempts',
  /** Why the message was dead-lettered, and the last error. */
  reason: 'cg-dead-letter-reason',
  deadLetteredAt: 'cg-dead-lettered-at',
  traceparent: 'traceparent',
} as const;

/** Removes a consumer's queues (e.g. a retired service, or a test's). */
export async function deleteQueueTopology(
  channel: BusChannel,
  topology: QueueTopology,
): Promise<void> {
  for (const retry of topology.retryQueues) await channel.deleteQueue(retry.name);
  await channel.deleteQueue(topology.deadLetterQueue);
  await channel.deleteQueue(topology.queue);
}

/**
 * Removes everything declared under a prefix: every subscriber's queues (eventConsumers.ts)
 * and the exchange. For tests and benchmarks that ran on names of their own.
 */
export async function deleteEventTopology(
  channel: BusChannel,
  prefix: string,
  retryDelaysMs: number[],
): Promise<void> {
  for (const service of Object.keys(eventConsumers))
    await deleteQueueTopology(channel, queueTopology(prefix, service, retryDelaysMs));
  await channel.deleteExchange(exchangeName(prefix));
}
