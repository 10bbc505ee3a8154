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
import type { BusConfirmChannel, BusModel } from './busModel.ts';
import { Journal } from './journal.ts';

/*
 * The in-process event bus: the part of RabbitMQ CineGraph uses, for a process that runs
 * without one (embedded mode). Same semantics as far as the events package can tell:
 * topic and default exchanges; durable queues; per-queue message TTL with dead-lettering
 * (the retry queues); consumers with prefetch, acknowledgements and requeueing (a closed
 * channel's unacknowledged deliveries go back, in order, marked redelivered); basic.get;
 * confirms; exclusive server-named queues. Persistent messages in durable queues, and the
 * durable topology, are kept in a journal file when the URL names one, and confirmed only
 * once written there, so they survive a restart of the process.
 *
 * `memory://<name>[?journal=<file>]`: every connection in a process naming the same bus
 * shares it, as processes share a RabbitMQ.
 */

type Headers = Record<string, unknown>;

interface StoredMessage {
  /** Arrival order: a requeued message goes back to its place. */
  seq: number;
  exchange: string;
  routingKey: string;
  content: Buffer;
  properties: Partial<MessageProperties>;
  persistent: boolean;
  expiresAt: number | null;
  redelivered: boolean;
}

type JournalRecord =
  | { t: 'exchange'; name: string; type: string }
  | { t: 'queue'; name: string; arguments: Headers }
  | { t: 'bind'; queue: string; exchange: string; pattern: string }
  | { t: 'delete-queue'; name: string }
  | { t: 'delete-exchange'; name: string }
  | {
      t: 'message';
      queue: string;
      seq: number;
      exchange: string;
      routingKey: string;
      body: string;
      properties: Partial<MessageProperties>;
      expiresAt: number | null;
    }
  | { t: 'remove'; queue: string; seq: number };

/** Compact the journal when it holds this many records more than the live state needs. */
const COMPACT_AFTER_RECORDS = 20_000;

export class BusError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'BusError';
  }
}

interface Binding {
  queue: string;
  pattern: string;
  matches: (routingKey: string) => boolean;
}

interface Exchange {
  name: string;
  type: string;
  durable: boolean;
  bindings: Binding[];
}

interface Consumer {
  tag: string;
  channel: MemoryChannel;
  queue: Queue;
  onMessage: (message: ConsumeMessage | null) => void;
  noAck: boolean;
  prefetch: number;
  inFlight: number;
}

interface QueueSettings {
  durable: boolean;
  exclusiveOwner: MemoryConnection | null;
  autoDelete: boolean;
  ttlMs: number | null;
  deadLetterExchange: string | null;
  deadLetterRoutingKey: string | null;
  /** The declared arguments, to refuse a redeclaration that differs (as RabbitMQ does). */
  arguments: Headers;
}

class Queue {
  readonly ready: StoredMessage[] = [];
  readonly consumers: Consumer[] = [];
  unacked = 0;
  private nextConsumer = 0;
  private dispatchScheduled = false;
  private expiryTimer: NodeJS.Timeout | null = null;
  private hadConsumer = false;

  constructor(
    readonly bus: MemoryBusServer,
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
      this.bus.deadLetter(this, message, 'expired');
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

  stop(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
  }
}

function topicMatcher(pattern: string): (routingKey: string) => boolean {
  const words = pattern.split('.');
  const match = (p: number, keyWords: string[], k: number): boolean => {
    if (p === words.length) return k === keyWords.length;
    const word = words[p]!;
    if (word === '#') {
      for (let skip = k; skip <= keyWords.length; skip++)
        if (match(p + 1, keyWords, skip)) return true;
      return false;
    }
    if (k === keyWords.length) return false;
    return (word === '*' || word === keyWords[k]) && match(p + 1, keyWords, k + 1);
  };
  return (routingKey) => match(0, routingKey.split('.'), 0);
}

function queueSettings(
  options: Options.AssertQueue,
  owner: MemoryConnection | null,
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

const sameArguments = (a: Headers, b: Headers) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** One in-process bus: its exchanges, queues and (when it has one) journal. */
export class MemoryBusServer {
  readonly exchanges = new Map<string, Exchange>();
  readonly queues = new Map<string, Queue>();
  readonly connections = new Set<MemoryConnection>();
  closed = false;
  private seq = 0;

  constructor(
    readonly name: string,
    private journal: Journal<JournalRecord> | null,
  ) {}

  static async open(name: string, journalFile: string | null): Promise<MemoryBusServer> {
    if (!journalFile) return new MemoryBusServer(name, null);
    const { journal, records } = await Journal.open<JournalRecord>(journalFile);
    const server = new MemoryBusServer(name, journal);
    server.replay(records);
    journal.rewrite(server.snapshot());
    await journal.sync();
    return server;
  }

  private record(record: JournalRecord): void {
    if (!this.journal) return;
    this.journal.append(record);
    if (this.journal.appendedSinceRewrite > COMPACT_AFTER_RECORDS) this.compactSoon();
  }

  private compactScheduled = false;
  private compactSoon(): void {
    if (this.compactScheduled) return;
    this.compactScheduled = true;
    setImmediate(() => {
      this.compactScheduled = false;
      if (!this.closed) this.journal?.rewrite(this.snapshot());
    });
  }

  /** Resolves once every change so far is in the journal (at once without one). */
  sync(): Promise<void> {
    return this.journal ? this.journal.sync() : Promise.resolve();
  }

  declareExchange(name: string, type: string, durable: boolean): void {
    if (!name) throw new BusError(403, 'ACCESS_REFUSED - the default exchange cannot be declared');
    const existing = this.exchanges.get(name);
    if (existing) {
      if (existing.type !== type || existing.durable !== durable)
        throw new BusError(
          406,
          `PRECONDITION_FAILED - inequivalent arg 'type' or 'durable' for exchange '${name}'`,
        );
      return;
    }
    this.exchanges.set(name, { name, type, durable, bindings: [] });
    if (durable) this.record({ t: 'exchange', name, type });
  }

  declareQueue(name: string, settings: QueueSettings): Queue {
    const existing = this.queues.get(name);
    if (existing) {
      if (
        existing.settings.durable !== settings.durable ||
        !sameArguments(existing.settings.arguments, settings.arguments)
      )
        throw new BusError(406, `PRECONDITION_FAILED - inequivalent arguments for queue '${name}'`);
      if (
        existing.settings.exclusiveOwner &&
        existing.settings.exclusiveOwner !== settings.exclusiveOwner
      )
        throw new BusError(
          405,
          `RESOURCE_LOCKED - queue '${name}' is exclusive to another connection`,
        );
      return existing;
    }
    const queue = new Queue(this, name, settings);
    this.queues.set(name, queue);
    if (queue.journaled) this.record({ t: 'queue', name, arguments: settings.arguments });
    return queue;
  }

  queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new BusError(404, `NOT_FOUND - no queue '${name}'`);
    return queue;
  }

  bind(queueName: string, exchangeName: string, pattern: string): void {
    const queue = this.queue(queueName);
    const exchange = this.exchanges.get(exchangeName);
    if (!exchange) throw new BusError(404, `NOT_FOUND - no exchange '${exchangeName}'`);
    if (exchange.bindings.some((b) => b.queue === queueName && b.pattern === pattern)) return;
    const matches =
      exchange.type === 'topic' ? topicMatcher(pattern) : (key: string) => key === pattern;
    exchange.bindings.push({ queue: queueName, pattern, matches });
    if (queue.journaled && exchange.durable)
      this.record({ t: 'bind', queue: queueName, exchange: exchangeName, pattern });
  }

  deleteQueue(name: string): number {
    const queue = this.queues.get(name);
    if (!queue) return 0;
    this.queues.delete(name);
    queue.stop();
    for (const exchange of this.exchanges.values())
      exchange.bindings = exchange.bindings.filter((b) => b.queue !== name);
    // Its consumers are told, as RabbitMQ does with a basic.cancel.
    for (const consumer of [...queue.consumers]) consumer.channel.cancelledByBus(consumer);
    if (queue.journaled) this.record({ t: 'delete-queue', name });
    return queue.ready.length;
  }

  deleteExchange(name: string): void {
    const exchange = this.exchanges.get(name);
    if (!exchange) return;
    this.exchanges.delete(name);
    if (exchange.durable) this.record({ t: 'delete-exchange', name });
  }

  /**
   * Routes a message: through the default exchange ('') to the queue of that name, or
   * through a named exchange to every queue bound to a matching pattern. Unroutable
   * messages are dropped (RabbitMQ without `mandatory`).
   */
  route(
    exchangeName: string,
    routingKey: string,
    content: Buffer,
    properties: Partial<MessageProperties>,
  ): void {
    const targets = new Set<string>();
    if (exchangeName === '') targets.add(routingKey);
    else {
      const exchange = this.exchanges.get(exchangeName);
      if (!exchange) throw new BusError(404, `NOT_FOUND - no exchange '${exchangeName}'`);
      for (const binding of exchange.bindings)
        if (binding.matches(routingKey)) targets.add(binding.queue);
    }
    const persistent = properties.deliveryMode === 2;
    for (const name of targets) {
      const queue = this.queues.get(name);
      if (!queue) continue;
      const message: StoredMessage = {
        seq: ++this.seq,
        exchange: exchangeName,
        routingKey,
        content,
        properties,
        persistent,
        expiresAt: queue.settings.ttlMs === null ? null : Date.now() + queue.settings.ttlMs,
        redelivered: false,
      };
      if (persistent && queue.journaled)
        this.record({
          t: 'message',
          queue: name,
          seq: message.seq,
          exchange: exchangeName,
          routingKey,
          body: content.toString('base64'),
          properties,
          expiresAt: message.expiresAt,
        });
      queue.insert(message);
    }
  }

  /** The message has left its queue for good (acknowledged, expired or rejected). */
  removed(queue: Queue, message: StoredMessage): void {
    if (message.persistent && queue.journaled && this.queues.get(queue.name) === queue)
      this.record({ t: 'remove', queue: queue.name, seq: message.seq });
  }

  /** Back to its place in the queue, for redelivery. */
  requeue(queue: Queue, message: StoredMessage): void {
    if (this.queues.get(queue.name) !== queue) return; // the queue was deleted meanwhile
    queue.insert({ ...message, redelivered: true });
  }

  /**
   * Through the queue's dead-letter exchange, with an `x-death` header as RabbitMQ adds;
   * dropped when the queue has none. The copy is routed before the original is removed.
   */
  deadLetter(queue: Queue, message: StoredMessage, reason: 'expired' | 'rejected'): void {
    const exchange = queue.settings.deadLetterExchange;
    if (exchange !== null) {
      const headers = { ...(message.properties.headers as Headers | undefined) };
      const deaths = Array.isArray(headers['x-death']) ? (headers['x-death'] as Headers[]) : [];
      const previous = deaths.find((d) => d['queue'] === queue.name && d['reason'] === reason);
      headers['x-death'] = [
        {
          count: Number(previous?.['count'] ?? 0) + 1,
          reason,
          queue: queue.name,
          time: Math.floor(Date.now() / 1000),
          exchange: message.exchange,
          'routing-keys': [message.routingKey],
        },
        ...deaths.filter((d) => d !== previous),
      ];
      const { expiration: _expiration, ...properties } = message.properties;
      try {
        this.route(
          exchange,
          queue.settings.deadLetterRoutingKey ?? message.routingKey,
          message.content,
          { ...properties, headers },
        );
      } catch {
        // A dead-letter exchange that does not exist: RabbitMQ drops the message too.
      }
    }
    this.removed(queue, message);
  }

  /** The state as journal records, for a compacted journal. */
  private snapshot(): JournalRecord[] {
    const records: JournalRecord[] = [];
    for (const exchange of this.exchanges.values())
      if (exchange.durable)
        records.push({ t: 'exchange', name: exchange.name, type: exchange.type });
    const messages: (JournalRecord & { t: 'message' })[] = [];
    for (const queue of this.queues.values()) {
      if (!queue.journaled) continue;
      records.push({ t: 'queue', name: queue.name, arguments: queue.settings.arguments });
      for (const message of [...queue.ready, ...this.unackedOf(queue)])
        if (message.persistent)
          messages.push({
            t: 'message',
            queue: queue.name,
            seq: message.seq,
            exchange: message.exchange,
            routingKey: message.routingKey,
            body: message.content.toString('base64'),
            properties: message.properties,
            expiresAt: message.expiresAt,
          });
    }
    for (const exchange of this.exchanges.values()) {
      if (!exchange.durable) continue;
      for (const binding of exchange.bindings)
        if (this.queues.get(binding.queue)?.journaled)
          records.push({
            t: 'bind',
            queue: binding.queue,
            exchange: exchange.name,
            pattern: binding.pattern,
          });
    }
    messages.sort((a, b) => a.seq - b.seq);
    return [...records, ...messages];
  }

  private unackedOf(queue: Queue): StoredMessage[] {
    const held: StoredMessage[] = [];
    for (const connection of this.connections)
      for (const channel of connection.channels) held.push(...channel.heldFrom(queue));
    return held;
  }

  private replay(records: JournalRecord[]): void {
    const live = new Map<string, Map<number, JournalRecord & { t: 'message' }>>();
    const journal = this.journal;
    // Rebuild without writing: the journal is rewritten from the result.
    this.journal = null;
    for (const record of records) {
      switch (record.t) {
        case 'exchange':
          if (!this.exchanges.has(record.name))
            this.declareExchange(record.name, record.type, true);
          break;
        case 'queue':
          this.queues.delete(record.name);
          this.declareQueue(
            record.name,
            queueSettings({ durable: true, arguments: record.arguments }, null),
          );
          live.set(record.name, new Map());
          break;
        case 'bind':
          if (this.queues.has(record.queue) && this.exchanges.has(record.exchange))
            this.bind(record.queue, record.exchange, record.pattern);
          break;
        case 'delete-queue':
          this.deleteQueue(record.name);
          live.delete(record.name);
          break;
        case 'delete-exchange':
          this.deleteExchange(record.name);
          break;
        case 'message':
          live.get(record.queue)?.set(record.seq, record);
          break;
        case 'remove':
          live.get(record.queue)?.delete(record.seq);
          break;
      }
    }
    const messages = [...live.values()].flatMap((byId) => [...byId.values()]);
    messages.sort((a, b) => a.seq - b.seq);
    for (const record of messages) {
      const queue = this.queues.get(record.queue);
      if (!queue) continue;
      this.seq = Math.max(this.seq, record.seq);
      queue.ready.push({
        seq: record.seq,
        exchange: record.exchange,
        routingKey: record.routingKey,
        content: Buffer.from(record.body, 'base64'),
        properties: record.properties,
        persistent: true,
        expiresAt: record.expiresAt,
        // It may have been delivered before the restart, without an acknowledgement.
        redelivered: true,
      });
    }
    this.journal = journal;
    // Due expiries run once the bus is in use (timers are set by the first insert/expire).
    for (const queue of this.queues.values()) if (queue.ready.length) queue.expire();
  }

  /** Closes every connection as a broker shutting down would, then the journal. */
  async close(): Promise<void> {
    for (const connection of [...this.connections])
      connection.drop(new BusError(320, 'CONNECTION_FORCED - the bus is shutting down'));
    this.closed = true;
    for (const queue of this.queues.values()) queue.stop();
    await this.journal?.close();
  }

  /**
   * Closes the connections with this name as a network failure would (their unacknowledged
   * deliveries are requeued); a recovering connection reconnects. For tests.
   */
  dropConnections(connectionName: string): number {
    let dropped = 0;
    for (const connection of [...this.connections])
      if (connection.name === connectionName) {
        connection.drop(new BusError(320, 'CONNECTION_FORCED - dropped'));
        dropped++;
      }
    return dropped;
  }

  /** A connection authenticated as `user` (the user `user_id` properties are checked against). */
  connect(connectionName: string, user = connectionName): MemoryConnection {
    if (this.closed) throw new BusError(320, `the bus ${this.name} is closed`);
    const connection = new MemoryConnection(this, connectionName, user);
    this.connections.add(connection);
    return connection;
  }

  newSettings(options: Options.AssertQueue, owner: MemoryConnection): QueueSettings {
    return queueSettings(options, owner);
  }
}

/** A connection to an in-process bus, shaped as amqplib's ChannelModel (BusModel). */
export class MemoryConnection extends EventEmitter implements BusModel {
  readonly channels = new Set<MemoryChannel>();
  private open = true;

  constructor(
    readonly bus: MemoryBusServer,
    readonly name: string,
    readonly user: string,
  ) {
    super();
  }

  async createChannel(): Promise<MemoryChannel> {
    return this.newChannel();
  }

  async createConfirmChannel(): Promise<MemoryChannel> {
    return this.newChannel();
  }

  private newChannel(): MemoryChannel {
    if (!this.open) throw new BusError(504, 'the connection is closed');
    const channel = new MemoryChannel(this);
    this.channels.add(channel);
    return channel;
  }

  async close(): Promise<void> {
    this.shut();
    this.emit('close');
  }

  /** Lost, not closed: `close` is emitted with the error. */
  drop(error: Error): void {
    if (!this.open) return;
    this.shut();
    this.emit('error', error);
    this.emit('close', error);
  }

  private shut(): void {
    if (!this.open) return;
    this.open = false;
    for (const channel of [...this.channels]) channel.shut(null);
    for (const queue of [...this.bus.queues.values()])
      if (queue.settings.exclusiveOwner === this) this.bus.deleteQueue(queue.name);
    this.bus.connections.delete(this);
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    // Like amqplib's, an 'error' nobody listens to is not thrown.
    if (event === 'error' && !this.listenerCount('error')) return false;
    return super.emit(event, ...args);
  }
}

interface Held {
  queue: Queue;
  message: StoredMessage;
  consumer: Consumer | null;
}

/** A channel on the in-process bus (every channel confirms; see BusConfirmChannel). */
export class MemoryChannel extends EventEmitter implements BusConfirmChannel {
  private readonly held = new Map<number, Held>();
  private readonly consumers = new Map<string, Consumer>();
  private deliveryTag = 0;
  private prefetchCount = 0;
  private closedBy: Error | null | undefined = undefined;

  constructor(private readonly connection: MemoryConnection) {
    super();
  }

  private get bus(): MemoryBusServer {
    return this.connection.bus;
  }

  /** Runs a channel operation: an error closes the channel, as a broker's channel error does. */
  private operate<T>(operation: () => T): Promise<T> {
    if (this.closedBy !== undefined) return Promise.reject(new BusError(504, 'Channel closed'));
    try {
      return Promise.resolve(operation());
    } catch (error) {
      if (error instanceof BusError) this.fail(error);
      return Promise.reject(error as Error);
    }
  }

  private fail(error: BusError): void {
    setImmediate(() => {
      this.shut(error);
    });
  }

  async close(): Promise<void> {
    if (this.closedBy !== undefined) return;
    this.shut(null);
  }

  /** Requeues what it holds, forgets its consumers, and emits `close` (after `error`). */
  shut(error: Error | null): void {
    if (this.closedBy !== undefined) return;
    this.closedBy = error;
    for (const consumer of this.consumers.values()) consumer.queue.removeConsumer(consumer);
    this.consumers.clear();
    this.requeue([...this.held.keys()]);
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
      const declared = this.bus.declareQueue(name, this.bus.newSettings(options, this.connection));
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
      if (error instanceof BusError) this.fail(error);
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
      const delivered = asDelivered(message, this.hold(found, message, null));
      return { ...delivered, fields: { ...delivered.fields, messageCount: found.ready.length } };
    });
  }

  deliver(consumer: Consumer, message: StoredMessage): void {
    const deliveryTag = consumer.noAck
      ? ++this.deliveryTag
      : this.hold(consumer.queue, message, consumer);
    if (consumer.noAck) this.bus.removed(consumer.queue, message);
    const delivered = asDelivered(message, deliveryTag);
    consumer.onMessage({
      ...delivered,
      fields: { ...delivered.fields, consumerTag: consumer.tag },
    });
  }

  private hold(queue: Queue, message: StoredMessage, consumer: Consumer | null): number {
    const deliveryTag = ++this.deliveryTag;
    this.held.set(deliveryTag, { queue, message, consumer });
    queue.unacked++;
    if (consumer) consumer.inFlight++;
    return deliveryTag;
  }

  /** What this channel holds unacknowledged from a queue (for a compacted journal). */
  heldFrom(queue: Queue): StoredMessage[] {
    return [...this.held.values()].filter((h) => h.queue === queue).map((h) => h.message);
  }

  private settle(deliveryTag: number, outcome: 'ack' | 'requeue' | 'reject'): void {
    const held = this.held.get(deliveryTag);
    if (!held) {
      this.fail(new BusError(406, `PRECONDITION_FAILED - unknown delivery tag ${deliveryTag}`));
      return;
    }
    this.held.delete(deliveryTag);
    held.queue.unacked--;
    if (held.consumer) held.consumer.inFlight--;
    if (outcome === 'ack') this.bus.removed(held.queue, held.message);
    else if (outcome === 'requeue') this.bus.requeue(held.queue, held.message);
    else this.bus.deadLetter(held.queue, held.message, 'rejected');
    held.queue.scheduleDispatch();
  }

  private requeue(deliveryTags: number[]): void {
    for (const tag of deliveryTags.sort((a, b) => a - b)) this.settle(tag, 'requeue');
  }

  private upTo(message: Message, allUpTo: boolean): number[] {
    const tag = message.fields.deliveryTag;
    return allUpTo ? [...this.held.keys()].filter((t) => t <= tag) : [tag];
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
    for (const tag of [...this.held.keys()].sort((a, b) => a - b))
      this.settle(tag, requeue ? 'requeue' : 'reject');
  }

  prefetch(count: number): Promise<Replies.Empty> {
    return this.operate(() => {
      this.prefetchCount = count;
      return {};
    });
  }
}

/** A stored message as amqplib hands it over, before the fields of `get` or `consume`. */
function asDelivered(message: StoredMessage, deliveryTag: number) {
  return {
    content: message.content,
    fields: {
      deliveryTag,
      redelivered: message.redelivered,
      exchange: message.exchange,
      routingKey: message.routingKey,
    },
    properties: message.properties as MessageProperties,
  };
}

/** Publish options as the properties a consumer sees (amqplib's names). */
function messageProperties(options: Options.Publish): Partial<MessageProperties> {
  const properties: Partial<MessageProperties> = {
    headers: { ...(options.headers as Headers | undefined) },
    deliveryMode:
      options.persistent || options.deliveryMode === 2 || options.deliveryMode === true ? 2 : 1,
  };
  if (options.contentType !== undefined) properties.contentType = options.contentType;
  if (options.contentEncoding !== undefined) properties.contentEncoding = options.contentEncoding;
  if (options.messageId !== undefined) properties.messageId = options.messageId;
  if (options.type !== undefined) properties.type = options.type;
  if (options.timestamp !== undefined) properties.timestamp = options.timestamp;
  if (options.correlationId !== undefined) properties.correlationId = options.correlationId;
  if (options.appId !== undefined) properties.appId = options.appId;
  if (options.userId !== undefined) properties.userId = options.userId;
  return properties;
}

interface Shared {
  server: MemoryBusServer;
  journalFile: string | null;
  users: number;
}

const buses = new Map<string, Promise<Shared>>();

function parseBusUrl(url: string): { name: string; journalFile: string | null } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'memory:') throw new Error(`not an in-process bus URL: ${url}`);
  const name = decodeURIComponent(parsed.host + parsed.pathname) || 'default';
  return { name, journalFile: parsed.searchParams.get('journal') };
}

/**
 * The process's bus of that name, opened (and its journal replayed) on first use. A bus
 * with a journal is closed when its last user releases it; reopening replays the journal.
 * One without lives as long as the process, like a broker that stays up.
 */
export async function acquireMemoryBus(
  url: string,
): Promise<{ server: MemoryBusServer; release: () => Promise<void> }> {
  const { name, journalFile } = parseBusUrl(url);
  let entry = buses.get(name);
  if (!entry) {
    entry = MemoryBusServer.open(name, journalFile).then((server) => ({
      server,
      journalFile,
      users: 0,
    }));
    buses.set(name, entry);
    entry.catch(() => buses.delete(name));
  }
  const shared = await entry;
  if (shared.journalFile !== journalFile)
    throw new Error(`the in-process bus ${name} is open with another journal`);
  shared.users++;
  let released = false;
  return {
    server: shared.server,
    async release() {
      if (released) return;
      released = true;
      if (--shared.users > 0 || !shared.journalFile) return;
      buses.delete(name);
      await shared.server.close();
    },
  };
}

/** Has the named in-process bus drop the connections of that name (see dropConnections). */
export async function dropMemoryBusConnections(
  url: string,
  connectionName: string,
): Promise<number> {
  const entry = buses.get(parseBusUrl(url).name);
  return entry ? (await entry).server.dropConnections(connectionName) : 0;
}
