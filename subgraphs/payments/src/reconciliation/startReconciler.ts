import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { settlePendingPayments } from '../payments/payBooking.ts';
import { refundCancelledBookings } from '../payments/refundPayment.ts';
import type { PaymentProcessor } from '../processor/paymentProcessor.ts';
import { askBookingsToSettle } from './reconcilePayments.ts';
import type { WorkerLease } from '@cinegraph/service-kit';

export interface ReconcilerOptions {
  db: PrismaClient;
  processor: PaymentProcessor;
  lease: WorkerLease;
  intervalMs: number;
  /** How long a payment may be short of its end before it is reconciled. */
  boundMs: number;
  logger: Logger;
  /** Actions taken, by kind: settled (a PENDING payment), refunded, asked. */
  actions: Counter<'action'>;
}

/**
 * The reconciler: every `intervalMs`, in the one replica that holds the lease, it
 * settles PENDING payments with the processor (a timeout or a crash left them), refunds
 * the succeeded payments of cancelled bookings (a crash between a cancellation and its
 * refund, or a refund the processor refused for a while), and asks bookings to settle the
 * bookings of succeeded payments that are unreconciled (reconcilePayments.ts). Every step
 * is idempotent: a run cut short, or two runs at a lease handover, change nothing twice.
 */
export function startReconciler(options: ReconcilerOptions): { stop(): Promise<void> } {
  const { db, processor, lease, logger, actions } = options;
  let running: Promise<void> | null = null;
  let stopped = false;

  async function run(): Promise<void> {
    if (!(await lease.acquire())) return;
    const settled = await settlePendingPayments({ db, processor }, options.intervalMs);
    const refunded = await refundCancelledBookings({ db, processor });
    const asked = await askBookingsToSettle(db, options.boundMs);
    if (settled) actions.inc({ action: 'settled' }, settled);
    if (refunded) actions.inc({ action: 'refunded' }, refunded);
    if (asked) {
      actions.inc({ action: 'asked' }, asked);
      logger.warn({ asked }, 'asked bookings to settle the bookings of unreconciled payments');
    }
  }

  const timer = setInterval(() => {
    if (running || stopped) return;
    running = run()
      .catch((error: unknown) => logger.warn({ err: error }, 'reconciling failed; will retry'))
      .finally(() => (running = null));
  }, options.intervalMs);

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await lease.release().catch(() => {});
    },
  };
}
