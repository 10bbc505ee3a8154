import type { Logger } from 'pino';
import { createSleeper } from '@cinegraph/events';
import type { NotificationChannel, PrismaClient } from '../generated/prisma/client.ts';
import type { Transports } from './transports.ts';

export interface DeliveryWorkerOptions {
  db: PrismaClient;
  transports: Transports;
  logger: Logger;
  maxAttempts: number;
  pollIntervalMs: number;
}

export interface DeliveryWorker {
  /** New notifications were committed: deliver them now. */
  wake(): void;
  /** Finishes the delivery in flight and stops. */
  stop(): Promise<void>;
}

interface DueNotification {
  id: string;
  channel: NotificationChannel;
  subject: string;
  body: string;
  address: string | null;
  attempts: number;
}

/** Retry waits: 30 s, 1 min, 2 min, ... capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Hands PENDING notifications to their channel's transport, one per transaction: the row
 * is locked (`FOR UPDATE SKIP LOCKED`, so replicas never send the same one) while it is
 * sent, then marked SENT, or rescheduled with backoff, or FAILED after the last attempt.
 * Recording a notification and sending it are separate steps, so a consumer's retry never
 * sends a message twice, and a crash mid-send leaves the row PENDING to be retried.
 */
export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { db, transports, maxAttempts } = options;
  const log = options.logger.child({ component: 'delivery-worker' });
  const sleeper = createSleeper();
  let stopped = false;

  async function deliverNext(): Promise<boolean> {
    return db.$transaction(
      async (tx) => {
        const [due] = await tx.$queryRaw<DueNotification[]>`
          SELECT id, channel, subject, body, address, attempts FROM notifications
           WHERE status = 'PENDING' AND next_attempt_at <= now()
           ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!due) return false;
        const attempts = due.attempts + 1;
        try {
          if (!due.address) throw new Error(`no ${due.channel} address is known for the user`);
          await transports[due.channel].send({
            notificationId: due.id,
            channel: due.channel,
            to: due.address,
            subject: due.subject,
            body: due.body,
          });
          await tx.notification.update({
            where: { id: due.id },
            data: { status: 'SENT', sentAt: new Date(), attempts, lastError: null },
          });
        } catch (error) {
          const lastError = error instanceof Error ? error.message : String(error);
          const failed = attempts >= maxAttempts || !due.address;
          log.warn(
            { err: error, notificationId: due.id, attempts, failed },
            failed ? 'giving up on a notification' : 'delivery failed; will retry',
          );
          await tx.notification.update({
            where: { id: due.id },
            data: failed
              ? { status: 'FAILED', attempts, lastError }
              : {
                  attempts,
                  lastError,
                  nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
                },
          });
        }
        return true;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

  const running = (async () => {
    let failures = 0;
    while (!stopped) {
      sleeper.clear();
      try {
        const delivered = await deliverNext();
        failures = 0;
        if (delivered) continue;
      } catch (error) {
        failures++;
        log.warn({ err: error, failures }, 'the delivery worker cannot reach its database');
        await sleeper.sleep(Math.min(30_000, 500 * 2 ** Math.min(failures, 6)), 'backoff');
        continue;
      }
      await sleeper.sleep(options.pollIntervalMs, 'poll');
    }
  })();

  return {
    wake: () => sleeper.wake(),
    async stop() {
      stopped = true;
      sleeper.interrupt();
      await running;
      await Promise.allSettled(
        [...new Set(Object.values(transports))].map((transport) => transport.close?.()),
      );
    },
  };
}
