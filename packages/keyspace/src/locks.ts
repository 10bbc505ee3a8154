/**
 * A lease: some keys held by one owner until it is released or its time runs out, with
 * the owner's data (e.g. a seat hold: the seats are the keys, the hold record the data).
 */
export interface Lease<Data> {
  id: string;
  /** At most one lease per group: a new lease in the group replaces the current one. */
  group: string;
  keys: string[];
  data: Data;
}

export type AcquireResult =
  /** Every key is the lease's; `released`: the replaced lease's keys it does not hold. */
  | { acquired: true; released: string[] }
  /** Nothing changed: these keys are someone else's. */
  | { acquired: false; taken: string[] };

/**
 * All-or-nothing locks on many keys at once, with a TTL: CineGraph's seat holds. Each
 * operation is atomic (one Redis script, or one synchronous step in-process), so two
 * callers racing for a key can never both get it.
 */
export interface Locks<Data> {
  /**
   * Takes every key for the lease or none. A key is free when nobody holds it or when the
   * current lease of the same group does: that lease is replaced (its keys released).
   */
  acquire(lease: Lease<Data>, ttlMs: number): Promise<AcquireResult>;
  /** The live lease with this id, or null. */
  read(id: string): Promise<Lease<Data> | null>;
  /**
   * Frees the keys the lease still holds and forgets it. True when the lease itself was
   * still there (its keys are freed either way).
   */
  release(lease: Pick<Lease<Data>, 'id' | 'group' | 'keys'>): Promise<boolean>;
  /**
   * Forgets the lease but leaves its keys held until their time runs out; a detached
   * lease is not reported by `takeExpired`.
   */
  detach(lease: Pick<Lease<Data>, 'id' | 'group'>): Promise<void>;
  /**
   * Takes up to `limit` leases whose time has run out: each is returned to exactly one
   * caller, whichever process asks first, oldest first.
   */
  takeExpired(limit: number): Promise<Lease<Data>[]>;
  /** The owner (lease id) of each key, null where it is free. */
  holders(keys: readonly string[]): Promise<(string | null)[]>;
}
