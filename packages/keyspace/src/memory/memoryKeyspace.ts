import type { Keyspace, KeyspaceOptions } from '../keyspace.ts';
import { createMemoryLocks } from './memoryLocks.ts';
import { createMemoryPubSub } from './memoryPubSub.ts';
import { memoryServer } from './memoryServer.ts';
import { createMemoryStore } from './memoryStore.ts';

/**
 * The keyspace in this process (`memory://<name>`): every keyspace naming the same
 * instance shares its data, as processes share a Redis server. Nothing is persisted.
 */
export function connectMemoryKeyspace(url: string, options: KeyspaceOptions): Keyspace {
  const server = memoryServer(new URL(url).host || 'default');
  const prefix = options.keyPrefix ?? '';
  const pubSub = createMemoryPubSub(server, prefix);
  return {
    store: createMemoryStore(server, prefix),
    pubSub,
    locks: (namespace) => createMemoryLocks(server, prefix, namespace),
    ping: async () => {},
    close: () => pubSub.close(),
  };
}
