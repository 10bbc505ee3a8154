import type { PrismaClient } from '../generated/prisma/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { announcePaymentChange } from '../payments/announcePaymentChange.ts';

/**
 * Reconciliation: every payment ends where its outcome says its booking should be. A
 * SUCCEEDED payment's booking must be CONFIRMED (or, cancelled, the payment REFUNDED); a
 * PENDING payment must get the processor's answer. Each fact payments knows has a time
 * (`since`: the payment's creation, or the booking status it last heard of, whichever is
 * later); a payment still short of its end `boundMs` after that is **unreconciled**.
 *
 * The booking's truth is bookings'. Payments asks for it the way the saga talks: it
 * announces the payment again (`payment.succeeded`, a new event id with the same facts),
 * and bookings settles the booking from whatever state it is in (bookings
 * `settlePaidBooking`): it confirms it (even an expired one whose seats are still free)
 * and sends the ticket, or it ends it with `booking.cancelled` (cause `ended`), on which
 * payments refunds and the customer is told. A question asked while bookings is down
 * waits in its queue; the asks back off (the bound, doubled per ask, at most an hour)
 * so a long outage does not pile them up.
 */

export interface UnreconciledSummary {
  count: number;
  /** Seconds since the oldest unreconciled payment's `since` (its last fact); 0 when none. */
  oldestAgeSeconds: number;
}

const ASK_BATCH = 50;
const MAX_ASK_BACKOFF_MS = 60 * 60 * 1000;

/**
 * The unreconciled payments, each with its booking's status as payments knows it and its
 * `since`: the one definition the gauge and the asks share.
 */
const unreconciled = (boundMs: number) => Prisma.sql`
  SELECT p.id, p.status, p.reconciliation_attempts, p.next_reconciliation_at, p.created_at,
         b.status AS booking_status, due.since
    FROM payments p
    LEFT JOIN payable_bookings b ON b.booking_id = p.booking_id
   CROSS JOIN LATERAL (SELECT GREATEST(p.created_at, COALESCE(b.updated_at, p.created_at)) AS since) due
   WHERE (p.status = 'PENDING' OR (p.status = 'SUCCEEDED' AND b.status IS DISTINCT FROM 'CONFIRMED'))
     AND due.since < now() - ${boundMs} * interval '1 millisecond'`;

/** How many payments are unreconciled, and how long the oldest has been (for metrics). */
export async function unreconciledSummary(
  db: PrismaClient,
  boundMs: number,
): Promise<UnreconciledSummary> {
  const [row] = await db.$queryRaw<{ count: number; oldest: number | null }[]>`
    SELECT count(*)::int AS count, EXTRACT(EPOCH FROM now() - min(since))::float8 AS oldest
      FROM (${unreconciled(boundMs)}) u`;
  return { count: row?.count ?? 0, oldestAgeSeconds: row?.oldest ?? 0 };
}

/**
 * Asks bookings to settle the booking of every SUCCEEDED payment that is unreconciled and
 * not due a refund (a CANCELLED booking is the refund sweep's), whose next ask is due.
 * Each ask records itself and its event in one transaction, conditioned on the attempt
 * count it read, so two reconcilers (a lease handover) ask once. Returns how many it asked.
 */
export async function askBookingsToSettle(db: PrismaClient, boundMs: number): Promise<number> {
  const due = await db.$queryRaw<{ id: string; attempts: number }[]>`
    SELECT id, reconciliation_attempts AS attempts FROM (${unreconciled(boundMs)}) u
     WHERE status = 'SUCCEEDED' AND booking_status IS DISTINCT FROM 'CANCELLED'
       AND (next_reconciliation_at IS NULL OR next_reconciliation_at <= now())
     ORDER BY created_at LIMIT ${ASK_BATCH}`;
  let asked = 0;
  for (const { id, attempts } of due) {
    const backoffMs = Math.min(boundMs * 2 ** attempts, MAX_ASK_BACKOFF_MS);
    const done = await announcePaymentChange(
      db,
      { id, status: 'SUCCEEDED', reconciliationAttempts: attempts },
      {
        reconciliationAttempts: attempts + 1,
        nextReconciliationAt: new Date(Date.now() + backoffMs),
      },
      'payment.succeeded',
    );
    if (done) asked++;
  }
  return asked;
}
