/** An answer as stored: the purge clock it was read at, its tags, and its JSON body. */
export interface StoredAnswer {
  /** The purge clock read before the answer was executed. */
  clock: number;
  tags: readonly string[];
  /** The serialized response (`{"data":...}`): parsed anew for every request served. */
  body: string;
}

export type Lookup =
  /** Nothing stored under the key. */
  | { outcome: 'miss'; clock: number }
  /** An entry was there, but a tag of it was purged after it was read: it is gone now. */
  | { outcome: 'stale'; clock: number }
  | { outcome: 'hit'; clock: number; body: string; ttlMs: number };

/**
 * Where the gateway's response cache keeps answers, with purge by tag that never lets an
 * answer read before a write be served after the write's purge:
 *
 * - a **purge clock** counts purges; a purge takes the next value and stamps each of its
 *   tags with it (atomically: a later purge can never leave an earlier stamp behind);
 * - a reader reads the clock (with its lookup) before executing, and stores its answer
 *   with that value;
 * - an entry is served only if none of its tags was stamped after its clock: a purge that
 *   came after the read, even one that finished before the answer was stored, retires it.
 *
 * A `floor` retires every entry read before it at once (after a purge that may have been
 * lost). Redis runs each step as one script (one round trip for a lookup); in-process,
 * each step is synchronous.
 */
export interface ResponseCacheStore {
  /** False while the store cannot be reached: callers bypass it at once. */
  available(): boolean;
  lookup(key: string): Promise<Lookup>;
  store(key: string, answer: StoredAnswer, ttlMs: number): Promise<void>;
  /** Stamps the tags with a new clock value; their entries read before it are stale. */
  purge(tags: readonly string[]): Promise<void>;
  /** Retires every entry stored so far. */
  retireAll(): Promise<void>;
  close(): Promise<void>;
}

/** Key names, under the keyspace's prefix. */
export const responseCacheKeys = {
  clock: 'responseCache:clock',
  floor: 'responseCache:floor',
  tag: 'responseCache:t:',
  entry: 'responseCache:e:',
};
