import { randomUUID } from 'node:crypto';
import type { Locks } from '@cinegraph/keyspace';
import type { Counter } from 'prom-client';

/** A hold, as its lease keeps it for as long as it lives. */
export interface HoldRecord {
  id: string;
  userId: string;
  showtimeId: string;
  seatIds: string[];
  totalCents: number;
  currency: string;
  expiresAt: string;
}

/** A seat's lock key: seats are per showtime. */
const seatKey = (showtimeId: string, seatId: string) => `${showtimeId}:${seatId}`;
/** A customer has at most one hold per showtime: a new one replaces it. */
const groupOf = (hold: Pick<HoldRecord, 'showtimeId' | 'userId'>) =>
  `${hold.showtimeId}:${hold.userId}`;

/** Seats whose status may have changed: a showtime and some of its seats. */
export interface SeatChange {
  showtimeId: string;
  seatIds: string[];
}

export interface SeatHolds {
  /** Holds the seats or returns the ids of those someone else holds. */
  hold(
    record: Omit<HoldRecord, 'id' | 'expiresAt'>,
    ttlMs: number,
  ): Promise<{ held: HoldRecord; released: string[] } | { taken: string[] }>;
  read(holdId: string): Promise<HoldRecord | null>;
  /** Releases the hold's seats and forgets it; false when there was no such hold. */
  release(hold: Pick<HoldRecord, 'id' | 'userId' | 'showtimeId' | 'seatIds'>): Promise<boolean>;
  /** Forgets the hold (it became a booking) but leaves its seats held until they expire. */
  consume(hold: HoldRecord): Promise<void>;
  /**
   * Takes up to `limit` holds that have expired off the expiry index: each is returned
   * to exactly one caller, whichever replica asks first.
   */
  takeExpired(limit: number): Promise<SeatChange[]>;
  /** The ids of the seats a live hold has, among those asked (a hold other than `except`). */
  heldSeats(showtimeId: string, seatIds: readonly string[], except?: string): Promise<Set<string>>;
  /**
   * `heldSeats` for several showtimes in one round trip (a seat map batch): the held seats
   * of each, in the order asked.
   */
  heldSeatsOfEach(
    showtimes: readonly { showtimeId: string; seatIds: readonly string[] }[],
  ): Promise<Set<string>[]>;
}

/**
 * The hold store, on the keyspace's locks (namespace `hold`): a hold is a lease on its
 * seats, in the group of its customer and showtime, so that taking every seat or none,
 * replacing the customer's previous hold and expiry are each one atomic step. `holds`,
 * when given, counts outcomes for the booking funnel: held, conflict (some seat was
 * taken) and released (by the customer or the expiry worker).
 */
export function createSeatHolds(locks: Locks<HoldRecord>, holds?: Counter<'outcome'>): SeatHolds {
  return {
    async hold(fields, ttlMs) {
      const held: HoldRecord = {
        ...fields,
        id: randomUUID(),
        expiresAt: new Date(Date.now() + ttlMs).toISOString(),
      };
      const keys = fields.seatIds.map((seatId) => seatKey(fields.showtimeId, seatId));
      const result = await locks.acquire(
        { id: held.id, group: groupOf(held), keys, data: held },
        ttlMs,
      );
      holds?.inc({ outcome: result.acquired ? 'held' : 'conflict' });
      const seatOf = (key: string) => key.slice(fields.showtimeId.length + 1);
      return result.acquired
        ? { held, released: result.released.map(seatOf) }
        : { taken: result.taken.map(seatOf) };
    },

    async read(holdId) {
      return (await locks.read(holdId))?.data ?? null;
    },

    async release(hold) {
      const existed = await locks.release({
        id: hold.id,
        group: groupOf(hold),
        keys: hold.seatIds.map((seatId) => seatKey(hold.showtimeId, seatId)),
      });
      if (existed) holds?.inc({ outcome: 'released' });
      return existed;
    },

    // Its seats stay held for the booking: their end is the booking's, announced then.
    consume: (hold) => locks.detach({ id: hold.id, group: groupOf(hold) }),

    async takeExpired(limit) {
      return (await locks.takeExpired(limit)).map(({ data }) => ({
        showtimeId: data.showtimeId,
        seatIds: data.seatIds,
      }));
    },

    async heldSeats(showtimeId, seatIds, except) {
      return (await heldSeatsOfEach(locks, [{ showtimeId, seatIds }], except))[0]!;
    },

    heldSeatsOfEach: (showtimes) => heldSeatsOfEach(locks, showtimes),
  };
}

/** The seats held (by a lease other than `except`) of each showtime, with one `holders` call. */
async function heldSeatsOfEach(
  locks: Locks<HoldRecord>,
  showtimes: readonly { showtimeId: string; seatIds: readonly string[] }[],
  except?: string,
): Promise<Set<string>[]> {
  const holders = await locks.holders(
    showtimes.flatMap(({ showtimeId, seatIds }) =>
      seatIds.map((seatId) => seatKey(showtimeId, seatId)),
    ),
  );
  let at = 0;
  return showtimes.map(({ seatIds }) => {
    const held = new Set<string>();
    for (const seatId of seatIds) {
      const holder = holders[at++];
      if (holder !== null && holder !== except) held.add(seatId);
    }
    return held;
  });
}
