import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { testEnvironment, useTestDatabase, uniqueId } from '@cinegraph/testing';
import type {
  BrokerConnection,
  EventConsumer,
  EventConsumerOptions,
  EventMetrics,
  OutboxRelay,
  OutboxRelayOptions,
  QueueTopology,
} from '../src/index.ts';
import {
  brokerUserOf,
  connectBroker,
  createEventMetrics,
  deleteQueueTopology,
  dropMemoryBusConnections,
  exchangeName,
  isMemoryBusUrl,
  openBusModel,
  producerIdentity,
  queueTopology,
  startEventConsumer,
  startOutboxRelay,
} from '../src/index.ts';
import type { PgTransaction } from './pgTransactions.ts';
import { pgTransactions } from './pgTransactions.ts';

const run = promisify(execFile);

export const { amqpUrl } = testEnvironment;

/**
 * The two buses every events test runs on (a contract: the same tests, both
 * implementations): RabbitMQ, and the in-process bus with a journal of its own, which is
 * closed whenever no test holds a connection and reopened from its journal.
 */
export function busImplementations(): { name: string; url: string }[] {
  const journalDir = mkdtempSync(path.join(tmpdir(), 'cg_test_bus_'));
  afterAll(() => rmSync(journalDir, { recursive: true, force: true }));
  return [
    { name: 'RabbitMQ', url: amqpUrl },
    {
      name: 'the in-process bus',
      url: `memory://cg_test_${uniqueId()}?journal=${path.join(journalDir, 'bus.journal')}`,
    },
  ];
}

/**
 * Every connection of the harness authenticates as one user (on RabbitMQ the URL's, on
 * the in-process bus this one), and its consumers trust that user: one shared identity.
 */
const HARNESS_USER = 'cg-test';

export const logger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

type ConsumerOptions = Partial<Omit<EventConsumerOptions<PgTransaction>, 'handlers'>> &
  Pick<EventConsumerOptions<PgTransaction>, 'handlers'> & { retryDelaysMs?: number[] };

/**
 * One test file's event backbone: a migrated throwaway database (outbox, processed_events
 * and a `ledger` table), an exchange and queues under a unique prefix on the real broker,
 * and relays/consumers that are all stopped, with their queues deleted, after the file.
 */
export function useEventsHarness(busUrl: string = amqpUrl) {
  const prefix = `cg_test_${uniqueId()}.`;
  const database = useTestDatabase(path.join(import.meta.dirname, 'migrations'));
  const exchange = exchangeName(prefix);
  const topologies: QueueTopology[] = [];
  let pool: pg.Pool;

  beforeAll(() => {
    pool = new pg.Pool({ connectionString: database.url, max: 8 });
  });
  // What a test starts (brokers, relays, consumers, taps) stops when that test finishes,
  // in reverse order (vitest's default `sequence.hooks: 'stack'`).
  const untilTestEnd = (stop: () => Promise<void>) => onTestFinished(stop);
  afterAll(async () => {
    await pool.end();
    const connection = await openBusModel(busUrl, `${prefix}cleanup`, HARNESS_USER);
    const channel = await connection.createChannel();
    for (const topology of topologies) await deleteQueueTopology(channel, topology);
    await channel.deleteExchange(exchange);
    await connection.close();
  });

  const user = brokerUserOf(busUrl, HARNESS_USER);
  const harness = {
    prefix,
    exchange,
    /** The broker user every harness connection sends as. */
    user,
    get databaseUrl() {
      return database.url;
    },
    get pool() {
      return pool;
    },
    transaction: <T>(fn: (tx: PgTransaction) => Promise<T>) => pgTransactions(pool)(fn),
    metrics(): EventMetrics {
      return createEventMetrics(new Registry());
    },
    /** A broker connection named `<prefix><name>` (see dropConnection). */
    async broker(name = 'test'): Promise<BrokerConnection> {
      const broker = await connectBroker({
        url: busUrl,
        name: `${prefix}${name}`,
        user: HARNESS_USER,
        logger,
      });
      untilTestEnd(() => broker.close());
      await broker.waitForConnection();
      return broker;
    },
    async relay(
      broker: BrokerConnection,
      options: Partial<OutboxRelayOptions> = {},
    ): Promise<OutboxRelay> {
      const relay = await startOutboxRelay({
        databaseUrl: database.url,
        broker,
        // The tests publish user.registered through relays.
        producer: 'users',
        prefix,
        // The tests' consumers declare their own queues.
        subscribers: {},
        logger,
        metrics: harness.metrics(),
        pollIntervalMs: 60_000,
        retentionHours: 24,
        ...options,
      });
      untilTestEnd(() => relay.stop());
      return relay;
    },
    topology(service: string, retryDelaysMs = [50, 100, 200]): QueueTopology {
      const topology = queueTopology(prefix, service, retryDelaysMs);
      topologies.push(topology);
      return topology;
    },
    async consumer(
      broker: BrokerConnection,
      service: string,
      options: ConsumerOptions,
    ): Promise<{ consumer: EventConsumer; topology: QueueTopology }> {
      const topology = harness.topology(service, options.retryDelaysMs);
      const consumer = await startEventConsumer<PgTransaction>({
        broker,
        topology,
        transaction: harness.transaction,
        identity: producerIdentity(user),
        prefetch: 8,
        maxAttempts: 3,
        logger,
        metrics: harness.metrics(),
        ...options,
      });
      untilTestEnd(() => consumer.stop());
      return { consumer, topology };
    },
    /**
     * Every message published to the exchange, as the broker routes it: a queue bound to
     * `#` that records each delivery (duplicates included).
     */
    async tap(): Promise<{ messages: { id: string; type: string }[] }> {
      const connection = await openBusModel(busUrl, `${prefix}tap`, HARNESS_USER);
      const channel = await connection.createChannel();
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
      await channel.assertExchange(exchange, 'topic', { durable: true });
      await channel.bindQueue(queue, exchange, '#');
      const tap = { messages: [] as { id: string; type: string }[] };
      await channel.consume(
        queue,
        (message) => {
          if (message)
            tap.messages.push({
              id: String(message.properties.messageId),
              type: String(message.properties.type),
            });
        },
        { noAck: true },
      );
      untilTestEnd(() => connection.close());
      return tap;
    },
    /**
     * Publishes raw bytes to the exchange as a producer outside CineGraph might, sent as
     * `userId` (default: the harness's user, whom its consumers trust).
     */
    async publish(
      routingKey: string,
      body: string | object,
      messageId?: string,
      userId: string | null = user,
    ): Promise<void> {
      const connection = await openBusModel(busUrl, `${prefix}publisher`, HARNESS_USER);
      try {
        const channel = await connection.createConfirmChannel();
        await channel.assertExchange(exchange, 'topic', { durable: true });
        const content = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
        channel.publish(exchange, routingKey, content, {
          persistent: true,
          ...(messageId ? { messageId } : {}),
          ...(userId ? { userId } : {}),
        });
        await channel.waitForConfirms();
      } finally {
        await connection.close();
      }
    },
    /** Opens a confirm channel for the dead-letter tools; closed when the test ends. */
    async adminChannel() {
      const connection = await openBusModel(busUrl, `${prefix}admin`, HARNESS_USER);
      untilTestEnd(() => connection.close());
      return connection.createConfirmChannel();
    },
    /** Has the broker close the named connection, as a network failure or a broker restart would. */
    async dropConnection(name: string): Promise<void> {
      if (isMemoryBusUrl(busUrl)) {
        if (!(await dropMemoryBusConnections(busUrl, `${prefix}${name}`)))
          throw new Error(`no bus connection named ${prefix}${name}`);
        return;
      }
      const { stdout } = await run('rabbitmqctl', [
        'list_connections',
        'pid',
        'client_properties',
        '-q',
      ]);
      const marker = `{"connection_name","${prefix}${name}"}`;
      const pids = stdout
        .split('\n')
        .filter((line) => line.includes(marker))
        .map((line) => line.split('\t')[0]!);
      if (!pids.length) throw new Error(`no broker connection named ${prefix}${name}`);
      for (const pid of pids)
        await run('rabbitmqctl', ['close_connection', pid, 'test drop', '-q']);
    },
    async ledger(source?: string): Promise<string[]> {
      const { rows } = await pool.query<{ note: string }>(
        `SELECT note FROM ledger ${source ? 'WHERE source = $1' : ''} ORDER BY id`,
        source ? [source] : [],
      );
      return rows.map((row) => row.note);
    },
  };
  return harness;
}
