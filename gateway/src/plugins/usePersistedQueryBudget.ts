import type { FastifyInstance } from 'fastify';
import { replyWithError } from '@cinegraph/service-kit';
import type { PersistedQueryBudget } from '../admission/persistedQueryBudget.ts';
import { isGraphQLRequest, requestedOperations } from './requestedOperations.ts';

/**
 * The persisted query registration budgets on HTTP (admission/persistedQueryBudget.ts),
 * before Apollo Server stores a new document.
 */
export function usePersistedQueryBudget(
  app: FastifyInstance,
  options: { budget: PersistedQueryBudget; path: string },
): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!isGraphQLRequest(request, options.path)) return;
    const caller = { client: request.client ?? null, address: request.ip };
    for (const operation of requestedOperations(request)) {
      const refusal = await options.budget(caller, operation);
      if (refusal) {
        const retryAfter = refusal.extensions['retryAfterSeconds'];
        return replyWithError(
          reply,
          refusal,
          retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
        );
      }
    }
  });
}
