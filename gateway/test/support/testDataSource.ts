import { Counter, Gauge, Histogram } from 'prom-client';
import type { SubgraphPolicySettings } from '../../src/resilience/subgraphPolicy.ts';
import { createSubgraphPolicy } from '../../src/resilience/subgraphPolicy.ts';
import { SubgraphDataSource } from '../../src/subgraphDataSource.ts';

/** A subgraph data source as the gateway builds one, with metrics no registry collects. */
export function createTestDataSource(options: {
  name: string;
  url: string;
  policy: SubgraphPolicySettings;
  dedupeQueries: boolean;
}): SubgraphDataSource {
  const unregistered = { registers: [] };
  return new SubgraphDataSource({
    name: options.name,
    url: options.url,
    policy: createSubgraphPolicy(
      options.name,
      options.policy,
      new Gauge({ name: 'breaker', help: 'b', labelNames: ['subgraph'], ...unregistered }),
    ),
    metrics: {
      duration: new Histogram({
        name: 'duration',
        help: 'd',
        labelNames: ['subgraph', 'outcome'],
        ...unregistered,
      }),
      errors: new Counter({
        name: 'errors',
        help: 'e',
        labelNames: ['subgraph', 'reason'],
        ...unregistered,
      }),
      deduplicated: new Counter({
        name: 'deduplicated',
        help: 'x',
        labelNames: ['subgraph'],
        ...unregistered,
      }),
    },
    dedupeQueries: options.dedupeQueries,
  });
}
