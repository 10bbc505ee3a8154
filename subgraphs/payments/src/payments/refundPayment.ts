import type { PrismaClient } from '../generated/prisma/client.ts';
import { announcePaymentChange } from './announcePaymentChange.ts';
import type { PaymentProcessor } from '../processor/paymentProcessor.ts';

const BATCH = 50;

/**
 * Refunds the succeeded payments of cancelled bookings: those given, or (the sweep) any.
 *
 * The processor is called outside any transaction of ours: a refund is a call to another
 * system, and a transaction held open across it would hold a connection (PGlite has but
 * one) and row locks for as long as the processor takes. The consumer of booking.cancelled
 * only records the cancellation; this runs after that commit, and the settling worker runs
 * it again for anything a crash left behind. The processor's refund is idempotent on the
 * charge and the status condition records each refund, and its event, once: concurrent or
 * repeated runs refund once. A payment that succeeds after its booking was cancelled (the
 * two raced) is refunded too.
 *
 * Returns how many payments it refunded.
 */
export async function refundCancelledBookings(
  { db, processor }: { db: PrismaClient; processor: PaymentProcessor },
  bookingIds?: readonly string[],
): Promise<number> {
  const due = await db.$queryRaw<{ id: string; processor_charge_id: string }[]>`
    SELECT p.id, p.processor_charge_id FROM payments p
      JOIN payable_bookings b ON b.booking_id = p.booking_id
     WHERE b.status = 'CANCELLED' AND p.status = 'SUCCEEDED'
       AND p.processor_charge_id IS NOT NULL
       AND (${bookingIds ?? null}::uuid[] IS NULL OR p.booking_id = ANY(${bookingIds ?? null}::uuid[]))
     ORDER BY p.updated_at LIMIT ${BATCH}`;
  let refunded = 0;
  for (const { id, processor_charge_id: chargeId } of due) {
    await processor.refund({ chargeId });
    const done = await announcePaymentChange(
      db,
      { id, status: 'SUCCEEDED' },
      { status: 'REFUNDED' },
      'payment.refunded',
    );
    if (done) refunded++;
  }
  return refunded;
}
