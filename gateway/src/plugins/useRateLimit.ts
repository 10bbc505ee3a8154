import type { FastifyInstance } from 'fastify';
import type { KeyValueStore } from '@cinegraph/keyspace';
import type { Counter } from 'prom-client';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createError, replyWithError } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import { isGraphQLRequest } from './requestedOperations.ts';

type RateLimits = GatewayConfig['rateLimits'];

/**
 * Rate limits in the keyspace's store, shared by every gateway replica (rate-limiter-flexible,
 * fixed windows; while Redis is away each replica counts for itself): clients with an API key by client, everyone else by IP address. Over the limit
 * is HTTP 429 RATE_LIMITED with Retry-After; every answer carries RateLimit-* headers.
 */
export function useRateLimit(
  app: FastifyInstance,
  options: { limits: RateLimits; store: KeyValueStore; path: string; rejected: Counter<'client'> },
): void {
  const { limits, store } = options;
  if (!limits.enabled) return;
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

  app.addHook('preHandler', async (request, reply) => {
    if (!isGraphQLRequest(request, options.path)) return;
    const byKey = request.client?.via === 'apiKey' && request.client.name;
    const { limiter: rateLimiter, window } = byKey ? clientBudget(byKey) : perIp;
    const key = byKey || request.ip;
    let result: RateLimiterRes;
    let allowed = true;
    try {
      result = await rateLimiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        // The store did not answer (nor, for Redis, the insurance limiter): let it through.
        request.log.warn({ err: rejection }, 'rate limiter unavailable');
        return;
      }
      result = rejection;
      allowed = false;
    }
    const resetSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    reply.headers({
      'ratelimit-limit': String(window.requests),
      'ratelimit-remaining': String(Math.max(0, result.remainingPoints)),
      'ratelimit-reset': String(resetSeconds),
    });
    if (allowed) return;
    options.rejected.inc({ client: byKey || 'anonymous' });
    return replyWithError(
      reply,
      createError('RATE_LIMITED', `Too many requests; try again in ${resetSeconds} s.`, {
        retryAfterSeconds: resetSeconds,
      }),
      { 'retry-after': String(resetSeconds) },
    );
  });
}
