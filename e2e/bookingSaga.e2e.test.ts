// The booking–payment saga end to end: hold → book → pay through the gateway, the events
// between bookings, payments and notifications over RabbitMQ, and what the customer sees.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, eventually } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import type { Account } from './support/accounts.ts';
import { register, signInAdmin } from './support/accounts.ts';
import { bookSeats, INBOX } from './support/booking.ts';
import { bookableShowtimeId, seatIdsOf } from './support/showtimes.ts';

// Short holds, so that expiry can be watched; payments settle in well under that.
const stack = useStack({
  processEnv: { bookings: { HOLD_TTL_SECONDS: '8', EXPIRY_POLL_INTERVAL_MS: '300' } },
});

const PAY = /* GraphQL */ `
  mutation ($bookingId: ID!, $token: String!, $key: String!) {
    payBooking(bookingId: $bookingId, paymentMethodToken: $token, idempotencyKey: $key) {
      id
      status
      amountCents
      failureReason
    }
  }
`;
const BOOKING = /* GraphQL */ `
  query ($id: ID!) {
    booking(id: $id) {
      status
      seats {
        id
      }
      payment {
        status
        amountCents
      }
    }
  }
`;
interface Payment {
  id: string;
  status: string;
  amountCents: number;
  failureReason: string | null;
}

let showtimeId: string;
let seatIds: string[];
let nextSeat = 0;
let payments: pg.Client;

beforeAll(async () => {
  showtimeId = await bookableShowtimeId(stack);
  seatIds = await seatIdsOf(stack, showtimeId);
  // The processor's charges, read from the payments database: services mode only (an
  // embedded stack's PGlite databases belong to its process).
  if (stack.mode === 'embedded') return;
  payments = new pg.Client({ connectionString: stack.databaseUrls['payments'] });
  await payments.connect();
});
afterAll(async () => {
  await payments?.end();
});

/** A customer with a booking of `count` fresh seats, waiting for payment. */
async function bookedCustomer(name: string, count = 2) {
  const customer = await register(stack, name);
  const seats = seatIds.slice(nextSeat, nextSeat + count);
  nextSeat += count;
  const booking = await bookSeats(stack, customer, showtimeId, seats, `book-${name}`);
  return { customer, seats, booking };
}

const pay = (customer: Account, bookingId: string, token: string, key: string) =>
  stack.graphql<{ payBooking: Payment }>(PAY, {
    token: customer.token,
    variables: { bookingId, token, key },
  });

async function bookingWhen(customer: Account, id: string, status: string) {
  return eventually(
    async () => {
      const response = await stack.graphql<{
        booking: { status: string; payment: { status: string; amountCents: number } | null };
      }>(BOOKING, { token: customer.token, variables: { id } });
      return response.data?.booking.status === status ? response.data.booking : undefined;
    },
    20_000,
    `booking ${id} to be ${status}`,
  );
}

async function templatesWhen(customer: Account, template: string) {
  return eventually(
    async () => {
      const response = await stack.graphql<{
        me: {
          notifications: { edges: { node: { template: string; subject: string; body: string } }[] };
        };
      }>(INBOX, { token: customer.token });
      const nodes = response.data!.me.notifications.edges.map((edge) => edge.node);
      return nodes.some((node) => node.template === template) ? nodes : undefined;
    },
    20_000,
    `a ${template} message`,
  );
}

async function seatStatus(seatId: string) {
  const response = await stack.graphql<{
    showtime: { seatMap: { seats: { id: string; status: string }[] }[] };
  }>('query ($id: ID!) { showtime(id: $id) { seatMap { seats { id status } } } }', {
    variables: { id: showtimeId },
  });
  return response.data!.showtime.seatMap.flatMap((row) => row.seats).find((s) => s.id === seatId)!
    .status;
}

const chargesFor = async (paymentId: string) =>
  (
    await payments.query<{ calls: number }>(
      'SELECT calls FROM processor_charges WHERE idempotency_key = $1',
      [`charge:${paymentId}`],
    )
  ).rows;

describe('the booking–payment saga', () => {
  it('hold → book → pay → CONFIRMED, seats SOLD, and the ticket arrives', async () => {
    const { customer, seats, booking } = await bookedCustomer('Happy');
    const paid = await pay(customer, booking.id, 'tok_visa', 'pay-1');
    expect(paid.errors).toBeUndefined();
    expect(paid.data!.payBooking).toMatchObject({
      status: 'SUCCEEDED',
      amountCents: booking.totalCents,
    });
    const confirmed = await bookingWhen(customer, booking.id, 'CONFIRMED');
    expect(confirmed.payment).toEqual({ status: 'SUCCEEDED', amountCents: booking.totalCents });
    expect(await seatStatus(seats[0]!)).toBe('SOLD');

    const inbox = await templatesWhen(customer, 'ticket');
    const ticket = inbox.find((n) => n.template === 'ticket')!;
    expect(ticket.subject).toMatch(/^Your tickets: /);
    expect(ticket.body).toContain(`Booking reference: ${booking.id}`);
    expect(ticket.body).toMatch(/Seats: [A-Z]\d+, [A-Z]\d+/);
  });

  it.skipIf(stack.mode === 'embedded')(
    'charges once for a payBooking sent twice with one key; another key or request is CONFLICT',
    async () => {
      const { customer, booking } = await bookedCustomer('Twice');
      const [first, second] = await Promise.all([
        pay(customer, booking.id, 'tok_visa', 'same-key'),
        pay(customer, booking.id, 'tok_visa', 'same-key'),
      ]);
      expect(first.data!.payBooking.id).toBe(second.data!.payBooking.id);
      const paymentId = first.data!.payBooking.id;
      await bookingWhen(customer, booking.id, 'CONFIRMED');
      expect(await chargesFor(paymentId)).toHaveLength(1);

      const otherRequest = await pay(customer, booking.id, 'tok_declined', 'same-key');
      expect(errorCodes(otherRequest)).toEqual(['CONFLICT']);
      const otherKey = await pay(customer, booking.id, 'tok_visa', 'another-key');
      expect(errorCodes(otherKey)).toEqual(['CONFLICT']);
    },
  );

  it.skipIf(stack.mode === 'embedded')(
    'retries a processor timeout with the same key: one charge, SUCCEEDED',
    async () => {
      const { customer, booking } = await bookedCustomer('Timeout');
      const paid = await pay(customer, booking.id, 'tok_timeout_once', 'slow');
      expect(paid.data!.payBooking.status).toBe('SUCCEEDED');
      const charges = await chargesFor(paid.data!.payBooking.id);
      expect(charges).toEqual([{ calls: 2 }]);
      await bookingWhen(customer, booking.id, 'CONFIRMED');
    },
  );

  it.each([
    ['tok_declined', 'card_declined'],
    ['tok_insufficient_funds', 'insufficient_funds'],
  ])(
    'a %s payment FAILS, the booking is CANCELLED and its seats AVAILABLE again',
    async (token, reason) => {
      const { customer, seats, booking } = await bookedCustomer(`Declined ${token}`);
      const paid = await pay(customer, booking.id, token, 'declined');
      expect(paid.data!.payBooking).toMatchObject({ status: 'FAILED', failureReason: reason });
      await bookingWhen(customer, booking.id, 'CANCELLED');
      expect(await seatStatus(seats[0]!)).toBe('AVAILABLE');
      const inbox = await templatesWhen(customer, 'paymentFailed');
      expect(inbox.map((n) => n.template)).not.toContain('bookingCancelled');
    },
  );

  it('cancelling a paid booking refunds it: REFUNDED, with the refund message', async () => {
    const { customer, seats, booking } = await bookedCustomer('Refund');
    await pay(customer, booking.id, 'tok_visa', 'refund-me');
    await bookingWhen(customer, booking.id, 'CONFIRMED');
    const cancelled = await stack.graphql<{ cancelBooking: { status: string } }>(
      'mutation ($id: ID!) { cancelBooking(id: $id) { status } }',
      { token: customer.token, variables: { id: booking.id } },
    );
    expect(cancelled.data!.cancelBooking.status).toBe('CANCELLED');
    const refunded = await bookingWhen(customer, booking.id, 'REFUNDED');
    expect(refunded.payment!.status).toBe('REFUNDED');
    expect(await seatStatus(seats[0]!)).toBe('AVAILABLE');
    await templatesWhen(customer, 'paymentRefunded');
  });

  it('an unpaid booking EXPIRES with its hold: seats AVAILABLE, and paying it then is CONFLICT', async () => {
    const { customer, seats, booking } = await bookedCustomer('Late');
    await bookingWhen(customer, booking.id, 'EXPIRED');
    expect(await seatStatus(seats[0]!)).toBe('AVAILABLE');
    await templatesWhen(customer, 'bookingExpired');
    await eventually(
      async () => {
        const late = await pay(customer, booking.id, 'tok_visa', 'too-late');
        return errorCodes(late)[0] === 'CONFLICT' ? true : undefined;
      },
      10_000,
      'payments to know the booking expired',
    );
  }, 40_000);

  it('keeps payments private: paying or reading someone else’s is FORBIDDEN', async () => {
    const { customer, booking } = await bookedCustomer('Private');
    const stranger = await register(stack, 'Stranger');
    expect(errorCodes(await pay(stranger, booking.id, 'tok_visa', 'steal'))).toEqual(['FORBIDDEN']);
    await pay(customer, booking.id, 'tok_visa', 'mine');
    const peek = await stack.graphql(BOOKING, {
      token: stranger.token,
      variables: { id: booking.id },
    });
    expect(errorCodes(peek)).toContain('FORBIDDEN');
    const admin = await signInAdmin(stack);
    const audit = await stack.graphql<{ booking: { payment: { status: string } } }>(BOOKING, {
      token: admin.token,
      variables: { id: booking.id },
    });
    expect(audit.data!.booking.payment.status).toBe('SUCCEEDED');
    const unknown = await pay(customer, crypto.randomUUID(), 'tok_visa', 'nothing');
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });
});
