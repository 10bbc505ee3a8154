export { connectKeyspace, KEYSPACE_PROTOCOLS } from './connectKeyspace.ts';
export type { Keyspace, KeyspaceOptions } from './keyspace.ts';
export type { KeyValueStore, RateLimitWindow, SetOptions } from './keyValueStore.ts';
export type { AcquireResult, Lease, Locks } from './locks.ts';
export type { PubSub } from './pubSub.ts';
export { createRedis } from './redis/redisClient.ts';
export type { RedisOptions } from './redis/redisClient.ts';
