// `npm run bench:subscriptions [-- --tiers 1000,5000,10000 --showtimes 50 --rate 20 --seconds 30]`:
// live seat maps at scale. For each tier, that many WebSocket clients (graphql-ws, on one
// gateway process) subscribe to the seat map of one of `showtimes` showtimes, with the
// movie title joined from movies; then bots hold seats through the gateway at `rate`
// changes a second, spread over the showtimes, for `seconds`. Reported per tier: delivery
// latency from the change's commit (the event's occurredAt, stamped after the hold is in
// Redis) to the client, events delivered and missed, the gateway's memory per 1,000
// connections and its CPU. Target: 10,000 subscribers at p99 under 250 ms.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { graphqlRequest } from '@cinegraph/testing';
import { createAccessTokenIssuer } from '@cinegraph/users/access-tokens';
import { loadSigningKey } from '@cinegraph/users/signing-key';
import { percentile, reportTable, startBenchStack } from '../support/benchStack.ts';
import { openSubscribers } from './subscribers.ts';

const { values: args } = parseArgs({
  options: {
    tiers: { type: 'string', default: '1000,5000,10000' },
    showtimes: { type: 'string', default: '50' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '30' },
  },
});
const tiers = args.tiers.split(',').map(Number);
const showtimeCount = Number(args.showtimes);
const rate = Number(args.rate);
const seconds = Number(args.seconds);
const TARGET_P99_MS = 250;
const WARM_UP_SECONDS = 3;

const SUBSCRIPTION = `subscription ($showtimeId: ID!) {
  seatAvailabilityChanged(showtimeId: $showtimeId) {
    availableSeatCount changedSeats { seatId status } occurredAt showtime { id movie { title } } } }`;
const HOLD = `mutation ($showtimeId: ID!, $seatIds: [ID!]!) {
  holdSeats(showtimeId: $showtimeId, seatIds: $seatIds) { id } }`;

console.log(
  `bench:subscriptions: tiers ${tiers.join(', ')} WebSocket clients over ${showtimeCount} showtimes, ${rate} seat changes/s for ${seconds} s each; Node ${process.version}`,
);
const bench = await startBenchStack({
  gateway: { SUBSCRIPTIONS_MAX_CONNECTIONS_PER_IP: String(Math.max(...tiers) + 100) },
});
const { stack } = bench;
const gatewayPid = stack.processes.find((p) => p.name === 'gateway')!.child.pid!;
const db = new pg.Client({ connectionString: stack.databaseUrls['bookings'] });
await db.connect();

/** The gateway's resident memory (MB) and CPU time so far (s), from /proc. */
async function gatewayUsage() {
  const status = await readFile(`/proc/${gatewayPid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
  const stat = (await readFile(`/proc/${gatewayPid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime
  return { rssMb: rssKb / 1024, cpuSeconds: ticks / 100 };
}

try {
  const { rows: showtimes } = await db.query<{ id: string; seat_ids: string[] }>(
    `SELECT s.id, array_agg(k.id ORDER BY k.row, k.number) AS seat_ids
       FROM known_showtimes s JOIN known_seats k ON k.screen_id = s.screen_id
      WHERE s.starts_at > now() + interval '2 hours'
      GROUP BY s.id, s.starts_at ORDER BY s.starts_at LIMIT $1`,
    [showtimeCount],
  );
  if (showtimes.length < showtimeCount)
    throw new Error(`The seed has ${showtimes.length} showtimes ahead, not ${showtimeCount}.`);
  const issue = createAccessTokenIssuer(
    await loadSigningKey({ keyFile: bench.signingKeyFile }),
    3_600,
  );
  // One bot per showtime: each new hold replaces its previous one, so every change moves a
  // seat to HELD and gives one back.
  const bots = await Promise.all(
    showtimes.map(async () => (await issue({ id: crypto.randomUUID(), role: 'USER' })).token),
  );
  /** Holds seats through the gateway at `rate` a second for `duration` seconds. */
  async function changeSeats(duration: number, subscribersOf: ReadonlyMap<string, number>) {
    let expected = 0;
    let changes = 0;
    let failedChanges = 0;
    const start = performance.now();
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; performance.now() - start < duration * 1_000; i++) {
      const target = start + (i * 1_000) / rate;
      const wait = target - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const index = round++ % showtimes.length;
      const showtime = showtimes[index]!;
      const seat =
        showtime.seat_ids[Math.floor(round / showtimes.length) % showtime.seat_ids.length]!;
      const change = graphqlRequest(stack.gatewayUrl, HOLD, {
        token: bots[index]!,
        variables: { showtimeId: showtime.id, seatIds: [seat] },
      }).then(
        (response) => {
          if (response.errors) failedChanges++;
          else {
            changes++;
            expected += subscribersOf.get(showtime.id) ?? 0;
          }
        },
        () => {
          failedChanges++;
        },
      );
      inFlight.add(change);
      void change.finally(() => inFlight.delete(change));
    }
    await Promise.all(inFlight);
    return { changes, expected, failedChanges, elapsed: (performance.now() - start) / 1_000 };
  }
  let round = 0;

  const webSocketUrl = stack.gatewayUrl.replace(/^http/, 'ws');
  const rows: Record<string, string | number>[] = [];

  // Memory is measured from the gateway at rest before the first tier: V8 keeps the heap
  // it grew for a tier, so a later tier's own idle reading would hide its sockets.
  const idle = await gatewayUsage();
  for (const tier of tiers) {
    const assignment = Array.from({ length: tier }, (_, i) => showtimes[i % showtimes.length]!.id);
    const subscribersOf = new Map<string, number>();
    for (const id of assignment) subscribersOf.set(id, (subscribersOf.get(id) ?? 0) + 1);
    const connectStart = performance.now();
    const subscribers = await openSubscribers(webSocketUrl, SUBSCRIPTION, assignment);
    const connectSeconds = (performance.now() - connectStart) / 1_000;
    // Let the upstream streams open and settle before measuring.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const connected = await gatewayUsage();

    // A few seconds unmeasured first: plans, caches and JIT warm up.
    await changeSeats(WARM_UP_SECONDS, subscribersOf);
    subscribers.startMeasuring();
    const before = await gatewayUsage();
    const { changes, expected, failedChanges, elapsed } = await changeSeats(seconds, subscribersOf);

    const after = await gatewayUsage();
    // Stragglers: events still on their way.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const latencies = subscribers.stopMeasuring().sort((a, b) => a - b);
    await subscribers.close();

    const p99 = percentile(latencies, 99);
    rows.push({
      subscribers: tier.toLocaleString('en'),
      'connect s': connectSeconds.toFixed(1),
      'changes/s': (changes / elapsed).toFixed(1),
      'events delivered/s': Math.round(latencies.length / elapsed).toLocaleString('en'),
      missed: Math.max(0, expected - latencies.length),
      'p50 ms': percentile(latencies, 50).toFixed(1),
      'p95 ms': percentile(latencies, 95).toFixed(1),
      'p99 ms': p99.toFixed(1),
      'max ms': (latencies.at(-1) ?? NaN).toFixed(1),
      'p99 / 250 ms target': (p99 / TARGET_P99_MS).toFixed(2),
      'gateway MB per 1k connections': (((connected.rssMb - idle.rssMb) / tier) * 1_000).toFixed(1),
      'gateway RSS MB': Math.round(after.rssMb),
      'gateway CPU %': Math.round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100),
      'failed changes': failedChanges,
    });
    console.log(rows.at(-1));
    // Let the gateway release the sockets before the next tier.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }

  await reportTable(
    'subscriptions',
    `${showtimeCount} showtimes, ${rate} seat changes/s through the gateway for ${seconds} s per tier; every client subscribes over graphql-ws to one showtime's seat map with the movie title joined from movies. Latency: from the change's commit (occurredAt) to the client's receipt, same clock. Memory: the gateway's RSS with every client connected and subscribed, less its RSS at rest before the first tier, per 1,000 connections. CPU: the gateway's user+system time over the measuring window (100% = one core). One gateway process on a 2-core machine shared with every subgraph, PostgreSQL, Redis, RabbitMQ and the clients.`,
    rows,
  );
} finally {
  await db.end();
  await bench.dispose();
}
