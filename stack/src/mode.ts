import { connect } from 'amqplib';
import { Redis } from 'ioredis';
import pg from 'pg';
import { StartupFailure } from './startupFailure.ts';

export type RequestedMode = 'services' | 'embedded' | 'auto';

export interface ModeChoice {
  mode: 'services' | 'embedded';
  /** One line for the start-up banner. */
  reason: string;
}

export interface ServiceUrls {
  postgresUrl: string;
  redisUrl: string;
  amqpUrl: string;
}

const PROBE_TIMEOUT_MS = 2_000;

/** Resolves with null when the service answers, or with why it did not. */
async function probe(name: string, attempt: () => Promise<void>): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`${name} did not answer within ${PROBE_TIMEOUT_MS} ms`),
      PROBE_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      attempt().then(
        () => null,
        (error: Error) => `${name} did not answer (${error.message || error.name})`,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether PostgreSQL, Redis and RabbitMQ each answer at the given URLs: the reasons they do not. */
export async function probeServices(urls: ServiceUrls): Promise<string[]> {
  const results = await Promise.all([
    probe('PostgreSQL', async () => {
      const client = new pg.Client({
        connectionString: urls.postgresUrl,
        connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => {});
      }
    }),
    probe('Redis', async () => {
      const redis = new Redis(urls.redisUrl, {
        lazyConnect: true,
        connectTimeout: PROBE_TIMEOUT_MS,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      redis.on('error', () => {});
      try {
        await redis.connect();
        await redis.ping();
      } finally {
        redis.disconnect();
      }
    }),
    probe('RabbitMQ', async () => {
      const connection = await connect(urls.amqpUrl, { timeout: PROBE_TIMEOUT_MS });
      await connection.close();
    }),
  ]);
  return results.filter((reason): reason is string => reason !== null);
}

/**
 * `CINEGRAPH_MODE`: `services` and `embedded` are taken as asked; `auto` runs services mode
 * when PostgreSQL, Redis and RabbitMQ all answer at the configured (or default) URLs, and
 * embedded mode otherwise, saying which did not.
 */
export async function chooseMode(requested: RequestedMode, urls: ServiceUrls): Promise<ModeChoice> {
  if (requested === 'services') return { mode: 'services', reason: 'CINEGRAPH_MODE=services' };
  if (requested === 'embedded') return { mode: 'embedded', reason: 'CINEGRAPH_MODE=embedded' };
  const missing = await probeServices(urls);
  if (!missing.length)
    return {
      mode: 'services',
      reason: 'CINEGRAPH_MODE=auto, and PostgreSQL, Redis and RabbitMQ all answer',
    };
  return { mode: 'embedded', reason: `CINEGRAPH_MODE=auto, and ${missing.join('; ')}` };
}

/**
 * Services mode needs all three: a StartupFailure with a sentence for each that does not
 * answer, naming the variable that points elsewhere, before anything is migrated.
 */
export async function requireServices(urls: ServiceUrls): Promise<void> {
  const missing = await probeServices(urls);
  if (!missing.length) return;
  const variables: Record<string, string> = {
    PostgreSQL: 'POSTGRES_URL',
    Redis: 'REDIS_URL',
    RabbitMQ: 'AMQP_URL',
  };
  throw new StartupFailure(
    missing.map((reason) => {
      const service = reason.split(' ')[0]!;
      return `${reason}: start it, or point ${variables[service] ?? 'its URL'} at a running one (or run with CINEGRAPH_MODE=embedded, which needs none).`;
    }),
  );
}
