import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, eventConsumers } from '@cinegraph/events';
import type { Viewer } from '@cinegraph/service-kit';
import { createPrismaClient } from '@cinegraph/service-kit';
import { useTestDatabase } from '@cinegraph/testing';
import { createHandlers } from '../src/events/handlers.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { payBooking, settlePendingPayments } from '../src/payments/payBooking.ts';
import type { PaymentProcessor } from '../src/processor/paymentProcessor.ts';
import { ProcessorTimeoutError } from '../src/processor/paymentProcessor.ts';
import { createSimulatedProcessor } from '../src/processor/simulatedProcessor.ts';
import { refundCancelledBookings } from '../src/payments/refundPayment.ts';

const database = useTestDatabase(
  path.resolve(import.meta.dirname, '../../../prisma/payments/migrations'),
);
let db: PrismaClient;
let processor: PaymentProcessor;

const user = (): Viewer => ({ id: crypto.randomUUID(), role: 'USER' }) as Viewer;
const deps = () => ({ db, processor, bookingWaitMs: 0 });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (error: { extensions?: { code?: string } }) => error.extensions?.code ?? String(error),
  );

/** A booking as booking.created tells payments of it. */
async function bookingFor(viewer: Viewer, amountCents = 2_400) {
  const event = createEnvelope('booking.created', {
    bookingId: crypto.randomUUID(),
    userId: viewer.id,
    showtimeId: crypto.randomUUID(),
    seatIds: [crypto.randomUUID()],
    amountCents,
    currency: 'GBP',
  });
  await db.$transaction((tx) => createHandlers()['booking.created'](tx, event));
  return event.data.bookingId;
}

/** A PENDING payment as payBooking records it before the processor answers, `ageMs` old. */
const pendingPayment = (viewer: Viewer, bookingId: string, idempotencyKey: string, ageMs = 0) =>
  db.payment.create({
    data: {
      bookingId,
      userId: viewer.id,
      amountCents: 2_400,
      currency: 'GBP',
      idempotencyKey,
      requestHash: 'x',
      paymentMethodToken: 'tok_visa',
      updatedAt: new Date(Date.now() - ageMs),
    },
  });

const eventsOf = (type: string, bookingId: string) =>
  db.outboxEvent.count({ where: { type, data: { path: ['bookingId'], equals: bookingId } } });

beforeAll(() => {
  db = createPrismaClient(PrismaClient, database.url, 10);
  processor = createSimulatedProcessor(db);
});
afterAll(async () => {
  await db?.$disconnect();
});

describe('the payments consumer', () => {
  it('handles exactly the events its subscription lists', () => {
    expect(Object.keys(createHandlers()).sort()).toEqual([...eventConsumers.payments].sort());
  });
});

describe('the simulated processor', () => {
  it('charges once per idempotency key, however many concurrent calls', async () => {
    const request = {
      idempotencyKey: `charge:${crypto.randomUUID()}`,
      amountCents: 100,
      currency: 'GBP',
      paymentMethodToken: 'tok_visa',
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => processor.charge(request)));
    expect(
      new Set(results.map((r) => (r.outcome === 'succeeded' ? r.chargeId : r.reason))).size,
    ).toBe(1);
    const charge = await db.processorCharge.findUniqueOrThrow({
      where: { idempotencyKey: request.idempotencyKey },
    });
    expect(charge.calls).toBe(5);
  });

  it('times out once for tok_timeout_once, then answers with the same charge', async () => {
    const request = {
      idempotencyKey: `charge:${crypto.randomUUID()}`,
      amountCents: 100,
      currency: 'GBP',
      paymentMethodToken: 'tok_timeout_once',
    };
    await expect(processor.charge(request)).rejects.toBeInstanceOf(ProcessorTimeoutError);
    expect(await processor.charge(request)).toMatchObject({ outcome: 'succeeded' });
  });
});

describe('payBooking', () => {
  it('charges the booking’s amount, never the client’s, and records payment.succeeded', async () => {
    const viewer = user();
    const bookingId = await bookingFor(viewer, 3_150);
    const payment = await payBooking(deps(), viewer, {
      bookingId,
      paymentMethodToken: 'tok_visa',
      idempotencyKey: 'k',
    });
    expect(payment).toMatchObject({ status: 'SUCCEEDED', amountCents: 3_150, currency: 'GBP' });
    expect(await eventsOf('payment.succeeded', bookingId)).toBe(1);
  });

  it('records a decline as FAILED with its reason, and payment.failed', async () => {
    const viewer = user();
    const bookingId = await bookingFor(viewer);
    const payment = await payBooking(deps(), viewer, {
      bookingId,
      paymentMethodToken: 'tok_insufficient_funds',
      idempotencyKey: 'k',
    });
    expect(payment).toMatchObject({ status: 'FAILED', failureReason: 'insufficient_funds' });
    expect(await eventsOf('payment.failed', bookingId)).toBe(1);
  });

  it('answers bad requests with the right code and writes nothing', async () => {
    const viewer = user();
    const bookingId = await bookingFor(viewer);
    const attempt = (who: Viewer, input: Partial<Parameters<typeof payBooking>[2]>) =>
      codeOf(
        payBooking(deps(), who, {
          bookingId,
          paymentMethodToken: 'tok_visa',
          idempotencyKey: 'x',
          ...input,
        }),
      );
    expect(await attempt(viewer, { idempotencyKey: '' })).toBe('BAD_USER_INPUT');
    expect(await attempt(viewer, { idempotencyKey: 'k'.repeat(101) })).toBe('BAD_USER_INPUT');
    expect(await attempt(viewer, { paymentMethodToken: '' })).toBe('BAD_USER_INPUT');
    expect(await attempt(user(), {})).toBe('FORBIDDEN');
    expect(await attempt(viewer, { bookingId: crypto.randomUUID() })).toBe('NOT_FOUND');
    expect(await db.payment.count({ where: { bookingId } })).toBe(0);

    await db.$transaction((tx) =>
      createHandlers()['booking.expired'](
        tx,
        createEnvelope('booking.expired', {
          bookingId,
          userId: viewer.id,
          showtimeId: crypto.randomUUID(),
        }),
      ),
    );
    expect(await attempt(viewer, {})).toBe('CONFLICT');
  });

  it('settles a payment left PENDING by a crash, charging once', async () => {
    const viewer = user();
    const bookingId = await bookingFor(viewer);
    const pending = await pendingPayment(viewer, bookingId, 'crashed', 60_000);
    await Promise.all([settlePendingPayments(deps(), 1_000), settlePendingPayments(deps(), 1_000)]);
    expect((await db.payment.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe(
      'SUCCEEDED',
    );
    expect(await eventsOf('payment.succeeded', bookingId)).toBe(1);
    expect(
      await db.processorCharge.count({ where: { idempotencyKey: `charge:${pending.id}` } }),
    ).toBe(1);
  });
});

describe('refunds', () => {
  it('refund a paid booking once when it is cancelled, however often the event arrives', async () => {
    const viewer = user();
    const bookingId = await bookingFor(viewer);
    const payment = await payBooking(deps(), viewer, {
      bookingId,
      paymentMethodToken: 'tok_visa',
      idempotencyKey: 'k',
    });
    const cancelled = createEnvelope('booking.cancelled', {
      bookingId,
      userId: viewer.id,
      showtimeId: crypto.randomUUID(),
      reason: 'cancelled by the customer',
      cause: 'customer',
    });
    // The consumer records the cancellation (twice: a redelivery); the refund runs after
    // each commit, and the settling worker's sweep again, all at once here.
    const handle = () =>
      db.$transaction((tx) => createHandlers()['booking.cancelled'](tx, cancelled));
    await handle();
    await handle();
    const runs = await Promise.all([
      refundCancelledBookings(deps(), [bookingId]),
      refundCancelledBookings(deps(), [bookingId]),
      refundCancelledBookings(deps()),
    ]);
    expect(runs.reduce((a, b) => a + b)).toBe(1);
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe(
      'REFUNDED',
    );
    expect(await eventsOf('payment.refunded', bookingId)).toBe(1);
    const charge = await db.processorCharge.findUniqueOrThrow({
      where: { chargeId: payment.processorChargeId! },
    });
    expect(charge.refundedAt).toBeInstanceOf(Date);
  });

  it('refund a payment that succeeded after its booking was cancelled (the two raced)', async () => {
    const viewer = user();
    const bookingId = await bookingFor(viewer);
    // Taken while the booking could still be paid; the processor has not answered yet.
    const pending = await pendingPayment(viewer, bookingId, 'raced');
    await db.$transaction((tx) =>
      createHandlers()['booking.cancelled'](
        tx,
        createEnvelope('booking.cancelled', {
          bookingId,
          userId: viewer.id,
          showtimeId: crypto.randomUUID(),
          reason: 'cancelled by the customer',
          cause: 'customer',
        }),
      ),
    );
    expect(await refundCancelledBookings(deps(), [bookingId])).toBe(0); // nothing taken yet
    await db.payment.update({
      where: { id: pending.id },
      data: { updatedAt: new Date(Date.now() - 60_000) },
    });
    await settlePendingPayments(deps(), 1_000);
    expect((await db.payment.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe(
      'SUCCEEDED',
    );
    expect(await refundCancelledBookings(deps())).toBeGreaterThanOrEqual(1);
    expect((await db.payment.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe(
      'REFUNDED',
    );
    expect(await eventsOf('payment.refunded', bookingId)).toBe(1);
  });
});
