// Reconciliation: which payments are unreconciled, asking bookings about them (once per
// due time, backing off), and the lease that keeps the reconciler to one replica.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope } from '@cinegraph/events';
import type { Viewer } from '@cinegraph/service-kit';
import { createPrismaClient } from '@cinegraph/service-kit';
import { useTestDatabase } from '@cinegraph/testing';
import { createHandlers } from '../src/events/handlers.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { payBooking } from '../src/payments/payBooking.ts';
import { createSimulatedProcessor } from '../src/processor/simulatedProcessor.ts';
import {
  askBookingsToSettle,
  unreconciledSummary,
} from '../src/reconciliation/reconcilePayments.ts';
import { createWorkerLease } from '@cinegraph/service-kit';

const database = useTestDatabase(
  path.resolve(import.meta.dirname, '../../../prisma/payments/migrations'),
);
let db: PrismaClient;

const BOUND_MS = 200;
const user = (): Viewer => ({ id: crypto.randomUUID(), role: 'USER' }) as Viewer;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies a bookings event as the payments consumer would. */
async function tell<Type extends 'booking.created' | 'booking.confirmed' | 'booking.expired'>(
  type: Type,
  data: Parameters<ReturnType<typeof createHandlers>[Type]>[1]['data'],
) {
  const event = createEnvelope(type, data as never);
  const handler = createHandlers()[type] as (tx: unknown, e: unknown) => Promise<void>;
  await db.$transaction((tx) => handler(tx, event));
}

/** A booking payments knows of, paid with `token`. */
async function paidBooking(token = 'tok_visa') {
  const viewer = user();
  const facts = {
    bookingId: crypto.randomUUID(),
    userId: viewer.id,
    showtimeId: crypto.randomUUID(),
  };
  await tell('booking.created', {
    ...facts,
    seatIds: [crypto.randomUUID()],
    amountCents: 1_500,
    currency: 'GBP',
  });
  const processor = createSimulatedProcessor(db);
  const payment = await payBooking({ db, processor, bookingWaitMs: 0 }, viewer, {
    bookingId: facts.bookingId,
    paymentMethodToken: token,
    idempotencyKey: crypto.randomUUID(),
  });
  return { facts, payment };
}

/** booking.confirmed for a booking: the ticket. */
const ticketFor = (facts: { bookingId: string; userId: string; showtimeId: string }) => ({
  ...facts,
  movieTitle: 'Heat',
  theaterName: 'The Electric',
  startsAt: new Date(Date.now() + 86_400_000).toISOString(),
  timeZone: 'Europe/London',
  seats: ['A1'],
  amountCents: 1_500,
  currency: 'GBP',
});

const asks = (paymentId: string) =>
  db.outboxEvent.count({
    where: { type: 'payment.succeeded', data: { path: ['paymentId'], equals: paymentId } },
  });

beforeAll(() => {
  db = createPrismaClient(PrismaClient, database.url, 10);
});
afterAll(async () => {
  await db?.$disconnect();
});

describe('reconciliation', () => {
  it('leaves a payment alone while its booking is confirmed in time', async () => {
    const { facts, payment } = await paidBooking();
    await tell('booking.confirmed', ticketFor(facts));
    await wait(BOUND_MS + 50);
    await askBookingsToSettle(db, BOUND_MS);
    expect(await asks(payment.id)).toBe(1); // its own payment.succeeded only
  });

  it('asks bookings once per due time about a succeeded payment whose booking expired', async () => {
    const before = await unreconciledSummary(db, BOUND_MS);
    const { facts, payment } = await paidBooking();
    expect(payment.status).toBe('SUCCEEDED');
    await tell('booking.expired', facts);
    // Within the bound it is not due.
    await askBookingsToSettle(db, BOUND_MS);
    expect(await asks(payment.id)).toBe(1);

    await wait(BOUND_MS + 50);
    const due = await unreconciledSummary(db, BOUND_MS);
    expect(due.count).toBe(before.count + 1);
    expect(due.oldestAgeSeconds).toBeGreaterThanOrEqual(BOUND_MS / 1000);
    // Two reconcilers at once (a lease handover) ask once.
    await Promise.all([askBookingsToSettle(db, BOUND_MS), askBookingsToSettle(db, BOUND_MS)]);
    expect(await asks(payment.id)).toBe(2);
    // The next ask waits for its backoff (the bound, doubled per ask).
    await askBookingsToSettle(db, BOUND_MS);
    expect(await asks(payment.id)).toBe(2);
    await wait(2 * BOUND_MS + 50);
    await askBookingsToSettle(db, BOUND_MS);
    expect(await asks(payment.id)).toBe(3);
    const asked = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(asked.reconciliationAttempts).toBe(2);

    // bookings answers: the booking is confirmed. The payment is reconciled.
    await tell('booking.confirmed', ticketFor(facts));
    expect((await unreconciledSummary(db, BOUND_MS)).count).toBe(before.count);
    await wait(4 * BOUND_MS + 50);
    await askBookingsToSettle(db, BOUND_MS);
    expect(await asks(payment.id)).toBe(3);
  });

  it('never asks about a failed payment', async () => {
    const { facts, payment } = await paidBooking('tok_declined');
    expect(payment.status).toBe('FAILED');
    await tell('booking.expired', facts);
    await wait(BOUND_MS + 50);
    await askBookingsToSettle(db, BOUND_MS);
    expect(await asks(payment.id)).toBe(0);
  });
});

describe('the reconciler lease', () => {
  it('is held by one process at a time, renewed by it, and taken over once it expires', async () => {
    const name = `lease-${crypto.randomUUID()}`;
    const first = createWorkerLease(db, name, 300);
    const second = createWorkerLease(db, name, 300);
    const outcomes = await Promise.all([first.acquire(), second.acquire()]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const [holder, other] = outcomes[0] ? [first, second] : [second, first];
    expect(await holder.acquire()).toBe(true);
    expect(await other.acquire()).toBe(false);
    await wait(350);
    expect(await other.acquire()).toBe(true);
    expect(await holder.acquire()).toBe(false);
    await other.release();
    expect(await holder.acquire()).toBe(true);
    await holder.release();
  });
});
