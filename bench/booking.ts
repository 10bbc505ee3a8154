// `npm run bench:booking [-- --attempts 1000 --flows 1000 --concurrency 50 --mode both]`:
// seat holds and the booking–payment saga through the gateway, in services mode (a whole
// stack of real processes on PostgreSQL, Redis and RabbitMQ), in embedded mode (one process
// on PGlite and the in-process keyspace and bus; see startModeBenchStack), or both, side
// by side in one table with the embedded/services ratios.
//   1. `attempts` hold attempts at once, by as many users, each for 2 seats among the first
//      100 seats of one showtime: holds/s, latency, and double-held seats (must be 0; the
//      winners are then booked, and no seat may be in two live bookings).
//   2. `flows` complete hold → book → pay flows (one seat each, `concurrency` at a time):
//      flows/s until the last payment answered, and the time until every booking is
//      CONFIRMED (the saga's events through RabbitMQ included).
// Customers are minted access tokens signed with the stack's own key: registering
// thousands of accounts would measure password hashing, not bookings.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { SqlDatabase } from '@cinegraph/database';
import { openDatabase } from '@cinegraph/database';
import { graphqlRequest } from '@cinegraph/testing';
import { createAccessTokenIssuer } from '@cinegraph/users/access-tokens';
import { loadSigningKey } from '@cinegraph/users/signing-key';
import type { BenchMode } from './support/benchStack.ts';
import { percentile, reportTable, startModeBenchStack } from './support/benchStack.ts';

const { values: args } = parseArgs({
  options: {
    attempts: { type: 'string', default: '1000' },
    flows: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
    mode: { type: 'string', default: 'both' },
  },
});
const modes: BenchMode[] =
  args.mode === 'both' ? ['services', 'embedded'] : [args.mode as BenchMode];
if (!modes.every((m) => m === 'services' || m === 'embedded')) {
  console.error('--mode is services, embedded or both');
  process.exit(64);
}
const attempts = Number(args.attempts);
const flows = Number(args.flows);
const concurrency = Number(args.concurrency);

const HOLD = `mutation ($showtimeId: ID!, $seatIds: [ID!]!) {
  holdSeats(showtimeId: $showtimeId, seatIds: $seatIds) { id seats { id } } }`;
const BOOK = `mutation ($holdId: ID!, $key: String!) {
  createBooking(holdId: $holdId, idempotencyKey: $key) { id } }`;
const PAY = `mutation ($bookingId: ID!, $key: String!) {
  payBooking(bookingId: $bookingId, paymentMethodToken: "tok_visa", idempotencyKey: $key) { status } }`;

console.log(
  `bench:booking: ${attempts} concurrent hold attempts on 100 seats, then ${flows} hold → book → pay flows (${concurrency} at a time); Node ${process.version}`,
);
type Row = Record<string, string | number>;
let broken = false;

async function run(mode: BenchMode): Promise<Row[]> {
  const bench = await startModeBenchStack(mode);
  const stack = bench;
  console.log(`${mode}: a ready gateway in ${(bench.startMs / 1000).toFixed(1)} s`);
  const bookingsDb: SqlDatabase = openDatabase(stack.databaseUrls['bookings']!, {
    poolSize: 2,
  });
  try {
    const issue = createAccessTokenIssuer(
      await loadSigningKey({ keyFile: bench.signingKeyFile }),
      3_600,
    );
    const customer = async () => (await issue({ id: crypto.randomUUID(), role: 'USER' })).token;
    const call = <Data>(query: string, variables: Record<string, unknown>, token: string) =>
      graphqlRequest<Data>(stack.gatewayUrl, query, { variables, token });

    // Showtimes with their seats, the soonest first.
    const { rows: showtimes } = await bookingsDb.query<{ id: string; seat_ids: string[] }>(
      `SELECT s.id, array_agg(k.id ORDER BY k.row, k.number) AS seat_ids
       FROM known_showtimes s JOIN known_seats k ON k.screen_id = s.screen_id
      WHERE s.starts_at > now() + interval '2 hours'
      GROUP BY s.id, s.starts_at ORDER BY s.starts_at LIMIT 200`,
    );

    // 1. Contested holds.
    const contested = showtimes.find((s) => s.seat_ids.length >= 100)!;
    const seats = contested.seat_ids.slice(0, 100);
    const tokens = await Promise.all(Array.from({ length: attempts }, customer));
    const latencies: number[] = [];
    let failures = 0;
    const winners: { token: string; holdId: string; seatIds: string[] }[] = [];
    const started = performance.now();
    await Promise.all(
      tokens.map(async (token, i) => {
        const pair = [seats[(i * 37) % 100]!, seats[(i * 37 + 1 + (i % 7)) % 100]!];
        const t0 = performance.now();
        const response = await call<{ holdSeats: { id: string; seats: { id: string }[] } }>(
          HOLD,
          { showtimeId: contested.id, seatIds: pair },
          token,
        ).catch(() => null);
        latencies.push(performance.now() - t0);
        if (response?.data?.holdSeats)
          winners.push({
            token,
            holdId: response.data.holdSeats.id,
            seatIds: response.data.holdSeats.seats.map((s) => s.id),
          });
        else if (response?.errors?.[0]?.extensions?.['code'] !== 'CONFLICT') failures++;
      }),
    );
    const holdSeconds = (performance.now() - started) / 1_000;
    latencies.sort((a, b) => a - b);
    const heldSeats = winners.flatMap((w) => w.seatIds);
    const doubleHeld = heldSeats.length - new Set(heldSeats).size;
    await Promise.all(winners.map((w) => call(BOOK, { holdId: w.holdId, key: 'bench' }, w.token)));
    const {
      rows: [sold],
    } = await bookingsDb.query<{ double_sold: string; seats: string }>(
      `SELECT count(*) - count(DISTINCT r.seat_id) AS double_sold, count(*) AS seats
       FROM seat_reservations r WHERE r.showtime_id = $1`,
      [contested.id],
    );

    // 2. Complete flows, one seat each, on other showtimes.
    const flowSeats = showtimes
      .filter((s) => s.id !== contested.id)
      .flatMap((s) => s.seat_ids.map((seatId) => ({ showtimeId: s.id, seatId })))
      .slice(0, flows);
    const flowTokens = await Promise.all(flowSeats.map(customer));
    const flowLatencies: number[] = [];
    let flowFailures = 0;
    let next = 0;
    const flowStart = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < flowSeats.length) {
          const i = next++;
          const { showtimeId, seatId } = flowSeats[i]!;
          const token = flowTokens[i]!;
          const t0 = performance.now();
          try {
            const held = await call<{ holdSeats: { id: string } }>(
              HOLD,
              { showtimeId, seatIds: [seatId] },
              token,
            );
            const booked = await call<{ createBooking: { id: string } }>(
              BOOK,
              { holdId: held.data!.holdSeats.id, key: `flow-${i}` },
              token,
            );
            const paid = await call<{ payBooking: { status: string } }>(
              PAY,
              { bookingId: booked.data!.createBooking.id, key: `pay-${i}` },
              token,
            );
            if (paid.data?.payBooking.status !== 'SUCCEEDED') throw new Error('not paid');
            flowLatencies.push(performance.now() - t0);
          } catch {
            flowFailures++;
          }
        }
      }),
    );
    const paidSeconds = (performance.now() - flowStart) / 1_000;
    const flowShowtimes = [...new Set(flowSeats.map((s) => s.showtimeId))];
    for (;;) {
      const {
        rows: [state],
      } = await bookingsDb.query<{ pending: string }>(
        `SELECT count(*) AS pending FROM bookings
        WHERE showtime_id = ANY($1::uuid[]) AND status = 'PENDING_PAYMENT'`,
        [flowShowtimes],
      );
      if (Number(state!.pending) === 0) break;
      if (performance.now() - flowStart > 600_000) throw new Error('bookings never confirmed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const confirmedSeconds = (performance.now() - flowStart) / 1_000;
    const {
      rows: [confirmed],
    } = await bookingsDb.query<{ count: string }>(
      `SELECT count(*) FROM bookings WHERE showtime_id = ANY($1::uuid[]) AND status = 'CONFIRMED'`,
      [flowShowtimes],
    );
    flowLatencies.sort((a, b) => a - b);

    if (doubleHeld || Number(sold!.double_sold) || failures || flowFailures) broken = true;
    const rss = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
    return [
      {
        mode,
        phase: 'contested holds',
        requests: attempts,
        'per second': (attempts / holdSeconds).toFixed(0),
        'p50 ms': percentile(latencies, 50).toFixed(1),
        'p99 ms': percentile(latencies, 99).toFixed(1),
        succeeded: winners.length,
        'errors (not CONFLICT)': failures,
        'double-held seats': doubleHeld,
        'double-sold seats': Number(sold!.double_sold),
        'until all CONFIRMED s': '',
        'bench process RSS MiB': '',
      },
      {
        mode,
        phase: 'hold → book → pay',
        requests: flows,
        'per second': (flowLatencies.length / paidSeconds).toFixed(1),
        'p50 ms': percentile(flowLatencies, 50).toFixed(1),
        'p99 ms': percentile(flowLatencies, 99).toFixed(1),
        succeeded: Number(confirmed!.count),
        'errors (not CONFLICT)': flowFailures,
        'double-held seats': '',
        'double-sold seats': '',
        'until all CONFIRMED s': confirmedSeconds.toFixed(1),
        'bench process RSS MiB': rss,
      },
    ];
  } finally {
    await bookingsDb.close();
    await bench.dispose();
  }
}

const rows: Row[] = [];
for (const mode of modes) rows.push(...(await run(mode)));
if (modes.length === 2) {
  // embedded ÷ services, per phase: above 1 means embedded is faster (per second) or
  // slower (latencies, time to confirm).
  for (const phase of ['contested holds', 'hold → book → pay']) {
    const [services, embedded] = modes.map((m) =>
      rows.find((r) => r['mode'] === m && r['phase'] === phase)!,
    );
    const ratio = (key: string) => {
      const a = Number(services![key]);
      const b = Number(embedded![key]);
      return a && b ? `${(b / a).toFixed(2)}×` : '';
    };
    rows.push({
      mode: 'embedded ÷ services',
      phase,
      requests: '',
      'per second': ratio('per second'),
      'p50 ms': ratio('p50 ms'),
      'p99 ms': ratio('p99 ms'),
      succeeded: '',
      'errors (not CONFLICT)': '',
      'double-held seats': '',
      'double-sold seats': '',
      'until all CONFIRMED s': ratio('until all CONFIRMED s'),
      'bench process RSS MiB': '',
    });
  }
}
await reportTable(
  'booking',
  `${attempts} concurrent hold attempts on 100 seats; ${flows} hold → book → pay flows, ${concurrency} at a time; modes: ${modes.join(', ')}. Embedded mode runs in the benchmark's own process (its RSS is the whole supergraph's; services mode's is the load generator's alone).`,
  rows,
  { attempts, seats: 100, flows, concurrency, modes },
);
if (broken) process.exitCode = 1;
