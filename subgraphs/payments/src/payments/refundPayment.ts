import { emit } from '@cinegraph/events';
import type { Prisma } from '../generated/prisma/client.ts';
import type { PaymentProcessor } from '../processor/paymentProcessor.ts';

/**
 * Refunds a booking's succeeded payment inside the caller's transaction (the consumer of
 * booking.cancelled): the processor's refund is idempotent on the charge, so a redelivered
 * event refunds once. Returns whether there was something to refund.
 */
export async function refundBookingPayment(
  tx: Prisma.TransactionClient,
  processor: PaymentProcessor,
  bookingId: string,
): Promise<boolean> {
  const payment = await tx.payment.findUnique({ where: { bookingId } });
  if (!payment || payment.status !== 'SUCCEEDED' || !payment.processorChargeId) return false;
  await processor.refund({ chargeId: payment.processorChargeId });
  await tx.payment.update({ where: { id: payment.id }, data: { status: 'REFUNDED' } });
  await emit(tx, 'payment.refunded', {
    paymentId: payment.id,
    bookingId,
    userId: payment.userId,
    amountCents: payment.amountCents,
    currency: payment.currency,
  });
  return true;
}
