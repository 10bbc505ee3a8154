import type { PubSub } from '@cinegraph/keyspace';
import { createPushIterator } from '@cinegraph/service-kit';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import type { SeatChange } from '../holds/seatHolds.ts';
import type { SeatStatus } from '../schema.types.generated.ts';
import type { SeatMapModel } from './seatMap.ts';

/** What `Subscription.seatAvailabilityChanged` sends, as it travels through pub/sub. */
export interface SeatAvailabilityEventModel {
  showtimeId: string;
  changedSeats: { seatId: string; status: SeatStatus }[];
  availableSeatCount: number;
  /** ISO-8601: when the change was committed. */
  occurredAt: string;
}

export interface SeatAvailability {
  /**
   * Tells every subscriber of the showtime, on every replica, the current status of these
   * seats and the showtime's available count. Call it after the change has committed: it
   * reads the state rather than trusting the caller's idea of it, so announcements that
   * race each other still leave every seat map right. Never throws (a failure is logged
   * and counted: the change itself has happened).
   */
  announce(change: SeatChange, occurredAt?: Date): Promise<void>;
  /**
   * The showtime's events until the iterator is returned. Resolves once the keyspace has
   * confirmed the subscription, so no change made after that is missed.
   */
  events(showtimeId: string): Promise<AsyncIterableIterator<SeatAvailabilityEventModel>>;
}

/**
 * Seat availability fanned out through the keyspace's pub/sub (Redis, or in-process): each
 * replica publishes the changes it makes and holds one subscription per watched showtime,
 * shared by its subscribers, so a change on replica A reaches subscribers on replica B.
 */
export function createSeatAvailability(options: {
  pubSub: PubSub;
  /** The showtime's seats with their status now (the seat map's own reading). */
  readSeatMap: (showtimeId: string) => Promise<SeatMapModel | null>;
  logger: Logger;
  published: Counter<'outcome'>;
}): SeatAvailability {
  const channel = (showtimeId: string) => `seats:${showtimeId}`;
  return {
    async announce({ showtimeId, seatIds }, occurredAt = new Date()) {
      if (!seatIds.length) return;
      try {
        const map = await options.readSeatMap(showtimeId);
        if (!map) return;
        const wanted = new Set(seatIds);
        const changedSeats: SeatAvailabilityEventModel['changedSeats'] = [];
        for (const row of map.rows)
          for (const seat of row.seats)
            if (wanted.has(seat.id)) changedSeats.push({ seatId: seat.id, status: seat.status });
        const event: SeatAvailabilityEventModel = {
          showtimeId,
          changedSeats,
          availableSeatCount: map.availableSeatCount,
          occurredAt: occurredAt.toISOString(),
        };
        await options.pubSub.publish(channel(showtimeId), JSON.stringify(event));
        options.published.inc({ outcome: 'published' });
      } catch (error) {
        options.published.inc({ outcome: 'failed' });
        options.logger.warn(
          { err: error, showtimeId },
          'announcing a seat change failed; open seat maps miss it until the next change',
        );
      }
    },
    events: (showtimeId) => subscribed(options.pubSub, channel(showtimeId)),
  };
}

/**
 * A channel's events, subscribed before the iterator is handed out (so nothing committed
 * after the client subscribed is missed), unsubscribed when it ends however it ends.
 */
async function subscribed<T>(pubSub: PubSub, channel: string): Promise<AsyncIterableIterator<T>> {
  let stop = () => {};
  const stream = createPushIterator<T>(() => stop());
  stop = await pubSub.listen(channel, (message) => stream.push(JSON.parse(message) as T));
  return stream;
}
