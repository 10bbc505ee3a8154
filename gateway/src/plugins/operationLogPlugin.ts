import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { GatewayContext } from '../context.ts';

/**
 * One structured log line per GraphQL operation, beside Fastify's line per HTTP request:
 * the operation's name and type, the client, the request id, how long it took and the
 * error codes it answered with. At `debug`, like the request lines: `info` is what happens
 * to the system, and failures are logged where they happen.
 */
export function operationLogPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  const log = logger.child({ component: 'operations' });
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, response, errors }) {
          const codes = [
            ...(errors ?? []),
            ...(response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : []),
          ].map((error) => String(error.extensions?.['code'] ?? 'UNKNOWN'));
          log.debug(
            {
              requestId: contextValue.requestId,
              client: contextValue.clientName,
              operationName: operationName ?? null,
              operationType: operation?.operation ?? null,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              ...(codes.length ? { errorCodes: [...new Set(codes)] } : {}),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
