import { Counter } from 'prom-client';
import type { Metrics } from '@cinegraph/service-kit';
import { createMetrics } from '@cinegraph/service-kit';

/** The gateway's Prometheus metrics: the shared HTTP/GraphQL ones plus its features'. */
export function createGatewayMetrics() {
  const metrics: Metrics = createMetrics('gateway');
  const registers = [metrics.registry];
  return {
    ...metrics,
    persistedQueryLookups: new Counter({
      name: 'persisted_query_lookups_total',
      help: 'Persisted queries looked up by hash, by source (manifest, apq) and outcome (hit, miss).',
      labelNames: ['source', 'outcome'] as const,
      registers,
    }),
    safelistViolations: new Counter({
      name: 'safelist_violations_total',
      help: "Operations outside a client's safelist, by client and mode (log: let through, enforce: refused).",
      labelNames: ['client', 'mode'] as const,
      registers,
    }),
    rateLimited: new Counter({
      name: 'rate_limited_requests_total',
      help: 'Requests refused with 429, by client (anonymous: limited by IP).',
      labelNames: ['client'] as const,
      registers,
    }),
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
