import type { Logger } from 'pino';
import type { SeatHolds } from '../holds/seatHolds.ts';
import type { SeatAvailability } from './seatAvailability.ts';
import { startSeatChangeWorker } from './seatChangeWorker.ts';

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
  return startSeatChangeWorker({
    ...options,
    take: () => options.holds.takeExpired(BATCH),
    batch: BATCH,
    failure: 'looking for expired holds failed; will retry',
  });
}
