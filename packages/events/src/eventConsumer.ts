import type { ConsumeMessage, Message, MessagePropertyHeaders, Options } from 'amqplib';
import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { BrokerConnection } from './brokerConnection.ts';
import type { BusConfirmChannel } from './bus/busModel.ts';
import type { EventType } from './eventSchemas.ts';
import type { AnyEventEnvelope, EventEnvelope } from './envelope.ts';
import { MalformedEventError, parseEnvelope } from './envelope.ts';
import type { DeadLetterReason, EventMetrics } from './eventMetrics.ts';
import type { SqlExecutor } from './outbox.ts';
import type { ProducerIdentity } from './producerIdentity.ts';
import { producerRefusal } from './producerIdentity.ts';
import type { QueueTopology } from './topology.ts';
import { assertQueueTopology, headers } from './topology.ts';

export type EventHandler<Tx, Type extends EventType> = (
  tx: Tx,
  event: EventEnvelope<Type>,
) => Promise<void>;

/** What a service does with each event type it consumes, inside its database transaction. */
export type EventHandlers<Tx> = { [Type in EventType]?: EventHandler<Tx, Type> };

export interface EventConsumerOptions<Tx extends SqlExecutor> {
  broker: BrokerConnection;
  topology: QueueTopology;
  handlers: EventHandlers<Tx>;
  /** Runs `fn` in one database transaction, e.g. `(fn) => db.$transaction(fn)`. */
  transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /** Whose events this consumer trusts (producerIdentity.ts). */
  identity: ProducerIdentity;
  prefetch: number;
  maxAttempts: number;
  logger: Logger;
  metrics: EventMetrics;
  /** After a handler's transaction has committed (e.g. to start delivering what it wrote). */
  onHandled?: (event: AnyEventEnvelope) => void;
}

export interface EventConsumer {
  /** Stops taking messages and waits for the ones in flight. */
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 10_000;

/**
 * Consumes a service's queue. Each message runs in one database transaction that first
 * records the event id in `processed_events` (a redelivered event finds it there and is
 * acknowledged without running again), then runs the handler; the message is acknowledged
 * only after that commit. A handler failure is retried through the retry queues with
 * growing delays and, after `maxAttempts`, parked in the dead-letter queue with the last
 * error; a message that can never succeed (not JSON, unknown type, data failing its
 * schema, no handler here) goes there at once, and so does one whose sender may not
 * publish its type (producerIdentity.ts). Other messages keep flowing meanwhile.
 */
export async function startEventConsumer<Tx extends SqlExecutor>(
  options: EventConsumerOptions<Tx>,
): Promise<EventConsumer> {
  const { topology, metrics } = options;
  const log = options.logger.child({ component: 'event-consumer', queue: topology.queue });
  const tracer = trace.getTracer('cinegraph');
  const routingKeys = Object.keys(options.handlers) as EventType[];
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let consumerTag: string | undefined;

  const managed = await options.broker.manageChannel(
    `consumer:${topology.queue}`,
    async (model) => {
      const channel = await model.createConfirmChannel();
      await assertQueueTopology(channel, topology, routingKeys);
      await channel.prefetch(options.prefetch);
      if (!stopped) {
        ({ consumerTag } = await channel.consume(topology.queue, (message) => {
          if (!message) return; // the broker cancelled the consumer (queue deleted)
          const work = handle(channel, message).catch((error: unknown) =>
            log.error({ err: error }, 'could not settle a message; it will be redelivered'),
          );
          inFlight.add(work);
          void work.finally(() => inFlight.delete(work));
        }));
      }
      return channel;
    },
  );

  async function handle(channel: BusConfirmChannel, message: ConsumeMessage): Promise<void> {
    let event: AnyEventEnvelope;
    try {
      event = parseEnvelope(message.content);
    } catch (error) {
      if (!(error instanceof MalformedEventError)) throw error;
      return deadLetter(channel, message, 'malformed', error.message);
    }
    const handler = options.handlers[event.type] as EventHandler<Tx, EventType> | undefined;
    if (!handler) {
      return deadLetter(channel, message, 'malformed', `no handler for "${event.type}" here`);
    }
    const refusal = producerRefusal(event, message.properties.userId, options.identity);
    if (refusal) return deadLetter(channel, message, 'forged', refusal);
    // The trace of the request that emitted the event continues here.
    const parent = propagation.extract(ROOT_CONTEXT, { traceparent: event.traceparent ?? '' });
    const span = tracer.startSpan(
      `${event.type} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'rabbitmq',
          'messaging.destination.name': topology.queue,
          'messaging.message.id': event.id,
        },
      },
      parent,
    );
    try {
      await context.with(trace.setSpan(parent, span), () =>
        apply(channel, message, event, handler),
      );
    } finally {
      span.end();
    }
  }

  async function apply(
    channel: BusConfirmChannel,
    message: ConsumeMessage,
    event: AnyEventEnvelope,
    handler: EventHandler<Tx, EventType>,
  ): Promise<void> {
    let outcome: 'handled' | 'duplicate';
    try {
      outcome = await options.transaction(async (tx) => {
        const fresh = await tx.$executeRaw`
          INSERT INTO processed_events (event_id, type) VALUES (${event.id}::uuid, ${event.type})
          ON CONFLICT DO NOTHING`;
        if (fresh === 0) return 'duplicate';
        await handler(tx, event);
        return 'handled';
      });
    } catch (error) {
      return retryOrPark(channel, message, event, error);
    }
    channel.ack(message);
    metrics.consumed.inc({ queue: topology.queue, type: event.type, outcome });
    if (outcome === 'duplicate') {
      log.debug({ eventId: event.id, type: event.type }, 'already processed; acknowledged');
      return;
    }
    metrics.lag.observe(
      { queue: topology.queue, type: event.type },
      Math.max(0, (Date.now() - Date.parse(event.occurredAt)) / 1000),
    );
    options.onHandled?.(event);
  }

  async function retryOrPark(
    channel: BusConfirmChannel,
    message: ConsumeMessage,
    event: AnyEventEnvelope,
    error: unknown,
  ): Promise<void> {
    const attempts = attemptsOf(message) + 1;
    const reason = error instanceof Error ? error.message : String(error);
    if (attempts >= options.maxAttempts) {
      log.error(
        { err: error, eventId: event.id, type: event.type, attempts },
        'giving up on an event',
      );
      return deadLetter(
        channel,
        message,
        'exhausted',
        `the handler failed ${attempts} times; last error: ${reason}`,
        attempts,
      );
    }
    const retryQueue =
      topology.retryQueues[Math.min(attempts, topology.retryQueues.length) - 1] ??
      topology.retryQueues.at(-1);
    if (!retryQueue) throw new Error('no retry queue configured');
    log.warn(
      { err: error, eventId: event.id, type: event.type, attempts, retryInMs: retryQueue.delayMs },
      'event handler failed; will retry',
    );
    await republish(channel, message, retryQueue.name, { [headers.attempts]: attempts });
    metrics.retried.inc({ queue: topology.queue, type: event.type });
  }

  async function deadLetter(
    channel: BusConfirmChannel,
    message: ConsumeMessage,
    reason: DeadLetterReason,
    detail: string,
    attempts = attemptsOf(message),
  ): Promise<void> {
    if (reason !== 'exhausted') log.error({ reason: detail }, `dead-lettering a ${reason} message`);
    await republish(channel, message, topology.deadLetterQueue, {
      [headers.attempts]: attempts,
      [headers.reason]: `${reason}: ${detail}`,
      [headers.deadLetteredAt]: new Date().toISOString(),
    });
    metrics.deadLettered.inc({ queue: topology.queue, reason });
  }

  /**
   * Sends a copy to another queue through the default exchange and, once the broker has
   * confirmed it, acknowledges the original: a crash in between duplicates, never loses.
   * The copy is sent as this consumer's broker user (the broker allows no other), which
   * its own check accepts on the way back.
   */
  async function republish(
    channel: BusConfirmChannel,
    message: ConsumeMessage,
    queue: string,
    extraHeaders: MessagePropertyHeaders,
  ): Promise<void> {
    channel.publish('', queue, message.content, {
      ...copyProperties(message),
      userId: options.identity.self,
      headers: { ...ownHeaders(message.properties.headers), ...extraHeaders },
    });
    await channel.waitForConfirms();
    channel.ack(message);
  }

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      const channel = managed.current;
      if (channel && consumerTag) await channel.cancel(consumerTag).catch(() => {});
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref()),
      ]);
    },
  };
}

export function attemptsOf(message: Pick<ConsumeMessage, 'properties'>): number {
  const value = Number(message.properties.headers?.[headers.attempts] ?? 0);
  return Number.isInteger(value) && value >= 0 ? value : 0;
}

/** The message's headers without the broker's own (`x-death`, ...), which it maintains. */
export function ownHeaders(all: MessagePropertyHeaders | undefined): MessagePropertyHeaders {
  return Object.fromEntries(Object.entries(all ?? {}).filter(([name]) => !name.startsWith('x-')));
}

/** The AMQP properties a copy of the message keeps (it is always persistent). */
export function copyProperties(message: Pick<Message, 'properties'>): Options.Publish {
  const { contentType, messageId, type, timestamp } = message.properties as unknown as Record<
    string,
    unknown
  >;
  return {
    persistent: true,
    ...(typeof contentType === 'string' ? { contentType } : {}),
    ...(typeof messageId === 'string' ? { messageId } : {}),
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof timestamp === 'number' ? { timestamp } : {}),
  };
}
