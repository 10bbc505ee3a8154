import type { FastifyInstance } from 'fastify';
import { replyWithError } from '@cinegraph/service-kit';
import type { RateLimit } from '../admission/rateLimit.ts';
import { isGraphQLRequest, requestedOperations } from './requestedOperations.ts';

/**
 * The rate limit step on HTTP (admission/rateLimit.ts): each operation of a request, a
 * batch's included, spends one from the caller's budget. Every answer carries RateLimit-*
 * headers; over the limit is HTTP 429 RATE_LIMITED with Retry-After.
 */
export function useRateLimit(
  app: FastifyInstance,
  options: { rateLimit: RateLimit; path: string },
): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!isGraphQLRequest(request, options.path)) return;
    const caller = { client: request.client ?? null, address: request.ip };
    for (const _operation of requestedOperations(request)) {
      const decision = await options.rateLimit(caller);
      if (!decision) return;
      reply.headers({
        'ratelimit-limit': String(decision.limit),
        'ratelimit-remaining': String(decision.remaining),
        'ratelimit-reset': String(decision.resetSeconds),
      });
      if (decision.refusal)
        return replyWithError(reply, decision.refusal, {
          'retry-after': String(decision.resetSeconds),
        });
    }
  });
}
