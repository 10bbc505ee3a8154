import type { createRedis } from '@cinegraph/keyspace';
import type { Lookup, ResponseCacheStore } from './responseCacheStore.ts';
import { responseCacheKeys } from './responseCacheStore.ts';

type Redis = ReturnType<typeof createRedis>;

/**
 * KEYS: entry, clock, floor. ARGV: the full prefix of tag keys.
 * Returns {clock, 0} (miss), {clock, 2} (stale, deleted) or {clock, 1, body, pttl} (hit).
 * The tags are read inside the script, so a lookup is one round trip however many it has.
 */
const LOOKUP = `
local clock = tonumber(redis.call('GET', KEYS[2]) or '0')
local entry = redis.call('HMGET', KEYS[1], 'c', 't', 'b')
if not entry[1] then return {clock, 0} end
local read = tonumber(entry[1])
local stale = read < tonumber(redis.call('GET', KEYS[3]) or '0')
if not stale then
  for _, tag in ipairs(cjson.decode(entry[2])) do
    local purged = redis.call('GET', ARGV[1] .. tag)
    if purged and tonumber(purged) > read then
      stale = true
      break
    end
  end
end
if stale then
  redis.call('DEL', KEYS[1])
  return {clock, 2}
end
return {clock, 1, entry[3], redis.call('PTTL', KEYS[1])}
`;

/**
 * KEYS: clock. ARGV: the full prefix of tag keys, the tags' TTL in ms, then the tags.
 * One script: the clock's next value and every stamp land together, so no purge can
 * overwrite a later one's stamp with an earlier value.
 */
const PURGE = `
local clock = redis.call('INCR', KEYS[1])
for i = 3, #ARGV do redis.call('SET', ARGV[1] .. ARGV[i], clock, 'PX', ARGV[2]) end
return clock
`;

/** KEYS: clock, floor. Every entry read before now is stale. */
const RETIRE = `
local clock = redis.call('INCR', KEYS[1])
redis.call('SET', KEYS[2], clock)
return clock
`;

type Scripted = Redis & {
  responseCacheLookup(
    entry: string,
    clock: string,
    floor: string,
    tagPrefix: string,
  ): Promise<unknown[]>;
  responseCachePurge(
    clock: string,
    tagPrefix: string,
    ttlMs: number,
    ...tags: string[]
  ): Promise<number>;
  responseCacheRetire(clock: string, floor: string): Promise<number>;
};

/**
 * The response cache on Redis (the connection's `keyPrefix` prefixes every key). Entries
 * are hashes (`c` clock, `t` tags as JSON, `b` body) with the answer's TTL; tag stamps
 * live `tagTtlMs`, which must outlast any entry (twice the longest TTL).
 */
export function createRedisResponseCacheStore(redis: Redis, tagTtlMs: number): ResponseCacheStore {
  const scripted = redis as Scripted;
  scripted.defineCommand('responseCacheLookup', { numberOfKeys: 3, lua: LOOKUP });
  scripted.defineCommand('responseCachePurge', { numberOfKeys: 1, lua: PURGE });
  scripted.defineCommand('responseCacheRetire', { numberOfKeys: 2, lua: RETIRE });
  const tagPrefix = `${redis.options.keyPrefix ?? ''}${responseCacheKeys.tag}`;
  const { clock, floor, entry } = responseCacheKeys;
  return {
    available: () => redis.status === 'ready',
    async lookup(key): Promise<Lookup> {
      const [now, found, body, ttlMs] = await scripted.responseCacheLookup(
        `${entry}${key}`,
        clock,
        floor,
        tagPrefix,
      );
      const at = Number(now);
      if (found === 1)
        return { outcome: 'hit', clock: at, body: String(body), ttlMs: Number(ttlMs) };
      return { outcome: found === 2 ? 'stale' : 'miss', clock: at };
    },
    async store(key, answer, ttlMs) {
      const results = await redis
        .multi()
        .hset(`${entry}${key}`, { c: answer.clock, t: JSON.stringify(answer.tags), b: answer.body })
        .pexpire(`${entry}${key}`, Math.max(1, Math.round(ttlMs)))
        .exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error('transaction discarded');
    },
    async purge(tags) {
      if (tags.length) await scripted.responseCachePurge(clock, tagPrefix, tagTtlMs, ...tags);
    },
    async retireAll() {
      await scripted.responseCacheRetire(clock, floor);
    },
    async close() {},
  };
}
