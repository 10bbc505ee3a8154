import { Counter } from 'prom-client';
import { startServiceEvents } from '@cinegraph/events';
import { connectKeyspace } from '@cinegraph/keyspace';
import type { Runnable } from '@cinegraph/service-kit';
import {
  createAccessTokenVerifier,
  createLogger,
  createMetrics,
  createPrismaClient,
  createService,
  loadSubgraphSchema,
} from '@cinegraph/service-kit';
import { createAccessTokenIssuer, localKeySet } from './auth/accessTokens.ts';
import { createLoginThrottle } from './auth/loginThrottle.ts';
import { createPasswordHasher } from './auth/passwords.ts';
import { createRefreshTokenStore } from './auth/refreshTokens.ts';
import { loadSigningKey } from './auth/signingKey.ts';
import type { UsersConfig } from './config.ts';
import type { UsersContext } from './context.ts';
import { createContext } from './context.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { resolvers } from './resolvers/index.ts';

/** Wires the users subgraph: database, keyspace (refresh tokens, login throttle), signing key, schema and HTTP routes. */
export async function createUsersService(config: UsersConfig): Promise<Runnable> {
  const key = await loadSigningKey({ pem: config.JWT_PRIVATE_KEY, keyFile: config.JWT_KEY_FILE });
  const logger = createLogger('users', config.LOG_LEVEL);
  const metrics = createMetrics('users');
  const db = createPrismaClient(PrismaClient, config.DATABASE_URL, 10, metrics.registry);
  const keyspace = connectKeyspace(config.REDIS_URL, {
    name: 'users',
    keyPrefix: config.REDIS_KEY_PREFIX,
    logger,
  });
  const events = await startServiceEvents({
    service: 'users',
    config,
    logger,
    registry: metrics.registry,
    publish: true,
  });
  const deps = {
    db,
    issueAccessToken: createAccessTokenIssuer(key, config.ACCESS_TOKEN_TTL_SECONDS),
    refreshTokens: createRefreshTokenStore(keyspace.store, config.REFRESH_TOKEN_TTL_SECONDS),
    loginThrottle: createLoginThrottle(keyspace.store, {
      maxAttempts: config.LOGIN_MAX_ATTEMPTS,
      windowSeconds: config.LOGIN_WINDOW_SECONDS,
      accountMaxAttempts: config.LOGIN_ACCOUNT_MAX_ATTEMPTS,
      registrationsPerHour: config.REGISTRATIONS_PER_HOUR,
    }),
    passwords: createPasswordHasher({
      concurrency: config.PASSWORD_HASH_CONCURRENCY,
      maxWaiting: config.PASSWORD_HASH_MAX_WAITING,
      verifications: new Counter({
        name: 'password_verifications_total',
        help: 'Passwords verified at sign-in, by outcome (match, mismatch).',
        labelNames: ['outcome'] as const,
        registers: [metrics.registry],
      }),
    }),
  };

  const service = await createService<UsersContext>({
    name: 'users',
    logger,
    metrics,
    trustProxy: config.TRUST_PROXY,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    apollo: { schema: loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), resolvers) },
    authenticate: createAccessTokenVerifier(localKeySet(key)),
    context: async (request) => createContext(deps, request.viewer, request.ip),
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      keyspace: () => keyspace.ping(),
      broker: events.readiness,
    },
    routes(app) {
      app.get('/.well-known/jwks.json', async (_request, reply) =>
        reply.header('cache-control', 'public, max-age=300').send({ keys: [key.publicJwk] }),
      );
    },
    async onClose() {
      await events.close();
      await Promise.allSettled([db.$disconnect(), keyspace.close()]);
    },
  });
  return { service, port: config.PORT, host: config.HOST };
}
