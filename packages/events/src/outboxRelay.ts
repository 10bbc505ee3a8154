import { once } from 'node:events';
import { openDatabase } from '@cinegraph/database';
import { Gauge } from 'prom-client';
import type { Logger } from 'pino';
import { withTimeout } from '@cinegraph/service-kit';
import type { BrokerConnection, ManagedChannel } from './brokerConnection.ts';
import type { BusConfirmChannel } from './bus/busModel.ts';
import type { EventMetrics } from './eventMetrics.ts';
import { OUTBOX_CHANNEL } from './outbox.ts';
import { createSleeper } from './sleeper.ts';
import type { EventType } from './eventSchemas.ts';
import { eventConsumers } from './eventConsumers.ts';
import { assertSubscriberQueues, exchangeName, headers } from './topology.ts';

export interface OutboxRelayOptions {
  databaseUrl: string;
  broker: BrokerConnection;
  /** The publishing service, named in every envelope (`producer`). */
  producer: string;
  /** Names the exchange and the subscribers' queues (see topology.ts). */
  prefix: string;
  /** The queues to declare before publishing (default: every service in eventConsumers.ts). */
  subscribers?: Record<string, readonly EventType[]>;
  logger: Logger;
  metrics: EventMetrics;
  /** The safety-net poll, for a missed NOTIFY (e.g. while the listener reconnects). */
  pollIntervalMs: number;
  retentionHours: number;
  batchSize?: number;
  /** How long to wait for the broker's confirms before giving the batch back. */
  confirmTimeoutMs?: number;
}

export interface OutboxBacklog {
  pending: number;
  /** Age of the oldest unpublished row, 0 when there is none. */
  oldestAgeSeconds: number;
}

export interface OutboxRelay {
  /** Looks for pending rows now. */
  wake(): void;
  backlog(): Promise<OutboxBacklog>;
  /** Finishes the batch in flight and stops. */
  stop(): Promise<void>;
}

interface OutboxRow {
  id: string;
  type: string;
  data: unknown;
  occurred_at: Date;
  traceparent: string | null;
}

const MAX_BACKOFF_MS = 30_000;
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Publishes the outbox to the events exchange: claims a batch of pending rows with
 * `FOR UPDATE SKIP LOCKED` (so replicas never publish the same row at the same time),
 * publishes them as persistent messages on a confirm channel, and marks them published in
 * the same transaction only after the broker has confirmed them all. Any failure rolls the
 * claim back: the rows stay pending and are retried with backoff. Delivery is therefore
 * at least once; consumers deduplicate on the event id.
 */
export async function startOutboxRelay(options: OutboxRelayOptions): Promise<OutboxRelay> {
  const log = options.logger.child({ component: 'outbox-relay' });
  const exchange = exchangeName(options.prefix);
  const batchSize = options.batchSize ?? 100;
  const confirmTimeoutMs = options.confirmTimeoutMs ?? 15_000;
  const db = openDatabase(options.databaseUrl, { poolSize: 2, logger: log });

  const publisher: ManagedChannel<BusConfirmChannel> = await options.broker.manageChannel(
    'outbox-publisher',
    async (model) => {
      const channel = await model.createConfirmChannel();
      await assertSubscriberQueues(channel, options.prefix, options.subscribers ?? eventConsumers);
      return channel;
    },
  );

  let stopped = false;
  // A broker reconnect ends a backoff at once; a commit's NOTIFY ends only the poll wait.
  const sleeper = createSleeper();
  const { sleep } = sleeper;
  const wake = () => sleeper.wake();
  options.broker.onConnect(() => sleeper.interrupt());

  async function publishBatch(): Promise<number> {
    const channel = publisher.current;
    if (!channel) throw new Error('the broker is unreachable');
    let claimed: OutboxRow[] = [];
    try {
      await db.transaction(async (client) => {
        ({ rows: claimed } = await client.query<OutboxRow>(
          `SELECT id, type, data, occurred_at, traceparent FROM outbox
            WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [batchSize],
        ));
        for (const row of claimed) {
          const body = Buffer.from(
            JSON.stringify({
              id: row.id,
              type: row.type,
              producer: options.producer,
              occurredAt: row.occurred_at.toISOString(),
              data: row.data,
              ...(row.traceparent ? { traceparent: row.traceparent } : {}),
            }),
          );
          const accepted = channel.publish(exchange, row.type, body, {
            persistent: true,
            contentType: 'application/json',
            messageId: row.id,
            type: row.type,
            // Validated by the broker: consumers trust it to say who sent the event.
            userId: options.broker.user,
            timestamp: Math.floor(row.occurred_at.getTime() / 1000),
            headers: row.traceparent ? { [headers.traceparent]: row.traceparent } : {},
          });
          if (!accepted) await once(channel, 'drain');
        }
        if (claimed.length)
          await withTimeout(
            channel.waitForConfirms(),
            confirmTimeoutMs,
            () => new ConfirmTimeoutError(`no broker confirm within ${confirmTimeoutMs} ms`),
          );
        await client.query(
          `UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`,
          [claimed.map((row) => row.id)],
        );
      });
    } catch (error) {
      // Late confirms would be counted against the next batch: start on a fresh channel.
      if (error instanceof ConfirmTimeoutError) await channel.close().catch(() => {});
      if (claimed.length) {
        await db
          .query(
            `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`,
            [claimed.map((row) => row.id), String((error as Error).message ?? error)],
          )
          .catch(() => {});
      }
      throw error;
    }
    for (const row of claimed) options.metrics.published.inc({ type: row.type });
    return claimed.length;
  }

  let lastCleanup = 0;
  async function deleteOldRows(): Promise<void> {
    if (Date.now() - lastCleanup < CLEANUP_INTERVAL_MS) return;
    lastCleanup = Date.now();
    const { rowCount } = await db.query(
      `DELETE FROM outbox WHERE published_at < now() - make_interval(hours => $1)`,
      [options.retentionHours],
    );
    if (rowCount) log.info({ deleted: rowCount }, 'deleted published outbox rows');
  }

  async function loop(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      sleeper.clear();
      if (!publisher.current) {
        // Not connected (yet): the broker connection logs that; its reconnect wakes us.
        await sleep(MAX_BACKOFF_MS, 'backoff');
        continue;
      }
      try {
        const published = await publishBatch();
        if (failures) log.info('publishing again');
        failures = 0;
        if (published === batchSize) continue;
        await deleteOldRows();
      } catch (error) {
        failures++;
        const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(failures, 10));
        if (failures === 1 || failures % 10 === 0)
          log.warn({ err: error, failures, retryInMs: delay }, 'cannot publish the outbox yet');
        await sleep(delay, 'backoff');
        continue;
      }
      await sleep(options.pollIntervalMs, 'poll');
    }
  }

  // A commit's NOTIFY wakes the relay; while not listening, its poll still finds new rows.
  const listener = await db.listen(OUTBOX_CHANNEL, wake);
  const running = loop();

  const pending = new Gauge({
    name: 'outbox_pending_events',
    help: 'Outbox rows not yet confirmed by the broker.',
    registers: [options.metrics.registry],
    async collect() {
      const backlog = await relay.backlog().catch(() => null);
      if (!backlog) return;
      this.set(backlog.pending);
      oldestAge.set(backlog.oldestAgeSeconds);
    },
  });
  const oldestAge = new Gauge({
    name: 'outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest outbox row not yet confirmed by the broker (0 when none).',
    registers: [options.metrics.registry],
  });
  void pending;

  const relay: OutboxRelay = {
    wake,
    async backlog() {
      const { rows } = await db.query<{ pending: string | number; oldest: Date | null }>(
        `SELECT count(*) AS pending, min(occurred_at) AS oldest FROM outbox WHERE published_at IS NULL`,
      );
      const row = rows[0]!;
      return {
        pending: Number(row.pending),
        oldestAgeSeconds: row.oldest ? Math.max(0, (Date.now() - row.oldest.getTime()) / 1000) : 0,
      };
    },
    async stop() {
      if (stopped) return running;
      stopped = true;
      sleeper.interrupt();
      await running;
      await listener.close();
      await db.close();
    },
  };
  return relay;
}

class ConfirmTimeoutError extends Error {}
