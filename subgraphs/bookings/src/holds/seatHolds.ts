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
  /** Live holds by expiry time (a sorted set), so that expiries can be announced. */
  expiries: 'hold:expiries',
  /** What each hold in `expiries` covers: `{"showtimeId","seatIds"}` by hold id (a hash). */
  expiring: 'hold:expiring',
  seat: (showtimeId: string, seatId: string) => `hold:seat:${showtimeId}:${seatId}`,
  user: (showtimeId: string, userId: string) => `hold:user:${showtimeId}:${userId}`,
};

/** Redis's clock in milliseconds, inside a script (the clock key expiry uses). */
const NOW_MS = `local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)`;

/**
 * Takes every seat or none, atomically (one script: nothing can run between its checks
 * and its writes). A seat is free when no key holds it, or when the user's previous hold
 * for this showtime does, which the new hold replaces: its seats are released first.
 * The hold is filed under its expiry time (a few ms after its keys expire) for the sweep
 * that announces expiries.
 * KEYS: user pointer, new hold record, then one key per seat.
 * ARGV: new hold id, TTL in ms, the record JSON, the client's key prefix, showtime id,
 * the expiry entry (`{"showtimeId","seatIds"}`).
 * Returns the 1-based positions of the seats someone else holds (empty: held), and the
 * seats the replaced hold gave back.
 */
const HOLD_SCRIPT = `
local previous = redis.call('GET', KEYS[1])
local taken = {}
for i = 3, #KEYS do
  local owner = redis.call('GET', KEYS[i])
  if owner and owner ~= previous then table.insert(taken, i - 2) end
end
if #taken > 0 then return {taken, {}} end
local released = {}
if previous then
  local record = redis.call('GET', ARGV[4] .. 'hold:' .. previous)
  if record then
    for _, seat in ipairs(cjson.decode(record).seatIds) do
      local key = ARGV[4] .. 'hold:seat:' .. ARGV[5] .. ':' .. seat
      if redis.call('GET', key) == previous then
        redis.call('DEL', key)
        table.insert(released, seat)
      end
    end
    redis.call('DEL', ARGV[4] .. 'hold:' .. previous)
  end
  redis.call('ZREM', ARGV[4] .. '${keys.expiries}', previous)
  redis.call('HDEL', ARGV[4] .. '${keys.expiring}', previous)
end
for i = 3, #KEYS do redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2]) end
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
${NOW_MS}
redis.call('ZADD', ARGV[4] .. '${keys.expiries}', now + tonumber(ARGV[2]) + 5, ARGV[1])
redis.call('HSET', ARGV[4] .. '${keys.expiring}', ARGV[1], ARGV[6])
return {taken, released}
`;

/**
 * Gives back the seats a hold still owns. KEYS: the hold record, the user pointer, the
 * expiry index and entries, then the seat keys. ARGV: the hold id. Returns 1 when the
 * record existed.
 */
const RELEASE_SCRIPT = `
for i = 5, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
end
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
return redis.call('DEL', KEYS[1])
`;

/**
 * Takes up to ARGV[1] holds whose time has passed off the expiry index, atomically, so
 * that one replica announces each. KEYS: the expiry index and entries. Returns their
 * entries (JSON).
 */
const TAKE_EXPIRED_SCRIPT = `
${NOW_MS}
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. now, 'LIMIT', 0, tonumber(ARGV[1]))
local entries = {}
for _, id in ipairs(ids) do
  local entry = redis.call('HGET', KEYS[2], id)
  if entry then table.insert(entries, entry) end
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
end
return entries
`;

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
      const [taken, released] = (await redis.eval(
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
        JSON.stringify({ showtimeId: fields.showtimeId, seatIds: fields.seatIds }),
      )) as [number[], string[]];
      holds?.inc({ outcome: taken.length ? 'conflict' : 'held' });
      return taken.length
        ? { taken: taken.map((i) => fields.seatIds[i - 1]!) }
        : { held, released };
    },

    async read(holdId) {
      const record = await redis.get(keys.hold(holdId));
      return record ? (JSON.parse(record) as HoldRecord) : null;
    },

    async release(hold) {
      const existed = (await redis.eval(
        RELEASE_SCRIPT,
        4 + hold.seatIds.length,
        keys.hold(hold.id),
        keys.user(hold.showtimeId, hold.userId),
        keys.expiries,
        keys.expiring,
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
        // Its seats stay held for the booking: their end is the booking's, announced then.
        .zrem(keys.expiries, hold.id)
        .hdel(keys.expiring, hold.id)
        .exec();
    },

    async takeExpired(limit) {
      const entries = (await redis.eval(
        TAKE_EXPIRED_SCRIPT,
        2,
        keys.expiries,
        keys.expiring,
        limit,
      )) as string[];
      return entries.map((entry) => JSON.parse(entry) as SeatChange);
    },

    async heldSeats(showtimeId, seatIds) {
      if (!seatIds.length) return new Set();
      const owners = await redis.mget(...seatIds.map((seatId) => keys.seat(showtimeId, seatId)));
      return new Set(seatIds.filter((_, i) => owners[i] !== null));
    },
  };
}
