import type { Redis } from 'ioredis';
import type { Lease, Locks } from '../locks.ts';

/**
 * Keys of a namespace: `<ns>:key:<key>` (the owner's lease id), `<ns>:lease:<id>` (the
 * lease as JSON), `<ns>:group:<group>` (the group's current lease id), all with the
 * lease's TTL; `<ns>:expiries` (a sorted set of live lease ids by expiry time) and
 * `<ns>:expiring` (a hash of their leases) for `takeExpired`.
 */
const layout = (namespace: string) => ({
  key: (key: string) => `${namespace}:key:${key}`,
  lease: (id: string) => `${namespace}:lease:${id}`,
  group: (group: string) => `${namespace}:group:${group}`,
  expiries: `${namespace}:expiries`,
  expiring: `${namespace}:expiring`,
});

/** Redis's clock in milliseconds, inside a script (the clock key expiry uses). */
const NOW_MS = `local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)`;

/**
 * One script, so nothing runs between its checks and its writes. The lease is filed
 * under its expiry time (a few ms after its keys expire) for `takeExpired`.
 * KEYS: group, lease, expiries, expiring, then one per key.
 * ARGV: lease id, TTL in ms, lease JSON, the namespace's full key prefix.
 * Returns the 1-based positions of the keys someone else holds (empty: acquired), and
 * the keys the replaced lease gave back (those the new lease does not hold too).
 */
const ACQUIRE = `
local previous = redis.call('GET', KEYS[1])
local taken = {}
for i = 5, #KEYS do
  local owner = redis.call('GET', KEYS[i])
  if owner and owner ~= previous then table.insert(taken, i - 4) end
end
if #taken > 0 then return {taken, {}} end
local released = {}
if previous then
  local wanted = {}
  for i = 5, #KEYS do wanted[KEYS[i]] = true end
  local record = redis.call('GET', ARGV[4] .. 'lease:' .. previous)
  if record then
    for _, key in ipairs(cjson.decode(record).keys) do
      local full = ARGV[4] .. 'key:' .. key
      if not wanted[full] and redis.call('GET', full) == previous then
        redis.call('DEL', full)
        table.insert(released, key)
      end
    end
    redis.call('DEL', ARGV[4] .. 'lease:' .. previous)
  end
  redis.call('ZREM', KEYS[3], previous)
  redis.call('HDEL', KEYS[4], previous)
end
for i = 5, #KEYS do redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2]) end
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
${NOW_MS}
redis.call('ZADD', KEYS[3], now + tonumber(ARGV[2]) + 5, ARGV[1])
redis.call('HSET', KEYS[4], ARGV[1], ARGV[3])
return {taken, released}
`;

/**
 * KEYS: lease, group, expiries, expiring, then the lease's keys. ARGV: lease id.
 * Returns 1 when the lease record existed.
 */
const RELEASE = `
for i = 5, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
end
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
return redis.call('DEL', KEYS[1])
`;

/** KEYS: lease, group, expiries, expiring. ARGV: lease id. */
const DETACH = `
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('DEL', KEYS[1])
`;

/**
 * Takes up to ARGV[1] leases whose time has passed off the expiry index, atomically, so
 * that one process gets each. KEYS: expiries, expiring. Returns their leases (JSON).
 */
const TAKE_EXPIRED = `
${NOW_MS}
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. now, 'LIMIT', 0, tonumber(ARGV[1]))
local leases = {}
for _, id in ipairs(ids) do
  local lease = redis.call('HGET', KEYS[2], id)
  if lease then table.insert(leases, lease) end
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
end
return leases
`;

/** Locks in Redis; `redis`'s `keyPrefix` comes before the namespace. */
export function createRedisLocks<Data>(redis: Redis, namespace: string): Locks<Data> {
  const keys = layout(namespace);
  const scriptPrefix = `${redis.options.keyPrefix ?? ''}${namespace}:`;
  const parse = (json: string) => JSON.parse(json) as Lease<Data>;
  return {
    async acquire(lease, ttlMs) {
      const record: Lease<Data> = {
        id: lease.id,
        group: lease.group,
        keys: lease.keys,
        data: lease.data,
      };
      const [taken, released] = (await redis.eval(
        ACQUIRE,
        4 + lease.keys.length,
        keys.group(lease.group),
        keys.lease(lease.id),
        keys.expiries,
        keys.expiring,
        ...lease.keys.map(keys.key),
        lease.id,
        Math.max(1, Math.round(ttlMs)),
        JSON.stringify(record),
        scriptPrefix,
      )) as [number[], string[]];
      return taken.length
        ? { acquired: false, taken: taken.map((position) => lease.keys[position - 1]!) }
        : { acquired: true, released };
    },

    async read(id) {
      const record = await redis.get(keys.lease(id));
      return record ? parse(record) : null;
    },

    async release(lease) {
      const existed = (await redis.eval(
        RELEASE,
        4 + lease.keys.length,
        keys.lease(lease.id),
        keys.group(lease.group),
        keys.expiries,
        keys.expiring,
        ...lease.keys.map(keys.key),
        lease.id,
      )) as number;
      return existed === 1;
    },

    async detach(lease) {
      await redis.eval(
        DETACH,
        4,
        keys.lease(lease.id),
        keys.group(lease.group),
        keys.expiries,
        keys.expiring,
        lease.id,
      );
    },

    async takeExpired(limit) {
      const leases = (await redis.eval(
        TAKE_EXPIRED,
        2,
        keys.expiries,
        keys.expiring,
        limit,
      )) as string[];
      return leases.map(parse);
    },

    async holders(list) {
      return list.length ? redis.mget(...list.map(keys.key)) : [];
    },
  };
}
