import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Counter } from 'prom-client';

/** A hold as Redis keeps it (JSON under `hold:<id>`), for as long as it lives. */
export interface HoldRecord {
  id: string;
  userId: string;
  showtimeId: string;
  seatIds: string[];
  totalCents: number;
  currency: string;
  expiresAt: string;
}

const keys = {
  hold: (holdId: string) => `hold:${holdId}`,
  seat: (showtimeId: string, seatId: string) => `hold:seat:${showtimeId}:${seatId}`,
  user: (showtimeId: string, userId: string) => `hold:user:${showtimeId}:${userId}`,
};

/**
 * Takes every seat or none, atomically (one script: nothing can run between its checks
 * and its writes). A seat is free when no key holds it, or when the user's previous hold
 * for this showtime does, which the new hold replaces: its seats are released first.
 * KEYS: user pointer, new hold record, then one key per seat.
 * ARGV: new hold id, TTL in ms, the record JSON, the client's key prefix, showtime id.
 * Returns the 1-based positions of the seats someone else holds (empty: held).
 */
const HOLD_SCRIPT = `
local previous = redis.call('GET', KEYS[1])
local taken = {}
for i = 3, #KEYS do
  local owner = redis.call('GET', KEYS[i])
  if owner and owner ~= previous then table.insert(taken, i - 2) end
end
if #taken > 0 then return taken end
if previous then
  local record = redis.call('GET', ARGV[4] .. 'hold:' .. previous)
  if record then
    for _, seat in ipairs(cjson.decode(record).seatIds) do
      local key = ARGV[4] .. 'hold:seat:' .. ARGV[5] .. ':' .. seat
      if redis.call('GET', key) == previous then redis.call('DEL', key) end
    end
    redis.call('DEL', ARGV[4] .. 'hold:' .. previous)
  end
end
for i = 3, #KEYS do redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2]) end
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return taken
`;

/**
 * Gives back the seats a hold still owns. KEYS: the hold record, the user pointer, then
 * the seat keys. ARGV: the hold id. Returns 1 when the record existed.
 */
const RELEASE_SCRIPT = `
for i = 3, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
end
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return redis.call('DEL', KEYS[1])
`;

export interface SeatHolds {
  /** Holds the seats or returns the ids of those someone else holds. */
  hold(
    record: Omit<HoldRecord, 'id' | 'expiresAt'>,
    ttlMs: number,
  ): Promise<{ held: HoldRecord } | { taken: string[] }>;
  read(holdId: string): Promise<HoldRecord | null>;
  /** Releases the hold's seats and forgets it; false when there was no such hold. */
  release(hold: Pick<HoldRecord, 'id' | 'userId' | 'showtimeId' | 'seatIds'>): Promise<boolean>;
  /** Forgets the hold (it became a booking) but leaves its seats held until they expire. */
  consume(hold: HoldRecord): Promise<void>;
  /** The ids of the seats a live hold has, among those asked. */
  heldSeats(showtimeId: string, seatIds: readonly string[]): Promise<Set<string>>;
}

/**
 * The hold store. `holds`, when given, counts outcomes for the booking funnel: held,
 * conflict (some seat was taken) and released (by the customer or the expiry worker).
 */
export function createSeatHolds(redis: Redis, holds?: Counter<'outcome'>): SeatHolds {
  const prefix = redis.options.keyPrefix ?? '';
  return {
    async hold(fields, ttlMs) {
      const held: HoldRecord = {
        ...fields,
        id: randomUUID(),
        expiresAt: new Date(Date.now() + ttlMs).toISOString(),
      };
      const taken = (await redis.eval(
        HOLD_SCRIPT,
        2 + fields.seatIds.length,
        keys.user(fields.showtimeId, fields.userId),
        keys.hold(held.id),
        ...fields.seatIds.map((seatId) => keys.seat(fields.showtimeId, seatId)),
        held.id,
        ttlMs,
        JSON.stringify(held),
        prefix,
        fields.showtimeId,
      )) as number[];
      holds?.inc({ outcome: taken.length ? 'conflict' : 'held' });
      return taken.length ? { taken: taken.map((i) => fields.seatIds[i - 1]!) } : { held };
    },

    async read(holdId) {
      const record = await redis.get(keys.hold(holdId));
      return record ? (JSON.parse(record) as HoldRecord) : null;
    },

    async release(hold) {
      const existed = (await redis.eval(
        RELEASE_SCRIPT,
        2 + hold.seatIds.length,
        keys.hold(hold.id),
        keys.user(hold.showtimeId, hold.userId),
        ...hold.seatIds.map((seatId) => keys.seat(hold.showtimeId, seatId)),
        hold.id,
      )) as number;
      if (existed === 1) holds?.inc({ outcome: 'released' });
      return existed === 1;
    },

    async consume(hold) {
      await redis
        .multi()
        .del(keys.hold(hold.id))
        .eval(
          `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`,
          1,
          keys.user(hold.showtimeId, hold.userId),
          hold.id,
        )
        .exec();
    },

    async heldSeats(showtimeId, seatIds) {
      if (!seatIds.length) return new Set();
      const owners = await redis.mget(...seatIds.map((seatId) => keys.seat(showtimeId, seatId)));
      return new Set(seatIds.filter((_, i) => owners[i] !== null));
    },
  };
}
