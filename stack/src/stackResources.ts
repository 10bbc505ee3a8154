import { connect } from 'amqplib';
import { Redis } from 'ioredis';
import { deleteEventTopology } from '@cinegraph/events';
import { dropDatabase } from '@cinegraph/migrator';
import { deleteKeys, testEnvironment } from '@cinegraph/testing';

/**
 * Removes what a throwaway stack (a test file's, a benchmark's) left on the shared
 * services: its databases, its Redis keys, and its exchange and queues.
 */
export async function deleteStackResources(resources: {
  databaseUrls: Iterable<string>;
  redisKeyPrefix: string;
  eventsPrefix: string;
  /** The EVENTS_RETRY_DELAYS_MS the stack ran with (they name its retry queues). */
  retryDelaysMs: number[];
}): Promise<void> {
  await Promise.all([...resources.databaseUrls].map((url) => dropDatabase(url)));
  const redis = new Redis(testEnvironment.redisUrl);
  try {
    await deleteKeys(redis, resources.redisKeyPrefix);
  } finally {
    redis.disconnect();
  }
  const connection = await connect(testEnvironment.amqpUrl);
  try {
    await deleteEventTopology(
      await connection.createChannel(),
      resources.eventsPrefix,
      resources.retryDelaysMs,
    );
  } finally {
    await connection.close();
  }
}
