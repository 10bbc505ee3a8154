// `npm run bench:booking [-- --attempts 1000 --flows 1000 --concurrency 50]`: seat holds and
// the booking–payment saga through the gateway, on a whole stack of real processes.
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
import pg from 'pg';
import { graphqlRequest } from '@cinegraph/testing';
import { createAccessTokenIssuer } from '@cinegraph/users/access-tokens';
import { loadSigningKey } from '@cinegraph/users/signing-key';
import { percentile, reportTable, startBenchStack } from './support/benchStack.ts';

const { values: args } = parseArgs({
  options: {
    attempts: { type: 'string', default: '1000' },
    flows: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
  },
});
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
const bench = await startBenchStack();
const { stack } = bench;
const bookingsDb = new pg.Client({ connectionString: stack.databaseUrls['bookings'] });
await bookingsDb.connect();

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

  await reportTable(
    'booking',
    `${attempts} concurrent hold attempts on 100 seats; ${flows} hold → book → pay flows, ${concurrency} at a time; Node ${process.version}; ${new Date().toISOString()}`,
    [
      {
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
      },
      {
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
      },
    ],
  );
  if (doubleHeld || Number(sold!.double_sold) || failures || flowFailures) process.exitCode = 1;
} finally {
  await bookingsDb.end();
  await bench.dispose();
}
