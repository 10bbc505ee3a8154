import type { Logger } from 'pino';
import type { KeyValueStore } from './keyValueStore.ts';
import type { Locks } from './locks.ts';
import type { PubSub } from './pubSub.ts';

/**
 * Everything a CineGraph process keeps outside its database: a key-value store, locks and
 * pub/sub, under one key prefix. `REDIS_URL` picks the implementation: `redis://` (or
 * `rediss://`) is a Redis server; `memory://<name>` an in-process one, shared by every
 * keyspace of the process that names the same instance (as processes share a Redis).
 */
export interface Keyspace {
  store: KeyValueStore;
  pubSub: PubSub;
  /** Locks whose keys live under `<namespace>:`. */
  locks<Data>(namespace: string): Locks<Data>;
  /** Resolves when the keyspace answers (for `/ready`). */
  ping(): Promise<void>;
  /** Closes this process's connections; the data stays. */
  close(): Promise<void>;
}

export interface KeyspaceOptions {
  /** The process (or part of it) using the keyspace: in logs and Redis's CLIENT LIST. */
  name: string;
  /** Prepended to every key and channel, so that stacks can share one server. */
  keyPrefix?: string;
  logger: Logger;
}
