import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export interface WorkerLease {
  /** Takes the lease, or renews it when this process holds it; false while another does. */
  acquire(): Promise<boolean>;
  /** Gives the lease up (at shutdown), so another replica takes over at once. */
  release(): Promise<void>;
}

/** A database with a `worker_leases` table (name, holder, expires_at), as Prisma's client is. */
export interface LeaseDatabase {
  $queryRaw<T>(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

/**
 * A lease in the service's own database, so that a worker runs in one replica per
 * deployment (payments' reconciler, recommendations' recompute): the row names its holder and an expiry on the database's clock (replicas'
 * clocks never compare). A holder renews it on every run; when it dies, the lease expires
 * and the next replica to ask takes it. One `INSERT ... ON CONFLICT DO UPDATE ... WHERE`
 * is the whole decision, so two replicas asking at once cannot both win.
 */
export function createWorkerLease(db: LeaseDatabase, name: string, ttlMs: number): WorkerLease {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return {
    async acquire() {
      const rows = await db.$queryRaw<{ holder: string }[]>`
        INSERT INTO worker_leases (name, holder, expires_at)
        VALUES (${name}, ${holder}, now() + ${ttlMs} * interval '1 millisecond')
        ON CONFLICT (name) DO UPDATE
           SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
         WHERE worker_leases.holder = EXCLUDED.holder OR worker_leases.expires_at < now()
        RETURNING holder`;
      return rows.length === 1;
    },
    async release() {
      await db.$executeRaw`DELETE FROM worker_leases WHERE name = ${name} AND holder = ${holder}`;
    },
  };
}
