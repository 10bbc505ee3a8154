import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type {
  ConsumeMessage,
  GetMessage,
  Message,
  MessageProperties,
  Options,
  Replies,
} from 'amqplib';
import { BusError } from './busError.ts';
import type { BusConfirmChannel } from './busModel.ts';
import type { Consumer, ConsumerChannel, MemoryQueue, QueueSettings } from './memoryQueue.ts';
import { queueSettings } from './memoryQueue.ts';
import type { StoredMessage } from './storedMessage.ts';
import { asDelivered, messageProperties } from './storedMessage.ts';
import { UnackedDeliveries } from './unackedDeliveries.ts';
import type { Settlement } from './unackedDeliveries.ts';

/**
 * The bus (MemoryBusServer) as its channels use it: declared here, rather than the server
 * imported, because the server holds the connections that hold the channels.
 */
export interface ChannelServer {
  declareExchange(name: string, type: string, durable: boolean): void;
  declareQueue(name: string, settings: QueueSettings): MemoryQueue;
  /** The queue of that name; a BusError (404) when there is none. */
  queue(name: string): MemoryQueue;
  bind(queueName: string, exchangeName: string, pattern: string): void;
  deleteQueue(name: string): number;
  deleteExchange(name: string): void;
  route(
    exchangeName: string,
    routingKey: string,
    content: Buffer,
    properties: Partial<MessageProperties>,
  ): void;
  removed(queue: MemoryQueue, message: StoredMessage): void;
  /** Resolves once every change so far is in the journal. */
  sync(): Promise<void>;
}

/** The connection a channel is on (MemoryConnection), as the channel uses it. */
export interface ChannelConnection {
  readonly bus: ChannelServer;
  /** The user it authenticated as, that `userId` properties are checked against. */
  readonly user: string;
  /** Its open channels: a channel leaves when it closes. */
  readonly channels: Set<MemoryChannel>;
}

/**
 * A channel on the in-process bus (every channel confirms; see BusConfirmChannel). It ends
 * in one of three ways: `close()`, asked for by its user; `closeWithConnection()`, when its
 * connection ends (however it ends: like amqplib's, the channel closes without an error of
 * its own); or a channel error (`closeWithError`), which closes it on the next turn with
 * `error` then `close`, as a broker's asynchronous channel.close does. Every way requeues
 * what it holds unacknowledged.
 */
export class MemoryChannel extends EventEmitter implements BusConfirmChannel, ConsumerChannel {
  private readonly unacked = new UnackedDeliveries();
  private readonly consumers = new Map<string, Consumer>();
  private prefetchCount = 0;
  /** Undefined while open; then the error that closed it, or null. */
  private closedBy: BusError | null | undefined = undefined;

  constructor(private readonly connection: ChannelConnection) {
    super();
  }

  private get bus(): ChannelServer {
    return this.connection.bus;
  }

  /** Runs a channel operation: an error closes the channel, as a broker's channel error does. */
  private operate<T>(operation: () => T): Promise<T> {
    if (this.closedBy !== undefined) return Promise.reject(new BusError(504, 'Channel closed'));
    try {
      return Promise.resolve(operation());
    } catch (error) {
      if (error instanceof BusError) this.closeWithError(error);
      return Promise.reject(error as Error);
    }
  }

  async close(): Promise<void> {
    this.teardown(null);
  }

  /** Its connection ended: called by the connection, before it emits its own `close`. */
  closeWithConnection(): void {
    this.teardown(null);
  }

  /** A channel error: the channel closes on the next turn, as a broker closes it. */
  private closeWithError(error: BusError): void {
    setImmediate(() => {
      this.teardown(error);
    });
  }

  /** Requeues what it holds, forgets its consumers, and emits `close` (after `error`). */
  private teardown(error: BusError | null): void {
    if (this.closedBy !== undefined) return;
    this.closedBy = error;
    for (const consumer of this.consumers.values()) consumer.queue.removeConsumer(consumer);
    this.consumers.clear();
    this.unacked.settleAll('requeue');
    this.connection.channels.delete(this);
    if (error && this.listenerCount('error')) this.emit('error', error);
    this.emit('close');
  }

  assertExchange(
    exchange: string,
    type: 'topic',
    options: Options.AssertExchange = {},
  ): Promise<Replies.AssertExchange> {
    return this.operate(() => {
      this.bus.declareExchange(exchange, type, options.durable ?? true);
      return { exchange };
    });
  }

  assertQueue(queue = '', options: Options.AssertQueue = {}): Promise<Replies.AssertQueue> {
    return this.operate(() => {
      const name = queue || `amq.gen-${randomUUID()}`;
      const declared = this.bus.declareQueue(name, queueSettings(options, this.connection));
      return {
        queue: name,
        messageCount: declared.ready.length,
        consumerCount: declared.consumers.length,
      };
    });
  }

  checkQueue(queue: string): Promise<Replies.AssertQueue> {
    return this.operate(() => {
      const found = this.bus.queue(queue);
      found.expire();
      return { queue, messageCount: found.ready.length, consumerCount: found.consumers.length };
    });
  }

  bindQueue(queue: string, source: string, pattern: string): Promise<Replies.Empty> {
    return this.operate(() => {
      this.bus.bind(queue, source, pattern);
      return {};
    });
  }

  deleteQueue(queue: string): Promise<Replies.DeleteQueue> {
    return this.operate(() => ({ messageCount: this.bus.deleteQueue(queue) }));
  }

  deleteExchange(exchange: string): Promise<Replies.Empty> {
    return this.operate(() => {
      this.bus.deleteExchange(exchange);
      return {};
    });
  }

  publish(
    exchange: string,
    routingKey: string,
    content: Buffer,
    options: Options.Publish = {},
  ): boolean {
    if (this.closedBy !== undefined) throw new BusError(504, 'Channel closed');
    try {
      // As RabbitMQ validates it: a message says it is from its connection's user, or nobody.
      if (options.userId !== undefined && options.userId !== this.connection.user)
        throw new BusError(
          406,
          `PRECONDITION_FAILED - user_id property set to '${options.userId}' but authenticated user was '${this.connection.user}'`,
        );
      this.bus.route(exchange, routingKey, Buffer.from(content), messageProperties(options));
    } catch (error) {
      // Asynchronous on a real broker too: the channel closes, and confirms fail.
      if (error instanceof BusError) this.closeWithError(error);
      else throw error;
    }
    return true;
  }

  async waitForConfirms(): Promise<void> {
    if (this.closedBy !== undefined) throw new BusError(504, 'Channel closed');
    await this.bus.sync();
    // A publish that failed closes the channel on the next turn.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.closedBy) throw this.closedBy;
  }

  consume(
    queue: string,
    onMessage: (message: ConsumeMessage | null) => void,
    options: Options.Consume = {},
  ): Promise<Replies.Consume> {
    return this.operate(() => {
      const found = this.bus.queue(queue);
      const tag = options.consumerTag ?? `amq.ctag-${randomUUID()}`;
      const consumer: Consumer = {
        tag,
        channel: this,
        queue: found,
        onMessage,
        noAck: options.noAck ?? false,
        prefetch: this.prefetchCount,
        inFlight: 0,
      };
      this.consumers.set(tag, consumer);
      found.addConsumer(consumer);
      return { consumerTag: tag };
    });
  }

  cancel(consumerTag: string): Promise<Replies.Cancel> {
    return this.operate(() => {
      const consumer = this.consumers.get(consumerTag);
      if (consumer) {
        this.consumers.delete(consumerTag);
        consumer.queue.removeConsumer(consumer);
      }
      return { consumerTag };
    });
  }

  /** The queue was deleted under the consumer: it gets `null`, as amqplib gives it. */
  cancelledByBus(consumer: Consumer): void {
    this.consumers.delete(consumer.tag);
    consumer.onMessage(null);
  }

  get(queue: string): Promise<GetMessage | false> {
    return this.operate(() => {
      const found = this.bus.queue(queue);
      const message = found.take();
      if (!message) return false as const;
      const delivered = asDelivered(message, this.unacked.hold(found, message, null));
      return { ...delivered, fields: { ...delivered.fields, messageCount: found.ready.length } };
    });
  }

  deliver(consumer: Consumer, message: StoredMessage): void {
    const deliveryTag = consumer.noAck
      ? this.unacked.nextTag()
      : this.unacked.hold(consumer.queue, message, consumer);
    if (consumer.noAck) this.bus.removed(consumer.queue, message);
    const delivered = asDelivered(message, deliveryTag);
    consumer.onMessage({
      ...delivered,
      fields: { ...delivered.fields, consumerTag: consumer.tag },
    });
  }

  /** What this channel holds unacknowledged from a queue (for a compacted journal). */
  unackedFrom(queue: MemoryQueue): StoredMessage[] {
    return this.unacked.messagesFrom(queue);
  }

  private settle(deliveryTag: number, outcome: Settlement): void {
    if (!this.unacked.settle(deliveryTag, outcome))
      this.closeWithError(
        new BusError(406, `PRECONDITION_FAILED - unknown delivery tag ${deliveryTag}`),
      );
  }

  private upTo(message: Message, allUpTo: boolean): number[] {
    const tag = message.fields.deliveryTag;
    return allUpTo ? this.unacked.tagsUpTo(tag) : [tag];
  }

  ack(message: Message, allUpTo = false): void {
    if (this.closedBy !== undefined) return;
    for (const tag of this.upTo(message, allUpTo)) this.settle(tag, 'ack');
  }

  nack(message: Message, allUpTo = false, requeue = true): void {
    if (this.closedBy !== undefined) return;
    for (const tag of this.upTo(message, allUpTo)) this.settle(tag, requeue ? 'requeue' : 'reject');
  }

  nackAll(requeue = true): void {
    if (this.closedBy !== undefined) return;
    this.unacked.settleAll(requeue ? 'requeue' : 'reject');
  }

  prefetch(count: number): Promise<Replies.Empty> {
    return this.operate(() => {
      this.prefetchCount = count;
      return {};
    });
  }
}
