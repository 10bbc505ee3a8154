// No customer charged without a ticket: payments made while bookings cannot take them
// (its process stopped, or its database refusing connections, for longer than the events'
// retry budget) end confirmed with a ticket or refunded with a notice, through the
// reconciler; and a forged payment.succeeded, sent with another service's broker user,
// is refused. Services mode only: it stops a process and uses RabbitMQ users of its own.
import type { ConfirmChannel } from 'amqplib';
import { connect } from 'amqplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, exchangeName, queueTopology } from '@cinegraph/events';
import { eventually, testEnvironment } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import type { Account } from './support/accounts.ts';
import { register } from './support/accounts.ts';
import { bookSeats, INBOX } from './support/booking.ts';
import { useBrokerUsers } from './support/brokerUsers.ts';
import { bookableShowtimeId, seatIdsOf } from './support/showtimes.ts';

// Shrunk so that a run takes about a minute: holds last 5 s, a handler is tried three
// times over 1.2 s before its message is parked, and a payment is reconciled 20 s after
// the last fact about it: far past the database outage below (about 5 s, longer on a
// loaded machine), so that the rival has bought the seats of the booking it takes before
// the reconciler asks about that booking.
const RECONCILE_AFTER_MS = 20_000;
const RETRY_DELAYS_MS = '200,1000';
const brokerUsers = useBrokerUsers(() => stack.eventsEnv['EVENTS_PREFIX']!);
const subgraphNames = ['users', 'movies', 'reviews', 'watchlists', 'bookings', 'payments'];
const stack = useStack({
  env: {
    EVENTS_PRODUCER_USER: brokerUsers.template,
    EVENTS_MAX_ATTEMPTS: '3',
    EVENTS_RETRY_DELAYS_MS: RETRY_DELAYS_MS,
  },
  processEnv: {
    ...Object.fromEntries(
      [...subgraphNames, 'notifications', 'recommendations', 'gateway'].map((name) => [
        name,
        { AMQP_URL: brokerUsers.amqpUrl(name) },
      ]),
    ),
    bookings: {
      AMQP_URL: brokerUsers.amqpUrl('bookings'),
      HOLD_TTL_SECONDS: '5',
      EXPIRY_POLL_INTERVAL_MS: '300',
    },
    payments: {
      AMQP_URL: brokerUsers.amqpUrl('payments'),
      SETTLE_INTERVAL_MS: '300',
      RECONCILE_AFTER_MS: String(RECONCILE_AFTER_MS),
    },
  },
});

const PAY = /* GraphQL */ `
  mutation ($bookingId: ID!) {
    payBooking(bookingId: $bookingId, paymentMethodToken: "tok_visa", idempotencyKey: "pay") {
      id
      status
    }
  }
`;
interface Purchase {
  customer: Account;
  seats: string[];
  bookingId: string;
  paymentId?: string;
  paidAt?: number;
}

let showtimeId: string;
let seatIds: string[];
let nextSeat = 0;
let bookingsDb: pg.Client;
let paymentsDb: pg.Client;
let admin: pg.Client;

beforeAll(async () => {
  showtimeId = await bookableShowtimeId(stack);
  seatIds = await seatIdsOf(stack, showtimeId);
  bookingsDb = new pg.Client({ connectionString: stack.databaseUrls['bookings'] });
  paymentsDb = new pg.Client({ connectionString: stack.databaseUrls['payments'] });
  admin = new pg.Client({ connectionString: `${testEnvironment.postgresUrl}/postgres` });
  await Promise.all([bookingsDb.connect(), paymentsDb.connect(), admin.connect()]);
});
afterAll(async () => {
  await Promise.all([bookingsDb?.end(), paymentsDb?.end(), admin?.end()]);
});

/** A customer whose booking of two fresh seats waits for payment. */
async function bookedCustomer(name: string, seats = seatIds.slice(nextSeat, (nextSeat += 2))) {
  const customer = await register(stack, name);
  const booking = await bookSeats(stack, customer, showtimeId, seats, `book-${name}`);
  return { customer, seats, bookingId: booking.id };
}

async function pay(purchase: Purchase): Promise<void> {
  const paid = await stack.graphql<{ payBooking: { id: string; status: string } }>(PAY, {
    token: purchase.customer.token,
    variables: { bookingId: purchase.bookingId },
  });
  expect(paid.errors).toBeUndefined();
  expect(paid.data!.payBooking.status).toBe('SUCCEEDED');
  purchase.paymentId = paid.data!.payBooking.id;
  purchase.paidAt = Date.now();
}

const bookingStatus = async (id: string) =>
  (await bookingsDb.query<{ status: string }>('SELECT status FROM bookings WHERE id = $1', [id]))
    .rows[0]?.status;
const paymentStatus = async (id: string) =>
  (await paymentsDb.query<{ status: string }>('SELECT status FROM payments WHERE id = $1', [id]))
    .rows[0]?.status;

/** Waits until each purchase's payment has settled: CONFIRMED, or REFUNDED both sides. */
async function settled(purchases: Purchase[]) {
  const outcomes = new Map<Purchase, { outcome: string; seconds: number }>();
  await eventually(
    async () => {
      for (const purchase of purchases) {
        if (outcomes.has(purchase)) continue;
        const [booking, payment] = await Promise.all([
          bookingStatus(purchase.bookingId),
          paymentStatus(purchase.paymentId!),
        ]);
        const outcome =
          booking === 'CONFIRMED' && payment === 'SUCCEEDED'
            ? 'confirmed'
            : booking === 'REFUNDED' && payment === 'REFUNDED'
              ? 'refunded'
              : null;
        if (outcome)
          outcomes.set(purchase, { outcome, seconds: (Date.now() - purchase.paidAt!) / 1000 });
      }
      return outcomes.size === purchases.length ? true : undefined;
    },
    60_000,
    'every payment to be confirmed or refunded',
  );
  return outcomes;
}

/** The customer's notifications, once one of `template` is there. */
const toldWith = (customer: Account, template: string) =>
  eventually(
    async () => {
      const response = await stack.graphql<{
        me: { notifications: { edges: { node: { template: string } }[] } };
      }>(INBOX, { token: customer.token });
      const templates = response.data!.me.notifications.edges.map((edge) => edge.node.template);
      return templates.includes(template) ? templates : undefined;
    },
    30_000,
    `a ${template} message`,
  );

/** No seat of the showtime is in two live bookings, and live bookings hold their seats. */
async function expectNoSeatSoldTwice() {
  const { rows } = await bookingsDb.query<{ seat: string; bookings: number }>(
    `SELECT seat, count(*)::int AS bookings FROM bookings, unnest(seat_ids) AS seat
      WHERE showtime_id = $1 AND status IN ('CONFIRMED', 'PENDING_PAYMENT')
      GROUP BY seat HAVING count(*) > 1`,
    [showtimeId],
  );
  expect(rows).toEqual([]);
  const { rows: unreserved } = await bookingsDb.query(
    `SELECT b.id FROM bookings b, unnest(b.seat_ids) AS seat
      WHERE b.showtime_id = $1 AND b.status = 'CONFIRMED' AND NOT EXISTS (
        SELECT 1 FROM seat_reservations r WHERE r.showtime_id = $1 AND r.seat_id = seat
           AND r.booking_id = b.id)`,
    [showtimeId],
  );
  expect(unreserved).toEqual([]);
}

/** What bookings parked in its dead-letter queue, read without removing it. */
async function bookingsDeadLetters() {
  const connection = await connect(testEnvironment.amqpUrl);
  try {
    const channel = await connection.createChannel();
    const topology = queueTopology(stack.eventsEnv['EVENTS_PREFIX']!, 'bookings', []);
    const letters: { type: string; bookingId: string; reason: string }[] = [];
    for (let m = await channel.get(topology.deadLetterQueue); m;) {
      const envelope = JSON.parse(m.content.toString()) as {
        type: string;
        data: { bookingId: string };
      };
      letters.push({
        type: envelope.type,
        bookingId: envelope.data.bookingId,
        reason: String(m.properties.headers?.['cg-dead-letter-reason']),
      });
      m = await channel.get(topology.deadLetterQueue);
    }
    await channel.close(); // unacknowledged: back in the queue
    return letters;
  } finally {
    await connection.close();
  }
}

const figures: { scenario: string; outcome: string; seconds: number }[] = [];
afterAll(() => {
  // Printed, not asserted: how long each payment took to settle, for the record.
  if (figures.length) console.warn(`reconciliation figures:\n${JSON.stringify(figures)}`);
});

describe.skipIf(stack.mode === 'embedded')('payment reconciliation', () => {
  it('settles payments made while bookings was stopped past the retry budget', async () => {
    const purchases: Purchase[] = [];
    for (const name of ['Ada', 'Ben', 'Cy']) purchases.push(await bookedCustomer(name));
    await stack.stopProcess('bookings');
    for (const purchase of purchases) await pay(purchase);
    // Longer than the retry budget and the holds: the bookings expire while nobody is
    // there to take the payments.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await stack.startProcess('bookings');

    const outcomes = await settled(purchases);
    for (const [purchase, { outcome, seconds }] of outcomes) {
      figures.push({ scenario: 'bookings stopped', outcome, seconds });
      expect(outcome).toBe('confirmed');
      await toldWith(purchase.customer, 'ticket');
    }
    await expectNoSeatSoldTwice();
  }, 120_000);

  it('settles payments parked while the bookings database refused connections: confirmed where the seats were free, refunded where they were sold', async () => {
    const purchases: Purchase[] = [];
    for (const name of ['Dee', 'Eli', 'Fay']) purchases.push(await bookedCustomer(name));
    const holdsExpire = Date.now() + 5_000;
    const database = new URL(stack.databaseUrls['bookings']!).pathname.slice(1);
    await bookingsDb.end();
    await admin.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS false`);
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    try {
      for (const purchase of purchases) await pay(purchase);
      // bookings tries each payment.succeeded three times, then parks it.
      await eventually(
        async () => {
          const parked = await bookingsDeadLetters();
          const all = purchases.every((p) =>
            parked.some((l) => l.type === 'payment.succeeded' && l.bookingId === p.bookingId),
          );
          return all ? true : undefined;
        },
        30_000,
        'bookings to park every payment.succeeded',
      );
      // Until the holds, and so the bookings, have run out.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, holdsExpire - Date.now())));
    } finally {
      await admin.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS true`);
    }
    bookingsDb = new pg.Client({ connectionString: stack.databaseUrls['bookings'] });
    await bookingsDb.connect();

    // The first booking expires, and its seats are sold to someone else before the
    // reconciler asks about it: its customer must be refunded, the rival keeps them.
    const [sold, ...free] = purchases as [Purchase, ...Purchase[]];
    await eventually(
      async () => ((await bookingStatus(sold.bookingId)) === 'EXPIRED' ? true : undefined),
      20_000,
      'the unpaid booking to expire',
    );
    const rival: Purchase = await bookedCustomer('Rival', sold.seats);
    await pay(rival);

    const outcomes = await settled([...purchases, rival]);
    outcomes.delete(rival);
    for (const [purchase, { outcome, seconds }] of outcomes) {
      figures.push({ scenario: 'database refused connections', outcome, seconds });
      expect(outcome).toBe(purchase === sold ? 'refunded' : 'confirmed');
      await toldWith(purchase.customer, purchase === sold ? 'paymentRefunded' : 'ticket');
    }
    expect(free.length).toBe(2);
    expect(rival.seats).toEqual(sold.seats);
    await expectNoSeatSoldTwice();

    // Every dead letter is explained: a payment.succeeded parked while the database was
    // down, for a payment the reconciler has since settled.
    const letters = await bookingsDeadLetters();
    expect(letters.length).toBeGreaterThanOrEqual(purchases.length);
    for (const letter of letters) {
      expect(letter.type).toBe('payment.succeeded');
      expect(letter.reason).toMatch(/^exhausted: the handler failed 3 times/);
      expect(purchases.map((p) => p.bookingId)).toContain(letter.bookingId);
    }
    // Nothing is left unreconciled.
    const metrics = await (await fetch(`${stack.urls['payments']}/metrics`)).text();
    expect(metrics).toMatch(/^payments_unreconciled(\{[^}]*\})? 0$/m);
  }, 120_000);
});

describe.skipIf(stack.mode === 'embedded')('the broker', () => {
  it('refuses a payment.succeeded forged with another service’s broker user', async () => {
    const victim = await bookedCustomer('Gus');
    const exchange = exchangeName(stack.eventsEnv['EVENTS_PREFIX']!);
    const bookingsQueue = queueTopology(stack.eventsEnv['EVENTS_PREFIX']!, 'bookings', []).queue;
    const forged = createEnvelope('payment.succeeded', {
      paymentId: crypto.randomUUID(),
      bookingId: victim.bookingId,
      userId: victim.customer.id,
      amountCents: 1,
      currency: 'GBP',
    });
    const body = Buffer.from(JSON.stringify(forged));
    const publishAs = async (service: string, send: (channel: ConfirmChannel) => void) => {
      const connection = await connect(brokerUsers.amqpUrl(service));
      let refusal: string | undefined;
      try {
        const channel = await connection.createConfirmChannel();
        channel.on('error', (error: Error) => (refusal = error.message));
        send(channel);
        await channel.waitForConfirms();
        return 'accepted';
      } catch (error) {
        return refusal ?? (error as Error).message;
      } finally {
        await connection.close().catch(() => {});
      }
    };
    const options = { persistent: true, messageId: forged.id, type: forged.type };

    // 1. On the events exchange, notifications may publish no routing key at all.
    expect(
      await publishAs('notifications', (channel) =>
        channel.publish(exchange, 'payment.succeeded', body, {
          ...options,
          userId: brokerUsers.user('notifications'),
        }),
      ),
    ).toMatch(/ACCESS_REFUSED/);
    // 2. Nor may it say it is payments' user.
    expect(
      await publishAs('notifications', (channel) =>
        channel.sendToQueue(bookingsQueue, body, {
          ...options,
          userId: brokerUsers.user('payments'),
        }),
      ),
    ).toMatch(/PRECONDITION_FAILED/);
    // 3. Straight into bookings' queue as itself, the broker takes it: bookings refuses it.
    expect(
      await publishAs('notifications', (channel) =>
        channel.sendToQueue(bookingsQueue, body, {
          ...options,
          userId: brokerUsers.user('notifications'),
        }),
      ),
    ).toBe('accepted');
    const letter = await eventually(
      async () => (await bookingsDeadLetters()).find((l) => l.bookingId === victim.bookingId),
      20_000,
      'bookings to park the forged event',
    );
    expect(letter.reason).toBe(
      `forged: payment.succeeded was sent by broker user "${brokerUsers.user('notifications')}", not by payments's ("${brokerUsers.user('payments')}")`,
    );
    expect(await bookingStatus(victim.bookingId)).not.toBe('CONFIRMED');
    const { rows } = await bookingsDb.query(
      `SELECT 1 FROM outbox WHERE type = 'booking.confirmed' AND data->>'bookingId' = $1`,
      [victim.bookingId],
    );
    expect(rows).toEqual([]);
  });
});
