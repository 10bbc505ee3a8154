import type { Logger } from 'pino';
import type { SeatChange } from '../holds/seatHolds.ts';
import type { SeatAvailability } from './seatAvailability.ts';

/**
 * Every `intervalMs` until stopped, takes a batch of seat changes (`take`: expired
 * bookings, holds that ran out) and announces them, again at once while batches come
 * back full. A failure is logged and retried at the next tick; `stop()` waits for the
 * batch in progress.
 */
export function startSeatChangeWorker(options: {
  take: () => Promise<SeatChange[]>;
  /** The most `take` returns: a full batch means there may be more. */
  batch: number;
  availability: SeatAvailability;
  intervalMs: number;
  logger: Logger;
  /** What the log says when a batch fails. */
  failure: string;
}): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const drain = async () => {
    while (!stopped) {
      const changes = await options.take();
      const now = new Date();
      await Promise.all(changes.map((change) => options.availability.announce(change, now)));
      if (changes.length < options.batch) return;
    }
  };
  const tick = () => {
    running = drain()
      .catch((error: unknown) => options.logger.warn({ err: error }, options.failure))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
      });
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
