// `npm run bench:subscriptions [-- --viewers anonymous,signed-in --tiers 1000,5000,10000
//   --showtimes 50 --rate 20 --seconds 30]`: live seat maps at scale. For each kind of
// viewer and each tier, that many WebSocket clients (graphql-ws, on one gateway process)
// subscribe to the seat map of one of `showtimes` showtimes, with the movie title joined
// from movies: anonymous, or signed in, each with an access token of its own (a user of
// its own). Then bots hold seats through the gateway at `rate` changes a second, spread
// over the showtimes: a few seconds of warm-up, then `seconds` measured. Reported per
// tier: delivery latency from the change's commit (the event's occurredAt, stamped after
// the hold is in Redis) to the client, events delivered and missed (each event is matched
// to its change, so warm-up events are counted apart), the upstream streams and sockets
// the gateway opened to bookings, the gateway's memory per 1,000 connections and its CPU.
// Targets: 10,000 subscribers at p99 under 250 ms, nothing missed, and as many upstream
// streams as showtimes, signed in or not.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { counterValue, graphqlRequest } from '@cinegraph/testing';
import { createAccessTokenIssuer } from '@cinegraph/users/access-tokens';
import { loadSigningKey } from '@cinegraph/users/signing-key';
import { percentile, reportTable, startBenchStack } from '../support/benchStack.ts';
import type { Phase, SubscriberSpec } from './subscribers.ts';
import { changeKey, openSubscribers } from './subscribers.ts';

const { values: args } = parseArgs({
  options: {
    viewers: { type: 'string', default: 'anonymous,signed-in' },
    tiers: { type: 'string', default: '1000,5000,10000' },
    showtimes: { type: 'string', default: '50' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '30' },
  },
});
const VIEWERS = { anonymous: 'anonymous', 'signed-in': 'signed in, a token each' } as const;
type Viewers = keyof typeof VIEWERS;
const viewerKinds = args.viewers.split(',').map((kind) => {
  if (!(kind in VIEWERS))
    throw new Error(`--viewers: ${kind} is not one of ${Object.keys(VIEWERS).join(', ')}`);
  return kind as Viewers;
});
const tiers = args.tiers.split(',').map(Number);
const showtimeCount = Number(args.showtimes);
const rate = Number(args.rate);
const seconds = Number(args.seconds);
const TARGET_P99_MS = 250;
const WARM_UP_SECONDS = 3;
/**
 * Events still on their way once the last measured change is committed are waited for
 * until every one has arrived, or none has for this long: what never comes is missed, what
 * comes late counts in the latencies.
 */
const STRAGGLERS_QUIET_MS = 3_000;

const SUBSCRIPTION = `subscription ($showtimeId: ID!) {
  seatAvailabilityChanged(showtimeId: $showtimeId) {
    availableSeatCount changedSeats { seatId status } occurredAt showtime { id movie { title } } } }`;
const HOLD = `mutation ($showtimeId: ID!, $seatIds: [ID!]!) {
  holdSeats(showtimeId: $showtimeId, seatIds: $seatIds) { id } }`;

console.log(
  `bench:subscriptions: ${viewerKinds.join(' and ')} viewers, tiers ${tiers.join(', ')} WebSocket clients over ${showtimeCount} showtimes, ${rate} seat changes/s for ${seconds} s each; Node ${process.version}`,
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
  const changesPerShowtime = Math.ceil(((WARM_UP_SECONDS + seconds) * rate) / showtimeCount) + 1;
  const fewestSeats = Math.min(...showtimes.map((showtime) => showtime.seat_ids.length));
  // Each change of a tier holds a seat no other change of the tier held: its key.
  if (fewestSeats < changesPerShowtime)
    throw new Error(
      `A tier makes ${changesPerShowtime} changes per showtime; a showtime has only ${fewestSeats} seats.`,
    );

  /**
   * Holds seats through the gateway at `rate` a second for `duration` seconds, round robin
   * over the showtimes (a showtime's change waits for its previous one), each change on a
   * seat not held before in the tier. Each change's
   * key is filed under `phase` before it is sent; a measured one that succeeds, under its
   * showtime in `measured`.
   */
  async function changeSeats(
    duration: number,
    phase: Phase,
    tier: {
      round: number;
      phaseOf: Map<string, Phase>;
      measured: Map<string, string[]>;
      lastChange: Map<string, Promise<void>>;
    },
  ) {
    let changes = 0;
    let failedChanges = 0;
    const start = performance.now();
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; performance.now() - start < duration * 1_000; i++) {
      const target = start + (i * 1_000) / rate;
      const wait = target - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const round = tier.round++;
      const index = round % showtimes.length;
      const showtime = showtimes[index]!;
      const seat = showtime.seat_ids[Math.floor(round / showtimes.length)]!;
      const key = changeKey(showtime.id, seat);
      tier.phaseOf.set(key, phase);
      // A showtime's changes one after another: each announcement reads the seat map its
      // own hold left (the next hold would give that seat back), so it names its seat HELD.
      const change = (tier.lastChange.get(showtime.id) ?? Promise.resolve())
        .then(() =>
          graphqlRequest(stack.gatewayUrl, HOLD, {
            token: bots[index]!,
            variables: { showtimeId: showtime.id, seatIds: [seat] },
          }),
        )
        .then(
          (response) => {
            if (response.errors) return void failedChanges++;
            changes++;
            if (phase === 'measured') tier.measured.get(showtime.id)!.push(key);
          },
          () => {
            failedChanges++;
          },
        );
      tier.lastChange.set(showtime.id, change);
      inFlight.add(change);
      void change.finally(() => inFlight.delete(change));
    }
    await Promise.all(inFlight);
    return { changes, failedChanges, elapsed: (performance.now() - start) / 1_000 };
  }

  // Signed-in subscribers: a user and an access token each (the gateway verifies every one).
  const tokens = viewerKinds.includes('signed-in')
    ? await Promise.all(
        Array.from(
          { length: Math.max(...tiers) },
          async () => (await issue({ id: crypto.randomUUID(), role: 'USER' })).token,
        ),
      )
    : [];
  const webSocketUrl = stack.gatewayUrl.replace(/^http/, 'ws');
  /** The gateway's upstream streams (all subgraphs) and bookings' graphql-ws sockets. */
  const upstreams = async () => ({
    streams: await counterValue(bench.urlOf('gateway'), 'gateway_subscription_upstreams'),
    sockets: await counterValue(bench.urlOf('bookings'), 'graphql_ws_connections'),
  });
  const rows: Record<string, string | number>[] = [];

  // Memory is measured from the gateway at rest before the first tier: V8 keeps the heap
  // it grew for a tier, so a later tier's own idle reading would hide its sockets. Tiers
  // go smallest first, each size for every kind of viewer, so no tier follows a bigger one.
  const idle = await gatewayUsage();
  for (const size of [...tiers].sort((a, b) => a - b))
    for (const viewers of viewerKinds) {
      const specs: SubscriberSpec[] = Array.from({ length: size }, (_, i) => ({
        showtimeId: showtimes[i % showtimes.length]!.id,
        ...(viewers === 'signed-in' ? { token: tokens[i]! } : {}),
      }));
      const tier = {
        round: 0,
        phaseOf: new Map<string, Phase>(),
        measured: new Map(showtimes.map((showtime) => [showtime.id, [] as string[]])),
        lastChange: new Map<string, Promise<void>>(),
      };
      const connectStart = performance.now();
      const subscribers = await openSubscribers(webSocketUrl, SUBSCRIPTION, specs, tier.phaseOf);
      const connectSeconds = (performance.now() - connectStart) / 1_000;
      // Let the upstream streams open and settle before measuring.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const connected = await gatewayUsage();
      const opened = await upstreams();

      // A few seconds unmeasured first: plans, caches and JIT warm up. Their events are
      // told apart by their changes, however late they arrive.
      await changeSeats(WARM_UP_SECONDS, 'warm-up', tier);
      const before = await gatewayUsage();
      const { changes, failedChanges, elapsed } = await changeSeats(seconds, 'measured', tier);
      const after = await gatewayUsage();

      let expected = 0;
      for (const spec of specs) expected += tier.measured.get(spec.showtimeId)!.length;
      // Stragglers: events still on their way.
      let quietSince = performance.now();
      for (let last = subscribers.received(); last < expected;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const received = subscribers.received();
        if (received > last) quietSince = performance.now();
        else if (performance.now() - quietSince > STRAGGLERS_QUIET_MS) break;
        last = received;
      }
      const latencies = subscribers.latencies().sort((a, b) => a - b);
      const missed = subscribers.missed(tier.measured);
      const warmUpEvents = subscribers.warmUpEvents();
      const unexpected = subscribers.unexpected();
      await subscribers.close();

      const p99 = percentile(latencies, 99);
      const mbPerThousand = ((connected.rssMb - idle.rssMb) / size) * 1_000;
      rows.push({
        subscribers: size.toLocaleString('en'),
        viewers: VIEWERS[viewers],
        'connect s': connectSeconds.toFixed(1),
        'upstream streams': opened.streams,
        'upstream sockets': opened.sockets,
        'changes/s': (changes / elapsed).toFixed(1),
        'events delivered/s': Math.round(latencies.length / elapsed).toLocaleString('en'),
        missed,
        'warm-up events (apart)': warmUpEvents.toLocaleString('en'),
        'unexpected events': unexpected,
        'p50 ms': percentile(latencies, 50).toFixed(1),
        'p95 ms': percentile(latencies, 95).toFixed(1),
        'p99 ms': p99.toFixed(1),
        'max ms': (latencies.at(-1) ?? NaN).toFixed(1),
        'p99 / 250 ms target': (p99 / TARGET_P99_MS).toFixed(2),
        'gateway MB per 1k connections': mbPerThousand.toFixed(1),
        'gateway RSS MB': Math.round(after.rssMb),
        'gateway CPU %': Math.round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100),
        'failed changes': failedChanges,
      });
      console.log(rows.at(-1), {
        // Where missed events would have gone (the totals so far, every tier).
        'subscribers cut off as slow readers': await counterValue(
          bench.urlOf('gateway'),
          'gateway_subscription_slow_readers_total',
        ),
        'announcements that failed': await counterValue(
          bench.urlOf('bookings'),
          'seat_availability_announcements_total',
          { outcome: 'failed' },
        ),
      });
      // Let the gateway release the sockets before the next tier.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }

  await reportTable(
    'subscriptions',
    `${showtimeCount} showtimes, ${rate} seat changes/s through the gateway for ${seconds} s per tier (round robin over the showtimes, a showtime's changes one after another), after ${WARM_UP_SECONDS} s of warm-up; every client subscribes over graphql-ws to one showtime's seat map with the movie title joined from movies, anonymous or signed in with an access token of its own (viewers). Missed: each subscriber's measured changes (of its showtime) it never got an event of (waited for until all came, or none for ${STRAGGLERS_QUIET_MS / 1_000} s); events are matched to their change, so warm-up events are counted apart and none is taken for a measured one. Upstream streams: the gateway's open upstream subscriptions (gateway_subscription_upstreams) with every client subscribed; upstream sockets: bookings' graphql-ws connections. Latency: from the change's commit (occurredAt) to the client's receipt, same clock. Memory: the gateway's RSS with every client connected and subscribed, less its RSS at rest before the first tier, per 1,000 connections. CPU: the gateway's user+system time over the measuring window (100% = one core). One gateway process on a 2-core machine shared with every subgraph, PostgreSQL, Redis, RabbitMQ and the clients.`,
    rows,
    {
      viewers: viewerKinds,
      tiers,
      showtimes: showtimeCount,
      rate,
      seconds,
      warmUpSeconds: WARM_UP_SECONDS,
    },
  );
} finally {
  await db.end();
  await bench.dispose();
}
