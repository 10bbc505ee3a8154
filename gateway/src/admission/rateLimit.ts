import type { KeyValueStore } from '@cinegraph/keyspace';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { GraphQLError } from 'graphql';
import { createError } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import type { ClientIdentity } from '../plugins/useClientIdentity.ts';

type RateLimits = GatewayConfig['rateLimits'];

/** One operation's turn against its budget, and the budget's state after it. */
export interface RateDecision {
  /** RATE_LIMITED with `retryAfterSeconds`, when the budget is spent. */
  refusal?: GraphQLError;
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/** Whose budget an operation spends: a client with an API key's, else its address's. */
export interface RateLimitedCaller {
  client: ClientIdentity | null;
  address: string;
}

export type RateLimit = (caller: RateLimitedCaller) => Promise<RateDecision | undefined>;

/**
 * The rate limit step, for every operation on every transport (HTTP, each operation of a
 * batch, each operation on a WebSocket, event streams): budgets in the keyspace's store,
 * shared by every gateway replica (rate-limiter-flexible, fixed windows; while Redis is
 * away each replica counts for itself). Clients with an API key spend their client's
 * budget, everyone else their address's. Resolves with undefined when rate limits are off,
 * or when no store (not even the in-memory insurance) could count: the operation goes on.
 */
export function createRateLimit(options: {
  limits: RateLimits;
  store: KeyValueStore;
  rejected: Counter<'client'>;
  logger: Pick<Logger, 'warn'>;
}): RateLimit {
  const { limits, store } = options;
  if (!limits.enabled) return async () => undefined;
  type Budget = { limiter: RateLimiterAbstract; window: RateLimits['perIp'] };
  const limiter = (name: string, window: RateLimits['perIp']) =>
    store.rateLimiter({ name, points: window.requests, durationSeconds: window.windowSeconds });
  const perIp: Budget = { limiter: limiter('ip', limits.perIp), window: limits.perIp };
  const perClient = new Map<string, Budget>();
  const clientBudget = (name: string): Budget => {
    let found = perClient.get(name);
    if (!found) {
      const window = limits.clients[name] ?? limits.perClient;
      found = { limiter: limiter(`client:${name}`, window), window };
      perClient.set(name, found);
    }
    return found;
  };

  return async ({ client, address }) => {
    const byKey = client?.via === 'apiKey' ? client.name : null;
    const { limiter: rateLimiter, window } = byKey ? clientBudget(byKey) : perIp;
    let result: RateLimiterRes;
    let allowed = true;
    try {
      result = await rateLimiter.consume(byKey ?? address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        options.logger.warn({ err: rejection }, 'rate limiter unavailable');
        return undefined;
      }
      result = rejection;
      allowed = false;
    }
    const resetSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    const decision: RateDecision = {
      limit: window.requests,
      remaining: Math.max(0, result.remainingPoints),
      resetSeconds,
    };
    if (!allowed) {
      options.rejected.inc({ client: byKey ?? 'anonymous' });
      decision.refusal = createError(
        'RATE_LIMITED',
        `Too many requests; try again in ${resetSeconds} s.`,
        { retryAfterSeconds: resetSeconds },
      );
    }
    return decision;
  };
}
