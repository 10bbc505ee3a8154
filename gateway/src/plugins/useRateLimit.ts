import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Counter } from 'prom-client';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createError, replyWithError } from '@cinegraph/service-kit';
import type { GatewayConfig } from '../config.ts';
import { isGraphQLRequest } from './requestedOperations.ts';

type RateLimits = GatewayConfig['rateLimits'];

function limiter(
  redis: Redis,
  name: string,
  window: { requests: number; windowSeconds: number },
): RateLimiterAbstract {
  const options = { points: window.requests, duration: window.windowSeconds };
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    keyPrefix: `ratelimit:${name}`,
    // While Redis is away, count in this process instead of failing or waiting.
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/**
 * Rate limits in Redis, shared by every gateway replica (rate-limiter-flexible, fixed
 * windows): clients with an API key by client, everyone else by IP address. Over the limit
 * is HTTP 429 RATE_LIMITED with Retry-After; every answer carries RateLimit-* headers.
 */
export function useRateLimit(
  app: FastifyInstance,
  options: { limits: RateLimits; redis: Redis; path: string; rejected: Counter<'client'> },
): void {
  const { limits, redis } = options;
  if (!limits.enabled) return;
  type Budget = { limiter: RateLimiterAbstract; window: RateLimits['perIp'] };
  const perIp: Budget = { limiter: limiter(redis, 'ip', limits.perIp), window: limits.perIp };
  const perClient = new Map<string, Budget>();
  const clientBudget = (name: string): Budget => {
    let found = perClient.get(name);
    if (!found) {
      const window = limits.clients[name] ?? limits.perClient;
      found = { limiter: limiter(redis, `client:${name}`, window), window };
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
        // Neither Redis nor the insurance limiter answered: let the request through.
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
