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
      /** Sign-in attempts one address may make at one account per window. */
      LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
      /** Sign-in attempts at one account from all addresses per window, before it cools down. */
      LOGIN_ACCOUNT_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(20),
      /** New accounts one address may register per hour. */
      REGISTRATIONS_PER_HOUR: z.coerce.number().int().min(1).default(10),
      /** argon2 hashes computed at once (each 19 MiB and a libuv thread). */
      PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).default(2),
      /** Hashes that may wait for one; more are refused with RATE_LIMITED. */
      PASSWORD_HASH_MAX_WAITING: z.coerce.number().int().min(0).default(32),
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
