import { createHash } from 'node:crypto';
import { emit } from '@cinegraph/events';
import type { Viewer } from '@cinegraph/service-kit';
import { badInput, conflict, forbidden, isUniqueViolation, notFound } from '@cinegraph/service-kit';
import type { Payment, PayableBooking, PrismaClient } from '../generated/prisma/client.ts';
import type { PaymentProcessor } from '../processor/paymentProcessor.ts';
import { ProcessorTimeoutError } from '../processor/paymentProcessor.ts';
import { chargeWithRetry } from './chargeWithRetry.ts';

export interface PaymentDeps {
  db: PrismaClient;
  processor: PaymentProcessor;
  /** How long to wait for booking.created to arrive after createBooking answered. */
  bookingWaitMs: number;
}

const MAX_KEY_LENGTH = 100;

/**
 * The booking as payments knows it. A client that pays straight after createBooking may
 * be faster than booking.created; it waits a moment for it (docs/booking-saga.md).
 */
async function findBooking(
  db: PrismaClient,
  bookingId: string,
  waitMs: number,
): Promise<PayableBooking | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const booking = await db.payableBooking.findUnique({ where: { bookingId } });
    if (booking || Date.now() >= deadline) return booking;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Pays the viewer's booking: records the payment (PENDING), charges the processor with
 * the idempotency key (retrying timeouts), then records the outcome and its event in one
 * transaction. A crash between the charge and that record leaves it PENDING for the
 * settling worker, which asks the processor again with the same key.
 */
export async function payBooking(
  deps: PaymentDeps,
  viewer: Viewer,
  input: { bookingId: string; paymentMethodToken: string; idempotencyKey: string },
): Promise<Payment> {
  const { db } = deps;
  const { bookingId, paymentMethodToken, idempotencyKey } = input;
  if (idempotencyKey.length < 1 || idempotencyKey.length > MAX_KEY_LENGTH)
    throw badInput(`"idempotencyKey" must be 1 to ${MAX_KEY_LENGTH} characters.`, 'idempotencyKey');
  if (paymentMethodToken.length < 1 || paymentMethodToken.length > MAX_KEY_LENGTH)
    throw badInput(
      `"paymentMethodToken" must be 1 to ${MAX_KEY_LENGTH} characters.`,
      'paymentMethodToken',
    );
  const requestHash = createHash('sha256')
    .update(`${bookingId}\n${paymentMethodToken}`)
    .digest('hex');
  const replay = (payment: Payment) => {
    if (payment.requestHash !== requestHash)
      throw conflict('That idempotency key was used for another payment.');
    return payment;
  };
  const byKey = () =>
    db.payment.findUnique({
      where: { userId_idempotencyKey: { userId: viewer.id, idempotencyKey } },
    });

  const earlier = await byKey();
  if (earlier) return replay(earlier);

  const booking = await findBooking(db, bookingId, deps.bookingWaitMs);
  if (!booking) throw notFound('No booking has that id.');
  if (booking.userId !== viewer.id) throw forbidden('Only its customer may pay a booking.');
  if (booking.status !== 'PENDING_PAYMENT')
    throw conflict(`The booking cannot be paid: it is ${booking.status}.`);

  let payment: Payment;
  try {
    payment = await db.payment.create({
      data: {
        bookingId,
        userId: viewer.id,
        amountCents: booking.amountCents,
        currency: booking.currency,
        idempotencyKey,
        requestHash,
        paymentMethodToken,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await byKey();
    if (winner) return replay(winner);
    throw conflict('The booking is already paid, or being paid.');
  }
  return settlePayment(deps, payment);
}

/** Charges a PENDING payment and records the outcome; a timeout leaves it PENDING. */
export async function settlePayment(
  { db, processor }: Pick<PaymentDeps, 'db' | 'processor'>,
  payment: Payment,
): Promise<Payment> {
  let result;
  try {
    result = await chargeWithRetry(processor, {
      idempotencyKey: `charge:${payment.id}`,
      amountCents: payment.amountCents,
      currency: payment.currency,
      paymentMethodToken: payment.paymentMethodToken,
    });
  } catch (error) {
    if (error instanceof ProcessorTimeoutError) return payment;
    throw error;
  }
  return db.$transaction(async (tx) => {
    // The status condition: a concurrent settle of the same payment records it once.
    const succeeded = result.outcome === 'succeeded';
    const { count } = await tx.payment.updateMany({
      where: { id: payment.id, status: 'PENDING' },
      data:
        result.outcome === 'succeeded'
          ? { status: 'SUCCEEDED', processorChargeId: result.chargeId }
          : { status: 'FAILED', failureReason: result.reason },
    });
    const settled = await tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
    if (!count) return settled;
    const facts = { paymentId: settled.id, bookingId: settled.bookingId, userId: settled.userId };
    if (succeeded)
      await emit(tx, 'payment.succeeded', {
        ...facts,
        amountCents: settled.amountCents,
        currency: settled.currency,
      });
    else await emit(tx, 'payment.failed', { ...facts, reason: settled.failureReason! });
    return settled;
  });
}

/** Settles payments left PENDING (a timeout, a crash) for at least `olderThanMs`. */
export async function settlePendingPayments(
  deps: Pick<PaymentDeps, 'db' | 'processor'>,
  olderThanMs: number,
): Promise<number> {
  const stale = await deps.db.payment.findMany({
    where: { status: 'PENDING', updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
    take: 50,
  });
  for (const payment of stale) await settlePayment(deps, payment);
  return stale.length;
}
