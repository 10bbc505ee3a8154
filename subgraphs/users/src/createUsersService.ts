import { Counter } from 'prom-client';
import { startServiceEvents } from '@cinegraph/events';
import type { Runnable } from '@cinegraph/service-kit';
import { createAccessTokenVerifier, createSubgraphService } from '@cinegraph/service-kit';
import { createAccessTokenIssuer, localKeySet } from './auth/accessTokens.ts';
import { createLoginThrottle } from './auth/loginThrottle.ts';
import { createPasswordHasher } from './auth/passwords.ts';
import { createRefreshTokenStore } from './auth/refreshTokens.ts';
import { loadSigningKey } from './auth/signingKey.ts';
import type { UsersConfig } from './config.ts';
import { createContext } from './context.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * The users subgraph: database, keyspace (refresh tokens, login throttle), the signing key
 * (it verifies tokens with it, and serves its public half as the JWKS), schema.
 */
export async function createUsersService(config: UsersConfig): Promise<Runnable> {
  const key = await loadSigningKey({ pem: config.JWT_PRIVATE_KEY, keyFile: config.JWT_KEY_FILE });
  return createSubgraphService({
    name: 'users',
    config,
    PrismaClient,
    schema: { sdl: new URL('./schema.graphql', import.meta.url), resolvers },
    keyspace: 'required',
    authenticate: createAccessTokenVerifier(localKeySet(key)),
    routes(app) {
      app.get('/.well-known/jwks.json', async (_request, reply) =>
        reply.header('cache-control', 'public, max-age=300').send({ keys: [key.publicJwk] }),
      );
    },
    setup({ db, keyspace, metrics }) {
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
      return {
        context: (viewer, request) => createContext(deps, viewer, request.ip),
        events: (base) => startServiceEvents({ ...base, publish: true }),
      };
    },
  });
}
