import type { Logger } from 'pino';
import type { WorkerLease } from '@cinegraph/service-kit';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { inputsFingerprint, recomputeSimilarities } from './recomputeSimilarities.ts';

export interface RecomputeWorkerOptions {
  db: PrismaClient;
  lease: WorkerLease;
  intervalMs: number;
  logger: Logger;
  /** After a recompute has committed: every cached pick may have changed. */
  onRecomputed: () => Promise<void>;
}

/**
 * The periodic recompute: every `intervalMs`, in the one replica that holds the lease,
 * similarities are recomputed when what they are computed from changed since the last
 * run (any replica's consumer may have written it, so the check reads the database).
 * A person's picks do not wait for it: they are read from their signals at once.
 */
export function startRecomputeWorker(options: RecomputeWorkerOptions): { stop(): Promise<void> } {
  const { db, lease, logger } = options;
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastFingerprint: string | undefined;

  async function run(): Promise<void> {
    if (!(await lease.acquire())) {
      lastFingerprint = undefined; // another replica computes; start afresh if it hands over
      return;
    }
    const fingerprint = await inputsFingerprint(db);
    if (fingerprint === lastFingerprint) return;
    const started = performance.now();
    const pairs = await recomputeSimilarities(db);
    lastFingerprint = fingerprint;
    await options.onRecomputed();
    logger.debug({ pairs, ms: Math.round(performance.now() - started) }, 'similarities recomputed');
  }

  const tick = () => {
    if (running || stopped) return;
    running = run()
      .catch((error: unknown) =>
        logger.warn({ err: error }, 'recomputing similarities failed; will retry'),
      )
      .finally(() => (running = null));
  };
  // At once, then on the interval: a fresh process has nothing to serve before the first.
  tick();
  const timer = setInterval(tick, options.intervalMs);

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await lease.release().catch(() => {});
    },
  };
}
