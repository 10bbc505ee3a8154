import type { Logger } from 'pino';
import type { SeatHolds } from '../holds/seatHolds.ts';
import { startPollingWorker } from '../workers/pollingWorker.ts';
import type { SeatAvailability } from './seatAvailability.ts';

const BATCH = 100;

/**
 * Announces the seats of holds that ran out. Redis drops an expired hold's keys by itself;
 * this takes the holds whose time has passed off the expiry index every `intervalMs`
 * (each goes to exactly one replica) and announces their seats, which are then free
 * unless a booking has them.
 */
export function startHoldExpiryAnnouncer(options: {
  holds: SeatHolds;
  availability: SeatAvailability;
  intervalMs: number;
  logger: Logger;
}): { stop(): Promise<void> } {
  return startPollingWorker({
    intervalMs: options.intervalMs,
    logger: options.logger,
    failure: 'looking for expired holds failed; will retry',
    async step() {
      const expired = await options.holds.takeExpired(BATCH);
      const now = new Date();
      await Promise.all(expired.map((change) => options.availability.announce(change, now)));
      return expired.length === BATCH;
    },
  });
}
