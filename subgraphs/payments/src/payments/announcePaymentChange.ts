import { emit } from '@cinegraph/events';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

/**
 * Changes a payment only if it is still as `where` expects and, when it was, emits `type`
 * with the payment's facts and money in the same transaction: callers racing on one
 * payment (two replicas, a retry) change and announce it once. Returns whether it did.
 */
export async function announcePaymentChange(
  db: PrismaClient,
  where: Prisma.PaymentWhereInput & { id: string },
  data: Prisma.PaymentUpdateManyMutationInput,
  type: 'payment.succeeded' | 'payment.refunded',
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.payment.updateMany({ where, data });
    if (!count) return false;
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: where.id } });
    await emit(tx, type, {
      paymentId: payment.id,
      bookingId: payment.bookingId,
      userId: payment.userId,
      amountCents: payment.amountCents,
      currency: payment.currency,
    });
    return true;
  });
}
