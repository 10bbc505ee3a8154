import type { MessageProperties } from 'amqplib';
import { BusError } from './busError.ts';
import { BusJournal, replayJournal } from './busJournal.ts';
import type { JournaledServer, JournalRecord } from './busJournal.ts';
import { MemoryConnection } from './memoryConnection.ts';
import type { ConnectionServer } from './memoryConnection.ts';
import { MemoryExchange } from './memoryExchange.ts';
import { MemoryQueue } from './memoryQueue.ts';
import type { QueueServer, QueueSettings } from './memoryQueue.ts';
import type { Headers, StoredMessage } from './storedMessage.ts';

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
 * Its parts: exchanges (memoryExchange.ts), queues with their dispatch, expiry and
 * dead-lettering (memoryQueue.ts), the journal (busJournal.ts), the amqplib-shaped
 * connections and channels (memoryConnection.ts, memoryChannel.ts), and the process's
 * buses by name (memoryBusRegistry.ts).
 */

const sameArguments = (a: Headers, b: Headers) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * One in-process bus: its exchanges, queues and (when it has one) journal. Its parts see it
 * through the narrow interfaces they declare (QueueServer, ConnectionServer and, through
 * it, ChannelServer, JournaledServer), so that none of them imports it.
 */
export class MemoryBusServer implements QueueServer, ConnectionServer, JournaledServer {
  readonly exchanges = new Map<string, MemoryExchange>();
  readonly queues = new Map<string, MemoryQueue>();
  readonly connections = new Set<MemoryConnection>();
  closed = false;
  /** The arrival number of the latest message routed (or replayed from the journal). */
  seq = 0;
  private journal: BusJournal | null = null;

  private constructor(readonly name: string) {}

  static async open(name: string, journalFile: string | null): Promise<MemoryBusServer> {
    const server = new MemoryBusServer(name);
    if (!journalFile) return server;
    const { journal, records } = await BusJournal.open(journalFile, server);
    // Rebuild without writing (the journal is attached after): it is rewritten from the result.
    replayJournal(server, records);
    server.journal = journal;
    // Due expiries run once the bus is in use (timers are set by the first insert/expire).
    for (const queue of server.queues.values()) if (queue.ready.length) queue.expire();
    await journal.compact();
    return server;
  }

  private record(record: JournalRecord): void {
    this.journal?.record(record);
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
    this.exchanges.set(name, new MemoryExchange(name, type, durable));
    if (durable) this.record({ t: 'exchange', name, type });
  }

  declareQueue(name: string, settings: QueueSettings): MemoryQueue {
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
    const queue = new MemoryQueue(this, name, settings);
    this.queues.set(name, queue);
    if (queue.journaled) this.record({ t: 'queue', name, arguments: settings.arguments });
    return queue;
  }

  queue(name: string): MemoryQueue {
    const queue = this.queues.get(name);
    if (!queue) throw new BusError(404, `NOT_FOUND - no queue '${name}'`);
    return queue;
  }

  bind(queueName: string, exchangeName: string, pattern: string): void {
    const queue = this.queue(queueName);
    const exchange = this.exchanges.get(exchangeName);
    if (!exchange) throw new BusError(404, `NOT_FOUND - no exchange '${exchangeName}'`);
    if (!exchange.bind(queueName, pattern)) return;
    if (queue.journaled && exchange.durable)
      this.record({ t: 'bind', queue: queueName, exchange: exchangeName, pattern });
  }

  deleteQueue(name: string): number {
    const queue = this.queues.get(name);
    if (!queue) return 0;
    this.queues.delete(name);
    queue.stop();
    for (const exchange of this.exchanges.values()) exchange.unbindQueue(name);
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
      for (const queue of exchange.queuesMatching(routingKey)) targets.add(queue);
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
  removed(queue: MemoryQueue, message: StoredMessage): void {
    if (message.persistent && queue.journaled && this.queues.get(queue.name) === queue)
      this.record({ t: 'remove', queue: queue.name, seq: message.seq });
  }

  /** Closes every connection as a broker shutting down would, then the journal. */
  async close(): Promise<void> {
    for (const connection of [...this.connections])
      connection.closeWithError(new BusError(320, 'CONNECTION_FORCED - the bus is shutting down'));
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
        connection.closeWithError(new BusError(320, 'CONNECTION_FORCED - dropped'));
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
}
