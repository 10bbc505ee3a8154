import { randomBytes } from 'node:crypto';

/** Where the test services are; CI and developer machines run them on the defaults. */
export const testEnvironment = {
  // Tests are the one place outside loadConfig that reads the environment: they pick the
  // servers to run against, as CI does.
  postgresUrl: process.env['TEST_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432',
  redisUrl: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  amqpUrl: process.env['TEST_AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672',
};

/** A short unique name part, so parallel and repeated runs never share a database or key. */
export function uniqueId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}
