import { counterValue } from '@cinegraph/testing';
import { usage } from '../support/processUsage.ts';
import type { RunningGateway } from './gatewayProcesses.ts';

export const CACHE_METRIC = 'gateway_response_cache_lookups_total';
const CACHE_OUTCOMES = ['hit', 'miss', 'stale', 'bypass'] as const;
type CacheOutcome = (typeof CACHE_OUTCOMES)[number];

/** What the processes have counted so far; two of them bracket a measured window. */
export interface CounterSnapshot {
  gatewayCpuSeconds: number;
  gatewayPeakRssMb: number;
  subgraphCpuSeconds: number;
  sqlStatements: number;
  /** The gateway's response cache lookups by outcome; null when it exports no such metric. */
  cacheLookups: Record<CacheOutcome, number> | null;
}

async function cacheLookups(baseUrl: string): Promise<CounterSnapshot['cacheLookups']> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  if (!text.split('\n').some((line) => line.startsWith(CACHE_METRIC))) return null;
  const counts = {} as Record<CacheOutcome, number>;
  for (const outcome of CACHE_OUTCOMES)
    counts[outcome] = await counterValue(baseUrl, CACHE_METRIC, { outcome });
  return counts;
}

/**
 * The gateway's CPU (its whole process tree: Hive's workers included) and peak RSS, the
 * subgraphs' CPU, the SQL statements they sent (db_statements_total) and the gateway's
 * response cache counters. The subgraphs' background work (outbox relays, expiry
 * sweeps, consumers) counts too: the same for every gateway.
 */
export async function snapshotCounters(
  gateway: RunningGateway,
  subgraphs: readonly { pid: number; url: string }[],
): Promise<CounterSnapshot> {
  const own = usage(gateway.pid);
  const statements = await Promise.all(
    subgraphs.map((subgraph) => counterValue(subgraph.url, 'db_statements_total')),
  );
  return {
    gatewayCpuSeconds: own.cpuSeconds,
    gatewayPeakRssMb: own.peakRssMb,
    subgraphCpuSeconds: subgraphs.reduce((sum, s) => sum + usage(s.pid).cpuSeconds, 0),
    sqlStatements: statements.reduce((sum, n) => sum + n, 0),
    cacheLookups: gateway.metricsBaseUrl ? await cacheLookups(gateway.metricsBaseUrl) : null,
  };
}

/** Hits among all lookups between two snapshots, e.g. `62.5%`; `n/a` without the metric. */
export function cacheHitRatio(before: CounterSnapshot, after: CounterSnapshot): string {
  if (!before.cacheLookups || !after.cacheLookups) return 'n/a';
  const delta = (outcome: CacheOutcome) =>
    after.cacheLookups![outcome] - before.cacheLookups![outcome];
  const lookups = CACHE_OUTCOMES.reduce((sum, outcome) => sum + delta(outcome), 0);
  if (lookups === 0) return 'n/a (no lookups)';
  return `${((delta('hit') / lookups) * 100).toFixed(1)}%`;
}
