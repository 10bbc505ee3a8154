import type { MessageProperties } from 'amqplib';
import { Journal } from './journal.ts';
import type { MemoryConnection } from './memoryConnection.ts';
import type { MemoryExchange } from './memoryExchange.ts';
import type { MemoryQueue, QueueSettings } from './memoryQueue.ts';
import { queueSettings } from './memoryQueue.ts';
import type { Headers, StoredMessage } from './storedMessage.ts';

/**
 * The bus (MemoryBusServer) as its journal reads it (to compact) and rebuilds it (to replay):
 * declared here, rather than the server imported, because the server keeps a journal.
 */
export interface JournaledServer {
  readonly closed: boolean;
  readonly exchanges: ReadonlyMap<string, MemoryExchange>;
  readonly queues: Map<string, MemoryQueue>;
  readonly connections: ReadonlySet<MemoryConnection>;
  /** The arrival number of the latest message: replay raises it to the journal's. */
  seq: number;
  declareExchange(name: string, type: string, durable: boolean): void;
  declareQueue(name: string, settings: QueueSettings): MemoryQueue;
  bind(queueName: string, exchangeName: string, pattern: string): void;
  deleteQueue(name: string): number;
  deleteExchange(name: string): void;
}

export type JournalRecord =
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

/**
 * The journal of an in-process bus: its durable topology and the persistent messages of
 * its durable queues, as records. It is replayed on open (`replayJournal`), and compacted
 * (rewritten from the live state) then and whenever it outgrows that state.
 */
export class BusJournal {
  private compactScheduled = false;

  private constructor(
    private readonly journal: Journal<JournalRecord>,
    private readonly bus: JournaledServer,
  ) {}

  /** Opens the journal file of `bus`, and returns it with the records to replay. */
  static async open(
    file: string,
    bus: JournaledServer,
  ): Promise<{ journal: BusJournal; records: JournalRecord[] }> {
    const { journal, records } = await Journal.open<JournalRecord>(file);
    return { journal: new BusJournal(journal, bus), records };
  }

  record(record: JournalRecord): void {
    this.journal.append(record);
    if (this.journal.appendedSinceRewrite > COMPACT_AFTER_RECORDS) this.compactSoon();
  }

  private compactSoon(): void {
    if (this.compactScheduled) return;
    this.compactScheduled = true;
    setImmediate(() => {
      this.compactScheduled = false;
      if (!this.bus.closed) this.journal.rewrite(snapshot(this.bus));
    });
  }

  /** Rewrites the journal as the live state, and resolves once that is on disk. */
  compact(): Promise<void> {
    this.journal.rewrite(snapshot(this.bus));
    return this.journal.sync();
  }

  /** Resolves once every change so far is in the journal. */
  sync(): Promise<void> {
    return this.journal.sync();
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}

/** The state as journal records, for a compacted journal. */
function snapshot(bus: JournaledServer): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const exchange of bus.exchanges.values())
    if (exchange.durable) records.push({ t: 'exchange', name: exchange.name, type: exchange.type });
  const messages: (JournalRecord & { t: 'message' })[] = [];
  for (const queue of bus.queues.values()) {
    if (!queue.journaled) continue;
    records.push({ t: 'queue', name: queue.name, arguments: queue.settings.arguments });
    for (const message of [...queue.ready, ...unackedOf(bus, queue)])
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
  for (const exchange of bus.exchanges.values()) {
    if (!exchange.durable) continue;
    for (const binding of exchange.bindings)
      if (bus.queues.get(binding.queue)?.journaled)
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

/** What the channels of the bus hold unacknowledged from a queue: still the queue's. */
function unackedOf(bus: JournaledServer, queue: MemoryQueue): StoredMessage[] {
  const unacked: StoredMessage[] = [];
  for (const connection of bus.connections)
    for (const channel of connection.channels) unacked.push(...channel.unackedFrom(queue));
  return unacked;
}

/**
 * Rebuilds a bus from its journal's records. The bus must not record meanwhile (it has no
 * journal yet): the journal is rewritten from the result.
 */
export function replayJournal(bus: JournaledServer, records: JournalRecord[]): void {
  const live = new Map<string, Map<number, JournalRecord & { t: 'message' }>>();
  for (const record of records) {
    switch (record.t) {
      case 'exchange':
        if (!bus.exchanges.has(record.name)) bus.declareExchange(record.name, record.type, true);
        break;
      case 'queue':
        bus.queues.delete(record.name);
        bus.declareQueue(
          record.name,
          queueSettings({ durable: true, arguments: record.arguments }, null),
        );
        live.set(record.name, new Map());
        break;
      case 'bind':
        if (bus.queues.has(record.queue) && bus.exchanges.has(record.exchange))
          bus.bind(record.queue, record.exchange, record.pattern);
        break;
      case 'delete-queue':
        bus.deleteQueue(record.name);
        live.delete(record.name);
        break;
      case 'delete-exchange':
        bus.deleteExchange(record.name);
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
    const queue = bus.queues.get(record.queue);
    if (!queue) continue;
    bus.seq = Math.max(bus.seq, record.seq);
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
}
