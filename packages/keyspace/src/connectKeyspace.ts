import type { Keyspace, KeyspaceOptions } from './keyspace.ts';
import { connectMemoryKeyspace } from './memory/memoryKeyspace.ts';
import { connectRedisKeyspace } from './redis/redisKeyspace.ts';

/** URL protocols `connectKeyspace` understands. */
export const KEYSPACE_PROTOCOLS = ['redis:', 'rediss:', 'memory:'];

export function connectKeyspace(url: string, options: KeyspaceOptions): Keyspace {
  const { protocol } = new URL(url);
  if (protocol === 'memory:') return connectMemoryKeyspace(url, options);
  if (protocol === 'redis:' || protocol === 'rediss:') return connectRedisKeyspace(url, options);
  throw new Error(`unsupported keyspace URL ${protocol} (use ${KEYSPACE_PROTOCOLS.join(', ')})`);
}
