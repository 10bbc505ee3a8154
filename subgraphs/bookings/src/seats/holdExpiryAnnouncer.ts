import type { Logger } from 'pino';
import type { SeatHolds } from '../holds/seatHolds.ts';
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
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        for (;;) {
          const expired = await options.holds.takeExpired(BATCH);
          const now = new Date();
          await Promise.all(expired.map((change) => options.availability.announce(change, now)));
          if (stopped || expired.length < BATCH) break;
        }
      } catch (error) {
        options.logger.warn({ err: error }, 'looking for expired holds failed; will retry');
      }
      if (!stopped) timer = setTimeout(tick, options.intervalMs);
    })();
  };
  timer = setTimeout(tick, options.intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
