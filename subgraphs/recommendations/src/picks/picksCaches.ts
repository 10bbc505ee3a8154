import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { KeyValueStore } from '@cinegraph/keyspace';
import type { ReadThroughCache } from '@cinegraph/service-kit';
import { createReadThroughCache } from '@cinegraph/service-kit';
import type { Pick } from './pickConnection.ts';

/**
 * The computed lists, in the keyspace, each retired by what changes it:
 * - `user` (by user id): that person's signal events, and every recompute;
 * - `similar` (by movie id): every recompute (similar lists change only then);
 * - `popular` (by city, `*` for none): every signal event, anyone's.
 */
export interface PicksCaches {
  user: ReadThroughCache<Pick[]>;
  similar: ReadThroughCache<Pick[]>;
  popular: ReadThroughCache<Pick[]>;
}

export function createPicksCaches(options: {
  store: KeyValueStore;
  ttlSeconds: number;
  registry: Registry;
  logger: Logger;
}): PicksCaches {
  const cache = (name: string) =>
    createReadThroughCache<Pick[]>({ ...options, name: `recommendations:${name}` });
  return { user: cache('user'), similar: cache('similar'), popular: cache('popular') };
}

/** A list through its cache: computed on a miss, stored for the next reader. */
export async function cachedPicks(
  cache: ReadThroughCache<Pick[]>,
  key: string,
  compute: () => Promise<Pick[]>,
): Promise<Pick[]> {
  const found = await cache.loadMany([key], async () => new Map([[key, await compute()]]));
  return found.get(key) ?? [];
}
