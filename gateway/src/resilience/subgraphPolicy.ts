import type { IPolicy } from 'cockatiel';
import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  wrap,
} from 'cockatiel';
import type { Gauge } from 'prom-client';
import type { GatewayConfig } from '../config.ts';

export type SubgraphPolicySettings = GatewayConfig['subgraphs']['defaults'];

export interface SubgraphPolicy {
  settings: SubgraphPolicySettings;
  /** Queries: retried with backoff, behind the circuit breaker. */
  query: IPolicy;
  /** Mutations: never retried (they may not be idempotent), behind the same breaker. */
  mutation: IPolicy;
  isOpen(): boolean;
}

const stateValue: Record<CircuitState, number> = {
  [CircuitState.Closed]: 0,
  [CircuitState.HalfOpen]: 1,
  [CircuitState.Open]: 2,
  [CircuitState.Isolated]: 2,
};

/**
 * The resilience policy of one subgraph (cockatiel): a consecutive-failure circuit breaker
 * shared by every call, with retries inside it for queries. While the circuit is open, calls
 * fail at once instead of each waiting for a timeout.
 */
export function createSubgraphPolicy(
  name: string,
  settings: SubgraphPolicySettings,
  breakerState: Gauge<'subgraph'>,
): SubgraphPolicy {
  const breaker = circuitBreaker(isOutage, {
    halfOpenAfter: settings.breakerHalfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.breakerFailures),
  });
  breakerState.set({ subgraph: name }, 0);
  breaker.onStateChange((state) => breakerState.set({ subgraph: name }, stateValue[state]));
  const retries = retry(isOutage, {
    maxAttempts: settings.retries,
    backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 1_000 }),
  });
  return {
    settings,
    query: settings.retries > 0 ? wrap(breaker, retries) : breaker,
    mutation: breaker,
    isOpen: () => breaker.state === CircuitState.Open || breaker.state === CircuitState.Isolated,
  };
}

/**
 * What counts as the subgraph failing: no answer, a timeout, or HTTP 5xx. A 4xx answer
 * (the request was refused) is neither retried nor held against the subgraph.
 */
const isOutage = handleWhen((error) => {
  const status = (error as { status?: unknown }).status;
  return typeof status !== 'number' || status >= 500;
});

/** The settings of one subgraph: its overrides on top of the defaults. */
export function settingsFor(config: GatewayConfig, subgraph: string): SubgraphPolicySettings {
  return { ...config.subgraphs.defaults, ...config.subgraphs.overrides[subgraph] };
}
