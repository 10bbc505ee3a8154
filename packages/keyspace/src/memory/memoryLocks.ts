import type { Lease, Locks } from '../locks.ts';
import type { MemoryServer } from './memoryServer.ts';

/**
 * Locks in-process, on the same key layout as in Redis (`<ns>:key:<key>`,
 * `<ns>:lease:<id>`, `<ns>:group:<group>`). Each method runs to completion without
 * awaiting, so it is as atomic as the Redis scripts.
 */
export function createMemoryLocks<Data>(
  server: MemoryServer,
  prefix: string,
  namespace: string,
): Locks<Data> {
  const base = `${prefix}${namespace}:`;
  const keyOf = (key: string) => `${base}key:${key}`;
  const leaseOf = (id: string) => `${base}lease:${id}`;
  const groupOf = (group: string) => `${base}group:${group}`;
  const expiring = server.index(`${base}expiries`);
  const parse = (json: string) => JSON.parse(json) as Lease<Data>;

  function forget(id: string, group: string): boolean {
    if (server.get(groupOf(group)) === id) server.delete(groupOf(group));
    expiring.delete(id);
    return server.delete(leaseOf(id));
  }

  return {
    async acquire(lease, ttlMs) {
      const previous = server.get(groupOf(lease.group));
      const taken = lease.keys.filter((key) => {
        const owner = server.get(keyOf(key));
        return owner !== null && owner !== previous;
      });
      if (taken.length) return { acquired: false, taken };
      const released: string[] = [];
      if (previous !== null) {
        const record = server.get(leaseOf(previous));
        const wanted = new Set(lease.keys);
        if (record)
          for (const key of parse(record).keys)
            if (!wanted.has(key) && server.get(keyOf(key)) === previous) {
              server.delete(keyOf(key));
              released.push(key);
            }
        forget(previous, lease.group);
      }
      const now = Date.now();
      const ttl = Math.max(1, Math.round(ttlMs));
      const record = JSON.stringify({
        id: lease.id,
        group: lease.group,
        keys: lease.keys,
        data: lease.data,
      });
      for (const key of lease.keys) server.set(keyOf(key), lease.id, ttl, now);
      server.set(leaseOf(lease.id), record, ttl, now);
      server.set(groupOf(lease.group), lease.id, ttl, now);
      expiring.set(lease.id, { dueAt: now + ttl + 5, payload: record });
      return { acquired: true, released };
    },

    async read(id) {
      const record = server.get(leaseOf(id));
      return record ? parse(record) : null;
    },

    async release(lease) {
      for (const key of lease.keys)
        if (server.get(keyOf(key)) === lease.id) server.delete(keyOf(key));
      return forget(lease.id, lease.group);
    },

    async detach(lease) {
      forget(lease.id, lease.group);
    },

    async takeExpired(limit) {
      const now = Date.now();
      const due = [...expiring]
        .filter(([, entry]) => entry.dueAt < now)
        .sort(([, a], [, b]) => a.dueAt - b.dueAt)
        .slice(0, limit);
      for (const [id] of due) expiring.delete(id);
      return due.map(([, entry]) => parse(entry.payload));
    },

    async holders(keys) {
      return keys.map((key) => server.get(keyOf(key)));
    },
  };
}
