// `npm run bench:events [-- --events 3000]`: the event backbone end to end, as the services
// run it. Producers commit a user row and its user.registered event in one Prisma
// transaction (the users database and outbox); the outbox relay publishes to RabbitMQ with
// confirms; the notifications consumer applies each event in its own Prisma transaction
// (dedupe row, recipient, welcome notification) and acknowledges after commit.
// Reports events/s and commit-to-consumer-commit latency at 1, 4 and 16 concurrent
// producers, measured side by side in one run on throwaway databases and queues.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { connect } from 'amqplib';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import type { ServiceEvents } from '@cinegraph/events';
import { deleteEventTopology, emit, startServiceEvents } from '@cinegraph/events';
import { databaseUrlFor, dropDatabase, ensureDatabase, migrate } from '@cinegraph/migrator';
import { handlers } from '@cinegraph/notifications/handlers';
import { PrismaClient as NotificationsClient } from '@cinegraph/notifications/prisma';
import { createPrismaClient } from '@cinegraph/service-kit';
import { subgraphs } from '@cinegraph/stack';
import { testEnvironment, uniqueId } from '@cinegraph/testing';
import { percentile, reportTable } from './support/benchStack.ts';
import { PrismaClient as UsersClient } from '@cinegraph/users/prisma';

const { values: args } = parseArgs({
  options: { events: { type: 'string', default: '2000' } },
});
const perLevel = Number(args.events);
const levels = [1, 4, 16];
const logger = pino({ level: 'warn' });

function migrationsOf(name: string): string {
  return subgraphs.find((subgraph) => subgraph.name === name)!.migrationsDir;
}

interface LevelResult {
  producers: number;
  events: number;
  seconds: number;
  /** How fast the producers committed (the consumer may lag behind). */
  committedPerSecond: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

async function runLevel(producers: number, total = perLevel): Promise<LevelResult> {
  const id = uniqueId();
  const usersUrl = databaseUrlFor(testEnvironment.postgresUrl, `cg_bench_${id}_users`);
  const notificationsUrl = databaseUrlFor(
    testEnvironment.postgresUrl,
    `cg_bench_${id}_notifications`,
  );
  await ensureDatabase(usersUrl);
  await migrate({ databaseUrl: usersUrl, migrationsDir: migrationsOf('users') });
  await ensureDatabase(notificationsUrl);
  await migrate({ databaseUrl: notificationsUrl, migrationsDir: migrationsOf('notifications') });

  const users = createPrismaClient(UsersClient, usersUrl, 20);
  const notifications = createPrismaClient(NotificationsClient, notificationsUrl, 20);
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  let consumed = 0;
  let lastConsumedAt = 0;
  let allConsumed: () => void = () => {};
  const done = new Promise<void>((resolve) => (allConsumed = resolve));

  const eventsConfig = {
    AMQP_URL: testEnvironment.amqpUrl,
    EVENTS_PREFIX: `cg_bench_${id}.`,
    OUTBOX_POLL_INTERVAL_MS: 5_000,
    OUTBOX_RETENTION_HOURS: 24,
    EVENTS_PREFETCH: 16,
    EVENTS_MAX_ATTEMPTS: 5,
    EVENTS_RETRY_DELAYS_MS: [1_000],
  };
  const running: ServiceEvents[] = [];
  try {
    running.push(
      await startServiceEvents({
        service: 'notifications',
        config: { ...eventsConfig, DATABASE_URL: notificationsUrl },
        logger,
        registry: new Registry(),
        consume: {
          handlers,
          transaction: (fn) => notifications.$transaction(fn, { timeout: 15_000, maxWait: 10_000 }),
          onHandled(event) {
            const now = performance.now();
            const start = committedAt.get(event.id);
            if (start !== undefined) latencies.push(now - start);
            lastConsumedAt = now;
            if (++consumed === total) allConsumed();
          },
        },
      }),
    );
    running.push(
      await startServiceEvents({
        service: 'users',
        config: { ...eventsConfig, DATABASE_URL: usersUrl },
        logger,
        registry: new Registry(),
        publish: true,
      }),
    );
    await Promise.all(running.map((events) => events.broker.waitForConnection()));

    const startedAt = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: producers }, async () => {
        while (next < total) {
          const n = next++;
          const email = `bench${n}@example.test`;
          const event = await users.$transaction(async (tx) => {
            const user = await tx.user.create({
              data: { email, displayName: `Bench ${n}`, passwordHash: 'not-a-real-hash' },
            });
            return emit(tx, 'user.registered', {
              userId: user.id,
              email,
              displayName: `Bench ${n}`,
            });
          });
          committedAt.set(event.id, performance.now());
        }
      }),
    );
    const committedSeconds = (performance.now() - startedAt) / 1000;
    const timeout = setTimeout(() => allConsumed(), 120_000);
    await done;
    clearTimeout(timeout);
    if (consumed < total) throw new Error(`only ${consumed} of ${total} events arrived`);

    const seconds = (lastConsumedAt - startedAt) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      producers,
      events: consumed,
      seconds: Number(seconds.toFixed(2)),
      committedPerSecond: Math.round(total / committedSeconds),
      eventsPerSecond: Math.round(consumed / seconds),
      p50Ms: Number(percentile(latencies, 50).toFixed(1)),
      p99Ms: Number(percentile(latencies, 99).toFixed(1)),
      maxMs: Number(latencies.at(-1)!.toFixed(1)),
    };
  } finally {
    for (const events of running.reverse()) await events.close();
    await Promise.all([users.$disconnect(), notifications.$disconnect()]);
    await deleteBrokerNames(`cg_bench_${id}.`);
    await Promise.all([dropDatabase(usersUrl), dropDatabase(notificationsUrl)]);
  }
}

async function deleteBrokerNames(prefix: string): Promise<void> {
  const connection = await connect(testEnvironment.amqpUrl);
  await deleteEventTopology(await connection.createChannel(), prefix, [1_000]);
  await connection.close();
}

console.log(`bench:events: ${perLevel} events per level; Node ${process.version}`);
await runLevel(4, 200); // warm-up: JIT, connection pools, the broker's first queues
const results: LevelResult[] = [];
for (const producers of levels) results.push(await runLevel(producers));
const base = results[0]!;
await reportTable(
  'events',
  `The event backbone end to end: each producer commits a user row and its user.registered event in one Prisma transaction; the outbox relay publishes to RabbitMQ with confirms; notifications' consumer applies each in its own transaction and acknowledges after commit. ${perLevel} events per level, after a warm-up of 200; latency from the producer's commit to the consumer's commit.`,
  results.map((result) => ({
    producers: result.producers,
    events: result.events,
    seconds: result.seconds,
    'committed/s': result.committedPerSecond,
    'events/s': result.eventsPerSecond,
    'p50 ms': result.p50Ms.toFixed(1),
    'p99 ms': result.p99Ms.toFixed(1),
    'max ms': result.maxMs.toFixed(1),
    'events/s vs 1 producer': `${(result.eventsPerSecond / base.eventsPerSecond).toFixed(2)}x`,
    'p99 vs 1 producer': `${(result.p99Ms / base.p99Ms).toFixed(2)}x`,
  })),
  { 'events per level': perLevel, producers: levels, 'warm-up events': 200 },
);
