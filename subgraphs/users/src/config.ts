import { z } from 'zod';
import { eventsEnv } from '@cinegraph/events';
import { env, loadConfig, subgraphEnv } from '@cinegraph/service-kit';

export function loadUsersConfig(source: Record<string, string | undefined>) {
  return loadConfig(
    {
      ...subgraphEnv,
      ...eventsEnv,
      PORT: env.port(4001),
      /** PKCS#8 PEM of the ES256 signing key (newlines may be written as \n). */
      JWT_PRIVATE_KEY: z.string().min(1).optional(),
      /** Where development keeps a generated key when JWT_PRIVATE_KEY is not set. */
      JWT_KEY_FILE: z.string().min(1).default('.cinegraph/jwt-signing-key.pem'),
      ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
      REFRESH_TOKEN_TTL_SECONDS: z.coerce
        .number()
        .int()
        .min(60)
        .default(30 * 24 * 3600),
      LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
      LOGIN_WINDOW_SECONDS: z.coerce
        .number()
        .int()
        .min(1)
        .default(15 * 60),
    },
    source,
  );
}

export type UsersConfig = ReturnType<typeof loadUsersConfig>;
