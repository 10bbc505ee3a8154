import type { ConsumeMessage, MessageProperties, Options } from 'amqplib';
import type { Headers, StoredMessage } from './storedMessage.ts';

/**
 * The bus a queue is in (MemoryBusServer), as the queue uses it: declared here, rather than
 * the server imported, because the server is built of queues.
 */
export interface QueueServer {
  readonly closed: boolean;
  readonly queues: ReadonlyMap<string, MemoryQueue>;
  deleteQueue(name: string): number;
  route(
    exchangeName: string,
    routingKey: string,
    content: Buffer,
    properties: Partial<MessageProperties>,
  ): void;
  removed(queue: MemoryQueue, message: StoredMessage): void;
}

/** The channel a consumer is on (MemoryChannel), as its queue and the bus use it. */
export interface ConsumerChannel {
  deliver(consumer: Consumer, message: StoredMessage): void;
  /** The queue was deleted under the consumer. */
  cancelledByBus(consumer: Consumer): void;
}

/**
 * The connection an exclusive queue belongs to (a MemoryConnection): the queue only tells
 * owners apart, so any object will do.
 */
export type QueueOwner = object;

export interface Consumer {
  tag: string;
  channel: ConsumerChannel;
  queue: MemoryQueue;
  onMessage: (message: ConsumeMessage | null) => void;
  noAck: boolean;
  prefetch: number;
  inFlight: number;
}

export interface QueueSettings {
  durable: boolean;
  exclusiveOwner: QueueOwner | null;
  autoDelete: boolean;
  ttlMs: number | null;
  deadLetterExchange: string | null;
  deadLetterRoutingKey: string | null;
  /** The declared arguments, to refuse a redeclaration that differs (as RabbitMQ does). */
  arguments: Headers;
}

export function queueSettings(
  options: Options.AssertQueue,
  owner: QueueOwner | null,
): QueueSettings {
  const args: Headers = { ...(options.arguments as Headers | undefined) };
  if (options.messageTtl !== undefined) args['x-message-ttl'] = options.messageTtl;
  if (options.deadLetterExchange !== undefined)
    args['x-dead-letter-exchange'] = options.deadLetterExchange;
  if (options.deadLetterRoutingKey !== undefined)
    args['x-dead-letter-routing-key'] = options.deadLetterRoutingKey;
  const ttl = args['x-message-ttl'];
  const exchange = args['x-dead-letter-exchange'];
  const routingKey = args['x-dead-letter-routing-key'];
  return {
    durable: options.durable ?? true,
    exclusiveOwner: options.exclusive ? owner : null,
    autoDelete: options.autoDelete ?? false,
    ttlMs: typeof ttl === 'number' ? ttl : null,
    deadLetterExchange: typeof exchange === 'string' ? exchange : null,
    deadLetterRoutingKey: typeof routingKey === 'string' ? routingKey : null,
    arguments: args,
  };
}

/**
 * A queue of the in-process bus: its ready messages in arrival order, dispatched round-robin
 * to consumers with room under their prefetch; expired messages and rejected ones go to its
 * dead-letter exchange.
 */
export class MemoryQueue {
  readonly ready: StoredMessage[] = [];
  readonly consumers: Consumer[] = [];
  unacked = 0;
  private nextConsumer = 0;
  private dispatchScheduled = false;
  private expiryTimer: NodeJS.Timeout | null = null;
  private hadConsumer = false;

  constructor(
    readonly bus: QueueServer,
    readonly name: string,
    readonly settings: QueueSettings,
  ) {}

  get journaled(): boolean {
    return this.settings.durable && !this.settings.exclusiveOwner;
  }

  /** Puts a message in its place by arrival order (at the end, unless requeued). */
  insert(message: StoredMessage): void {
    let index = this.ready.length;
    while (index > 0 && this.ready[index - 1]!.seq > message.seq) index--;
    this.ready.splice(index, 0, message);
    this.scheduleExpiry();
    this.scheduleDispatch();
  }

  /** Back to its place in the queue, for redelivery. */
  requeue(message: StoredMessage): void {
    if (this.bus.queues.get(this.name) !== this) return; // the queue was deleted meanwhile
    this.insert({ ...message, redelivered: true });
  }

  addConsumer(consumer: Consumer): void {
    this.consumers.push(consumer);
    this.hadConsumer = true;
    this.scheduleDispatch();
  }

  removeConsumer(consumer: Consumer): void {
    const index = this.consumers.indexOf(consumer);
    if (index >= 0) this.consumers.splice(index, 1);
    if (this.settings.autoDelete && this.hadConsumer && !this.consumers.length)
      this.bus.deleteQueue(this.name);
  }

  /** Takes the next message that has not expired (expired ones are dead-lettered). */
  take(): StoredMessage | undefined {
    this.expire();
    return this.ready.shift();
  }

  scheduleDispatch(): void {
    if (this.dispatchScheduled || !this.consumers.length) return;
    this.dispatchScheduled = true;
    setImmediate(() => {
      this.dispatchScheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.ready.length && this.consumers.length) {
      const consumer = this.nextWithCapacity();
      if (!consumer) return;
      const message = this.take();
      if (!message) return;
      consumer.channel.deliver(consumer, message);
    }
  }

  private nextWithCapacity(): Consumer | undefined {
    for (let tried = 0; tried < this.consumers.length; tried++) {
      const consumer = this.consumers[this.nextConsumer++ % this.consumers.length]!;
      if (consumer.noAck || !consumer.prefetch || consumer.inFlight < consumer.prefetch)
        return consumer;
    }
    return undefined;
  }

  /** Dead-letters what has expired at the head of the queue (where RabbitMQ expires it). */
  expire(now = Date.now()): void {
    while (this.ready.length && (this.ready[0]!.expiresAt ?? Infinity) <= now) {
      const message = this.ready.shift()!;
      this.deadLetter(message, 'expired');
    }
    this.scheduleExpiry();
  }

  private scheduleExpiry(): void {
    const head = this.ready[0];
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    if (!head || head.expiresAt === null || this.bus.closed) return;
    this.expiryTimer = setTimeout(() => this.expire(), Math.max(0, head.expiresAt - Date.now()));
    this.expiryTimer.unref();
  }

  /**
   * Through the queue's dead-letter exchange, with an `x-death` header as RabbitMQ adds;
   * dropped when the queue has none. The copy is routed before the original is removed.
   */
  deadLetter(message: StoredMessage, reason: 'expired' | 'rejected'): void {
    const exchange = this.settings.deadLetterExchange;
    if (exchange !== null) {
      const headers = { ...(message.properties.headers as Headers | undefined) };
      const deaths = Array.isArray(headers['x-death']) ? (headers['x-death'] as Headers[]) : [];
      const previous = deaths.find((d) => d['queue'] === this.name && d['reason'] === reason);
      headers['x-death'] = [
        {
          count: Number(previous?.['count'] ?? 0) + 1,
          reason,
          queue: this.name,
          time: Math.floor(Date.now() / 1000),
          exchange: message.exchange,
          'routing-keys': [message.routingKey],
        },
        ...deaths.filter((d) => d !== previous),
      ];
      const { expiration: _expiration, ...properties } = message.properties;
      try {
        this.bus.route(
          exchange,
          this.settings.deadLetterRoutingKey ?? message.routingKey,
          message.content,
          { ...properties, headers },
        );
      } catch {
        // A dead-letter exchange that does not exist: RabbitMQ drops the message too.
      }
    }
    this.bus.removed(this, message);
  }

  stop(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
  }
}
